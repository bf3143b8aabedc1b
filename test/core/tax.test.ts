/** The US tax model: IRS tables, bonus timing, NOLs carried forward (core/tax.ts, projection/flows.ts). */
import { describe, expect, it } from 'vitest';
import { npvMonthly } from '../../src/core/finance.js';
import { evaluateFlows, Flows, projectSite, scaledFlowsNpv } from '../../src/core/projection/index.js';
import {
  addTaxDepreciation,
  bonusShareFor,
  combinedTaxRate,
  MACRS_5_YEAR,
  MACRS_15_YEAR,
  macrs39,
  type UsTaxInputs,
} from '../../src/core/tax.js';
import { baseProjection } from './projection-inputs.js';

// IRS Publication 946, Appendix A, Table A-1 (GDS, half-year convention), percent:
// https://www.irs.gov/publications/p946
const IRS_5_YEAR = [20.0, 32.0, 19.2, 11.52, 11.52, 5.76];
const IRS_15_YEAR = [5.0, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95];

const TAX: UsTaxInputs = {
  federalRate: 0.21,
  stateRate: 0,
  nolLimit: 0.8,
  bonusShare: 0,
  fitOut: { fiveYear: 0.4, fifteenYear: 0.1, thirtyNineYear: 0.5 },
  startCalendarMonth: 2026 * 12 + 11,
};

