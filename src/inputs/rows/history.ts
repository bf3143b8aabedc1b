/** history: which days, from where. */
import type { RowSpec } from './define.js';

export const HISTORY_ROWS: readonly RowSpec[] = [
  {
    id: 'period',
    flag: '--period',
    valueName: 'PERIOD',
    path: 'history.period',
    group: 'history',
    commands: ['history'],
    kind: { type: 'choice', choices: ['30d', '90d', '1y', '3y', 'all'] },
    description: 'how far back from --until (or today): 30d, 90d, 1y, 3y or all',
    defaultValue: '1y',
    basis: 'a year shows the cycle and the year-to-date change',
  },
  {
    id: 'since',
    flag: '--since',
    valueName: 'DATE',
    path: 'history.since',
    group: 'history',
    commands: ['history'],
    kind: { type: 'date' },
    description: 'first day (YYYY-MM-DD, UTC; instead of --period)',
  },
  {
    id: 'until',
    flag: '--until',
    valueName: 'DATE',
    path: 'history.until',
    group: 'history',
    commands: ['history'],
    kind: { type: 'date' },
    description: 'last day (YYYY-MM-DD, UTC; default today)',
  },
  {
    id: 'historyData',
    flag: '--data',
    valueName: 'FILE',
    path: 'history.data',
    group: 'history',
    commands: ['history', 'report'],
    kind: { type: 'file' },
    description:
      'daily data from a file instead of a mempool instance (report: instead of the embedded monthly series, for the hashprice history): CSV with a header (date, difficulty, avgFeesBtcPerBlock, btcUsd, optional blocks) or JSON lines',
  },
];
