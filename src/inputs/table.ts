/**
 * The one input table: every input hashcalc takes, one row each, with its flag, env var, scenario path, what
 * it accepts, unit, default and the basis for that default. Help text, --explain, `assumptions` and
 * `assumptionSources` in JSON, the scenario JSON Schema and its "did you mean" keys, shell completion and the
 * README's env-var list all derive from these rows. Adding an input is one row here plus its use in the core.
 *
 * Data only (no parsing code), so the program can describe every flag without loading validation code.
 */
import { DEFAULT_GPU_ID } from '../catalog/gpus.js';
import { DEFAULT_MINER_ID } from '../catalog/miners.js';
import type { NumberSpec } from './parse.js';

/** What a row's value is, and so how it is parsed from a flag, an env var and a scenario file. */
export type InputKind =
  /** A number with a range (accepts 2.5%, 10M, 84,775 where the spec says so). */
  | { type: 'number'; spec: NumberSpec }
  /** A switch. `negatable`: a --no-FLAG form overrides env, scenario and config. */
  | { type: 'boolean'; negatable?: boolean }
  /** One of a few words. */
  | { type: 'choice'; choices: readonly string[] }
  /** A model in a catalog, matched loosely (s21xp, "S21 XP"). */
  | { type: 'model'; catalog: 'gpus' }
  /** Repeatable MODEL[:COUNT] (env: comma-separated; scenario: an array of { model, count }). */
  | { type: 'fleet' }
  /** A duration: bare numbers are `bare` units; 90s, 10m, 2h, 1d. Parsed to ms. */
  | { type: 'duration'; bare: 'ms' | 's'; minMs: number; maxMs: number; accepts: string }
  /** An http(s) base URL. */
  | { type: 'url'; example: string }
  /** A file path. */
  | { type: 'file' }
  /** A name (matched by the command against what it knows). */
  | { type: 'text' }
  /** A calendar date, YYYY-MM-DD (UTC). */
  | { type: 'date' }
  /** A threshold rule for `check`: a number, or (repeatable) rule text. */
  | { type: 'rule'; repeatable: boolean }
  /**
   * Repeatable DRIVER=LOW:HIGH (env: comma-separated; scenario: an object of driver -> [low, high]); the
   * command checks the driver names and their values.
   */
  | { type: 'ranges' };

/**
 * Which commands take a row: each command lists the groups it uses (see COMMAND_GROUPS). The group is also
 * the help section the flag is shown under.
 */
export type InputGroup =
  | 'universal'
  | 'output'
  | 'inputs'
  | 'site'
  | 'mining'
  | 'ai'
  | 'network'
  | 'data'
  | 'rules'
  | 'projection'
  | 'simulation'
  | 'sensitivity'
  | 'exodus'
  | 'history'
  | 'catalog'
  | 'init';

export interface InputRow {
  /** The input's name in --explain, `assumptions` and `assumptionSources`. */
  id: string;
  /** The long flag, e.g. '--mw'. */
  flag: `--${string}`;
  /** Short alias, e.g. '-q'. */
  short?: `-${string}`;
  /** Placeholder shown in help, e.g. 'MW'; absent for switches. */
  valueName?: string;
  /** HASHCALC_* variable, or null where none (README lists those). */
  env: string | null;
  /** Where the value lives in a scenario or config file, e.g. 'site.mw'; null where none. */
  path: string | null;
  group: InputGroup;
  kind: InputKind;
  description: string;
  /** Unit of the parsed value, for the reader. */
  unit?: string;
  /** undefined: no default (taken from the catalog entry, or none). */
  defaultValue?: number | string | boolean;
  /** Why the default is what it is; shown next to the value in output. */
  basis?: string;
  /** Declared on the program (accepted before or after the command); still only for commands using its group. */
  global?: boolean;
}

const fraction = (flag: string, range: '[0,1)' | '(0,1]', example: string): InputKind => ({
  type: 'number',
  spec: {
    flag,
    accepts: `a fraction ${range === '[0,1)' ? 'from 0 to below 1' : 'above 0 up to 1'} (e.g. ${example} or ${Math.round(Number(example) * 1000) / 10}%)`,
    min: 0,
    minExclusive: range === '(0,1]',
    max: 1,
    maxExclusive: range === '[0,1)',
    percent: true,
  },
});

const number = (spec: NumberSpec): InputKind => ({ type: 'number', spec });

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

