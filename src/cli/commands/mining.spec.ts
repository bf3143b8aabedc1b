/** `mining`: ASIC mining economics. Its help, examples and arguments; the implementation (economics.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'mining',
  description: 'ASIC mining economics for a site: revenue, energy, EBITDA, breakevens',
  examples: [
    'npx hashcalc mining --mw 100',
    'npx hashcalc mining --mw 20 --miner "S21 XP:3000" --miner m60s --pool-fee 2%',
    'npx hashcalc mining --mw 100 --power-price 0.06 --btc-price 120k --json',
  ],
  load: async () => (await import('../economics.js')).runEconomics,
};
