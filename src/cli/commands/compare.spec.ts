/** `compare`: the three options side by side. Its help, examples and arguments; the implementation (economics.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'compare',
  description: 'Mining vs AI lease vs GPU cloud for one site, side by side, per kWh and per year',
  examples: [
    'npx hashcalc compare --mw 341',
    'npx hashcalc compare --mw 341 --power-price 0.045 --miner s21xp --gpu b200 --utilization 80%',
    'npx hashcalc compare --mw 100 --lease-rate 180 --pue-ai 1.25 --landlord-pays-power',
    "npx hashcalc compare --mw 341 --json | jq '.options[] | {id, ebitdaUsdPerKwh}'",
  ],
  load: async () => (await import('../economics.js')).runEconomics,
};
