/**
 * Plans (core/projection/plan.ts): a site split and phased into tranches. Identities with the pure options:
 * one tranche at 100% is the pure option; pre-tax, a split plan's NPV is the MW-weighted sum of the pure
 * options' NPVs at the same go-lives (the flows are linear in MW and the tax is what couples the parts).
 */
import { describe, expect, it } from 'vitest';
import { npvMonthly } from '../../src/core/finance.js';
import {
  evaluateFlows,
  PlanParts,
  planNpv,
  planProblem,
  planSimulationFlows,
  projectPlan,
  projectSite,
} from '../../src/core/projection/index.js';
import { baseProjection, everyBranchProjection } from './projection-inputs.js';

const npvOf = (p: ReturnType<typeof projectSite>, id: string) => {
  const o = p.options.find((x) => x.id === id);
  if (!o) throw new Error(id);
  return o.npvUsd;
};
const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('a plan of one tranche at 100% of the site, at the default go-live', () => {
  for (const [name, inputs] of [
    ['flat, pre-tax', baseProjection({ conversionMonths: 12, rampMonths: 6 })],
    ['every branch: 21% tax, book residual, new fleet, refreshes', everyBranchProjection()],
    [
      'economic residual, fixed site costs, idle during the build',
      baseProjection({
        conversionMonths: 9,
        residual: 'economic',
        siteFixedUsdPerMwMonth: 5_000,
        salvageUsdPerMwIt: 1e6,
        leaseTermMonths: 120,
        idleDuringBuild: true,
        minerResaleUsdPerTh: 5,
        taxRate: 0.21,
      }),
    ],
  ] as const) {
    it(`equals the pure option (${name})`, () => {
      const pure = projectSite(inputs);
      const months = Math.round(inputs.years * 12);
      for (const option of ['ai-lease', 'gpu-cloud'] as const) {
        const plan = {
          tranches: [{ option, mw: 341, goLiveMonth: Math.min(inputs.conversionMonths, months) }],
        };
        const projected = projectPlan(inputs, plan);
        const o = pure.options.find((x) => x.id === option);
        if (!o) throw new Error(option);
        close(projected.npvUsd, o.npvUsd, 1e-6);
        close(projected.npvExResidualUsd, o.npvExResidualUsd, 1e-6);
        close(projected.peakFundingUsd, o.peakFundingUsd, 1e-6);
        expect(projected.paybackMonths).toBe(o.paybackMonths);
        close(planNpv(plan, new PlanParts(inputs)), o.npvUsd, 1e-6);
      }
    });
  }

  it('with no tranche MW left out, a plan of 0 MW is refused; 100% mining is keep mining', () => {
    expect(planProblem({ tranches: [] }, 341, 60)).toMatch(/at least one tranche/);
    const inputs = baseProjection();
    // A tranche of the smallest size leaves the rest mining: 1e-9 of the site converted moves the NPV by ~0.
    const tiny = projectPlan(inputs, { tranches: [{ option: 'ai-lease', mw: 341e-9, goLiveMonth: 0 }] });
    close(tiny.npvUsd, npvOf(projectSite(inputs), 'mining'), 1e-6);
  });
});

describe('a split plan, pre-tax', () => {
  it('is the MW-weighted sum of the pure options at the same go-lives', () => {
    // 150 MW lease live at 12, 50 MW GPU live at 30, 141 MW mining: NPV = 150/341 x lease(12) + 50/341 x
    // gpu(30) + 141/341 x mining, each pure option projected with its own conversion months (a go-live of 30
    // with 30 conversion months builds over months 1-30; the plan's builds over 19-30 with 12: the build's
    // capex is spread differently, so the pure GPU here is taken with the plan's build months through a
    // plan of its own at 100%).
    const inputs = baseProjection({ conversionMonths: 12, rampMonths: 6, residual: 'economic', years: 5 });
    const lease12 = npvOf(projectSite(inputs), 'ai-lease');
    const gpu30 = projectPlan(inputs, {
      tranches: [{ option: 'gpu-cloud', mw: 341, goLiveMonth: 30 }],
    }).npvUsd;
    const mining = npvOf(projectSite(inputs), 'mining');
    const plan = projectPlan(inputs, {
      tranches: [
        { option: 'ai-lease', mw: 150, goLiveMonth: 12 },
        { option: 'gpu-cloud', mw: 50, goLiveMonth: 30 },
      ],
    });
    close(plan.npvUsd, (150 / 341) * lease12 + (50 / 341) * gpu30 + (141 / 341) * mining, 1e-9);
  });

  it('with the conversion months equal to the go-live, a later tranche is the pure option at that go-live', () => {
    // The pure option with conversionMonths 30 builds over 1-30 and goes live at 30; a tranche with go-live 30
    // and conversionMonths 30 builds over the same months.
    const inputs = baseProjection({ conversionMonths: 30, years: 5 });
    const pure = projectSite(inputs);
    const plan = projectPlan(inputs, {
      tranches: [
        { option: 'ai-lease', mw: 100, goLiveMonth: 30 },
        { option: 'gpu-cloud', mw: 200, goLiveMonth: 30 },
      ],
    });
    const expected =
      (100 / 341) * npvOf(pure, 'ai-lease') +
      (200 / 341) * npvOf(pure, 'gpu-cloud') +
      (41 / 341) * npvOf(pure, 'mining');
    close(plan.npvUsd, expected, 1e-9);
  });

  it('a later build spreads its fit-out over the conversion months before its go-live', () => {
    // 12 conversion months, go-live 30: the fit-out (341 MW / 1.3 PUE x $10M per IT MW) in 12 equal parts,
    // months 19-30, nothing before.
    const inputs = baseProjection({ conversionMonths: 12 });
    const plan = projectPlan(inputs, { tranches: [{ option: 'ai-lease', mw: 341, goLiveMonth: 30 }] });
    const fitOut = (341 / 1.3) * 10e6;
    for (let m = 1; m <= 18; m++) expect(plan.months[m]?.capexUsd).toBe(0);
    for (let m = 19; m <= 30; m++) close(plan.months[m]?.capexUsd ?? Number.NaN, fitOut / 12, 1e-12);
  });
});