export const INPUT_ROWS: readonly InputRow[] = [
  // Every command: harmless where nothing is fetched or said.
  {
    id: 'offline',
    flag: '--offline',
    env: 'HASHCALC_OFFLINE',
    path: null,
    group: 'universal',
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
    kind: { type: 'boolean' },
    description: 'no notes or warnings on stderr (errors still)',
    global: true,
  },
  // Output and input files: declared on the program, so they may come before the command.
  {
    id: 'json',
    flag: '--json',
    env: null,
    path: null,
    group: 'output',
    kind: { type: 'boolean' },
    description: 'print one JSON document (stable field names, units in names); same as --format json',
    global: true,
  },
  {
    id: 'format',
    flag: '--format',
    valueName: 'FORMAT',
    env: 'HASHCALC_FORMAT',
    path: null,
    group: 'output',
    kind: { type: 'choice', choices: OUTPUT_FORMATS },
    description: 'output format: table, json, csv or markdown',
    defaultValue: 'table',
    basis: 'for people; json, csv and markdown for scripts and reports',
    global: true,
  },
  {
    id: 'scenario',
    flag: '--scenario',
    valueName: 'FILE',
    env: 'HASHCALC_SCENARIO',
    path: null,
    group: 'inputs',
    kind: { type: 'file' },
    description: 'read inputs from a scenario file (flags and env override it; see hashcalc init)',
    global: true,
  },
  {
    id: 'explain',
    flag: '--explain',
    env: null,
    path: null,
    group: 'inputs',
    kind: { type: 'boolean' },
    description:
      'list every input, its value and where it came from (flag, env, scenario, config, default) on stderr',
    global: true,
  },
  {
    id: 'verbose',
    flag: '--verbose',
    env: null,
    path: null,
    group: 'inputs',
    kind: { type: 'boolean' },
    description: 'more detail on stderr (implies --explain)',
    global: true,
  },

  // Network data overrides.
  {
    id: 'btcUsd',
    flag: '--btc-price',
    valueName: 'USD',
    env: 'HASHCALC_BTC_PRICE',
    path: 'network.btcUsd',
    group: 'network',
    unit: 'USD',
    description: 'BTC price in USD (overrides data)',
    kind: number({
      flag: '--btc-price',
      accepts: 'a BTC price in USD above 0 (e.g. 84775 or 84.8k)',
      min: 0,
      minExclusive: true,
      max: 1e8,
      suffixes: true,
    }),
  },
  {
    id: 'difficulty',
    flag: '--difficulty',
    valueName: 'D',
    env: 'HASHCALC_DIFFICULTY',
    path: 'network.difficulty',
    group: 'network',
    description: 'network difficulty, e.g. 152.27T or 152.27e12 (overrides data)',
    kind: number({
      flag: '--difficulty',
      accepts: 'a difficulty of at least 1, the protocol minimum (e.g. 152.27T or 152.27e12)',
      min: 1,
      max: 1e21,
      suffixes: true,
    }),
  },
  {
    id: 'heightBlocks',
    flag: '--height',
    valueName: 'BLOCKS',
    env: 'HASHCALC_HEIGHT',
    path: 'network.heightBlocks',
    group: 'network',
    unit: 'blocks',
    description: 'block height, sets the subsidy (overrides data)',
    kind: number({
      flag: '--height',
      accepts: 'a whole block height from 0 to 10000000 (e.g. 924700)',
      min: 0,
      max: 10_000_000,
      integer: true,
    }),
  },
  {
    id: 'avgFeesBtcPerBlock',
    flag: '--fees-btc',
    valueName: 'BTC',
    env: 'HASHCALC_FEES_BTC',
    path: 'network.avgFeesBtcPerBlock',
    group: 'network',
    unit: 'BTC per block',
    description: 'average transaction fees per block in BTC (overrides data)',
    kind: number({ flag: '--fees-btc', accepts: 'BTC per block from 0 to 50 (e.g. 0.021)', min: 0, max: 50 }),
  },

  // Data sources.
  {
    id: 'refresh',
    flag: '--refresh',
    env: 'HASHCALC_REFRESH',
    path: null,
    group: 'data',
    kind: { type: 'boolean' },
    description: 'fetch live data even when the cache is fresh',
  },
  {
    id: 'requireLive',
    flag: '--require-live',
    env: 'HASHCALC_REQUIRE_LIVE',
    path: null,
    group: 'data',
    kind: { type: 'boolean' },
    description: 'fail (exit 1) instead of falling back to the cache or the snapshot',
  },
  {
    id: 'maxAge',
    flag: '--max-age',
    valueName: 'DURATION',
    env: 'HASHCALC_MAX_AGE',
    path: null,
    group: 'data',
    unit: 'ms',
    kind: {
      type: 'duration',
      bare: 's',
      minMs: 1000,
      maxMs: 10 * 365 * 86_400_000,
      accepts: 'a duration of at least 1 s (e.g. 90s, 10m, 2h, 1d)',
    },
    description: 'fail (exit 1) when the data used is older than this (e.g. 90s, 10m, 2h, 1d)',
  },
  {
    id: 'mempoolUrl',
    flag: '--mempool-url',
    valueName: 'URL',
    env: 'HASHCALC_MEMPOOL_URL',
    path: null,
    group: 'data',
    kind: { type: 'url', example: 'http://umbrel.local:3006' },
    description: 'mempool instance to use, public or your own (e.g. http://umbrel.local:3006)',
    defaultValue: 'https://mempool.space',
    basis: 'the public instance',
  },
  {
    id: 'timeoutMs',
    flag: '--timeout',
    valueName: 'MS',
    env: 'HASHCALC_TIMEOUT',
    path: null,
    group: 'data',
    unit: 'ms',
    kind: {
      type: 'duration',
      bare: 'ms',
      minMs: 100,
      maxMs: 120_000,
      accepts: 'milliseconds from 100 to 120000 (e.g. 5000 or 5s)',
    },
    description: 'time allowed per request in ms, retries included (5s also accepted)',
    defaultValue: 5000,
    basis: 'public APIs answer in well under a second',
  },
  {
    id: 'maxDivergence',
    flag: '--max-divergence',
    valueName: 'FRACTION',
    env: 'HASHCALC_MAX_DIVERGENCE',
    path: null,
    group: 'data',
    kind: number({
      flag: '--max-divergence',
      accepts: 'a fraction from 0 to 1 (e.g. 0.02 or 2%)',
      min: 0,
      max: 1,
      percent: true,
    }),
    description: 'warn when two sources differ by more than this',
    defaultValue: 0.02,
    basis: 'sources agree within ~1% when healthy',
  },

  // Site.
  {
    id: 'siteMw',
    flag: '--mw',
    valueName: 'MW',
    env: 'HASHCALC_MW',
    path: 'site.mw',
    group: 'site',
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
    env: 'HASHCALC_POWER_PRICE',
    path: 'site.powerUsdPerKwh',
    group: 'site',
    unit: 'USD/kWh',
    description: 'power price in USD per kWh',
    kind: number({
      flag: '--power-price',
      accepts: 'USD per kWh from 0 to 2 (e.g. 0.04; $/MWh divided by 1000)',
      min: 0,
      max: 2,
    }),
    defaultValue: 0.04,
    basis: 'large US miner contracts $0.03-0.05/kWh',
  },

  // Mining.
  {
    id: 'fleet',
    flag: '--miner',
    valueName: 'MODEL[:COUNT]',
    env: 'HASHCALC_MINER',
    path: 'fleet',
    group: 'mining',
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
    env: 'HASHCALC_POOL_FEE',
    path: 'mining.poolFee',
    group: 'mining',
    description: 'pool fee, 0.025 or 2.5%',
    kind: fraction('--pool-fee', '[0,1)', '0.025'),
    defaultValue: 0.025,
    basis: 'FPPS pools 0.7-4%',
  },
  {
    id: 'uptime',
    flag: '--uptime',
    valueName: 'FRACTION',
    env: 'HASHCALC_UPTIME',
    path: 'mining.uptime',
    group: 'mining',
    description: 'share of the year the fleet hashes',
    kind: fraction('--uptime', '(0,1]', '0.98'),
    defaultValue: 0.98,
    basis: 'downtime and curtailment ~2%',
  },
  {
    id: 'pueMining',
    flag: '--pue-mining',
    valueName: 'RATIO',
    env: 'HASHCALC_PUE_MINING',
    path: 'mining.pueMining',
    group: 'mining',
    description: 'grid MW per MW of miners',
    kind: number({ flag: '--pue-mining', accepts: 'a ratio from 1 to 3 (e.g. 1.05)', min: 1, max: 3 }),
    defaultValue: 1.05,
    basis: 'air-cooled mining ~1.05',
  },
  {
    id: 'minerPriceUsdPerTh',
    flag: '--miner-price',
    valueName: 'USD_PER_TH',
    env: 'HASHCALC_MINER_PRICE',
    path: 'mining.minerPriceUsdPerTh',
    group: 'mining',
    unit: 'USD per TH/s',
    description: 'miner capex in USD per TH/s (default: catalog price, else $15.5)',
    kind: number({
      flag: '--miner-price',
      accepts: 'USD per TH/s from 0 to 1000 (e.g. 15.5)',
      min: 0,
      max: 1000,
    }),
  },

  // AI: shared, lease, GPU cloud.
  {
    id: 'pueAi',
    flag: '--pue-ai',
    valueName: 'RATIO',
    env: 'HASHCALC_PUE_AI',
    path: 'ai.pueAi',
    group: 'ai',
    description: 'grid MW per MW of critical IT load for AI',
    kind: number({ flag: '--pue-ai', accepts: 'a ratio from 1 to 3 (e.g. 1.3)', min: 1, max: 3 }),
    defaultValue: 1.3,
    basis: 'miner-site conversions 1.25-1.45; liquid-cooled 1.18-1.3',
  },
  {
    id: 'fitOutUsdPerMwIt',
    flag: '--fit-out',
    valueName: 'USD_PER_MW_IT',
    env: 'HASHCALC_FIT_OUT',
    path: 'ai.fitOutUsdPerMwIt',
    group: 'ai',
    unit: 'USD per MW of IT',
    description: 'AI build-out capex per MW of IT, excluding GPUs (e.g. 10M)',
    kind: number({
      flag: '--fit-out',
      accepts: 'USD per MW of IT from 0 to 1B (e.g. 10M or 10000000)',
      min: 0,
      max: 1e9,
      suffixes: true,
    }),
    defaultValue: 10_000_000,
    basis: 'miner-site conversions $8-11M/MW IT (Cipher $9-11M, TeraWulf $8-10M, 2025)',
  },
  {
    id: 'leaseUsdPerKwMonth',
    flag: '--lease-rate',
    valueName: 'USD_PER_KW_MONTH',
    env: 'HASHCALC_LEASE_RATE',
    path: 'lease.leaseUsdPerKwMonth',
    group: 'ai',
    unit: 'USD per kW-month',
    description: 'lease rate per kW-month of critical IT load',
    kind: number({
      flag: '--lease-rate',
      accepts: 'USD per kW-month above 0 up to 2000 (e.g. 150)',
      min: 0,
      minExclusive: true,
      max: 2000,
    }),
    defaultValue: 138,
    basis:
      'year-1 rent: median miner-to-AI lease $155/kW-month of IT on average (9 leases, 2024-26) less a 2.5%/yr escalator over 10 years',
  },
  {
    id: 'occupancy',
    flag: '--occupancy',
    valueName: 'FRACTION',
    env: 'HASHCALC_OCCUPANCY',
    path: 'lease.occupancy',
    group: 'ai',
    description: 'share of IT capacity leased and billed',
    kind: fraction('--occupancy', '(0,1]', '0.95'),
    defaultValue: 1,
    basis: 'fully contracted lease',
  },
  {
    id: 'landlordPaysPower',
    flag: '--landlord-pays-power',
    env: 'HASHCALC_LANDLORD_PAYS_POWER',
    path: 'lease.landlordPaysPower',
    group: 'ai',
    kind: { type: 'boolean', negatable: true },
    description:
      "the landlord, not the tenant, pays for the leased load's power (--no-landlord-pays-power: the tenant pays)",
    defaultValue: false,
    basis: 'tenant pays power (triple net)',
  },
  {
    id: 'leaseOtherOpexShare',
    flag: '--lease-opex-share',
    valueName: 'FRACTION',
    env: 'HASHCALC_LEASE_OPEX_SHARE',
    path: 'lease.otherOpexShare',
    group: 'ai',
    description: "landlord's other opex as a share of lease revenue",
    kind: fraction('--lease-opex-share', '[0,1)', '0.15'),
    defaultValue: 0.15,
    basis: 'site NOI margins 80-90% (Cipher 80-85%, TeraWulf ~85%)',
  },
  {
    id: 'gpu',
    flag: '--gpu',
    valueName: 'MODEL',
    env: 'HASHCALC_GPU',
    path: 'gpuCloud.gpu',
    group: 'ai',
    kind: { type: 'model', catalog: 'gpus' },
    description: 'GPU model for the GPU cloud (see `hashcalc catalog gpus`)',
    defaultValue: DEFAULT_GPU_ID,
    basis: 'most traded GPU',
  },
  {
    id: 'gpuUsdPerHour',
    flag: '--gpu-hour-price',
    valueName: 'USD',
    env: 'HASHCALC_GPU_HOUR_PRICE',
    path: 'gpuCloud.gpuUsdPerHour',
    group: 'ai',
    unit: 'USD per GPU-hour',
    description: 'GPU rental price per GPU-hour (default: catalog reference)',
    kind: number({
      flag: '--gpu-hour-price',
      accepts: 'USD per GPU-hour above 0 up to 1000 (e.g. 2.5)',
      min: 0,
      minExclusive: true,
      max: 1000,
    }),
  },
  {
    id: 'utilization',
    flag: '--utilization',
    valueName: 'FRACTION',
    env: 'HASHCALC_UTILIZATION',
    path: 'gpuCloud.utilization',
    group: 'ai',
    description: 'billed share of GPU-hours',
    kind: fraction('--utilization', '(0,1]', '0.85'),
    defaultValue: 1,
    basis:
      "contract GPU cloud: the catalog's GPU rents are 1-year contract prices, billed on every contracted hour (an on-demand price needs less)",
  },
  {
    id: 'kwPerGpu',
    flag: '--kw-per-gpu',
    valueName: 'KW',
    env: 'HASHCALC_KW_PER_GPU',
    path: 'gpuCloud.kwPerGpu',
    group: 'ai',
    unit: 'kW',
    description: 'system-level kW per GPU (default: catalog)',
    kind: number({
      flag: '--kw-per-gpu',
      accepts: 'kW per GPU above 0 up to 50 (e.g. 1.275)',
      min: 0,
      minExclusive: true,
      max: 50,
    }),
  },
  {
    id: 'gpuCapexUsdPerGpu',
    flag: '--gpu-capex',
    valueName: 'USD_PER_GPU',
    env: 'HASHCALC_GPU_CAPEX',
    path: 'gpuCloud.capexUsdPerGpu',
    group: 'ai',
    unit: 'USD per GPU',
    description: 'GPU capex per GPU, server share included (default: catalog)',
    kind: number({
      flag: '--gpu-capex',
      accepts: 'USD per GPU from 0 to 10M (e.g. 47k)',
      min: 0,
      max: 1e7,
      suffixes: true,
    }),
  },
  {
    id: 'gpuOtherOpexShare',
    flag: '--gpu-opex-share',
    valueName: 'FRACTION',
    env: 'HASHCALC_GPU_OPEX_SHARE',
    path: 'gpuCloud.otherOpexShare',
    group: 'ai',
    description: 'GPU cloud other opex (staff, network, software) as a share of revenue',
    kind: fraction('--gpu-opex-share', '[0,1)', '0.2'),
    defaultValue: 0.2,
    basis: 'GPU-cloud project EBITDA 60-85%',
  },

  // Projection over the horizon (project; compare and check run the same projection).
  {
    id: 'years',
    flag: '--years',
    valueName: 'YEARS',
    env: 'HASHCALC_YEARS',
    path: 'finance.years',
    group: 'projection',
    unit: 'years',
    description: 'horizon of the projection, whole years',
    kind: number({
      flag: '--years',
      accepts: 'whole years from 1 to 20 (e.g. 5)',
      min: 1,
      max: 20,
      integer: true,
    }),
    defaultValue: 5,
    basis: 'spans the 2028 halving and a GPU generation',
  },
  {
    id: 'discountRate',
    flag: '--discount-rate',
    valueName: 'FRACTION',
    env: 'HASHCALC_DISCOUNT_RATE',
    path: 'finance.discountRate',
    group: 'projection',
    description: 'annual discount rate for NPV (monthly flows discounted by (1 + rate)^(-months/12))',
    kind: number({
      flag: '--discount-rate',
      accepts: 'an annual rate from 0 to 100% (e.g. 0.10 or 10%)',
      min: 0,
      max: 1,
      percent: true,
    }),
    defaultValue: 0.1,
    basis: 'cost of capital of listed miners and data-center developers, 8-12%',
  },
  {
    id: 'taxRate',
    flag: '--tax-rate',
    valueName: 'FRACTION',
    env: 'HASHCALC_TAX_RATE',
    path: 'finance.taxRate',
    group: 'projection',
    description: 'tax on positive EBIT, month by month (no loss carry-forward)',
    kind: fraction('--tax-rate', '[0,1)', '0.21'),
    defaultValue: 0,
    basis: 'pre-tax: give your own rate',
  },
  {
    id: 'residual',
    flag: '--residual',
    valueName: 'RULE',
    env: 'HASHCALC_RESIDUAL',
    path: 'finance.residual',
    group: 'projection',
    kind: { type: 'choice', choices: ['book', 'none'] },
    description: "value of the assets left at the horizon's end: book (undepreciated cost) or none",
    defaultValue: 'book',
    basis: 'the assets still exist at the horizon',
  },
  {
    id: 'difficultyGrowthPerMonth',
    flag: '--difficulty-growth',
    valueName: 'FRACTION_PER_MONTH',
    env: 'HASHCALC_DIFFICULTY_GROWTH',
    path: 'outlook.difficultyGrowthPerMonth',
    group: 'projection',
    description: 'network hashrate growth per month (difficulty follows at each retarget)',
    kind: number({
      flag: '--difficulty-growth',
      accepts: 'a monthly growth from -50% to +50% (e.g. 0.01 or 1%)',
      min: -0.5,
      max: 0.5,
      percent: true,
    }),
    defaultValue: 0.01,
    basis: 'difficulty 102.3T (2024-12) to 124.9T (mid-2026), ~1.05%/month; 2025 alone ~2.9%/month',
  },
  {
    id: 'btcGrowthPerYear',
    flag: '--btc-growth',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_BTC_GROWTH',
    path: 'outlook.btcGrowthPerYear',
    group: 'projection',
    description: 'BTC/USD growth per year',
    kind: number({
      flag: '--btc-growth',
      accepts: 'a yearly growth from -90% to +500% (e.g. 0.2 or 20%)',
      min: -0.9,
      max: 5,
      percent: true,
    }),
    defaultValue: 0,
    basis: "flat: today's price, no forecast",
  },
  {
    id: 'feesGrowthPerYear',
    flag: '--fees-growth',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_FEES_GROWTH',
    path: 'outlook.feesGrowthPerYear',
    group: 'projection',
    description: 'growth per year of the fees per block (in BTC)',
    kind: number({
      flag: '--fees-growth',
      accepts: 'a yearly growth from -90% to +1000% (e.g. 0.1 or 10%)',
      min: -0.9,
      max: 10,
      percent: true,
    }),
    defaultValue: 0,
    basis: "flat: today's fees per block",
  },
  {
    id: 'fleetOwnership',
    flag: '--fleet',
    valueName: 'OWNERSHIP',
    env: 'HASHCALC_FLEET',
    path: 'mining.ownership',
    group: 'projection',
    kind: { type: 'choice', choices: ['owned', 'new'] },
    description: 'owned: the site already has its miners (no capex; sold at conversion); new: buy them today',
    defaultValue: 'owned',
    basis: 'a miner deciding whether to convert already owns its fleet',
  },
  {
    id: 'minerResaleUsdPerTh',
    flag: '--miner-resale',
    valueName: 'USD_PER_TH',
    env: 'HASHCALC_MINER_RESALE',
    path: 'mining.resaleUsdPerTh',
    group: 'projection',
    unit: 'USD per TH/s',
    description: 'what the miners fetch per TH/s when the site converts (at go-live)',
    kind: number({
      flag: '--miner-resale',
      accepts: 'USD per TH/s from 0 to 1000 (e.g. 5)',
      min: 0,
      max: 1000,
    }),
    defaultValue: 5,
    basis: 'used S19-series rigs ~$4.5/TH (2024-03); newer models fetch more',
  },
  {
    id: 'minerLifeYears',
    flag: '--miner-life',
    valueName: 'YEARS',
    env: 'HASHCALC_MINER_LIFE',
    path: 'mining.lifeYears',
    group: 'projection',
    unit: 'years',
    description: "fleet life (an owned fleet's remaining life); then --miner-end",
    kind: number({
      flag: '--miner-life',
      accepts: 'years above 0 up to 30 (e.g. 5)',
      min: 0,
      minExclusive: true,
      max: 30,
    }),
    defaultValue: 5,
    basis: 'ASICs run 4-6 years before newer models make them uneconomic',
  },
  {
    id: 'minerEnd',
    flag: '--miner-end',
    valueName: 'RULE',
    env: 'HASHCALC_MINER_END',
    path: 'mining.atEndOfLife',
    group: 'projection',
    kind: { type: 'choice', choices: ['refresh', 'retire'] },
    description: "at the end of the fleet's life: refresh (buy it again at the catalog price) or retire",
    defaultValue: 'refresh',
    basis: 'a mining site keeps mining',
  },
  {
    id: 'conversionMonths',
    flag: '--conversion-months',
    valueName: 'MONTHS',
    env: 'HASHCALC_CONVERSION_MONTHS',
    path: 'conversion.months',
    group: 'projection',
    unit: 'months',
    description: 'months from today to AI go-live; fit-out spread over them, the site mining meanwhile',
    kind: number({
      flag: '--conversion-months',
      accepts: 'whole months from 0 to the horizon (e.g. 12)',
      min: 0,
      max: 240,
      integer: true,
    }),
    defaultValue: 12,
    basis: 'delivery 5-18 months on existing miner sites',
  },
  {
    id: 'idleDuringBuild',
    flag: '--idle-during-build',
    env: 'HASHCALC_IDLE_DURING_BUILD',
    path: 'conversion.idleDuringBuild',
    group: 'projection',
    kind: { type: 'boolean', negatable: true },
    description: 'the site stops mining when the build starts (default: it mines until go-live)',
    defaultValue: false,
    basis: 'mining continues until go-live',
  },
  {
    id: 'rampMonths',
    flag: '--ramp-months',
    valueName: 'MONTHS',
    env: 'HASHCALC_RAMP_MONTHS',
    path: 'conversion.rampMonths',
    group: 'projection',
    unit: 'months',
    description: 'months from go-live to full occupancy and utilization (linear)',
    kind: number({
      flag: '--ramp-months',
      accepts: 'whole months from 0 to 60 (e.g. 6)',
      min: 0,
      max: 60,
      integer: true,
    }),
    defaultValue: 0,
    basis: 'a pre-leased site bills from go-live',
  },
  {
    id: 'leaseEscalatorPerYear',
    flag: '--lease-escalator',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_LEASE_ESCALATOR',
    path: 'lease.escalatorPerYear',
    group: 'projection',
    description: 'lease rent step-up each lease year',
    kind: number({
      flag: '--lease-escalator',
      accepts: 'a yearly step from 0 to 20% (e.g. 0.025 or 2.5%)',
      min: 0,
      max: 0.2,
      percent: true,
    }),
    defaultValue: 0.025,
    basis: 'Hut 8 states 3%/yr; Cipher and TeraWulf leases have annual escalators (2-3% typical)',
  },
  {
    id: 'leaseTermYears',
    flag: '--lease-term',
    valueName: 'YEARS',
    env: 'HASHCALC_LEASE_TERM',
    path: 'lease.termYears',
    group: 'projection',
    unit: 'years',
    description: 'lease term from go-live; no rent after it',
    kind: number({
      flag: '--lease-term',
      accepts: 'years above 0 up to 30 (e.g. 10)',
      min: 0,
      minExclusive: true,
      max: 30,
    }),
    defaultValue: 10,
    basis: 'miner-to-AI leases run 10-15 years',
  },
  {
    id: 'fitOutLifeYears',
    flag: '--fit-out-life',
    valueName: 'YEARS',
    env: 'HASHCALC_FIT_OUT_LIFE',
    path: 'ai.fitOutLifeYears',
    group: 'projection',
    unit: 'years',
    description: 'depreciation life of the AI fit-out (EBIT and the book residual)',
    kind: number({
      flag: '--fit-out-life',
      accepts: 'years above 0 up to 50 (e.g. 20)',
      min: 0,
      minExclusive: true,
      max: 50,
    }),
    defaultValue: 20,
    basis: 'data-center shell and electrical plant, 15-25 years',
  },
  {
    id: 'gpuPriceDeclinePerYear',
    flag: '--gpu-price-decline',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_GPU_PRICE_DECLINE',
    path: 'gpuCloud.priceDeclinePerYear',
    group: 'projection',
    description: "yearly decline of a GPU's rent as it ages (a refreshed fleet starts at today's rent)",
    kind: number({
      flag: '--gpu-price-decline',
      accepts: 'a yearly decline from 0 to 90% (e.g. 0.2 or 20%)',
      min: 0,
      max: 0.9,
      percent: true,
    }),
    defaultValue: 0.2,
    basis: 'H100 rents fell from ~$8 (2023) to ~$1.70-2.35/GPU-h (2025-26); 20%/yr as supply catches up',
  },
  {
    id: 'gpuLifeYears',
    flag: '--gpu-life',
    valueName: 'YEARS',
    env: 'HASHCALC_GPU_LIFE',
    path: 'gpuCloud.lifeYears',
    group: 'projection',
    unit: 'years',
    description: 'GPU depreciation life; the GPUs are bought again at its end',
    kind: number({
      flag: '--gpu-life',
      accepts: 'years above 0 up to 15 (e.g. 5)',
      min: 0,
      minExclusive: true,
      max: 15,
    }),
    defaultValue: 5,
    basis: 'GPU depreciation lives 4-6 years (CoreWeave 6, most analysts 4-5)',
  },

  // Monte Carlo (project --simulations).
  {
    id: 'simulations',
    flag: '--simulations',
    valueName: 'PATHS',
    env: 'HASHCALC_SIMULATIONS',
    path: 'simulation.paths',
    group: 'simulation',
    unit: 'paths',
    description: 'run a Monte Carlo of this many paths (BTC, difficulty and GPU rent drawn month by month)',
    kind: number({
      flag: '--simulations',
      accepts: 'whole paths from 1 to 1,000,000 (e.g. 10000 or 100k)',
      min: 1,
      max: 1_000_000,
      integer: true,
      suffixes: true,
    }),
  },
  {
    id: 'seed',
    flag: '--seed',
    valueName: 'SEED',
    env: 'HASHCALC_SEED',
    path: 'simulation.seed',
    group: 'simulation',
    description: "the simulation's seed: the same seed gives the same figures on any machine",
    kind: number({
      flag: '--seed',
      accepts: 'a whole number from 0 to 4294967295 (e.g. 42)',
      min: 0,
      max: 4_294_967_295,
      integer: true,
    }),
    defaultValue: 1,
    basis: 'fixed, so a run repeats; give another seed for another draw',
  },
  {
    id: 'btcVolPerYear',
    flag: '--btc-vol',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_BTC_VOL',
    path: 'simulation.btcVolPerYear',
    group: 'simulation',
    description: 'annual volatility of BTC/USD (geometric Brownian motion; drift from --btc-growth)',
    kind: number({
      flag: '--btc-vol',
      accepts: 'an annual volatility from 0 to 300% (e.g. 0.42 or 42%)',
      min: 0,
      max: 3,
      percent: true,
    }),
    defaultValue: 0.42,
    basis: "BTC/USD realized volatility in 2025: K33's 2.24% a day x sqrt(365), ~42% a year",
  },
  {
    id: 'difficultyVolPerYear',
    flag: '--difficulty-vol',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_DIFFICULTY_VOL',
    path: 'simulation.difficultyVolPerYear',
    group: 'simulation',
    description: 'annual volatility of the network hashrate around --difficulty-growth (difficulty follows)',
    kind: number({
      flag: '--difficulty-vol',
      accepts: 'an annual volatility from 0 to 300% (e.g. 0.22 or 22%)',
      min: 0,
      max: 3,
      percent: true,
    }),
    defaultValue: 0.22,
    basis: 'sd of log difficulty changes over 1-6 epochs, 2022 to 2026-03 (embedded epochs), annualized: 22%',
  },
  {
    id: 'difficultyBtcCorrelation',
    flag: '--difficulty-btc-correlation',
    valueName: 'CORRELATION',
    env: 'HASHCALC_DIFFICULTY_CORRELATION',
    path: 'simulation.difficultyBtcCorrelation',
    group: 'simulation',
    description: "correlation of the hashrate's monthly shocks with BTC/USD's",
    kind: number({
      flag: '--difficulty-btc-correlation',
      accepts: 'a correlation from -1 to 1 (e.g. 0.5)',
      min: -1,
      max: 1,
    }),
    defaultValue: 0.5,
    basis:
      'an assumption: hashrate follows price (miners add machines when hashprice is high); give your own',
  },
  {
    id: 'gpuPriceVolPerYear',
    flag: '--gpu-price-vol',
    valueName: 'FRACTION_PER_YEAR',
    env: 'HASHCALC_GPU_PRICE_VOL',
    path: 'simulation.gpuPriceVolPerYear',
    group: 'simulation',
    description: 'annual volatility of GPU rent around its decline (--gpu-price-decline)',
    kind: number({
      flag: '--gpu-price-vol',
      accepts: 'an annual volatility from 0 to 300% (e.g. 0.2 or 20%)',
      min: 0,
      max: 3,
      percent: true,
    }),
    defaultValue: 0.2,
    basis: 'an assumption: rent quotes swing around their trend as supply and demand shift; give your own',
  },
  {
    id: 'workers',
    flag: '--workers',
    valueName: 'N',
    env: 'HASHCALC_WORKERS',
    path: null,
    group: 'simulation',
    description:
      "threads for the simulation, this one included (the figures are the same for any number); default the machine's cores, up to 8",
    kind: number({
      flag: '--workers',
      accepts: 'a whole number of threads from 1 to 64 (e.g. 2)',
      min: 1,
      max: 64,
      integer: true,
    }),
  },

  // Sensitivity: which drivers move the decision, and by how much.
  {
    id: 'swing',
    flag: '--swing',
    valueName: 'FRACTION',
    env: 'HASHCALC_SWING',
    path: 'sensitivity.swing',
    group: 'sensitivity',
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
    kind: { type: 'ranges' },
    description:
      "a driver's own low and high, e.g. btc-price=60k:150k (repeatable; env comma-separated; merged with a file's driver by driver)",
  },
  {
    id: 'grid',
    flag: '--grid',
    valueName: 'X,Y',
    env: 'HASHCALC_GRID',
    path: 'sensitivity.grid',
    group: 'sensitivity',
    kind: { type: 'text' },
    description: 'a table of the NPV difference over two drivers, e.g. btc-price,gpu-hour-price',
  },
  {
    id: 'steps',
    flag: '--steps',
    valueName: 'N',
    env: 'HASHCALC_STEPS',
    path: 'sensitivity.steps',
    group: 'sensitivity',
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

  // exodus: what leaves, and where in the epoch.
  {
    id: 'leavingEhs',
    flag: '--ehs',
    valueName: 'EHS',
    env: 'HASHCALC_EHS',
    path: 'exodus.leavingEhs',
    group: 'exodus',
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
    env: 'HASHCALC_ANNOUNCED',
    path: 'exodus.announced',
    group: 'exodus',
    kind: { type: 'boolean' },
    description:
      "the announced AI conversions' self-mining hashrate leaves (see hashcalc catalog conversions)",
  },
  {
    id: 'blocksIntoEpoch',
    flag: '--blocks-into-epoch',
    valueName: 'BLOCKS',
    env: 'HASHCALC_BLOCKS_INTO_EPOCH',
    path: 'exodus.blocksIntoEpoch',
    group: 'exodus',
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
    env: 'HASHCALC_POOL',
    path: 'exodus.pool',
    group: 'exodus',
    kind: { type: 'text' },
    description:
      'the pool the leaving hashrate mines with: concentration after it leaves (needs a mempool instance)',
  },

  // history: which days, from where.
  {
    id: 'period',
    flag: '--period',
    valueName: 'PERIOD',
    env: 'HASHCALC_PERIOD',
    path: 'history.period',
    group: 'history',
    kind: { type: 'choice', choices: ['30d', '90d', '1y', '3y', 'all'] },
    description: 'how far back from --until (or today): 30d, 90d, 1y, 3y or all',
    defaultValue: '1y',
    basis: 'a year shows the cycle and the year-to-date change',
  },
  {
    id: 'since',
    flag: '--since',
    valueName: 'DATE',
    env: 'HASHCALC_SINCE',
    path: 'history.since',
    group: 'history',
    kind: { type: 'date' },
    description: 'first day (YYYY-MM-DD, UTC; instead of --period)',
  },
  {
    id: 'until',
    flag: '--until',
    valueName: 'DATE',
    env: 'HASHCALC_UNTIL',
    path: 'history.until',
    group: 'history',
    kind: { type: 'date' },
    description: 'last day (YYYY-MM-DD, UTC; default today)',
  },
  {
    id: 'historyData',
    flag: '--data',
    valueName: 'FILE',
    env: 'HASHCALC_DATA',
    path: 'history.data',
    group: 'history',
    kind: { type: 'file' },
    description:
      'daily data from a file instead of a mempool instance: CSV with a header (date, difficulty, avgFeesBtcPerBlock, btcUsd, optional blocks) or JSON lines',
  },

  // check's rules (in a scenario under "rules").
  {
    id: 'minHashprice',
    flag: '--min-hashprice',
    valueName: 'USD_PER_PH_DAY',
    env: null,
    path: 'rules.minHashprice',
    group: 'rules',
    kind: { type: 'rule', repeatable: false },
    description: 'fail when hashprice is below',
  },
  {
    id: 'maxHashprice',
    flag: '--max-hashprice',
    valueName: 'USD_PER_PH_DAY',
    env: null,
    path: 'rules.maxHashprice',
    group: 'rules',
    kind: { type: 'rule', repeatable: false },
    description: 'fail when hashprice is above',
  },
  {
    id: 'minBreakevenPowerPrice',
    flag: '--min-breakeven-power-price',
    valueName: 'USD_PER_KWH',
    env: null,
    path: 'rules.minBreakevenPowerPrice',
    group: 'rules',
    kind: { type: 'rule', repeatable: false },
    description: 'fail when the mining breakeven power price is below',
  },
  {
    id: 'maxBreakevenPowerPrice',
    flag: '--max-breakeven-power-price',
    valueName: 'USD_PER_KWH',
    env: null,
    path: 'rules.maxBreakevenPowerPrice',
    group: 'rules',
    kind: { type: 'rule', repeatable: false },
    description: 'fail when the mining breakeven power price is above',
  },
  {
    id: 'minRatio',
    flag: '--min-ratio',
    valueName: 'A/B:X',
    env: null,
    path: 'rules.minRatio',
    group: 'rules',
    kind: { type: 'rule', repeatable: true },
    description:
      'fail when revenue per kWh of option A over B is below X (e.g. ai-lease/mining:2); repeatable',
  },
  {
    id: 'maxRatio',
    flag: '--max-ratio',
    valueName: 'A/B:X',
    env: null,
    path: 'rules.maxRatio',
    group: 'rules',
    kind: { type: 'rule', repeatable: true },
    description: 'fail when the ratio is above X (e.g. gpu-cloud/mining:20); repeatable',
  },
  {
    id: 'assert',
    flag: '--assert',
    valueName: 'EXPR',
    env: null,
    path: 'rules.assert',
    group: 'rules',
    kind: { type: 'rule', repeatable: true },
    description: 'fail unless EXPR holds, e.g. "options.mining.ebitdaUsdPerYear > 0"; repeatable',
  },

  // catalog.
  {
    id: 'stale',
    flag: '--stale',
    valueName: 'DURATION',
    env: 'HASHCALC_STALE',
    path: null,
    group: 'catalog',
    unit: 'ms',
    kind: {
      type: 'duration',
      bare: 's',
      minMs: 86_400_000,
      maxMs: 100 * 365 * 86_400_000,
      accepts: 'a duration of at least 1 day (e.g. 180d, 26w)',
    },
    description:
      'exit 3 when a dated catalog figure (price, rent, hashrate, status) is older than this, listing them (e.g. 180d)',
  },

  // init.
  {
    id: 'force',
    flag: '--force',
    env: null,
    path: null,
    group: 'init',
    kind: { type: 'boolean' },
    description: 'overwrite existing files',
  },
  {
    id: 'stdout',
    flag: '--stdout',
    env: null,
    path: null,
    group: 'init',
    kind: { type: 'boolean' },
    description: 'print the example instead of writing files',
  },
];

/** Help section titles, in the order they are shown. */
export const GROUP_TITLES: Record<InputGroup, string> = {
  site: 'Site:',
  mining: 'Mining:',
  ai: 'AI (lease and GPU cloud):',
  network: 'Network data (override any source):',
  data: 'Data sources (live by default; fallback: cache, then the embedded snapshot):',
  rules: 'Rules:',
  projection: 'Over the horizon (NPV, IRR, payback):',
  simulation: 'Monte Carlo (with --simulations):',
  sensitivity: 'Sensitivity:',
  exodus: 'Hashrate leaving:',
  history: 'History:',
  catalog: 'Catalog:',
  init: 'Options:',
  universal: 'Global options:',
  output: 'Global options:',
  inputs: 'Global options:',
};

export const COMMAND_NAMES = [
  'project',
  'sensitivity',
  'history',
  'exodus',
  'hashprice',
  'network',
  'compare',
  'mining',
  'ai',
  'check',
  'catalog',
  'init',
  'schema',
  'completion',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The input groups each command takes: a flag of another group is "not used by" it (exit 2). */
export const COMMAND_GROUPS: Record<CommandName, readonly InputGroup[]> = {
  project: ['output', 'inputs', 'site', 'mining', 'ai', 'network', 'data', 'projection', 'simulation'],
  sensitivity: ['output', 'inputs', 'site', 'mining', 'ai', 'network', 'data', 'projection', 'sensitivity'],
  exodus: ['output', 'inputs', 'site', 'mining', 'network', 'data', 'exodus'],
  history: ['output', 'inputs', 'site', 'mining', 'data', 'history'],
  hashprice: ['output', 'inputs', 'network', 'data'],
  network: ['output', 'inputs', 'network', 'data'],
  compare: ['output', 'inputs', 'site', 'mining', 'ai', 'network', 'data', 'projection'],
  mining: ['output', 'inputs', 'site', 'mining', 'network', 'data'],
  ai: ['output', 'inputs', 'site', 'ai'],
  check: ['output', 'inputs', 'site', 'mining', 'ai', 'network', 'data', 'projection', 'rules'],
  catalog: ['output', 'catalog'],
  init: ['init'],
  schema: [],
  completion: [],
};

/** Rows of a command's groups that it does not use (history takes the fleet and power price, not the site). */
export const COMMAND_EXCLUDES: Partial<Record<CommandName, readonly string[]>> = {
  history: ['siteMw', 'uptime', 'pueMining', 'minerPriceUsdPerTh', 'maxAge', 'requireLive', 'maxDivergence'],
};

/** Commander's attribute name for a flag: '--power-price' -> 'powerPrice'. */
export function attributeOf(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const ROW_BY_ID: ReadonlyMap<string, InputRow> = new Map(INPUT_ROWS.map((r) => [r.id, r]));

export function row(id: string): InputRow {
  const found = ROW_BY_ID.get(id);
  if (!found) throw new RangeError(`no input row '${id}'`);
  return found;
}

/** The rows a command takes. */
export function rowsFor(command: CommandName): InputRow[] {
  const groups = COMMAND_GROUPS[command];
  const excluded = COMMAND_EXCLUDES[command] ?? [];
  return INPUT_ROWS.filter(
    (r) => (r.group === 'universal' || groups.includes(r.group)) && !excluded.includes(r.id),
  );
}

/** The command that takes a flag, for "not used by" messages: undefined when no command knows it. */
export function rowByFlag(flag: string): InputRow | undefined {
  const long = flag.replace(/=.*$/, '');
  return INPUT_ROWS.find(
    (r) =>
      r.flag === long ||
      r.short === long ||
      (r.kind.type === 'boolean' && r.kind.negatable && `--no-${r.flag.slice(2)}` === long),
  );
}

/** Flags with no HASHCALC_* variable, and why (README lists them). */
export const NO_ENV_FLAGS: Readonly<Record<string, string>> = {
  '--json': 'HASHCALC_FORMAT=json does the same',
  '--explain': 'a per-run request',
  '--verbose': 'a per-run request',
  '--quiet': 'a per-run request',
  '--no-color': 'NO_COLOR=1 does the same (FORCE_COLOR forces colour)',
  '--help': 'a per-run request',
  '--version': 'a per-run request',
  '--force': 'init only; never from the environment, so a variable cannot overwrite files',
  '--stdout': 'init only',
  '--min-hashprice': 'rules live in flags or a scenario file (rules.*)',
  '--max-hashprice': 'rules live in flags or a scenario file (rules.*)',
  '--min-breakeven-power-price': 'rules live in flags or a scenario file (rules.*)',
  '--max-breakeven-power-price': 'rules live in flags or a scenario file (rules.*)',
  '--min-ratio': 'rules live in flags or a scenario file (rules.*)',
  '--max-ratio': 'rules live in flags or a scenario file (rules.*)',
  '--assert': 'rules live in flags or a scenario file (rules.*)',
};
