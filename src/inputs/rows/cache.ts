/** cache. */
import type { RowSpec } from './define.js';

export const CACHE_ROWS: readonly RowSpec[] = [
  {
    id: 'clear',
    flag: '--clear',
    // No variable, no file key: clearing is asked for on the command line, never left set in a shell.
    env: null,
    path: null,
    group: 'cache',
    commands: ['cache'],
    kind: { type: 'boolean' },
    description:
      "remove hashcalc's own cache files (network.json, history.json, leftover temporary files) and say what was removed",
  },
];
