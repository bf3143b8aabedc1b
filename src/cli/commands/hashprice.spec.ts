/** `hashprice`: hashprice now. Its help, examples and arguments; the implementation (hashprice.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'hashprice',
  description: 'Hashprice now: USD and BTC per PH/s per day from difficulty, subsidy, fees and BTC price',
  examples: ['npx hashcalc hashprice', 'npx hashcalc hashprice --difficulty 149.30T --btc-price 90k --json'],
  load: async () => (await import('./hashprice.js')).runHashprice,
};
