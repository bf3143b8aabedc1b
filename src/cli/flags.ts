/**
 * Every numeric input flag: its text for --help, what it accepts, and its default with the basis for it.
 * Data only (no parsing code), so the program can describe all flags without loading validation code.
 */
import type { NumberSpec } from './parse.js';

export interface FlagDef {
  /** Commander attribute name (camelCase of the long flag). */
  key: string;
  /** Where the value lives in a scenario or config file, e.g. 'site.mw'. */
  path: string;
  /** Commander flags text, e.g. '--mw <MW>'. */
  flags: string;
  description: string;
  spec: NumberSpec;
  /** undefined: taken from the catalog entry (or none). */
  defaultValue?: number;
  /** Why the default is what it is; shown in output next to the value. */
  basis?: string;
}

const fraction = (flag: string, range: '[0,1)' | '(0,1]', example: string): NumberSpec => ({
  flag,
  accepts: `a fraction ${range === '[0,1)' ? 'from 0 to below 1' : 'above 0 up to 1'} (e.g. ${example} or ${Math.round(Number(example) * 1000) / 10}%)`,
  min: 0,
  minExclusive: range === '(0,1]',
  max: 1,
  maxExclusive: range === '[0,1)',
  percent: true,
});

/** HASHCALC_MW for --mw, HASHCALC_POWER_PRICE for --power-price. */
export function envNameFor(flag: string): string {
  return `HASHCALC_${flag.replace(/^--/, '').replace(/-/g, '_').toUpperCase()}`;
}

export const NETWORK_FLAGS = {
  btcUsd: {
    key: 'btcPrice',
    path: 'network.btcUsd',
    flags: '--btc-price <USD>',
    description: 'BTC price in USD (overrides data)',
    spec: {
      flag: '--btc-price',
      accepts: 'a BTC price in USD above 0 (e.g. 84775 or 84.8k)',
      min: 0,
      minExclusive: true,
      max: 1e8,
      suffixes: true,
    },
  },
  difficulty: {
    key: 'difficulty',
    path: 'network.difficulty',
    flags: '--difficulty <D>',
    description: 'network difficulty, e.g. 152.27T or 152.27e12 (overrides data)',
    spec: {
      flag: '--difficulty',
      accepts: 'a difficulty of at least 1, the protocol minimum (e.g. 152.27T or 152.27e12)',
      min: 1,
      max: 1e21,
      suffixes: true,
    },
  },
  heightBlocks: {
    key: 'height',
    path: 'network.heightBlocks',
    flags: '--height <BLOCKS>',
    description: 'block height, sets the subsidy (overrides data)',
    spec: {
      flag: '--height',
      accepts: 'a whole block height from 0 to 10000000 (e.g. 924700)',
      min: 0,
      max: 10_000_000,
      integer: true,
    },
  },
  avgFeesBtcPerBlock: {
    key: 'feesBtc',
    path: 'network.avgFeesBtcPerBlock',
    flags: '--fees-btc <BTC>',
    description: 'average transaction fees per block in BTC (overrides data)',
    spec: { flag: '--fees-btc', accepts: 'BTC per block from 0 to 50 (e.g. 0.021)', min: 0, max: 50 },
  },
} as const satisfies Record<string, FlagDef>;

export const SITE_FLAGS = {
  siteMw: {
    key: 'mw',
    path: 'site.mw',
    flags: '--mw <MW>',
    description: "site's grid power envelope in MW",
    spec: {
      flag: '--mw',
      accepts: 'megawatts above 0 up to 100000 (e.g. 341)',
      min: 0,
      minExclusive: true,
      max: 100_000,
      suffixes: true,
    },
    defaultValue: 100,
    basis: 'a 100 MW site',
  },
  powerUsdPerKwh: {
    key: 'powerPrice',
    path: 'site.powerUsdPerKwh',
    flags: '--power-price <USD_PER_KWH>',
    description: 'power price in USD per kWh',
    spec: {
      flag: '--power-price',
      accepts: 'USD per kWh from 0 to 2 (e.g. 0.04; $/MWh divided by 1000)',
      min: 0,
      max: 2,
    },
    defaultValue: 0.04,
    basis: 'large US miner contracts $0.03-0.05/kWh',
  },
} as const satisfies Record<string, FlagDef>;

export const MINING_FLAGS = {
  poolFee: {
    key: 'poolFee',
    path: 'mining.poolFee',
    flags: '--pool-fee <FRACTION>',
    description: 'pool fee, 0.025 or 2.5%',
    spec: fraction('--pool-fee', '[0,1)', '0.025'),
    defaultValue: 0.025,
    basis: 'FPPS pools 0.7-4%',
  },
  uptime: {
    key: 'uptime',
    path: 'mining.uptime',
    flags: '--uptime <FRACTION>',
    description: 'share of the year the fleet hashes',
    spec: fraction('--uptime', '(0,1]', '0.98'),
    defaultValue: 0.98,
    basis: 'downtime and curtailment ~2%',
  },
  pueMining: {
    key: 'pueMining',
    path: 'mining.pueMining',
    flags: '--pue-mining <RATIO>',
    description: 'grid MW per MW of miners',
    spec: { flag: '--pue-mining', accepts: 'a ratio from 1 to 3 (e.g. 1.05)', min: 1, max: 3 },
    defaultValue: 1.05,
    basis: 'air-cooled mining ~1.05',
  },
  minerPriceUsdPerTh: {
    key: 'minerPrice',
    path: 'mining.minerPriceUsdPerTh',
    flags: '--miner-price <USD_PER_TH>',
    description: 'miner capex in USD per TH/s (default: catalog price, else $15.5)',
    spec: { flag: '--miner-price', accepts: 'USD per TH/s from 0 to 1000 (e.g. 15.5)', min: 0, max: 1000 },
  },
} as const satisfies Record<string, FlagDef>;

