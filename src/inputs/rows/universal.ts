/** Every command: harmless where nothing is fetched or said. */
import { EVERY_COMMAND, type RowSpec } from './define.js';

export const UNIVERSAL_ROWS: readonly RowSpec[] = [
  {
    id: 'offline',
    flag: '--offline',
    path: null,
    group: 'universal',
    commands: EVERY_COMMAND,
    kind: { type: 'boolean' },
    description: 'use no network: the cache, then the embedded snapshot',
    global: true,
  },
  {
    id: 'quiet',
    flag: '--quiet',
    short: '-q',
    env: null,
    path: null,
    group: 'universal',
    commands: EVERY_COMMAND,
    kind: { type: 'boolean' },
    description: 'no notes or warnings on stderr (errors still)',
    global: true,
  },
];
