/** `catalog`: the data and its sources. Its help, examples and arguments; the implementation (catalog.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'catalog',
  description:
    'List the data hashcalc uses, each figure with its public source and date: miners, gpus, deals, conversions, defaults',
  examples: [
    'npx hashcalc catalog miners',
    'npx hashcalc catalog gpus --json',
    'npx hashcalc catalog deals',
    'npx hashcalc catalog conversions',
    'npx hashcalc catalog --stale 180d',
  ],
  more: 'With --stale DURATION (and no kind): exit 3 when any dated figure is older than that, listing them; 0 otherwise.',
  args: [{ name: '[kind]', description: 'miners, gpus, deals, conversions or defaults' }],
  load: async () => (await import('./catalog.js')).runCatalog,
};
