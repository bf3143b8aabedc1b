/**
 * The package's public API (package.json `exports` "."): what the CLI itself runs, as functions.
 *   inputs -> `inputsFor(command, values)` and the resolvers (`resolveEconomics`, `resolveProjectionSite`, ...)
 *   data   -> `embeddedSnapshot()` (the network as embedded; the CLI fetches live data itself)
 *   site   -> `siteEconomics`, `projectSiteResult`, `siteSensitivity`, `siteStrategy`, `siteExodus`, ...
 *   report -> the builders of the --json documents and their zod schemas and types
 *   core   -> the pure economics (hashprice, subsidy, mining, AI, NPV and IRR)
 * A list of re-exports only: the build bundles it as dist/index.js with declarations in dist/types/. Nothing
 * here may import src/cli (.dependency-cruiser.cjs).
 */

export * from './core/ai.js';
export * from './core/bitcoin.js';
export { type IrrResult, irr, npv, npvMonthly } from './core/finance.js';
export * from './core/hashprice.js';
export * from './core/mining.js';
export { embeddedSnapshot } from './data/snapshot.js';
export type { NetworkSnapshot } from './data/types.js';
export { inputsFor, type LayeredInputs } from './inputs/layers.js';
export {
  type Assumptions,
  type EconomicsCommand,
  type EconomicsSelection,
  type ProjectionSettings,
  type ResolvedSite,
  resolveEconomics,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveProjection,
  resolveProjectionSite,
  resolveSimulation,
  resolveSite,
} from './inputs/resolve.js';
export * from './report/cache-schema.js';
export * from './report/config-schema.js';
export * from './report/doctor-schema.js';
export { DOCUMENT_NAMES, DOCUMENT_VERSIONS } from './report/documents.js';
export { economicsCsvRecords, siteEconomicsReport } from './report/economics.js';
export * from './report/exodus-schema.js';
export * from './report/history-schema.js';
export { hashpriceReport, networkCommandReport, networkReport } from './report/network.js';
export { projectCsvRecords, projectionReport } from './report/projection.js';
export * from './report/schemas.js';
export * from './report/sensitivity-schema.js';
export { strategyCsvRecords, strategyReport } from './report/strategy.js';
export * from './report/strategy-schema.js';
export * from './site/index.js';
