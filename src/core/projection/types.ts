/** What a projection takes and gives: its inputs, each month's record and each option's summary. */
import type { GpuCloudInputs, LeaseInputs } from '../ai.js';
import type { ChainInputs, ChainProjection } from '../chain.js';
import type { MiningInputs } from '../mining.js';
import type { NetworkModelParams } from '../network-model.js';
import type { PriceDeckPaths } from '../price-path.js';
import type { UsTaxInputs } from '../tax.js';
import type { OptionId } from '../units.js';
import type { DebtTerms, OptionDebt } from './debt.js';
import type { OptionFlows } from './flows.js';

export type FleetOwnership = 'owned' | 'new';
export type MinerEnd = 'refresh' | 'retire';
/**
 * The value of what an option holds at the horizon's end: economic (an AI lease the present value of the rest
 * of its signed term, GPUs and miners their resale value then, a shell with no contract its salvage value),
 * book (undepreciated cost) or none.
 */
export type ResidualRule = 'economic' | 'book' | 'none';

/**
 * An exit value at the horizon in place of the residual rule, for every option (the whole site, its equipment
 * included, pre-tax): the last 12 months' EBITDA (its net operating income) over a cap rate, or times an
 * EV/EBITDA multiple (never below 0: a site that loses money is not worth less than nothing), or a price per
 * MW of the site's grid power or of the option's IT load.
 */
export type ExitValue =
  | { method: 'cap-rate'; capRate: number }
  | { method: 'multiple'; multiple: number }
  | { method: 'per-mw'; usdPerMw: number }
  | { method: 'per-it-mw'; usdPerMw: number };

/**
 * Sell the site at month `month` (0: today) for `usdPerMw` per MW of its grid power, its miners with it: it
 * mines until then (as keeping mining), and nothing after.
 */
export interface SiteSale {
  usdPerMw: number;
  month: number;
}

