/**
 * The JSON Schemas of the documents and the scenario file, as the build wrote them (dist/schemas, from the zod
 * schemas in src/report/json-schema.ts), so no command loads zod to print one.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { SCHEMA_NAMES } from '../report/documents.js';

/**
 * The schemas are in dist/schemas, beside the bundle; run from source (tests), this module is one folder
 * below the project root's src/, where `npm run build` put dist/.
 */
const SCHEMA_DIRS = [new URL('./schemas/', import.meta.url), new URL('../../dist/schemas/', import.meta.url)];

export async function readJsonSchema(name: string): Promise<string> {
  if (!SCHEMA_NAMES.includes(name)) {
    throw new UsageError(`schema: expected one of ${SCHEMA_NAMES.join(', ')}, got '${name}'`);
  }
  for (const dir of SCHEMA_DIRS) {
    try {
      return await readFile(new URL(`${name}.schema.json`, dir), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dir === SCHEMA_DIRS.at(-1)) throw error;
    }
  }
  throw new Error('unreachable');
}
