/**
 * The projection engine: the chain by epochs (halving month from a height, Bitcoin Core's retarget rule),
 * hand-worked cash flows, and identities between options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaseEconomics } from '../../src/core/ai.js';
import { subsidyBtc } from '../../src/core/bitcoin.js';
import { MONTH_SEC, projectChain } from '../../src/core/chain.js';
import { npvMonthly } from '../../src/core/finance.js';
import { computeHashprice } from '../../src/core/hashprice.js';
import { miningEconomics } from '../../src/core/mining.js';
import {
  evaluateFlows,
  projectSite,
  scaledFlowsNpv,
  scaledNpv,
  siteFlows,
} from '../../src/core/projection/index.js';
import { fleetAgeMonths } from '../../src/site/projection.js';
import { baseProjection, everyBranchProjection } from './projection-inputs.js';

const D = 152_271_406_129_092;
const base = baseProjection;

const option = (p: ReturnType<typeof projectSite>, id: string) => {
  const found = p.options.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the chain by epochs', () => {
  it('lands the halving where the protocol puts it: 5000 blocks away across two retargets', () => {
    // Height 1,045,000 is 712 blocks into the epoch from 1,044,288. At flat hashrate H0 = D x 2^32 / 600:
    //  - 1,304 blocks at 600 s to the retarget at 1,046,304: 782,400 s. The span covers 2015 of the 2016
    //    intervals (2015 x 600 s), so difficulty rises by 2016/2015 and blocks then take 600 x 2016/2015 s.
    //  - 2,016 blocks at that interval to 1,048,320; that epoch's span is exactly 2016 x 600 s: no change.
    //  - 1,680 blocks to the halving at 1,050,000.
    const slow = (600 * 2016) / 2015;
    const seconds = 1304 * 600 + 2016 * slow + 1680 * slow;
    const chain = projectChain({
      heightBlocks: 1_045_000,
      difficulty: D,
      btcUsd: 84_775,
      avgFeesBtcPerBlock: 0,
      difficultyGrowthPerMonth: 0,
      btcGrowthPerYear: 0,
      feesGrowthPerYear: 0,
      months: 3,
    });
    expect(chain.halvingHeight).toBe(1_050_000);
    expect(chain.halvingMonth).toBeCloseTo(seconds / MONTH_SEC, 9);
    expect(chain.months[1]?.halving).toBe(true);
    expect(chain.months[0]?.retargets).toBe(2);
    expect(chain.months[0]?.difficulty).toBeCloseTo((D * 2016) / 2015, 0);
  });

  it('with hashrate growing, blocks come faster, retargets raise difficulty and the halving comes sooner', () => {
    const flat = projectChain({
      heightBlocks: 924_700,
      difficulty: D,
      btcUsd: 84_775,
      avgFeesBtcPerBlock: 0.02,
      difficultyGrowthPerMonth: 0,
      btcGrowthPerYear: 0,
      feesGrowthPerYear: 0,
      months: 36,
    });
    const growing = projectChain({
      heightBlocks: 924_700,
      difficulty: D,
      btcUsd: 84_775,
      avgFeesBtcPerBlock: 0.02,
      difficultyGrowthPerMonth: 0.02,
      btcGrowthPerYear: 0,
      feesGrowthPerYear: 0,
      months: 36,
    });
    // Flat: 125,300 blocks at ~600 s = 870 days = 28.6 months (2016/2015 stretches it by 0.05%).
    expect(flat.halvingMonth).toBeCloseTo((125_300 * 600 * (2016 / 2015)) / MONTH_SEC, 1);
    expect(growing.halvingMonth as number).toBeLessThan(flat.halvingMonth as number);
    expect(growing.months[35]?.difficulty).toBeGreaterThan((flat.months[35]?.difficulty ?? 0) * 1.8);
    // Difficulty follows hashrate: after 36 months at +2%/month, about 1.02^36 = 2.04x (lagging a retarget).
    expect((growing.months[35]?.difficulty ?? 0) / D).toBeGreaterThan(1.9);
    expect((growing.months[35]?.difficulty ?? 0) / D).toBeLessThan(2.05);
  });

  it('follows a falling hashrate down, each retarget within the 4x clamp', () => {
    const chain = projectChain({
      heightBlocks: 1_044_288,
      difficulty: D,
      btcUsd: 84_775,
      avgFeesBtcPerBlock: 0,
      difficultyGrowthPerMonth: -0.3,
      btcGrowthPerYear: 0,
      feesGrowthPerYear: 0,
      months: 24,
    });
    let previous = D;
    for (const m of chain.months) {
      expect(m.difficulty / previous).toBeGreaterThanOrEqual(0.25 ** m.retargets - 1e-12);
      previous = m.difficulty;
    }
    expect(chain.months[23]?.difficulty).toBeLessThan(D / 10);
  });
});

describe('identities', () => {
  it("flat growth and no halving reproduce today's compare, month by month", () => {
    // Just after the 2028 halving (a fresh subsidy era), starting at an epoch boundary: the first epoch is
    // at today's difficulty, later ones at 2016/2015 of it (Bitcoin Core's off-by-one), nothing else moves.
    const inputs = base({
      years: 1,
      network: { heightBlocks: 1_050_336, difficulty: D, btcUsd: 84_775, avgFeesBtcPerBlock: 0.0213 },
    });
    const p = projectSite(inputs);
    const hashprice = computeHashprice({
      difficulty: D,
      subsidyBtc: subsidyBtc(1_050_336),
      avgFeesBtcPerBlock: 0.0213,
      btcUsd: 84_775,
    }).hashpriceUsdPerPhDay;
    const today = miningEconomics({ ...inputs.mining, hashpriceUsdPerPhDay: hashprice, btcUsd: 84_775 });
    const mining = option(p, 'mining');
    const year = mining.months.slice(1).reduce((s, m) => s + m.revenueUsd, 0);
    expect(year / today.revenueUsdPerYear).toBeGreaterThan(2015 / 2016 - 1e-6);
    expect(year / today.revenueUsdPerYear).toBeLessThan(1);
    for (const m of mining.months.slice(1)) expect(m.opexUsd).toBeCloseTo(today.opexUsdPerYear / 12, 4);
    const lease = option(p, 'ai-lease');
    const leaseToday = leaseEconomics(inputs.lease);
    for (const m of lease.months.slice(1))
      expect(m.revenueUsd).toBeCloseTo(leaseToday.revenueUsdPerYear / 12, 4);
  });

  it('owned and new fleets differ by exactly the fleet capex (life beyond the horizon, no residual)', () => {
    const owned = option(projectSite(base({ fleet: 'owned' })), 'mining');
    const bought = option(projectSite(base({ fleet: 'new' })), 'mining');
    // 341 MW / 1.05 = 324.76 MW of miners: 89,097 S21 XP x 270 TH/s x $25.7 = $618.25M
    const capex = 89_097 * 270 * 25.7;
    expect(bought.capexUsd).toBeCloseTo(capex, 0);
    expect(owned.totalCashUsd - bought.totalCashUsd).toBeCloseTo(capex, 0);
    expect(owned.npvUsd - bought.npvUsd).toBeCloseTo(capex, 0);
  });

  it('a 0% discount rate makes NPV equal total cash', () => {
    const p = projectSite(
      base({ annualDiscountRate: 0, difficultyGrowthPerMonth: 0.01, conversionMonths: 12 }),
    );
    for (const o of p.options) expect(o.npvUsd).toBeCloseTo(o.totalCashUsd, 0);
  });
});

describe('a lease computed on paper', () => {
  // 13 MW at PUE 1.3 = 10 MW of IT = 10,000 kW at $100/kW-month: $1.0M a month, no other opex, no power
  // (the tenant pays). Fit-out $5M per MW of IT = $50M at go-live, today. Five years: -50M, then 60 x 1M.
  const inputs = base({
    lease: {
      siteMw: 13,
      powerUsdPerKwh: 0.04,
      pueAi: 1.3,
      leaseUsdPerKwMonth: 100,
      occupancy: 1,
      landlordPaysPower: false,
      otherOpexShare: 0,
      fitOutUsdPerMwIt: 5e6,
    },
  });
  const lease = option(projectSite(inputs), 'ai-lease');

  it('has the flows, total cash and payback month of the paper', () => {
    expect(lease.months[0]?.cashFlowUsd).toBeCloseTo(-50e6, 0);
    for (const m of lease.months.slice(1)) expect(m.cashFlowUsd).toBeCloseTo(1e6, 4);
    expect(lease.totalCashUsd).toBeCloseTo(10e6, 0);
    expect(lease.paybackMonths).toBeCloseTo(50, 9);
    expect(lease.peakFundingUsd).toBeCloseTo(50e6, 0);
  });

  it('has the NPV of a 60-month annuity at 10% a year', () => {
    // i = 1.1^(1/12) - 1 = 0.797414%/month; a(60) = (1 - 1.1^-5) / i = 0.379079 / 0.00797414 = 47.5386
    const i = 1.1 ** (1 / 12) - 1;
    const annuity = (1 - 1.1 ** -5) / i;
    expect(annuity).toBeCloseTo(47.5386, 3);
    expect(lease.npvUsd).toBeCloseTo(-50e6 + 1e6 * annuity, 0);
  });

  it('has the IRR at which the annuity is worth the outlay', () => {
    // monthly j solves (1 - (1+j)^-60) / j = 50: j = 0.618%/month, (1+j)^12 - 1 = 7.68% a year.
    const irr = lease.irr as number;
    expect(irr).toBeGreaterThan(0.0765);
    expect(irr).toBeLessThan(0.0772);
    const j = (1 + irr) ** (1 / 12) - 1;
    expect((1 - (1 + j) ** -60) / j).toBeCloseTo(50, 6);
  });
});

describe('conversion, ramps, GPUs', () => {
  it('keeps mining during the build, spreads the fit-out over it and sells the miners at go-live', () => {
    const p = projectSite(base({ conversionMonths: 12, minerResaleUsdPerTh: 5 }));
    const lease = option(p, 'ai-lease');
    const mining = option(p, 'mining');
    const fitOut = (341 / 1.3) * 10e6;
    for (let m = 1; m <= 12; m++) {
      expect(lease.months[m]?.capexUsd).toBeCloseTo(fitOut / 12, 2);
      expect(lease.months[m]?.revenueUsd).toBeCloseTo(mining.months[m]?.revenueUsd ?? 0, 4);
    }
    // Sold at $5/TH moved by the hashprice then: month 12's mean hashprice over today's.
    const ratio = (p.chain.months[11]?.hashpriceUsdPerPhDay ?? 0) / p.hashpriceUsdPerPhDayToday;
    expect(ratio).toBeGreaterThan(0.99);
    expect(lease.months[12]?.otherCashUsd).toBeCloseTo(5 * 89_097 * 270 * ratio, 2);
    expect(lease.months[13]?.revenueUsd).toBeCloseTo(leaseEconomics(base().lease).revenueUsdPerYear / 12, 2);
    expect(lease.goLiveMonth).toBe(12);
  });

  it('idles the site during the build when asked', () => {
    const lease = option(projectSite(base({ conversionMonths: 6, idleDuringBuild: true })), 'ai-lease');
    for (let m = 1; m <= 6; m++) expect(lease.months[m]?.revenueUsd).toBe(0);
  });

  it('ramps occupancy linearly from go-live', () => {
    const lease = option(projectSite(base({ rampMonths: 4 })), 'ai-lease');
    const full = leaseEconomics(base().lease).revenueUsdPerYear / 12;
    expect(lease.months[1]?.revenueUsd).toBeCloseTo(full / 4, 2);
    expect(lease.months[2]?.revenueUsd).toBeCloseTo(full / 2, 2);
    expect(lease.months[5]?.revenueUsd).toBeCloseTo(full, 2);
  });

  it('steps the lease up by its escalator each lease year and stops at the end of the term', () => {
    const lease = option(projectSite(base({ leaseEscalatorPerYear: 0.03, leaseTermMonths: 36 })), 'ai-lease');
    const full = leaseEconomics(base().lease).revenueUsdPerYear / 12;
    expect(lease.months[12]?.revenueUsd).toBeCloseTo(full, 2);
    expect(lease.months[13]?.revenueUsd).toBeCloseTo(full * 1.03, 2);
    expect(lease.months[25]?.revenueUsd).toBeCloseTo(full * 1.03 ** 2, 2);
    expect(lease.months[37]?.revenueUsd).toBe(0);
  });

  it('depreciates GPUs over their life, declines their rent, and buys them again at the end of it', () => {
    const p = projectSite(base({ gpuPriceDeclinePerYear: 0.2, gpuLifeMonths: 48, years: 5 }));
    const gpu = option(p, 'gpu-cloud');
    // 262.31 MW IT / 1.275 kW = 205,731 GPUs x $27,500 = $5.658B, over 48 months: $117.9M a month.
    const gpuCapex = 205_731 * 27_500;
    expect(gpu.months[0]?.capexUsd).toBeCloseTo(gpuCapex + (341 / 1.3) * 10e6, -2);
    expect(gpu.months[1]?.depreciationUsd).toBeCloseTo(gpuCapex / 48 + ((341 / 1.3) * 10e6) / 240, -1);
    expect(gpu.months[48]?.capexUsd).toBeCloseTo(gpuCapex, -2);
    // Rent after a year at -20%/yr: 80% of the start (month 13 is 12 months into the GPUs' life).
    expect((gpu.months[13]?.revenueUsd ?? 0) / (gpu.months[1]?.revenueUsd ?? 1)).toBeCloseTo(0.8, 9);
    // A refreshed fleet starts again at the starting rent.
    expect((gpu.months[49]?.revenueUsd ?? 0) / (gpu.months[1]?.revenueUsd ?? 1)).toBeCloseTo(1, 9);
    for (const m of gpu.months) expect(m.ebitUsd).toBeCloseTo(m.ebitdaUsd - m.depreciationUsd, 4);
  });

  it('the book residual is what is left undepreciated at the horizon', () => {
    const none = option(projectSite(base({ residual: 'none' })), 'gpu-cloud');
    const book = option(projectSite(base({ residual: 'book', gpuLifeMonths: 120 })), 'gpu-cloud');
    const gpuCapex = 205_731 * 27_500;
    const fitOut = (341 / 1.3) * 10e6;
    // After 60 of 120 months, half the GPUs' value; after 60 of 240, three quarters of the fit-out's.
    expect(book.residualUsd).toBeCloseTo(gpuCapex / 2 + fitOut * 0.75, -2);
    expect(none.residualUsd).toBe(0);
  });

  it('curtails mining in months it would lose money, and counts them', () => {
    // Per S21 XP a day at $0.115/kWh: 3.645 kW x 1.05 x 24 h x 0.98 x $0.115 = $10.347; revenue at $35.24/PH/day:
    // 0.270 PH x 35.24 x 0.975 x 0.98 = $9.092. BTC at +100%/yr covers the gap after 12 log2(10.347 / 9.092)
    // = 2.24 months: months 1 and 2 curtail (month 3's mean lies past 2.24), every later one mines (after the
    // halving at month ~29 BTC has grown 5.3x: half of that is still above the cost).
    const p = projectSite(base({ btcGrowthPerYear: 1, mining: { ...base().mining, powerUsdPerKwh: 0.115 } }));
    const mining = option(p, 'mining');
    expect(12 * Math.log2(10.347 / 9.092)).toBeCloseTo(2.24, 2);
    expect(mining.curtailedMonths).toBe(2);
    expect(mining.months.filter((m) => m.curtailed).map((m) => m.month)).toEqual([1, 2]);
    expect(mining.minersSoldMonth).toBeNull();
  });

  it('sells a fleet that cannot cover its running costs for the rest of the horizon, instead of idling it', () => {
    // At $0.20/kWh no month covers its power: the fleet is sold today (month 0) at $5/TH, and never idles.
    const p = projectSite(
      base({ minerResaleUsdPerTh: 5, mining: { ...base().mining, powerUsdPerKwh: 0.2 } }),
    );
    const mining = option(p, 'mining');
    expect(mining.minersSoldMonth).toBe(0);
    expect(mining.curtailedMonths).toBe(0);
    expect(mining.months[0]?.otherCashUsd).toBeCloseTo(5 * 89_097 * 270, 2);
    expect(mining.totalCashUsd).toBeCloseTo(5 * 89_097 * 270, 2);
  });

  it('the halving cuts mining revenue in the month it lands', () => {
    const p = projectSite(base({ years: 5 }));
    const mining = option(p, 'mining');
    const at = Math.ceil(p.chain.halvingMonth as number);
    const before = mining.months[at - 1]?.revenueUsd ?? 0;
    const after = mining.months[at + 1]?.revenueUsd ?? 0;
    // Subsidy 3.125 -> 1.5625 with fees 0.0213: reward falls to (1.5625 + 0.0213) / (3.125 + 0.0213) = 50.3%
    expect(after / before).toBeCloseTo((1.5625 + 0.0213) / (3.125 + 0.0213), 2);
  });

  it('discounts by (1 + rate)^(-month/12)', () => {
    const p = projectSite(base({ conversionMonths: 6 }));
    for (const o of p.options)
      expect(o.npvUsd).toBeCloseTo(
        npvMonthly(
          0.1,
          o.months.map((m) => m.cashFlowUsd),
        ),
        2,
      );
  });
});

describe('other mining opex (--mining-opex)', () => {
  const withOpex = (usdPerMwh: number) =>
    base({ mining: { ...base().mining, otherOpexUsdPerMwh: usdPerMwh } });
  // 341 MW / 1.05: 89,097 S21 XP x 3.645 kW x 1.05 x 8760 h x 0.98 = 2,927,386,695.25 kWh a year
  // = 2,927,386.70 MWh; x $10/MWh = $29,273,866.95 a year, $2,439,488.91 a month.
  const perMonth = (89_097 * 3.645 * 1.05 * 8760 * 0.98 * 10) / 1000 / 12;

  it('lowers NPV by the present value of the opex over the months mined', () => {
    const without = option(projectSite(base()), 'mining');
    const withTen = option(projectSite(withOpex(10)), 'mining');
    // Flat network, $0.04/kWh: every month of the 60 mines, with or without the opex.
    expect(without.curtailedMonths).toBe(0);
    expect(withTen.curtailedMonths).toBe(0);
    expect(withTen.months[1]?.opexUsd).toBeCloseTo((without.months[1]?.opexUsd ?? 0) + perMonth, 2);
    // An annuity of $2,439,488.91 at the month's end for 60 months at 10% a year (0.797414% a month):
    // 2,439,488.91 x (1 - 1.00797414^-60) / 0.00797414 = $115,969,644.34
    const a = 1.1 ** (1 / 12) - 1;
    const pv = (perMonth * (1 - (1 + a) ** -60)) / a;
    expect(pv).toBeCloseTo(115_969_644.34, 1);
    expect(without.npvUsd - withTen.npvUsd).toBeCloseTo(pv, 1);
  });

  it('is paid only in the months the fleet mines: a month curtails when revenue does not cover energy and opex', () => {
    // $30/MWh: $7,318,466.74 a month; energy $9,757,955.65 a month ($0.04/kWh). After the halving the fleet
    // earns ~$12.4M a month: above its energy alone, below energy and opex, so it stops. Those months lose
    // money to the end of the horizon: the fleet is sold after the last month that covers them.
    const without = option(projectSite(base()), 'mining');
    const withThirty = option(projectSite(withOpex(30)), 'mining');
    const energy = without.months[1]?.opexUsd ?? 0;
    const mined = without.months.slice(1);
    const losing = mined.filter((m) => m.revenueUsd < energy + 3 * perMonth);
    expect(losing.length).toBeGreaterThan(0);
    expect(without.curtailedMonths).toBe(0);
    const lastCovering = (losing[0]?.month ?? 0) - 1;
    expect(losing.map((m) => m.month)).toEqual(
      mined.filter((m) => m.month > lastCovering).map((m) => m.month),
    );
    expect(withThirty.minersSoldMonth).toBe(lastCovering);
    for (const m of withThirty.months.slice(1)) {
      if (m.month > lastCovering) expect([m.revenueUsd, m.opexUsd]).toEqual([0, 0]);
      else expect(m.opexUsd).toBeCloseTo(energy + 3 * perMonth, 2);
    }
  });

  it('does not scale with the power price in a solver trial (energyScale)', () => {
    // At a power price of 0 (energyScale 0) the opex is still paid: the NPVs differ by its present value.
    const a = 1.1 ** (1 / 12) - 1;
    const pv = (perMonth * (1 - (1 + a) ** -60)) / a;
    const npvAt = (inputs: ReturnType<typeof base>) => {
      const mining = siteFlows(inputs).options.find((o) => o.id === 'mining');
      if (!mining) throw new Error('no mining flows');
      return scaledFlowsNpv(mining.flows, inputs.taxRate, inputs.annualDiscountRate, 1, 1, 0);
    };
    expect(npvAt(base()) - npvAt(withOpex(10))).toBeCloseTo(pv, 1);
  });
});

describe('a solver trial in one pass (scaledFlowsNpv)', () => {
  // Curtailment (a low BTC scale), tax with depreciation, a new fleet's refreshes and GPU refreshes, other
  // mining opex: every branch of the month's arithmetic.
  const inputs = everyBranchProjection();
  const built = siteFlows(inputs).options;

  it('is evaluateFlows with constant factors then npvMonthly, to the bit, for every option', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom(...built),
        (miningScale, aiScale, energyScale, option) => {
          const n = option.flows.length;
          const cash = evaluateFlows(
            option.flows,
            inputs.taxRate,
            new Float64Array(n),
            new Float64Array(n).fill(miningScale),
            new Float64Array(n).fill(aiScale),
            energyScale,
            n,
            false,
          );
          const twoPasses = npvMonthly(inputs.annualDiscountRate, cash);
          // Through scaledNpv, the solver's entry to it.
          expect(scaledNpv(inputs, built)(option.id, miningScale, aiScale, energyScale)).toBe(twoPasses);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("at scales of 1 it is each option's NPV", () => {
    const projection = projectSite(inputs);
    for (const option of built) {
      const npv = projection.options.find((o) => o.id === option.id)?.npvUsd;
      expect(scaledFlowsNpv(option.flows, inputs.taxRate, inputs.annualDiscountRate, 1, 1, 1)).toBe(npv);
    }
  });

  it('curtails mining months whose scaled revenue is below their energy (a scale of 0.01 mines nothing)', () => {
    const mining = built.find((o) => o.id === 'mining');
    if (!mining) throw new Error('no mining flows');
    // Nothing mined: the NPV is the capex and the residual alone, discounted.
    const rate = (1 + inputs.annualDiscountRate) ** (1 / 12) - 1;
    let expected = 0;
    for (let m = 0; m < mining.flows.length; m++) {
      const ebitda = 0;
      const tax = Math.max(0, ebitda - (mining.flows.depreciation[m] as number)) * inputs.taxRate;
      expected +=
        (ebitda - tax - (mining.flows.capex[m] as number) + (mining.flows.other[m] as number)) /
        (1 + rate) ** m;
    }
    const npv = scaledFlowsNpv(mining.flows, inputs.taxRate, inputs.annualDiscountRate, 0.01, 1, 1);
    expect(npv).toBeCloseTo(expected, 0);
    expect(npv).toBeLessThan(0);
  });
});

describe('accounts a CFO would sign (residual, payback, dated prices, the fleet)', () => {
  // A month's discount at 10% a year: a = 1.1^(1/12) - 1 = 0.797414%; an annuity of n months: (1 - (1+a)^-n) / a.
  const a = 1.1 ** (1 / 12) - 1;
  const annuity = (n: number) => (1 - (1 + a) ** -n) / a;
  // 341 MW / 1.3 = 262.3077 MW of IT: 262,307.69 kW x $150 x 12 = $472.15M a year, $39.346M a month; the
  // tenant pays power, so the landlord nets 85% of it: $33.444M a month.
  const leaseNoi = ((341 / 1.3) * 1000 * 150 * 0.85) / 1;
  const fitOut = (341 / 1.3) * 10e6;

  it('values a lease at the horizon as the present value of the rest of its signed term', () => {
    const lease = option(
      projectSite(base({ residual: 'economic', leaseTermMonths: 120, years: 5 })),
      'ai-lease',
    );
    // Live from month 1 to 120; the horizon ends at 60: 60 months of $33.444M left, worth at month 60
    // $33.444M x annuity(60) = $33.444M x 47.538 = $1.5899B. No renewal, no salvage after month 120.
    expect(annuity(60)).toBeCloseTo(47.5385, 4);
    expect(lease.residualUsd).toBeCloseTo(leaseNoi * annuity(60), -1);
    expect(lease.residualUsd).toBeCloseTo(1_589_900_000, -6);
    expect(lease.residualPvUsd).toBeCloseTo(lease.residualUsd / 1.1 ** 5, 0);
    expect(lease.npvExResidualUsd).toBeCloseTo(lease.npvUsd - lease.residualPvUsd, 0);
    // Without the residual: -fit-out + 60 months of NOI = -$2.623B + $33.444M x 47.538 = -$1.033B.
    expect(lease.npvExResidualUsd).toBeCloseTo(-fitOut + leaseNoi * annuity(60), -1);
  });

  it('adds a salvage value after the term, and nothing past the term when the lease ends before the horizon', () => {
    const lease = option(
      projectSite(base({ residual: 'economic', leaseTermMonths: 36, salvageUsdPerMwIt: 400_000 })),
      'ai-lease',
    );
    // The term ends at month 36, before the horizon (60): the shell is worth its salvage, 262.31 MW x $0.4M.
    expect(lease.residualUsd).toBeCloseTo((341 / 1.3) * 400_000, 0);
  });

  it('never counts the residual in payback: a lease whose NOI has not repaid its fit-out by the horizon', () => {
    const lease = option(projectSite(base({ residual: 'economic', leaseTermMonths: 120 })), 'ai-lease');
    // Fit-out $2.623B today; 60 months x $33.444M = $2.007B of NOI by the horizon: not paid back, although
    // total cash (the $1.59B residual included) is positive.
    expect(60 * leaseNoi).toBeLessThan(fitOut);
    expect(lease.totalCashUsd).toBeGreaterThan(0);
    expect(lease.paybackMonths).toBeNull();
    expect(lease.discountedPaybackMonths).toBeNull();
    // With the residual counted it would "pay back" in the last month: the error this prevents.
    const cash = lease.months.map((m) => m.cashFlowUsd);
    expect(cash.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });

  it('has no payback (null), never 0, when there is no capex', () => {
    const mining = option(projectSite(base({ residual: 'economic' })), 'mining');
    expect(mining.capexUsd).toBe(0);
    expect(mining.paybackMonths).toBeNull();
    expect(mining.discountedPaybackMonths).toBeNull();
  });

  it("carries a GPU quote 21 months old at go-live by the decline, and a refresh buys at today's quote", () => {
    const inputs = base({
      gpuPriceDeclinePerYear: 0.2,
      gpuRentQuoteAgeMonths: 9,
      gpuCapexQuoteAgeMonths: 9,
      conversionMonths: 12,
      gpuLifeMonths: 24,
      years: 5,
      residual: 'none',
    });
    const gpu = option(projectSite(inputs), 'gpu-cloud');
    // Quoted 9 months before today, live 12 months from today: 21 months of -20%/yr, 0.8^(21/12) = 0.67672.
    expect(0.8 ** (21 / 12)).toBeCloseTo(0.67672, 5);
    // 262.31 MW IT / 1.275 kW = 205,731 GPUs x $2.5 x 0.85 billed x 730 h = $319.2M a month at the quote.
    const fullRent = (205_731 * 2.5 * 0.85 * 8760) / 12;
    expect(gpu.months[13]?.revenueUsd).toBeCloseTo(fullRent * 0.8 ** (21 / 12), 0);
    // Capex at go-live: 205,731 x $27,500 = $5.658B carried 21 months, plus the fit-out spread over the build.
    const gpuCapex = 205_731 * 27_500;
    expect(gpu.months[12]?.capexUsd).toBeCloseTo(gpuCapex * 0.8 ** (21 / 12) + fitOut / 12, -1);
    // At the end of its 24-month life (month 36): today's equivalent at today's quote, the quote carried to
    // today (9 months: 0.8^(9/12) = 0.84590), not to month 36; its rent starts there too. The old GPUs are
    // sold at their price then, 0.8^((36 + 9) / 12).
    expect(0.8 ** (9 / 12)).toBeCloseTo(0.8459, 4);
    expect(gpu.months[36]?.capexUsd).toBeCloseTo(gpuCapex * 0.8 ** (9 / 12), -1);
    expect(gpu.months[37]?.revenueUsd).toBeCloseTo(fullRent * 0.8 ** (9 / 12), 0);
    expect(gpu.months[36]?.otherCashUsd).toBeCloseTo(gpuCapex * 0.8 ** (45 / 12), -1);
  });

  it('values GPUs at the horizon at their price then (economic residual)', () => {
    const gpu = option(
      projectSite(base({ gpuPriceDeclinePerYear: 0.2, gpuCapexQuoteAgeMonths: 9, residual: 'economic' })),
      'gpu-cloud',
    );
    // Live at month 0, held at month 60: the quote carried 69 months, 0.8^(69/12) = 0.27724; no salvage.
    expect(gpu.residualUsd).toBeCloseTo(205_731 * 27_500 * 0.8 ** (69 / 12), -1);
  });

  it('does not buy a fleet again when a new one would not pay for itself over its life', () => {
    // A new S21 XP fleet: 341 MW / 1.05 / 3.645 kW = 89,097 miners x 270 TH/s = 24.056M TH/s x $25.7 =
    // $618.2M. On a flat network at $0.04/kWh it earns 24,056 PH/s x $35.24 x 0.975 x 0.98 x 30.417 days =
    // $24.64M a month less $9.758M of energy: a margin of $14.88M. Over a 24-month life that is worth
    // $14.88M x annuity(24) = $14.88M x 21.85 = $325M, plus its resale at $5/TH (~$120M x 1.1^-2 = $99M):
    // $424M < $618M (and the halving in month ~29 halves what it would earn), so at the end of the first
    // life it is sold, not bought again.
    const inputs = base({ fleet: 'new', minerLifeMonths: 24, minerResaleUsdPerTh: 5, residual: 'economic' });
    const mining = option(projectSite(inputs), 'mining');
    const margin = 24_056 * 35.24 * 0.975 * 0.98 * (365 / 12) - 9_757_956;
    expect(margin * annuity(24) + (5 * 24_056_190) / 1.1 ** 2).toBeLessThan(24_056_190 * 25.7);
    expect(mining.fleetPurchases).toBe(1);
    expect(mining.minersSoldMonth).toBe(24);
    expect(mining.months[25]?.revenueUsd).toBe(0);
    // At three times today's BTC price, after the halving (month ~29) it earns 1.5 x $24.64M = $36.96M a
    // month, a margin of $27.20M: a 36-month life from month 36 is worth $27.20M x annuity(36) = $27.20M x
    // 30.99 = $843M > $618M, so with a 36-month life it is bought again at month 36.
    const triple = { ...base().network, btcUsd: 3 * 84_775 };
    expect((1.5 * 24_056 * 35.24 * 0.975 * 0.98 * (365 / 12) - 9_757_956) * annuity(36)).toBeGreaterThan(
      24_056_190 * 25.7,
    );
    const refreshed = option(
      projectSite(base({ fleet: 'new', minerLifeMonths: 36, minerResaleUsdPerTh: 5, network: triple })),
      'mining',
    );
    expect(refreshed.fleetPurchases).toBe(2);
    expect(refreshed.months[36]?.capexUsd).toBeCloseTo(24_056_190 * 25.7, -1);
  });

  it('gives an owned fleet of a 2023 model what its age leaves of its life', () => {
    // Bought mid-2023 (July); in December 2026 it is 41 whole months old (2023-07 to 2026-12): of a 60-month
    // life 19 months are left, so its life ends in month 19. At twice today's BTC a new fleet pays over its
    // 5-year life (see above), so it is bought again in month 19; told to retire, it is sold then.
    const age = fleetAgeMonths([{ year: 2023 }], Date.parse('2026-12-07T00:00:00Z'));
    expect(age).toBe(41);
    const twice = { ...base().network, btcUsd: 2 * 84_775 };
    const mining = option(
      projectSite(base({ minerLifeMonths: 60, minerAgeMonths: age, network: twice })),
      'mining',
    );
    expect(mining.months[19]?.capexUsd).toBeCloseTo(24_056_190 * 25.7, -1);
    expect(mining.months[18]?.capexUsd).toBe(0);
    const retired = option(
      projectSite(
        base({ minerLifeMonths: 60, minerAgeMonths: age, minerEnd: 'retire', minerResaleUsdPerTh: 5 }),
      ),
      'mining',
    );
    expect(retired.minersSoldMonth).toBe(19);
    expect(retired.fleetPurchases).toBe(0);
  });

  it('converts a greenfield site (--fleet new) without buying miners', () => {
    const p = projectSite(base({ fleet: 'new', conversionMonths: 12 }));
    for (const id of ['ai-lease', 'gpu-cloud']) {
      const o = option(p, id);
      expect(o.fleetPurchases).toBe(0);
      expect(o.minersSoldMonth).toBeNull();
      expect(o.months[0]?.capexUsd).toBe(0);
      for (let m = 1; m <= 12; m++) expect(o.months[m]?.revenueUsd).toBe(0);
    }
  });

  it('sells the miners when the build starts when the site idles during it', () => {
    const lease = option(
      projectSite(base({ conversionMonths: 12, idleDuringBuild: true, minerResaleUsdPerTh: 5 })),
      'ai-lease',
    );
    expect(lease.minersSoldMonth).toBe(0);
    expect(lease.months[0]?.otherCashUsd).toBeCloseTo(5 * 24_056_190, 0);
    expect(lease.months[12]?.otherCashUsd).toBe(0);
  });

  it('charges fixed site costs to every option every month, curtailed or not', () => {
    // $5,000 per MW-month x 341 MW = $1.705M a month for 60 months: $1.705M x annuity(60) = $81.05M less NPV.
    const perMonth = 5000 * 341;
    const without = projectSite(base());
    const withCosts = projectSite(base({ siteFixedUsdPerMwMonth: 5000 }));
    for (const id of ['mining', 'ai-lease', 'gpu-cloud'])
      expect(option(without, id).npvUsd - option(withCosts, id).npvUsd).toBeCloseTo(
        perMonth * annuity(60),
        0,
      );
    const idle = option(
      projectSite(base({ siteFixedUsdPerMwMonth: 5000, mining: { ...base().mining, powerUsdPerKwh: 0.2 } })),
      'mining',
    );
    expect(idle.months[30]?.opexUsd).toBeCloseTo(perMonth, 6);
  });

  it('scales a lease residual that is the rest of its term with the lease rate in a solver trial', () => {
    const inputs = base({ residual: 'economic', leaseTermMonths: 120 });
    const scaled = scaledNpv(inputs, siteFlows(inputs).options);
    const again = option(
      projectSite({ ...inputs, lease: { ...inputs.lease, leaseUsdPerKwMonth: 150 * 1.3 } }),
      'ai-lease',
    );
    expect(scaled('ai-lease', 1, 1.3)).toBeCloseTo(again.npvUsd, -1);
  });
});
