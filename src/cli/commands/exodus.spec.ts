/** `exodus`: hashrate leaving for AI. Its help, examples and arguments; the implementation (exodus.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'exodus',
  description:
    'If hashrate leaves for AI: the retarget delay, the difficulty change, the uplift for those who stay, pool concentration',
  examples: [
    'npx hashcalc exodus --mw 341',
    'npx hashcalc exodus --ehs 50 --blocks-into-epoch 1008',
    'npx hashcalc exodus --announced --mw 100 --miner s21xp',
    'npx hashcalc exodus --ehs 30 --pool foundryusa --mempool-url http://umbrel.local:3006 --json',
  ],
  more: "Hashprice is difficulty-based: the miners who stay earn the same per PH/s until the retarget (blocks just come slower), then more by the inverse of the difficulty change. The retarget follows Bitcoin Core's rule: the span of 2015 intervals against 2016 x 600 s, clamped to 4x. Pool shares are the last week's blocks from the mempool instance.",
  load: async () => (await import('./exodus.js')).runExodus,
};
