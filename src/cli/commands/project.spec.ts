/** `project`: decisions over time. Its help, examples and arguments; the implementation (project.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'project',
  description:
    'Decisions over time: NPV, IRR, payback and cash per option over the years, the halving included',
  examples: [
    'npx hashcalc project --mw 341 --years 5',
    'npx hashcalc project --mw 341 --years 10 --difficulty-growth 2% --btc-growth 15% --discount-rate 12%',
    'npx hashcalc project --mw 100 --fleet new --conversion-months 18 --gpu-price-decline 30%',
    "npx hashcalc project --mw 341 --json | jq '.options[] | {id, npvUsd, irr, paybackMonths}'",
    'npx hashcalc project --mw 341 --format csv > months.csv',
    "npx hashcalc project --mw 341 --simulations 100000 --json | jq '.simulation.options[] | {id, probabilityBeatsMining}'",
  ],
  more: "Conventions: monthly steps of a twelfth of a 365-day year; each month's cash lands at its end; capex when spent (month 0 is today); NPV discounts month m by (1 + rate)^(-m/12) with month 0 undiscounted (numpy-financial, not Excel); IRR is annualized as (1 + monthly IRR)^12 - 1 and, when several rates solve it, the one closest to 0 is reported. The chain is simulated by difficulty epochs (Bitcoin Core's retarget rule), so the halving lands on its block. With --simulations N: a Monte Carlo of BTC/USD (geometric Brownian motion), the network hashrate (correlated with BTC) and GPU rent, month by month over the same flows: NPV mean and percentiles per option, the chance each AI option beats keeping mining, the chance of never paying back; the same --seed gives the same figures with any --workers.",
  load: async () => (await import('./project.js')).runProject,
};
