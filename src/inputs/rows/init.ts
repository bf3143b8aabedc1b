/** init. */
import type { RowSpec } from './define.js';

export const INIT_ROWS: readonly RowSpec[] = [
  {
    id: 'force',
    flag: '--force',
    env: null,
    path: null,
    group: 'init',
    commands: ['init'],
    kind: { type: 'boolean' },
    description: 'overwrite existing files',
  },
  {
    id: 'stdout',
    flag: '--stdout',
    env: null,
    path: null,
    group: 'init',
    commands: ['init'],
    kind: { type: 'boolean' },
    description: 'print the example instead of writing files',
  },
];
