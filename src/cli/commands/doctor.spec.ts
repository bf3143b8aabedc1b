/** `doctor`: checks of what hashcalc depends on. Its help; the implementation (doctor.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'doctor',
  description:
    'Check what hashcalc depends on: Node, the config file, the cache, the proxy and each live source (exit 1 when a check fails)',
  examples: [
    'npx hashcalc doctor',
    'npx hashcalc doctor --mempool-url http://umbrel.local:3006 --timeout 10s',
    'npx hashcalc doctor --json | jq \'.checks[] | select(.status != "ok")\'',
  ],
  more: 'Each check is ok, warn, fail or skip, with one line of detail: the Node version (>= 20.18; the compile cache from 22.1), the config file (where, present, valid), the cache directory (where, writable, its files readable and within size), the proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY; never a password) and each live source (the mempool instance, blockchain.info, CoinGecko) reached or not and how long it took, asked as any command asks them (the same proxy and --timeout). --offline skips the sources. Exit 0 when no check fails, 1 when one does.',
  load: async () => (await import('./doctor.js')).runDoctor,
};
