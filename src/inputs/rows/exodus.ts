/** exodus: what leaves, and where in the epoch. */
import { number, type RowSpec } from './define.js';

export const EXODUS_ROWS: readonly RowSpec[] = [
  {
    id: 'leavingEhs',
    flag: '--ehs',
    valueName: 'EHS',
    path: 'exodus.leavingEhs',
    group: 'exodus',
    commands: ['exodus'],
    unit: 'EH/s',
    description: "hashrate leaving, EH/s (instead of --mw: the site's fleet)",
    kind: number({
      flag: '--ehs',
      accepts: 'EH/s above 0 and below the network hashrate (e.g. 24.1)',
      min: 0,
      minExclusive: true,
      max: 1e6,
    }),
  },
  {
    id: 'announced',
    flag: '--announced',
    path: 'exodus.announced',
    group: 'exodus',
    commands: ['exodus'],
    kind: { type: 'boolean' },
    description:
      "the announced AI conversions' self-mining hashrate leaves (see hashcalc catalog conversions)",
  },
  {
    id: 'blocksIntoEpoch',
    flag: '--blocks-into-epoch',
    valueName: 'BLOCKS',
    path: 'exodus.blocksIntoEpoch',
    group: 'exodus',
    commands: ['exodus'],
    unit: 'blocks',
    description: 'blocks of the current 2016-block epoch already found (default: live, else from the height)',
    kind: number({
      flag: '--blocks-into-epoch',
      accepts: 'whole blocks from 0 to 2015 (e.g. 1008)',
      min: 0,
      max: 2015,
      integer: true,
    }),
  },
  {
    id: 'pool',
    flag: '--pool',
    valueName: 'NAME',
    path: 'exodus.pool',
    group: 'exodus',
    commands: ['exodus'],
    kind: { type: 'text' },
    description:
      'the pool the leaving hashrate mines with: concentration after it leaves (needs a mempool instance)',
  },
];