describe('MACRS tables', () => {
  it('5- and 15-year half-year percentages are the IRS Table A-1 and sum to 100%', () => {
    expect(MACRS_5_YEAR.map((p) => Math.round(p * 1e4) / 100)).toEqual(IRS_5_YEAR);
    expect(MACRS_15_YEAR.map((p) => Math.round(p * 1e4) / 100)).toEqual(IRS_15_YEAR);
    expect(MACRS_5_YEAR.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(MACRS_15_YEAR.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it('39-year straight line, mid-month (Table A-7a): 2.564% a full year, 0.107% placed in December', () => {
    // January: 11.5 months of 1/39 in the first year = 11.5 / 468 = 2.457%; December: 0.5 / 468 = 0.107%.
    expect(macrs39(1)[0]).toBeCloseTo(11.5 / 468, 12);
    expect((macrs39(12)[0] as number) * 100).toBeCloseTo(0.107, 3);
    expect((macrs39(6)[10] as number) * 100).toBeCloseTo(2.564, 3);
    for (const month of [1, 6, 12]) {
      const years = macrs39(month);
      expect(years).toHaveLength(40);
      expect(years.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
  });

  it('a state rate deductible federally: 21% + 5% x 79% = 24.95%', () => {
    expect(combinedTaxRate(0.21, 0.05)).toBeCloseTo(0.2495, 12);
  });

  it('bonus depreciation by the month placed in service (IRC 168(k) as amended in 2025)', () => {
    expect(bonusShareFor(2026, 12)).toBe(1);
    expect(bonusShareFor(2025, 2)).toBe(1);
    expect(bonusShareFor(2025, 1)).toBe(0.4);
    expect(bonusShareFor(2024, 6)).toBe(0.6);
    expect(bonusShareFor(2023, 6)).toBe(0.8);
    expect(bonusShareFor(2020, 6)).toBe(1);
  });
});

describe('tax depreciation of an asset', () => {
  const schedule = (bonusShare: number, taxClass?: 'fitOut') => {
    const into = new Float64Array(12 * 45);
    addTaxDepreciation(
      into,
      { month: 0, costUsd: 1_000_000, ...(taxClass ? { taxClass } : {}) },
      { ...TAX, bonusShare },
    );
    return into;
  };
  const yearSum = (a: Float64Array, year: number) =>
    a.subarray(12 * (year - 1) + 1, 12 * year + 1).reduce((s, v) => s + v, 0);
  const total = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

  it('5-year property: the IRS percentages by tax year, spread over its months', () => {
    const a = schedule(0);
    for (let y = 1; y <= 6; y++)
      expect(yearSum(a, y)).toBeCloseTo((1e6 * (IRS_5_YEAR[y - 1] as number)) / 100, 4);
    expect(a[1]).toBeCloseTo(200_000 / 12, 6);
  });

  it('100% bonus deducts the whole cost when placed in service; the total over the life is the same', () => {
    const bonus = schedule(1);
    const none = schedule(0);
    expect(bonus[1]).toBe(1_000_000);
    expect(yearSum(bonus, 1)).toBe(1_000_000);
    expect(total(bonus)).toBeCloseTo(total(none), 6);
    // A fit-out: its 39-year half gets no bonus; the whole cost is still deducted over the life.
    const fitBonus = schedule(1, 'fitOut');
    const fitNone = schedule(0, 'fitOut');
    expect(yearSum(fitBonus, 1)).toBeCloseTo(500_000 + (500_000 * 11.5) / 468, 4);
    expect(total(fitBonus)).toBeCloseTo(1_000_000, 4);
    expect(total(fitNone)).toBeCloseTo(1_000_000, 4);
    expect(yearSum(fitBonus, 1)).toBeGreaterThan(yearSum(fitNone, 1));
  });
});

describe('net operating losses carried forward', () => {
  /** Flows of three tax years with EBITDA per month given by year, and a tax depreciation in month 1. */
  function flows(ebitdaByYear: number[], deductionMonth1: number, nolLimit: number): Flows {
    const f = new Flows(12 * ebitdaByYear.length + 1);
    for (let m = 1; m < f.length; m++) f.aiRevenue[m] = (ebitdaByYear[Math.ceil(m / 12) - 1] as number) / 12;
    f.taxDepreciation[1] = deductionMonth1;
    f.taxModel = { nolLimit };
    return f;
  }

  it("a loss is carried forward and used, up to 80% of a year's income", () => {
    // Year 1: EBITDA 1.2M - deduction 5.2M = -4M, no tax, NOL 4M.
    // Year 2: income 3M; NOL used min(4M, 80% x 3M = 2.4M) = 2.4M; taxed 0.6M x 21% = 126k; NOL 1.6M.
    // Year 3: income 3M; NOL used min(1.6M, 2.4M) = 1.6M; taxed 1.4M x 21% = 294k; NOL 0.
    const f = flows([1.2e6, 3e6, 3e6], 5.2e6, 0.8);
    const cash = evaluateFlows(f, 0.21, new Float64Array(f.length));
    expect(f.tax[12]).toBe(0);
    expect(f.nolBalance[12]).toBeCloseTo(4e6, 4);
    expect(f.tax[24]).toBeCloseTo(126_000, 4);
    expect(f.nolBalance[24]).toBeCloseTo(1.6e6, 4);
    expect(f.tax[36]).toBeCloseTo(294_000, 4);
    expect(f.nolBalance[36]).toBeCloseTo(0, 4);
    expect(f.tax.reduce((s, v) => s + v, 0)).toBeCloseTo((1.2e6 + 6e6 - 5.2e6) * 0.21, 4);
    // Without the limit year 2 uses 3M: taxed 0; year 3 uses the last 1M: 2M x 21% = 420k.
    const unlimited = flows([1.2e6, 3e6, 3e6], 5.2e6, 1);
    evaluateFlows(unlimited, 0.21, new Float64Array(unlimited.length));
    expect(unlimited.tax[24]).toBeCloseTo(0, 4);
    expect(unlimited.tax[36]).toBeCloseTo(420_000, 4);
    // scaledFlowsNpv is the same evaluation, to the bit.
    expect(scaledFlowsNpv(f, 0.21, 0.1, 1, 1, 1)).toBe(npvMonthly(0.1, cash));
  });
});

describe('a projection under the US model', () => {
  const us = baseProjection({
    taxRate: 0.21,
    tax: { ...TAX, bonusShare: null },
    conversionMonths: 6,
  });

  it('scaledFlowsNpv equals evaluateFlows and npvMonthly to the bit, every option, at other prices', () => {
    const site = projectSite(us);
    for (const option of site.flows ?? []) {
      for (const [k, a, e] of [
        [1, 1, 1],
        [0.7, 1.3, 1.1],
      ] as const) {
        const mining = new Float64Array(option.flows.length).fill(k);
        const ai = new Float64Array(option.flows.length).fill(a);
        const cash = evaluateFlows(option.flows, 0.21, new Float64Array(option.flows.length), mining, ai, e);
        expect(scaledFlowsNpv(option.flows, 0.21, 0.1, k, a, e)).toBe(npvMonthly(0.1, cash));
      }
    }
  });

  it('bonus depreciation moves tax earlier: a larger tax shield than none, the same tax depreciation in total', () => {
    const withBonus = projectSite(us);
    const without = projectSite({ ...us, tax: { ...TAX, bonusShare: 0 } });
    for (const id of ['ai-lease', 'gpu-cloud'] as const) {
      const a = withBonus.options.find((o) => o.id === id);
      const b = without.options.find((o) => o.id === id);
      expect(a && b).toBeTruthy();
      if (!a || !b) continue;
      expect(a.taxShieldUsd).toBeGreaterThan(b.taxShieldUsd);
      expect(a.npvUsd).toBeGreaterThan(b.npvUsd);
      const firstYear = (o: typeof a) =>
        o.months.slice(0, 13).reduce((s, m) => s + (m.taxDepreciationUsd ?? 0), 0);
      expect(firstYear(a)).toBeGreaterThan(firstYear(b));
    }
  });

  it('a flat --tax-rate alone keeps its meaning: tax on positive EBIT month by month', () => {
    const flat = projectSite(baseProjection({ taxRate: 0.21 }));
    for (const o of flat.options)
      for (const m of o.months) {
        expect(m.taxUsd).toBe(m.ebitUsd > 0 ? m.ebitUsd * 0.21 : 0);
        expect(m.taxDepreciationUsd).toBeUndefined();
      }
  });
});

describe('gains on sales and on the residual (US model)', () => {
  // The GPU cloud of the base site, live at month 0, priced with no decline: GPUs worth their cost at the
  // horizon (month 60), the economic residual = 205,731 GPUs x $27,500 = $5,657,602,500.
  const site = (bonusShare: number) =>
    projectSite(
      baseProjection({
        taxRate: 0.21,
        residual: 'economic',
        tax: { ...TAX, bonusShare },
        gpuLifeMonths: 600,
      }),
    );
  const gpuFlows = (bonusShare: number) => {
    const o = site(bonusShare).flows?.find((f) => f.id === 'gpu-cloud');
    if (!o) throw new Error('gpu-cloud');
    return o;
  };

  it('taxes the residual less the basis left: all of it after 100% bonus depreciation', () => {
    const o = gpuFlows(1);
    expect(o.residualUsd).toBeCloseTo(205_731 * 27_500, 0);
    // Bonus 100% deducts the whole cost in month 1: no basis left, the whole residual is a gain.
    expect(o.flows.taxableGain[60]).toBeCloseTo(o.residualUsd, 0);
  });

  it("without bonus, the gain is the residual less the cost not yet deducted (MACRS: 5 tax years' 94.24%)", () => {
    const o = gpuFlows(0);
    // Placed in month 1 (tax year 1): by month 60 (the end of tax year 5) the 5-year table has deducted
    // 20 + 32 + 19.2 + 11.52 + 11.52 = 94.24% of the cost; 5.76% is left: gain = residual - 5.76% of cost.
    const cost = 205_731 * 27_500;
    expect(o.flows.taxableGain[60]).toBeCloseTo(o.residualUsd - 0.0576 * cost, -1);
  });

  it('taxes an owned fleet sold at a conversion in full (its basis taken as deducted)', () => {
    const lease = projectSite(
      baseProjection({ taxRate: 0.21, tax: TAX, conversionMonths: 6, minerResaleUsdPerTh: 5 }),
    ).flows?.find((f) => f.id === 'ai-lease');
    // Sold at go-live (month 6) for $5/TH x 24.056M TH/s x the hashprice ratio then: all of it a gain.
    expect(lease?.flows.other[6]).toBeGreaterThan(0);
    expect(lease?.flows.taxableGain[6]).toBe(lease?.flows.other[6]);
  });
});
