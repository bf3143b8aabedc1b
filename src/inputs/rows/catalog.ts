/** catalog. */
import type { RowSpec } from './define.js';

export const CATALOG_ROWS: readonly RowSpec[] = [
  {
    id: 'stale',
    flag: '--stale',
    valueName: 'DURATION',
    valueOptional: true,
    path: null,
    group: 'catalog',
    commands: ['catalog'],
    unit: 'ms',
    kind: {
      type: 'duration',
      bare: 's',
      minMs: 86_400_000,
      maxMs: 100 * 365 * 86_400_000,
      accepts: 'a duration of at least 1 day (e.g. 180d, 26w)',
    },
    description:
      'exit 3 when a dated catalog figure (price, rent, hashrate, status) is older than this, listing them (e.g. 180d); ' +
      'with no duration, older than its refresh cadence (prices and rents 365 days, company reports 180; docs/data.md)',
  },
];
