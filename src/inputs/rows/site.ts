/** Site. */
import { number, type RowSpec, SITE_COMMANDS } from './define.js';

export const SITE_ROWS: readonly RowSpec[] = [
  {
    id: 'siteMw',
    flag: '--mw',
    valueName: 'MW',
    path: 'site.mw',
    group: 'site',
    commands: SITE_COMMANDS,
    unit: 'MW',
    description: "site's grid power envelope in MW",
    kind: number({
      flag: '--mw',
      accepts: 'megawatts above 0 up to 100000 (e.g. 341)',
      min: 0,
      minExclusive: true,
      max: 100_000,
      suffixes: true,
    }),
    defaultValue: 100,
    basis: 'a 100 MW site',
  },
  {
    id: 'powerUsdPerKwh',
    flag: '--power-price',
    valueName: 'USD_PER_KWH',
    path: 'site.powerUsdPerKwh',
    group: 'site',
    commands: [...SITE_COMMANDS, 'history'],
    unit: 'USD/kWh',
    description: 'power price in USD per kWh',
    kind: number({
      flag: '--power-price',
      accepts: 'USD per kWh from 0 to 2 (e.g. 0.04; $/MWh divided by 1000)',
      min: 0,
      max: 2,
    }),
    defaultValue: 0.04,
    basis:
      'large US miner contracts $0.03-0.056/kWh (Cipher 3.1c, TeraWulf ~5c in 2025; CleanSpark 5.6c, Q4 2025)',
  },
];
