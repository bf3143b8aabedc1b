/** `schema <name>`: the JSON Schema of a command's --json output or of the scenario file, from its zod schema. */
import { z } from 'zod';
import { toJson } from '../../output/json.js';
import { OUTPUT_SCHEMAS } from '../../schemas/output.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

export const SCHEMA_NAMES = [...Object.keys(OUTPUT_SCHEMAS), 'scenario'];

export async function scenarioJsonSchema(): Promise<Record<string, unknown>> {
  const [{ buildScenarioSchema }, mini] = await Promise.all([
    import('../scenario-schema.js'),
    import('zod/mini'),
  ]);
  return {
    $id: 'hashcalc/scenario.schema.json',
    ...mini.toJSONSchema(buildScenarioSchema(), { io: 'input' }),
  };
}

export async function jsonSchemaFor(name: string): Promise<Record<string, unknown>> {
  if (name === 'scenario') return scenarioJsonSchema();
  const schema = Object.hasOwn(OUTPUT_SCHEMAS, name)
    ? OUTPUT_SCHEMAS[name as keyof typeof OUTPUT_SCHEMAS]
    : undefined;
  if (!schema) throw new UsageError(`schema: expected one of ${SCHEMA_NAMES.join(', ')}, got '${name}'`);
  return {
    $id: `hashcalc/${name}.schema.json`,
    ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
  };
}

export async function runSchema(name: string, ctx: Context): Promise<number> {
  ctx.stdout.write(toJson(await jsonSchemaFor(name)));
  return 0;
}
