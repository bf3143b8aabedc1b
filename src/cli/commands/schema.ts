/** `schema <name>`: the JSON Schema of a command's --json output, from the zod schema that defines it. */
import { z } from 'zod';
import { toJson } from '../../output/json.js';
import { OUTPUT_SCHEMAS } from '../../schemas/output.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

export function jsonSchemaFor(name: string): Record<string, unknown> {
  const schema = Object.hasOwn(OUTPUT_SCHEMAS, name)
    ? OUTPUT_SCHEMAS[name as keyof typeof OUTPUT_SCHEMAS]
    : undefined;
  if (!schema) {
    throw new UsageError(`schema: expected one of ${Object.keys(OUTPUT_SCHEMAS).join(', ')}, got '${name}'`);
  }
  return {
    $id: `hashcalc/${name}.schema.json`,
    ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
  };
}

export async function runSchema(name: string, ctx: Context): Promise<number> {
  ctx.stdout.write(toJson(jsonSchemaFor(name)));
  return 0;
}
