/** Mining. */
import { DEFAULT_MINER_ID } from '../../catalog/miners.js';
import { fraction, MINING_COMMANDS, number, type RowSpec } from './define.js';

export const MINING_ROWS: readonly RowSpec[] = [
  {
    id: 'fleet',
    flag: '--miner',
    valueName: 'MODEL[:COUNT]',
    path: 'fleet',
    group: 'mining',
    commands: [...MINING_COMMANDS, 'history'],
    kind: { type: 'fleet' },
    description:
      'ASIC model, repeatable for a mixed fleet; without a count the site is filled (env: comma-separated)',
    defaultValue: DEFAULT_MINER_ID,
    basis: 'current air-cooled flagship, filling the site',
  },
  {
    id: 'poolFee',
    flag: '--pool-fee',
    valueName: 'FRACTION',
    path: 'mining.poolFee',
    group: 'mining',
    commands: [...MINING_COMMANDS, 'history'],
    description: 'pool fee, 0.025 or 2.5%',
    kind: fraction('--pool-fee', '[0,1)', '0.025'),
    defaultValue: 0.025,
    basis: 'FPPS pools 0.7-4%',
  },
  {
    id: 'uptime',
    flag: '--uptime',
    valueName: 'FRACTION',
    path: 'mining.uptime',
    group: 'mining',
    commands: MINING_COMMANDS,
    description: 'share of the year the fleet hashes',
    kind: fraction('--uptime', '(0,1]', '0.98'),
    defaultValue: 0.98,
    basis: 'downtime and curtailment ~2%',
  },
  {
    id: 'pueMining',
    flag: '--pue-mining',
    valueName: 'RATIO',
    path: 'mining.pueMining',
    group: 'mining',
    commands: MINING_COMMANDS,
    description: 'grid MW per MW of miners',
    kind: number({ flag: '--pue-mining', accepts: 'a ratio from 1 to 3 (e.g. 1.05)', min: 1, max: 3 }),
    defaultValue: 1.05,
    basis: 'air-cooled mining ~1.05',
  },
  {
    id: 'minerPriceUsdPerTh',
    flag: '--miner-price',
    valueName: 'USD_PER_TH',
    path: 'mining.minerPriceUsdPerTh',
    group: 'mining',
    // Not exodus: the fleet that stays reports its revenue and EBITDA, never what the miners cost.
    commands: MINING_COMMANDS.filter((c) => c !== 'exodus'),
    unit: 'USD per TH/s',
    description: "miner capex in USD per TH/s (default: the model's dated catalog price)",
    kind: number({
      flag: '--miner-price',
      accepts: 'USD per TH/s from 0 to 1000 (e.g. 15.5)',
      min: 0,
      max: 1000,
    }),
  },
  {
    id: 'miningOpexUsdPerMwh',
    flag: '--mining-opex',
    valueName: 'USD_PER_MWH',
    path: 'mining.otherOpexUsdPerMwh',
    group: 'mining',
    commands: MINING_COMMANDS,
    unit: 'USD per MWh',
    description:
      "mining's other cash costs (staff, maintenance, insurance, pool and site G&A) per MWh the fleet draws",
    kind: number({
      flag: '--mining-opex',
      accepts: 'USD per MWh from 0 to 1000 (e.g. 10)',
      min: 0,
      max: 1000,
    }),
    defaultValue: 8,
    basis:
      "Riot's other direct cost of mining (staff, insurance, repairs, ground lease, property tax) ~$8.2/MWh, Q1 2025",
  },
];
