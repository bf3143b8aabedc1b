/** `schema`: the JSON Schema of an output. Its help, examples and arguments; the implementation (schema.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'schema',
  description: "Print the JSON Schema of a command's --json output (for validation and editor completion)",
  examples: [
    'npx hashcalc schema compare > compare.schema.json',
    'npx hashcalc schema hashprice | jq .properties',
  ],
  args: [
    {
      name: '<name>',
      description:
        'project, sensitivity, history, exodus, hashprice, network, compare, mining, ai, catalog, check (outputs) or scenario (the input file)',
    },
  ],
  load: async () => (await import('./schema.js')).runSchema,
};
