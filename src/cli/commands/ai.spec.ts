/** `ai`: AI economics. Its help, examples and arguments; the implementation (economics.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'ai',
  description: 'AI economics for a site: a wholesale lease of IT load and a self-run GPU cloud',
  examples: [
    'npx hashcalc ai --mw 100',
    'npx hashcalc ai --mw 100 --gpu gb200 --gpu-hour-price 9 --utilization 0.9',
  ],
  load: async () => (await import('../economics.js')).runEconomics,
};
