/** `init`: an example scenario file. Its help, examples and arguments; the implementation (init.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'init',
  description:
    'Write an annotated example scenario file and its JSON Schema (never overwrites without --force)',
  examples: ['npx hashcalc init', 'npx hashcalc init site.json && npx hashcalc compare --scenario site.json'],
  args: [{ name: '[file]', description: 'scenario file to write', defaultValue: 'hashcalc-scenario.json' }],
  load: async () => (await import('./init.js')).runInit,
};
