/** `sensitivity`: what would have to be true. Its help, examples and arguments; the implementation (sensitivity.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'sensitivity',
  description:
    'What would have to be true: each driver low and high (tornado), or two drivers over a grid, as NPV vs mining',
  examples: [
    'npx hashcalc sensitivity --mw 341',
    'npx hashcalc sensitivity --mw 341 --swing 30% --range btc-growth=-30%:50%',
    'npx hashcalc sensitivity --mw 341 --grid btc-price,gpu-hour-price --steps 11',
    "npx hashcalc sensitivity --mw 341 --json | jq '.drivers[] | {id, lowValue, highValue}'",
    'npx hashcalc sensitivity --mw 341 --grid btc-price,lease-rate --format csv > grid.csv',
  ],
  more: "Drivers (named by their flags): btc-price, btc-growth, difficulty-growth, power-price, lease-rate, lease-escalator, gpu-hour-price, gpu-price-decline, utilization, gpu-capex, fit-out, conversion-months, discount-rate. Each is set to its low and its high with every other input at its base, and the whole projection is rerun: the bars are each AI option's NPV minus keeping mining's, sorted by how far they move it. A grid marks with * the cells next to a change of sign: the break-even frontier.",
  load: async () => (await import('./sensitivity.js')).runSensitivity,
};