describe('a split plan, taxed', () => {
  it('is taxed on its combined flows: one loss offsets the other month by month', () => {
    // At a 21% flat tax on positive EBIT month by month, the sum of the parts' taxes is at least the combined
    // flows' tax (max(0, a) + max(0, b) >= max(0, a + b)), so the plan is worth at least the weighted sum.
    const inputs = everyBranchProjection();
    const parts = new PlanParts(inputs);
    const plan = {
      tranches: [{ option: 'ai-lease' as const, mw: 170.5, goLiveMonth: 9 }],
    };
    const weighted =
      0.5 * npvOf(projectSite(inputs), 'ai-lease') + 0.5 * npvOf(projectSite(inputs), 'mining');
    expect(planNpv(plan, parts)).toBeGreaterThanOrEqual(weighted - 1e-6 * Math.abs(weighted));
  });

  it('evaluates the same cash as its months report', () => {
    const inputs = everyBranchProjection();
    const plan = { tranches: [{ option: 'gpu-cloud' as const, mw: 100, goLiveMonth: 24 }] };
    const projected = projectPlan(inputs, plan);
    const cash = Float64Array.from(projected.months.map((m) => m.cashFlowUsd));
    close(npvMonthly(inputs.annualDiscountRate, cash), projected.npvUsd, 1e-12);
    close(planNpv(plan, new PlanParts(inputs)), projected.npvUsd, 1e-12);
    expect(evaluateFlows).toBeTypeOf('function');
  });
});

describe('the problems of a plan', () => {
  it('names MW beyond the site and a go-live beyond the horizon', () => {
    const t = (mw: number, goLiveMonth: number) => ({ option: 'ai-lease' as const, mw, goLiveMonth });
    expect(planProblem({ tranches: [t(200, 12), t(200, 24)] }, 341, 60)).toMatch(
      /400 MW exceed the site's 341 MW/,
    );
    expect(planProblem({ tranches: [t(100, 60)] }, 341, 60)).toMatch(/0 to 59/);
    expect(planProblem({ tranches: [t(0, 12)] }, 341, 60)).toMatch(/above 0/);
    expect(planProblem({ tranches: [t(341, 12)] }, 341, 60)).toBeNull();
  });
});

describe("a plan's flows for the Monte Carlo", () => {
  it('carry a lease tranche as a fixed negative cost: the same cash at the deterministic prices', () => {
    // planSimulationFlows moves a lease tranche's rent net of its opex share into fixedOpex (the same EBITDA
    // month by month), so that the simulation's GPU rent factor scales only the GPU tranches' revenue.
    for (const inputs of [everyBranchProjection(), baseProjection({ conversionMonths: 12, taxRate: 0.21 })]) {
      const parts = new PlanParts(inputs);
      const plan = {
        tranches: [
          { option: 'ai-lease' as const, mw: 120, goLiveMonth: 12 },
          { option: 'gpu-cloud' as const, mw: 80, goLiveMonth: 24 },
        ],
      };
      const { flows, rentIsRandom } = planSimulationFlows(plan, parts);
      expect(rentIsRandom).toBe(true);
      const cash = evaluateFlows(flows, inputs.taxRate, new Float64Array(flows.length));
      close(npvMonthly(inputs.annualDiscountRate, cash), planNpv(plan, parts), 1e-9);
    }
  });
});
