/**
 * `schema <name>`: the JSON Schema of a command's --json output or of the scenario file. The schemas are
 * generated from the zod schemas at build time (dist/schemas), so this command loads no zod at all.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { COMMAND_NAMES, type CommandName } from '../../inputs/table.js';
import type { CommandCall } from '../command-call.js';

/** Commands that print no JSON document of their own. */
const NO_OUTPUT_SCHEMA: readonly CommandName[] = ['init', 'schema', 'completion'];

/** Every command's output, and the scenario file. Kept in step with src/cli/json-schemas.ts by a test. */
export const SCHEMA_NAMES: readonly string[] = [
  ...COMMAND_NAMES.filter((name) => !NO_OUTPUT_SCHEMA.includes(name)),
  'scenario',
];

/**
 * The schemas are in dist/schemas, beside the bundle; run from source (tests), this module is two folders
 * below the project root, where `npm run build` put dist/.
 */
const SCHEMA_DIRS = [
  new URL('./schemas/', import.meta.url),
  new URL('../../../dist/schemas/', import.meta.url),
];

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

export async function runSchema(call: CommandCall): Promise<number> {
  call.ctx.stdout.write(await readJsonSchema(call.args[0] ?? ''));
  return 0;
}
