/**
 * JSON Schemas from the zod schemas. Used at build time (scripts/build.mjs writes dist/schemas/*.json) and by
 * tests; never at run time, so zod's JSON Schema code stays out of the CLI bundle.
 */
import { toJSONSchema, type ZodMiniType } from 'zod/mini';
import { buildScenarioSchema } from '../inputs/scenario-schema.js';
import { cacheOutputSchema } from '../report/cache-schema.js';
import { configOutputSchema } from '../report/config-schema.js';
import { doctorOutputSchema } from '../report/doctor-schema.js';
import { type DocumentName, SCHEMA_NAMES } from '../report/documents.js';
import { exodusOutputSchema } from '../report/exodus-schema.js';
import { historyOutputSchema } from '../report/history-schema.js';
import { OUTPUT_SCHEMAS as SHARED } from '../report/schemas.js';
import { sensitivityOutputSchema } from '../report/sensitivity-schema.js';
import { strategyOutputSchema } from '../report/strategy-schema.js';

/**
 * Every document's schema, by its name in the registry (src/report/documents.ts): a document missing here
 * does not compile. Exodus, history and sensitivity keep their own modules.
 */
const OUTPUT_SCHEMAS: Record<DocumentName, ZodMiniType> = {
  ...SHARED,
  config: configOutputSchema,
  cache: cacheOutputSchema,
  doctor: doctorOutputSchema,
  exodus: exodusOutputSchema,
  history: historyOutputSchema,
  sensitivity: sensitivityOutputSchema,
  strategy: strategyOutputSchema,
};

export { SCHEMA_NAMES };

export function jsonSchemaFor(name: string): Record<string, unknown> {
  if (name === 'scenario') {
    return { $id: 'hashcalc/scenario.schema.json', ...toJSONSchema(buildScenarioSchema(), { io: 'input' }) };
  }
  const schema = Object.hasOwn(OUTPUT_SCHEMAS, name)
    ? OUTPUT_SCHEMAS[name as keyof typeof OUTPUT_SCHEMAS]
    : undefined;
  if (!schema) throw new RangeError(`no schema named '${name}'`);
  return {
    $id: `hashcalc/${name}.schema.json`,
    ...toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
  };
}

/** Every schema by name, as written into dist/schemas at build time. */
export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(SCHEMA_NAMES.map((name) => [name, jsonSchemaFor(name)]));
}
