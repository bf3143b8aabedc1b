/** `cache`: the cache directory and what it holds; --clear. Its help; the implementation (cache.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'cache',
  description:
    "Where the cache directory is and what it holds (network.json entries per source and instance, history.json series), how old, its size; --clear removes hashcalc's files in it",
  examples: [
    'npx hashcalc cache',
    'npx hashcalc cache --clear',
    "npx hashcalc cache --json | jq '.network[] | select(.fresh | not)'",
  ],
  more: "The directory: HASHCALC_CACHE_DIR, else $XDG_CACHE_HOME/hashcalc, else ~/.cache/hashcalc (~/Library/Caches/hashcalc on macOS, %LOCALAPPDATA%\\hashcalc\\Cache on Windows). A corrupt or foreign file is reported as such (a run ignores it and rewrites it). --clear removes only hashcalc's own files (network.json, history.json, temporary files of an interrupted write), never anything else, and the directory only when it is hashcalc's own (not one named by HASHCALC_CACHE_DIR) and left empty; exit 1 when a file could not be removed.",
  load: async () => (await import('./cache.js')).runCache,
};
