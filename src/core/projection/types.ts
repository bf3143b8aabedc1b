/** What a projection takes and gives: its inputs, each month's record and each option's summary. */
import type { GpuCloudInputs, LeaseInputs } from '../ai.js';
import type { ChainInputs, ChainProjection } from '../chain.js';
import type { MiningInputs } from '../mining.js';
import type { OptionId } from '../units.js';
import type { OptionFlows } from './flows.js';

export type FleetOwnership = 'owned' | 'new';
export type MinerEnd = 'refresh' | 'retire';
export type ResidualRule = 'book' | 'none';

export interface ProjectionInputs {
  years: number;
  network: Pick<ChainInputs, 'heightBlocks' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock'>;
  difficultyGrowthPerMonth: number;
  btcGrowthPerYear: number;
  feesGrowthPerYear: number;
  annualDiscountRate: number;
  taxRate: number;
  residual: ResidualRule;
  /** Today's mining economics inputs, without the hashprice (computed from the network). */
  mining: Omit<MiningInputs, 'hashpriceUsdPerPhDay' | 'btcUsd'>;
  fleet: FleetOwnership;
  /** USD per TH/s the miners fetch when a site converts. */
  minerResaleUsdPerTh: number;
  /** Remaining life of an owned fleet, or life of a new one, in months. */
  minerLifeMonths: number;
  minerEnd: MinerEnd;
  lease: LeaseInputs;
  /** Lease escalator per year (rent steps up each lease year). */
  leaseEscalatorPerYear: number;
  leaseTermMonths: number;
  /** Depreciation life of the AI fit-out (for EBIT and the book residual), months. */
  fitOutLifeMonths: number;
  gpu: GpuCloudInputs;
  /** GPU rent decline per year (continuous, month by month). */
  gpuPriceDeclinePerYear: number;
  gpuLifeMonths: number;
  conversionMonths: number;
  idleDuringBuild: boolean;
  /** Months from go-live to full occupancy and utilization (linear). */
  rampMonths: number;
}

export interface ProjectedMonth {
  /** 0 is today (capex spent now); month m ends m months from now. */
  month: number;
  /** Mining: height at the month's end. */
  heightBlocks: number | null;
  revenueUsd: number;
  /** Energy and other opex. */
  opexUsd: number;
  ebitdaUsd: number;
  depreciationUsd: number;
  ebitUsd: number;
  taxUsd: number;
  capexUsd: number;
  /** Miner resale at go-live and the residual (book) value at the horizon's end. */
  otherCashUsd: number;
  cashFlowUsd: number;
  cumulativeCashUsd: number;
  /** Mining curtailed this month (revenue below its power cost). */
  curtailed: boolean;
}

export interface OptionProjection {
  id: OptionId;
  months: ProjectedMonth[];
  npvUsd: number;
  /** Annualized: (1 + monthly IRR)^12 - 1; null with irrNote. */
  irr: number | null;
  irrNote: string | null;
  /** Months from today until cumulative cash turns non-negative; null beyond the horizon. */
  paybackMonths: number | null;
  discountedPaybackMonths: number | null;
  totalCashUsd: number;
  peakFundingUsd: number;
  /** All capex over the horizon (refreshes included). */
  capexUsd: number;
  residualUsd: number;
  /** Months of mining curtailed (this option's own mining, the build period for AI options). */
  curtailedMonths: number;
  /** Month (from today) the AI option goes live; null for mining. */
  goLiveMonth: number | null;
}

export interface SiteProjection {
  months: number;
  chain: ChainProjection;
  /** Today's difficulty-based hashprice, from the network inputs. */
  hashpriceUsdPerPhDayToday: number;
  options: OptionProjection[];
  /** The flows the options were evaluated from, when all three were (a solver's trials reuse them). */
  flows?: readonly OptionFlows[];
}

/** What to compute: `npvOnly` skips IRR and paybacks (a solver's trial runs need only NPV). */
export interface ProjectOptions {
  npvOnly?: boolean;
  /** Compute only these options (a solver's trial that needs one); default all three. */
  only?: readonly OptionId[];
  /**
   * BTC/USD scaled by this factor: every month's USD mining revenue scales by it exactly (the chain's blocks
   * and difficulty do not depend on the price), so a trial at another BTC price needs no new chain.
   */
  btcScale?: number;
}
