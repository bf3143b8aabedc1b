/** `history`: hashprice history. Its help, examples and arguments; the implementation (history.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'history',
  description:
    "Hashprice history: daily USD and BTC per PH/s, the low and high, averages, year to date, a chart, a miner's margin",
  examples: [
    'npx hashcalc history',
    'npx hashcalc history --period 3y --json | jq .stats',
    'npx hashcalc history --since 2025-01-01 --miner s21xp --power-price 0.05',
    'npx hashcalc history --data my-export.csv --format csv',
    'npx hashcalc history --offline --period all',
  ],
  more: "Hashprice per day from the same difficulty-based formula as the live value: 86400 x 1e15 / (difficulty x 2^32) x (subsidy + fees per block), at the day's price; a halving day blends the two subsidies by its blocks. Live days come from a mempool instance and are cached (later runs fetch only the days since); --data reads a CSV (date, difficulty, avgFeesBtcPerBlock, btcUsd, optional blocks) or JSON lines; offline with no cache, the embedded difficulty epochs give the BTC hashprice excluding fees. Gaps stay gaps.",
  load: async () => (await import('./history.js')).runHistory,
};
