/** Sensitivity: which drivers move the decision, and by how much. */
import { number, type RowSpec } from './define.js';

export const SENSITIVITY_ROWS: readonly RowSpec[] = [
  {
    id: 'swing',
    flag: '--swing',
    valueName: 'FRACTION',
    path: 'sensitivity.swing',
    group: 'sensitivity',
    commands: ['sensitivity', 'report'],
    description:
      'each driver low and high: its base value -/+ this share of it (a driver at 0 moves by the swing itself)',
    kind: number({
      flag: '--swing',
      accepts: 'a fraction above 0 up to 0.9 (e.g. 0.2 or 20%)',
      min: 0,
      minExclusive: true,
      max: 0.9,
      percent: true,
    }),
    defaultValue: 0.2,
    basis: 'a common tornado range; give per-driver ranges with --range',
  },
  {
    id: 'ranges',
    flag: '--range',
    valueName: 'DRIVER=LOW:HIGH',
    env: 'HASHCALC_RANGES',
    path: 'sensitivity.ranges',
    group: 'sensitivity',
    commands: ['sensitivity', 'report'],
    kind: { type: 'ranges' },
    description:
      "a driver's own low and high, e.g. btc-price=60k:150k (repeatable; env comma-separated; merged with a file's driver by driver)",
  },
  {
    id: 'grid',
    flag: '--grid',
    valueName: 'X,Y',
    path: 'sensitivity.grid',
    group: 'sensitivity',
    commands: ['sensitivity'],
    kind: { type: 'text' },
    description: 'a table of the NPV difference over two drivers, e.g. btc-price,gpu-hour-price',
  },
  {
    id: 'steps',
    flag: '--steps',
    valueName: 'N',
    path: 'sensitivity.steps',
    group: 'sensitivity',
    commands: ['sensitivity'],
    description: "values per grid axis, evenly spaced from the driver's low to its high",
    kind: number({
      flag: '--steps',
      accepts: 'a whole number from 2 to 51 (e.g. 9)',
      min: 2,
      max: 51,
      integer: true,
    }),
    defaultValue: 9,
    basis: 'a grid that fits a terminal',
  },
];
