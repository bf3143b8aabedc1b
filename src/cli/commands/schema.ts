/** `schema <name>`: the JSON Schema of a command's --json output or of the scenario file. */
import type { CommandCall } from '../command-call.js';
import { readJsonSchema } from '../schema-files.js';

export async function runSchema(call: CommandCall): Promise<number> {
  call.ctx.stdout.write(await readJsonSchema(call.args[0] ?? ''));
  return 0;
}
