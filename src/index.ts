/**
 * The package's public API (package.json `exports` "."): the --json contract's zod schemas and their types,
 * and the pure economics of the core. A list of re-exports only: the build bundles it as dist/index.js with
 * its declarations in dist/types/. Nothing here may import src/cli (.dependency-cruiser.cjs).
 */

export * from './core/ai.js';
export * from './core/bitcoin.js';
export { type IrrResult, irr, npv, npvMonthly } from './core/finance.js';
export * from './core/hashprice.js';
export * from './core/mining.js';
export * from './report/exodus-schema.js';
export * from './report/history-schema.js';
export * from './report/schemas.js';
export * from './report/sensitivity-schema.js';