export interface ProjectionInputs {
  years: number;
  network: Pick<ChainInputs, 'heightBlocks' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock'>;
  difficultyGrowthPerMonth: number;
  /** The network's response to hashprice (`--network model`); null: the constant growth (`--network trend`). */
  networkModel: NetworkModelParams | null;
  btcGrowthPerYear: number;
  feesGrowthPerYear: number;
  annualDiscountRate: number;
  /** The flat rate on positive EBIT; under the US model (`tax`), the combined federal and state rate. */
  taxRate: number;
  /**
   * The US tax model (`--tax us`: MACRS tax depreciation, bonus, NOL carried forward; core/tax.ts); absent:
   * today's flat tax on positive EBIT month by month at taxRate.
   */
  tax?: UsTaxInputs;
  residual: ResidualRule;
  /** An exit value that replaces the residual rule (`--residual cap-rate:R`, ...); absent or null: the rule. */
  exitValue?: ExitValue | null;
  /**
   * Each option's own annual discount rate (`--discount-rate-lease`, ...); an option absent: annualDiscountRate.
   * A sale is discounted at mining's (its flows are mining's until the sale).
   */
  discountRates?: Partial<Record<OptionId, number>>;
  /** A sale of the site (`--sell-per-mw`): the option `sell`; absent or null: no such option. */
  sale?: SiteSale | null;
  /** Today's mining economics inputs, without the hashprice (computed from the network). */
  mining: Omit<MiningInputs, 'hashpriceUsdPerPhDay' | 'btcUsd'>;
  fleet: FleetOwnership;
  /**
   * USD per TH/s used miners fetch today; on a later date this falls (or rises) with the hashprice the chain
   * expects then (a dated used-price curve).
   */
  minerResaleUsdPerTh: number;
  /** Economic life of a fleet, months: an owned fleet has what its age leaves of it, a new one all of it. */
  minerLifeMonths: number;
  /** Age of an owned fleet today, months (from its models' year); a new fleet is 0. */
  minerAgeMonths: number;
  minerEnd: MinerEnd;
  lease: LeaseInputs;
  /** Lease escalator per year (rent steps up each lease year). */
  leaseEscalatorPerYear: number;
  leaseTermMonths: number;
  /** Depreciation life of the AI fit-out (for EBIT and the book residual), months. */
  fitOutLifeMonths: number;
  gpu: GpuCloudInputs;
  /**
   * Decline per year of a GPU's rent and price (continuous, month by month), from the date of the quote the
   * rent and capex describe.
   */
  gpuPriceDeclinePerYear: number;
  /** Months from the GPU rent quote's date to today; 0 for a rent given today. */
  gpuRentQuoteAgeMonths: number;
  /** Months from the GPU capex quote's date to today; 0 for a price given today. */
  gpuCapexQuoteAgeMonths: number;
  /** Fixed site costs, USD per MW of site power per month: paid by every option every month, curtailed too. */
  siteFixedUsdPerMwMonth: number;
  /** What a shell with no contract is worth, USD per MW of IT (the economic residual after a lease's term). */
  salvageUsdPerMwIt: number;
  gpuLifeMonths: number;
  conversionMonths: number;
  idleDuringBuild: boolean;
  /** Months from go-live to full occupancy and utilization (linear). */
  rampMonths: number;
  /**
   * An analyst's price deck by month (price-path.ts): BTC/USD and fees replace the chain's growth paths;
   * the power price every energy bill of its months; the GPU rent the rent the GPUs earn (a generation bought
   * after the deck's last GPU month starts from today's quote carried, as without a deck); the lease rent
   * the market rent at which the lease is signed at go-live (its first month's, else the last before it).
   */
  deck?: PriceDeckPaths;
  /**
   * The power contract (power.ts): escalator, fixed price until a date then the market's, take-or-pay, demand
   * and transmission charges. Absent: none (`--power-price` flat, no grid charges).
   */
  powerContract?: PowerContract;
  /** A loan per option (debt.ts); an option absent (or no `debt`): unlevered. */
  debt?: Partial<Record<OptionId, DebtTerms>>;
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
  /** Under the US tax model: the month's tax depreciation (MACRS and bonus) and the NOL carried forward at its end. */
  /** --tax us: the taxable gain on equipment sold (and on the residual at the horizon) this month. */
  taxableGainUsd?: number;
  taxDepreciationUsd?: number;
  nolBalanceUsd?: number;
  capexUsd: number;
  /** Sales of equipment (miners, GPUs at the end of their life) and the residual value at the horizon's end. */
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
  /**
   * Months from today until cumulative operating and capital cash turns non-negative, the residual value not
   * counted; null when not within the horizon (or when there is no capex: see noCapex).
   */
  paybackMonths: number | null;
  discountedPaybackMonths: number | null;
  /** The former payback, counting the residual value as cash in the last month (deprecated in the JSON). */
  paybackCountingResidualMonths: number | null;
  discountedPaybackCountingResidualMonths: number | null;
  /**
   * The present value of the tax depreciation saves: NPV with depreciation deducted minus NPV without it (0
   * pre-tax). npvUsd is after tax whenever a tax applies.
   */
  taxShieldUsd: number;
  /** NPV without the residual value; npvUsd - residualPvUsd. */
  npvExResidualUsd: number;
  /** The residual value's present value (residualUsd discounted from the horizon's end). */
  residualPvUsd: number;
  totalCashUsd: number;
  peakFundingUsd: number;
  /** All capex over the horizon (refreshes included). */
  capexUsd: number;
  residualUsd: number;
  /** Months of mining curtailed (this option's own mining, the build period for AI options). */
  curtailedMonths: number;
  /** Month (from today) the AI option goes live; null for mining. */
  goLiveMonth: number | null;
  /** Month the fleet was sold (retired, uneconomic for the rest of the horizon, or at a conversion); null if held. */
  minersSoldMonth: number | null;
  /** Fleet purchases over the horizon (today's included for a new fleet). */
  fleetPurchases: number;
  /** Energy bills over the horizon (take-or-pay in curtailed months included), undiscounted. */
  energyUsd: number;
  /** Demand and transmission charges over the horizon (the power contract), undiscounted. */
  gridChargesUsd: number;
  /** The option levered by its loan (inputs.debt); null or absent: unlevered. */
  debt?: OptionDebt | null;
  /** The annual discount rate of this option's NPV, discounted paybacks and residual (its own, or the site's). */
  annualDiscountRate: number;
  /** `sell`: the month the site is sold and its price (USD per grid MW x the site's MW); null for the others. */
  saleMonth: number | null;
  saleUsd: number | null;
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
  /** Compute only these options (a solver's trial that needs one); default all (`sell` with a sale). */
  only?: readonly OptionId[];
  /**
   * BTC/USD scaled by this factor: every month's USD mining revenue scales by it exactly (the chain's blocks
   * and difficulty do not depend on the price), so a trial at another BTC price needs no new chain.
   */
  btcScale?: number;
}

/** The site's power contract over the horizon (power.ts). */
export interface PowerContract {
  /**
   * The contract price's yearly step: months 1-12 at `--power-price`, 13-24 at it x (1 + escalator), ... (each
   * projection year, as a lease's escalator). A market price (the deck's, `marketUsdPerKwh`) is not escalated.
   */
  escalatorPerYear: number;
  /**
   * Months from today the contract price holds (`--power-fixed-until`); after them the market price: the
   * deck's power price (the last given at or before the month), else `marketUsdPerKwh`, else the contract's.
   * null: no end date (the contract price, except in months a deck gives a power price, as before).
   */
  fixedMonths: number | null;
  /** The market price after `fixedMonths` where the deck gives none, USD/kWh; null: the contract's carried on. */
  marketUsdPerKwh: number | null;
  /**
   * Share (0..1) of a curtailed mining month's energy paid for anyway (take-or-pay): paid while the fleet is
   * held (mining or curtailed), not after it is sold; a firm (AI) load never curtails.
   */
  takeOrPay: number;
  /** USD per kW of the site's grid capacity (site MW x 1000) per month. */
  demandChargeUsdPerKwMonth: number;
  /** USD per kW of the site's grid capacity per year (ERCOT's 4CP transmission charge), paid monthly (/12). */
  transmissionChargeUsdPerKwYear: number;
  /** Share (0..1) of the demand and transmission charges a miner curtailing at the peaks pays. */
  miningPeakShare: number;
}