export const AI_FLAGS = {
  pueAi: {
    key: 'pueAi',
    path: 'ai.pueAi',
    flags: '--pue-ai <RATIO>',
    description: 'grid MW per MW of critical IT load for AI',
    spec: { flag: '--pue-ai', accepts: 'a ratio from 1 to 3 (e.g. 1.3)', min: 1, max: 3 },
    defaultValue: 1.3,
    basis: 'miner-site conversions 1.25-1.45; liquid-cooled 1.18-1.3',
  },
  fitOutUsdPerMwIt: {
    key: 'fitOut',
    path: 'ai.fitOutUsdPerMwIt',
    flags: '--fit-out <USD_PER_MW_IT>',
    description: 'AI build-out capex per MW of IT, excluding GPUs (e.g. 10M)',
    spec: {
      flag: '--fit-out',
      accepts: 'USD per MW of IT from 0 to 1B (e.g. 10M or 10000000)',
      min: 0,
      max: 1e9,
      suffixes: true,
    },
    defaultValue: 10_000_000,
    basis: 'miner-site conversions $8-11M/MW IT; greenfield $9.3-15M',
  },
  leaseUsdPerKwMonth: {
    key: 'leaseRate',
    path: 'lease.leaseUsdPerKwMonth',
    flags: '--lease-rate <USD_PER_KW_MONTH>',
    description: 'lease rate per kW-month of critical IT load',
    spec: {
      flag: '--lease-rate',
      accepts: 'USD per kW-month above 0 up to 2000 (e.g. 150)',
      min: 0,
      minExclusive: true,
      max: 2000,
    },
    defaultValue: 150,
    basis: 'median miner-to-AI lease ~$149; market asking $184-195',
  },
  occupancy: {
    key: 'occupancy',
    path: 'lease.occupancy',
    flags: '--occupancy <FRACTION>',
    description: 'share of IT capacity leased and billed',
    spec: fraction('--occupancy', '(0,1]', '0.95'),
    defaultValue: 1,
    basis: 'fully contracted lease',
  },
  leaseOtherOpexShare: {
    key: 'leaseOpexShare',
    path: 'lease.otherOpexShare',
    flags: '--lease-opex-share <FRACTION>',
    description: "landlord's other opex as a share of lease revenue",
    spec: fraction('--lease-opex-share', '[0,1)', '0.15'),
    defaultValue: 0.15,
    basis: 'landlord NOI margin 80-90%',
  },
  gpuUsdPerHour: {
    key: 'gpuHourPrice',
    path: 'gpuCloud.gpuUsdPerHour',
    flags: '--gpu-hour-price <USD>',
    description: 'GPU rental price per GPU-hour (default: catalog reference)',
    spec: {
      flag: '--gpu-hour-price',
      accepts: 'USD per GPU-hour above 0 up to 1000 (e.g. 2.5)',
      min: 0,
      minExclusive: true,
      max: 1000,
    },
  },
  utilization: {
    key: 'utilization',
    path: 'gpuCloud.utilization',
    flags: '--utilization <FRACTION>',
    description: 'billed share of GPU-hours',
    spec: fraction('--utilization', '(0,1]', '0.85'),
    defaultValue: 0.85,
    basis: 'GPU sellers bill 70-95%',
  },
  kwPerGpu: {
    key: 'kwPerGpu',
    path: 'gpuCloud.kwPerGpu',
    flags: '--kw-per-gpu <KW>',
    description: 'system-level kW per GPU (default: catalog)',
    spec: {
      flag: '--kw-per-gpu',
      accepts: 'kW per GPU above 0 up to 50 (e.g. 1.275)',
      min: 0,
      minExclusive: true,
      max: 50,
    },
  },
  gpuCapexUsdPerGpu: {
    key: 'gpuCapex',
    path: 'gpuCloud.capexUsdPerGpu',
    flags: '--gpu-capex <USD_PER_GPU>',
    description: 'GPU capex per GPU, server share included (default: catalog)',
    spec: {
      flag: '--gpu-capex',
      accepts: 'USD per GPU from 0 to 10M (e.g. 27.5k)',
      min: 0,
      max: 1e7,
      suffixes: true,
    },
  },
  gpuOtherOpexShare: {
    key: 'gpuOpexShare',
    path: 'gpuCloud.otherOpexShare',
    flags: '--gpu-opex-share <FRACTION>',
    description: 'GPU cloud other opex (staff, network, software) as a share of revenue',
    spec: fraction('--gpu-opex-share', '[0,1)', '0.2'),
    defaultValue: 0.2,
    basis: 'GPU-cloud project EBITDA 60-85%',
  },
} as const satisfies Record<string, FlagDef>;
