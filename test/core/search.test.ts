/**
 * The plan search (core/projection/search.ts) on constructed cases whose optimum is known, and its two ways
 * of valuing a plan (the weighted sum pre-tax, the combined flows taxed) against the plan's own projection.
 */
import { describe, expect, it } from 'vitest';
import { PlanParts, planNpv, projectSite, searchPlans, startGrid } from '../../src/core/projection/index.js';
import { baseProjection, leaseOnlyProjection } from './projection-inputs.js';

const grid = (months: number, conversion: number) => ({
  shareStep: 0.1,
  startMonths: startGrid(months, conversion, 6, [12]),
  maxPhases: 2,
});

describe('startGrid', () => {
  it('starts every step while go-live stays within the horizon, with the extra months', () => {
    // 60 months, 12 to build: starts 0, 6, ..., 42 (42 + 12 = 54 < 60; 48 + 12 = 60 is not), plus 17.
    expect(startGrid(60, 12, 6, [17, 50])).toEqual([0, 6, 12, 17, 18, 24, 30, 36, 42]);
  });
});

describe('the search finds the known optimum', () => {
  it('a lease that beats mining per MW from any start and loses value with each month of delay: 100% lease now', () => {
    // Flat network, no growth; mining earns its margin, the lease at $400/kW-month with no fit-out cost and
    // go-live at month 0 earns far more from the first month. Pre-tax, a plan's NPV is linear in each
    // tranche's MW, so the optimum is the whole site in the best (option, start): the lease built now. The
    // GPU cloud is made worthless (a $0.01 GPU-hour).
    const inputs = baseProjection({
      conversionMonths: 0,
      lease: { ...baseProjection().lease, leaseUsdPerKwMonth: 400, fitOutUsdPerMwIt: 0 },
      gpu: { ...baseProjection().gpu, gpuUsdPerHour: 0.01 },
    });
    const parts = new PlanParts(inputs);
    const result = searchPlans(parts, grid(60, 0));
    expect(result.best.plan.tranches).toEqual([{ option: 'ai-lease', mw: 341, goLiveMonth: 0 }]);
    expect(result.best.aiShare).toBe(1);
    // It is the pure lease (go-live 0 = the default conversion here).
    const pure = projectSite(inputs).options.find((o) => o.id === 'ai-lease');
    expect(result.best.npvUsd).toBeCloseTo(pure?.npvUsd ?? Number.NaN, -1);
    // The frontier rises in equal steps (linear pre-tax): each 10% adds a tenth of (lease - mining).
    const gain = (result.best.npvUsd - result.miningNpvUsd) / 10;
    result.frontier.forEach((p, k) => {
      expect(p.npvUsd).toBeCloseTo(result.miningNpvUsd + k * gain, -1);
    });
    // The best plan starting in a year: the lease from month 12, worth less than now.
    const later = result.startingFrom(12);
    expect(later?.firstStartMonth).toBe(12);
    expect(later?.plan.tranches.every((t) => t.goLiveMonth >= 12)).toBe(true);
    expect((later?.npvUsd ?? 0) < result.best.npvUsd).toBe(true);
  });

  it('AI options that lose money per MW: keep mining the whole site', () => {
    const inputs = baseProjection({
      conversionMonths: 12,
      lease: { ...baseProjection().lease, leaseUsdPerKwMonth: 1 },
      gpu: { ...baseProjection().gpu, gpuUsdPerHour: 0.01 },
    });
    const result = searchPlans(new PlanParts(inputs), grid(60, 12));
    expect(result.best.plan.tranches).toEqual([]);
    expect(result.best.npvUsd).toBe(result.miningNpvUsd);
    expect(result.frontier[0]?.aiShare).toBe(0);
  });

  it('a hand-built case: mining earns nothing, a lease rent from go-live to the horizon: all lease now', () => {
    // Power at $1/kWh: mining never covers its power, is curtailed every month and its miners (resale $0) are
    // worth nothing: NPV 0. The lease: no fit-out, no opex share, the tenant pays the power, no ramp, no
    // residual: 341 / 1.3 = 262.3077 IT MW x 1000 kW x $100/kW-month = R = $26,230,769.23 a month from the
    // month after go-live to month 60. At 10% a year, v = 1.1^(-1/12); going live at g it is worth
    // R x (v^(g+1) + ... + v^60) = R x (v^(g+1) - v^61) / (1 - v). The GPU cloud at $0.01/GPU-hour loses its
    // capex. So the best plan is the whole site leased from month 0, worth R x (v - v^61) / (1 - v) =
    // 26,230,769.23 x 47.537 = $1.2470B; each 10% of the site adds a tenth of it; the best start in a year (month 12) gives up
    // R x (v - v^13) / (1 - v), the first year's rent.
    const inputs = leaseOnlyProjection();
    const R = (341 / 1.3) * 1000 * 100;
    const v = 1.1 ** (-1 / 12);
    const worth = (g: number) => (R * (v ** (g + 1) - v ** 61)) / (1 - v);
    expect(worth(0)).toBeCloseTo(1.247e9, -6);
    const result = searchPlans(new PlanParts(inputs), grid(60, 0));
    expect(result.miningNpvUsd).toBe(0);
    expect(result.best.plan.tranches).toEqual([{ option: 'ai-lease', mw: 341, goLiveMonth: 0 }]);
    expect(result.best.npvUsd).toBeCloseTo(worth(0), 0);
    result.frontier.forEach((p, k) => {
      expect(p.npvUsd).toBeCloseTo((k / 10) * worth(0), 0);
    });
    const inAYear = result.startingFrom(12);
    expect(inAYear?.plan.tranches).toEqual([{ option: 'ai-lease', mw: 341, goLiveMonth: 12 }]);
    expect((inAYear?.npvUsd ?? 0) - result.best.npvUsd).toBeCloseTo(-(R * (v - v ** 13)) / (1 - v), 0);
  });
});

describe("the search's valuation", () => {
  it('pre-tax and taxed, every ranked plan is worth what its own projection says', () => {
    for (const taxRate of [0, 0.21]) {
      const inputs = baseProjection({
        years: 5,
        conversionMonths: 12,
        residual: 'economic',
        leaseTermMonths: 120,
        difficultyGrowthPerMonth: 0.02,
        taxRate,
      });
      const parts = new PlanParts(inputs);
      const result = searchPlans(parts, grid(60, 12));
      expect(result.method).toBe(taxRate > 0 ? 'evaluated' : 'linear');
      for (const p of [...result.top, ...result.frontier]) {
        const own = planNpv(p.plan, parts);
        expect(Math.abs(p.npvUsd - own)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(own)));
      }
    }
  });

  it('counts the plans it evaluates: 1 + 10 x 2 x S single tranches + 45 splits x (4 S(S-1)/2 + S) pairs', () => {
    // S starts; one tranche: 10 shares x 2 options x S; two: 45 (a, b) splits of 2..10 steps, each with 4
    // option pairs over S(S-1)/2 ordered start pairs, and one (lease, GPU) pair for each start shared.
    const inputs = baseProjection({ conversionMonths: 12 });
    const g = grid(60, 12);
    const S = g.startMonths.length;
    const result = searchPlans(new PlanParts(inputs), g);
    expect(result.evaluated).toBe(1 + 10 * 2 * S + 45 * (4 * ((S * (S - 1)) / 2) + S));
  });
});
