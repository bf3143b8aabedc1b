/**
 * `schema <name>`: the JSON Schema of a command's --json output or of the scenario file. The schemas are
 * generated from the zod schemas at build time (dist/schemas), so this command loads no zod at all.
 */
import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** Kept in step with src/schemas/json-schema.ts by a test. */
export const SCHEMA_NAMES = [
  'hashprice',
  'network',
  'compare',
  'mining',
  'ai',
  'catalog',
  'check',
  'scenario',
] as const;

/** The bundle is dist/hashcalc.cjs; the schemas are in dist/schemas. */
const SCHEMA_DIR = new URL('./schemas/', import.meta.url);

export async function readJsonSchema(name: string): Promise<string> {
  if (!SCHEMA_NAMES.includes(name as (typeof SCHEMA_NAMES)[number])) {
    throw new UsageError(`schema: expected one of ${SCHEMA_NAMES.join(', ')}, got '${name}'`);
  }
  return readFile(new URL(`${name}.schema.json`, SCHEMA_DIR), 'utf8');
}

export async function runSchema(name: string, ctx: Context): Promise<number> {
  ctx.stdout.write(await readJsonSchema(name));
  return 0;
}
