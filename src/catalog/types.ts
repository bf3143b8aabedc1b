/**
 * Where a catalog figure came from:
 * - primary: the maker's specification, the company's own release or filing, the index publisher's own page;
 * - secondary: trade press, or a republication of a release or an index (no primary found: the note says);
 * - derived: computed here from sourced figures (the test recomputes it);
 * - estimate: no public source gives the figure; the note says why and what it rests on.
 */
export type Confidence = 'primary' | 'secondary' | 'derived' | 'estimate';

export interface Provenance {
  /** A URL a reader can open (a page, a release, a filing). */
  source: string;
  /** The date the figure describes: YYYY-MM-DD or YYYY-MM (a price's day, a deal's announcement). */
  asOf: string;
  confidence: Confidence;
  note?: string;
  /**
   * A fixed fact that does not age (a nameplate, the terms of a signed contract): `catalog --stale` lists
   * it as fixed instead of stale. Prices, rents, hashrates and conversion statuses are never fixed.
   */
  fixed?: boolean;
}

export interface MinerModel {
  id: string;
  name: string;
  vendor: 'Bitmain' | 'MicroBT' | 'Canaan' | 'Bitdeer';
  hashrateThs: number;
  powerW: number;
  cooling: 'air' | 'hydro' | 'immersion';
  year: number;
  /** New-hardware price in USD per TH/s where a dated public reference exists; else null (the fallback applies). */
  priceUsdPerTh: number | null;
  /** Where priceUsdPerTh came from; null with priceUsdPerTh. */
  priceProvenance: Provenance | null;
  /** Second-hand value in USD per TH/s where a public price index covers the model; else null. */
  usedPriceUsdPerTh: number | null;
  usedPriceProvenance: Provenance | null;
  aliases: readonly string[];
  /** The nameplate (hashrate, power): the manufacturer's specification. */
  provenance: Provenance;
}

/** How a rental price bills: a contract bills every contracted hour; on-demand bills the hours sold. */
export type RentalPriceBasis = 'contract' | 'on-demand';

export interface GpuModel {
  id: string;
  name: string;
  vendor: 'NVIDIA' | 'AMD';
  /** Board power of one accelerator, W. */
  gpuW: number;
  /** Server (or rack) draw per GPU from the maker's system specification, kW. */
  serverKwPerGpu: number;
  /** Derived: serverKwPerGpu x (1 + NETWORK_STORAGE_POWER_SHARE): the cluster's draw per GPU, kW. */
  kwPerGpu: number;
  kwPerGpuBasis: string;
  /** Server or rack price per GPU, USD; null where no public price exists. */
  systemUsdPerGpu: number | null;
  /** Derived: systemUsdPerGpu + InfiniBand fabric + storage per GPU (all-in, facility excluded); null with it. */
  capexUsdPerGpu: number | null;
  capexBasis: string;
  capexProvenance: Provenance;
  /** The default rental price, USD per GPU-hour: always a contract price; null where none is public. */
  rentalUsdPerGpuHour: number | null;
  rentalPriceBasis: RentalPriceBasis | null;
  rentalBasis: string;
  rentalProvenance: Provenance | null;
  /** An on-demand reference price, for comparison only (it needs a utilization below 1); null where none. */
  onDemandUsdPerGpuHour: number | null;
  onDemandProvenance: Provenance | null;
  aliases: readonly string[];
  /** The power specification (board and system): the maker's documents. */
  provenance: Provenance;
}

export interface LeaseDeal {
  id: string;
  landlord: string;
  tenant: string;
  /** The campus or site. */
  site: string;
  kind: 'lease' | 'gpu-cloud';
  /** Announcement date, YYYY-MM-DD (YYYY-MM where the day is not known). */
  announced: string;
  itMw: number;
  /** Whether itMw is critical IT load, gross power, or not stated by the parties. */
  mwBasis: 'it' | 'gross' | 'unstated';
  termYears: number;
  totalValueUsd: number;
  /** Derived: totalValueUsd / itMw / termYears (an average over the term). */
  usdPerMwYear: number;
  /** Derived: usdPerMwYear / 1000 / 12: the average rate over the term, USD per kW-month. */
  usdPerKwMonth: number;
  /** Lease structure as announced. */
  structure: 'triple-net' | 'modified-gross' | 'not stated';
  /** Annual rent escalator: stated by the parties, assumed where they say only "annual escalators", else null. */
  escalatorPerYear: number | null;
  escalatorBasis: 'stated' | 'assumed' | 'none stated';
  /**
   * Derived: the first year's rent implied by the average and the escalator, USD per kW-month:
   * average x g x n / ((1 + g)^n - 1); null where no escalator is stated.
   */
  year1UsdPerKwMonth: number | null;
  /**
   * Derived: the first year's rent with the lease's own term and escalator, 0 where none is stated (then the
   * average), USD per kW-month: what the default --lease-rate is the median of.
   */
  year1NormalizedUsdPerKwMonth: number;
  /** GPU-cloud contracts: the hardware bought for it, USD; null for leases. */
  hardwareCapexUsd: number | null;
  note: string;
  provenance: Provenance;
}

/** One site of a miner's announced AI/HPC conversion. */
export interface ConversionSite {
  site: string;
  location: string;
  /** Power of the conversion, MW, as announced. */
  mw: number;
  mwBasis: 'it' | 'gross';
  tenant: string | null;
  /** How the site earns: leased to a tenant, run as the miner's own GPU cloud, or not yet decided. */
  model: 'lease' | 'gpu-cloud' | 'undecided';
  /** Expected delivery as announced: YYYY, YYYY-MM or YYYY-Qn; null where none was given. */
  expected: string | null;
  status: 'site secured' | 'contracted' | 'under construction' | 'partly delivered';
  /** A mining site converted, or a new (greenfield) campus. */
  siteType: 'mining-conversion' | 'greenfield';
  provenance: Provenance;
}

export interface Conversion {
  id: string;
  company: string;
  /** Self-mining hashrate the company last reported, EH/s; null where it published none. */
  selfMiningEhs: number | null;
  /** What the company said about its mining: winding it down, keeping it, or shrinking it for AI. */
  miningPlan: 'winding down' | 'continuing' | 'reducing' | 'not stated';
  /** Energized or operating power across the company's sites, MW, where published; else null. */
  operatingMw: number | null;
  sites: readonly ConversionSite[];
  note: string;
  /** Where selfMiningEhs (and operatingMw) came from. */
  provenance: Provenance;
}

/** A default in the input table whose value rests on catalog or market figures, with its public source. */
export interface DefaultFigure {
  /** The input table row id. */
  id: string;
  flag: `--${string}`;
  value: number | string;
  unit: string;
  /** Exactly the row's basis text (a test compares them). */
  basis: string;
  provenance: Provenance;
}
