/** Projection inputs for a 341 MW site on the snapshot's network, flat unless a test says otherwise. */
import type { ProjectionInputs } from '../../src/core/projection/index.js';

const D = 152_271_406_129_092;

export function baseProjection(over: Partial<ProjectionInputs> = {}): ProjectionInputs {
  const site = { siteMw: 341, powerUsdPerKwh: 0.04 };
  return {
    years: 5,
    network: { heightBlocks: 924_700, difficulty: D, btcUsd: 84_775, avgFeesBtcPerBlock: 0.0213 },
    difficultyGrowthPerMonth: 0,
    networkModel: null,
    btcGrowthPerYear: 0,
    feesGrowthPerYear: 0,
    annualDiscountRate: 0.1,
    taxRate: 0,
    residual: 'none',
    mining: {
      ...site,
      fleet: [{ name: 'S21 XP', hashrateThs: 270, powerW: 3645, count: null, priceUsdPerTh: 25.7 }],
      poolFee: 0.025,
      uptime: 0.98,
      pueMining: 1.05,
    },
    fleet: 'owned',
    minerResaleUsdPerTh: 0,
    minerLifeMonths: 600,
    minerAgeMonths: 0,
    minerEnd: 'refresh',
    lease: {
      ...site,
      pueAi: 1.3,
      leaseUsdPerKwMonth: 150,
      occupancy: 1,
      landlordPaysPower: false,
      otherOpexShare: 0.15,
      fitOutUsdPerMwIt: 10e6,
    },
    leaseEscalatorPerYear: 0,
    leaseTermMonths: 600,
    fitOutLifeMonths: 240,
    gpu: {
      ...site,
      pueAi: 1.3,
      kwPerGpu: 1.275,
      gpuUsdPerHour: 2.5,
      utilization: 0.85,
      otherOpexShare: 0.2,
      capexUsdPerGpu: 27_500,
      fitOutUsdPerMwIt: 10e6,
    },
    gpuPriceDeclinePerYear: 0,
    gpuRentQuoteAgeMonths: 0,
    gpuCapexQuoteAgeMonths: 0,
    siteFixedUsdPerMwMonth: 0,
    salvageUsdPerMwIt: 0,
    gpuLifeMonths: 600,
    conversionMonths: 0,
    idleDuringBuild: false,
    rampMonths: 0,
    ...over,
  };
}

/**
 * Inputs that reach every branch of a month's arithmetic in a solver's trial: curtailment (at a low BTC scale),
 * tax with depreciation, a new fleet's refreshes and GPU refreshes, other mining opex.
 */
export function everyBranchProjection(over: Partial<ProjectionInputs> = {}): ProjectionInputs {
  return baseProjection({
    mining: { ...baseProjection().mining, otherOpexUsdPerMwh: 10 },
    years: 12,
    taxRate: 0.21,
    residual: 'book',
    fleet: 'new',
    minerLifeMonths: 48,
    difficultyGrowthPerMonth: 0.02,
    conversionMonths: 9,
    ...over,
  });
}

/**
 * A site where only a lease pays: power at $1/kWh (mining curtailed every month, its miners worth $0), a lease
 * at $100/kW-month with no fit-out and no opex share (the tenant pays the power), live from month 0, and a GPU
 * cloud at $0.01/GPU-hour: the lease earns R = 341 / 1.3 x 1000 x $100 = $26,230,769.23 a month from go-live
 * (test/core/search.test.ts works out its value).
 */
export function leaseOnlyProjection(): ProjectionInputs {
  const base = baseProjection();
  return baseProjection({
    conversionMonths: 0,
    mining: { ...base.mining, powerUsdPerKwh: 1 },
    lease: { ...base.lease, leaseUsdPerKwMonth: 100, fitOutUsdPerMwIt: 0, otherOpexShare: 0 },
    gpu: { ...base.gpu, gpuUsdPerHour: 0.01 },
  });
}
