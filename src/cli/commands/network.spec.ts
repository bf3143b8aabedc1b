/** `network`: the network state. Its help, examples and arguments; the implementation (network.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'network',
  description:
    'Network state: height, difficulty, hashrate, price, fees, hashprice, next retarget and halving',
  examples: [
    'npx hashcalc network',
    'npx hashcalc network --mempool-url http://umbrel.local:3006',
    'npx hashcalc network --json',
  ],
  load: async () => (await import('./network.js')).runNetwork,
};
