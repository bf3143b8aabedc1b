/** The power contract (issue 23): escalator, fixed price then the market's, take-or-pay, demand and transmission. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuCloudEconomics } from '../../src/core/ai.js';
import { npvMonthly } from '../../src/core/finance.js';
import {
  evaluateFlows,
  Flows,
  NO_POWER_CONTRACT,
  type PowerContract,
  type ProjectionInputs,
  projectSite,
  scaledFlowsNpv,
  scaledNpv,
  siteFlows,
} from '../../src/core/projection/index.js';
import { baseProjection, everyBranchProjection } from './projection-inputs.js';

const contract = (over: Partial<PowerContract>): PowerContract => ({ ...NO_POWER_CONTRACT, ...over });
const built = (inputs: ProjectionInputs, id: string) => {
  const found = siteFlows(inputs).options.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found.flows;
};
const option = (inputs: ProjectionInputs, id: string) => {
  const found = projectSite(inputs).options.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found;
};
// A month's discount at 10% a year: a = 1.1^(1/12) - 1; an annuity of n months: (1 - (1+a)^-n) / a.
const a = 1.1 ** (1 / 12) - 1;
const annuity = (n: number) => (1 - (1 + a) ** -n) / a;

describe('--power-escalator', () => {
  it('steps the energy bill up each projection year and changes nothing else', () => {
    const flat = baseProjection();
    const escalated = baseProjection({ powerContract: contract({ escalatorPerYear: 0.03 }) });
    for (const id of ['mining', 'gpu-cloud']) {
      const before = built(flat, id);
      const after = built(escalated, id);
      const energy = id === 'mining' ? 'miningEnergy' : 'aiFixedOpex';
      // Months 1-12 at today's price; month 13 = month 1 x 1.03; month 25 = month 1 x 1.03^2.
      expect(after[energy][1]).toBe(before[energy][1]);
      expect(after[energy][12]).toBe(before[energy][1]);
      expect(after[energy][13]).toBeCloseTo((before[energy][1] as number) * 1.03, 6);
      expect(after[energy][25]).toBeCloseTo((before[energy][1] as number) * 1.03 ** 2, 6);
      for (const other of ['miningRevenue', 'aiRevenue', 'miningOtherOpex', 'fixedOpex', 'capex'] as const)
        expect(after[other]).toEqual(before[other]);
    }
    // The GPU cloud's energy, worked by hand: 205,731 GPUs x 1.275 kW x 1.3 x 8,760 h x $0.04 / 12.
    const gpus = Math.floor(341_000 / 1.3 / 1.275 + 1e-9);
    const month1 = (gpus * 1.275 * 1.3 * 8760 * 0.04) / 12;
    expect(gpuCloudEconomics(flat.gpu).energyUsdPerYear / 12).toBeCloseTo(month1, 6);
    const gpu = option(escalated, 'gpu-cloud').months;
    const gpuFlat = option(flat, 'gpu-cloud').months;
    expect((gpu[13]?.opexUsd as number) - (gpuFlat[13]?.opexUsd as number)).toBeCloseTo(month1 * 0.03, 4);
    expect(gpu[13]?.revenueUsd).toBe(gpuFlat[13]?.revenueUsd);
    // A triple-net lease's tenant pays its power: no change.
    expect(option(escalated, 'ai-lease').npvUsd).toBe(option(flat, 'ai-lease').npvUsd);
  });
});

describe('--power-fixed-until, then the market price', () => {
  it('holds the contract price (escalated) until its end, then the market price (not escalated)', () => {
    const inputs = baseProjection({
      powerContract: contract({ escalatorPerYear: 0.03, fixedMonths: 18, marketUsdPerKwh: 0.06 }),
    });
    const flat = built(baseProjection(), 'gpu-cloud').aiFixedOpex;
    const energy = built(inputs, 'gpu-cloud').aiFixedOpex;
    const month1 = flat[1] as number;
    expect(energy[12]).toBe(month1);
    expect(energy[18]).toBeCloseTo(month1 * 1.03, 6);
    expect(energy[19]).toBeCloseTo(month1 * 1.5, 6); // $0.06 / $0.04
    expect(energy[60]).toBeCloseTo(month1 * 1.5, 6);
  });

  it("after the contract's end a deck's power price is the market price (the last given at or before)", () => {
    const path: (number | null)[] = new Array(60).fill(null);
    path[2] = 0.05; // month 3
    path[19] = 0.07; // month 20
    const inputs = baseProjection({
      deck: { powerUsdPerKwh: path },
      powerContract: contract({ fixedMonths: 12, marketUsdPerKwh: 0.09 }),
    });
    const month1 = built(baseProjection(), 'gpu-cloud').aiFixedOpex[1] as number;
    const energy = built(inputs, 'gpu-cloud').aiFixedOpex;
    expect(energy[3]).toBe(month1); // the contract's, in its fixed months
    expect(energy[13]).toBeCloseTo(month1 * 1.25, 6); // the deck's $0.05 of month 3
    expect(energy[20]).toBeCloseTo(month1 * 1.75, 6);
  });
});

describe('take-or-pay', () => {
  it('pays its share of a curtailed month and curtails only below the avoidable costs', () => {
    // Energy $150 a month, take-or-pay 30%: curtailing still costs $45, so a month mines when its revenue
    // covers the avoidable $105. Month 1 earns $100: curtailed, -$45. Month 2 earns $110: mined, -$40.
    const flows = new Flows(3);
    flows.takeOrPay = 0.3;
    for (const m of [1, 2]) {
      flows.miningActive[m] = 1;
      flows.miningEnergy[m] = 150;
    }
    flows.miningRevenue[1] = 100;
    flows.miningRevenue[2] = 110;
    const cash = evaluateFlows(flows, 0, new Float64Array(3));
    expect(Array.from(flows.curtailed)).toEqual([0, 1, 0]);
    expect(cash[1]).toBeCloseTo(-45, 12);
    expect(cash[2]).toBeCloseTo(-40, 12);
    // Without take-or-pay both months curtail and cost nothing.
    flows.takeOrPay = 0;
    expect(Array.from(evaluateFlows(flows, 0, new Float64Array(3)))).toEqual([0, 0, 0]);
    // The solver's one pass agrees, a power-price trial scaling the take-or-pay bill with the energy.
    flows.takeOrPay = 0.3;
    const npv = npvMonthly(0.1, evaluateFlows(flows, 0, new Float64Array(3), null, null, 2));
    expect(scaledFlowsNpv(flows, 0, 0.1, 1, 1, 2)).toBe(npv);
  });

  it('in the projection: a month curtailed by a price spike pays the share of its energy', () => {
    // A deck's $0.50/kWh in month 3 only (back to $0.04 in month 4): the fleet curtails that month and mines
    // the others; with take-or-pay 50% month 3 costs half its energy bill at $0.50, where it cost nothing.
    const path: (number | null)[] = new Array(60).fill(null);
    path[2] = 0.5;
    path[3] = 0.04;
    const spike = { deck: { powerUsdPerKwh: path } };
    const inputs = baseProjection({ ...spike, powerContract: contract({ takeOrPay: 0.5 }) });
    const flows = built(inputs, 'mining');
    const months = option(inputs, 'mining').months;
    expect(months.slice(1, 6).map((m) => m.curtailed)).toEqual([false, false, true, false, false]);
    expect(months[3]?.opexUsd).toBeCloseTo((flows.miningEnergy[3] as number) * 0.5, 4);
    expect(months[3]?.revenueUsd).toBe(0);
    expect(option(baseProjection(spike), 'mining').months[3]?.opexUsd).toBe(0);
    // The energy bills reported count it.
    const bills = option(inputs, 'mining').energyUsd - option(baseProjection(spike), 'mining').energyUsd;
    expect(bills).toBeCloseTo((flows.miningEnergy[3] as number) * 0.5, 4);
  });
});

describe('demand and transmission charges', () => {
  // 341 MW = 341,000 kW; $100/kW-year of transmission = $2,841,666.67 a month for a firm load; mining pays
  // 10% of it ($284,166.67): over 60 months the NPVs fall by those times the 60-month annuity.
  const firm = (341_000 * 100) / 12;
  const inputs = baseProjection({
    powerContract: contract({ transmissionChargeUsdPerKwYear: 100, miningPeakShare: 0.1 }),
  });

  it('a firm load (lease, GPU cloud) pays in full; a curtailing miner its stated share', () => {
    const without = baseProjection();
    for (const [id, share] of [
      ['mining', 0.1],
      ['ai-lease', 1],
      ['gpu-cloud', 1],
    ] as const) {
      expect(option(without, id).npvUsd - option(inputs, id).npvUsd).toBeCloseTo(
        firm * share * annuity(60),
        0,
      );
      expect(option(inputs, id).gridChargesUsd).toBeCloseTo(firm * share * 60, 4);
    }
  });

  it('a conversion pays the mining share until go-live, then in full; $/kW-month demand charges add', () => {
    const converting = baseProjection({
      conversionMonths: 6,
      powerContract: contract({
        demandChargeUsdPerKwMonth: 2,
        transmissionChargeUsdPerKwYear: 60,
        miningPeakShare: 0.2,
      }),
    });
    const full = 341_000 * (2 + 60 / 12);
    expect(option(converting, 'ai-lease').gridChargesUsd).toBeCloseTo(full * (0.2 * 6 + 54), 4);
    const fixed = built(converting, 'ai-lease').fixedOpex;
    expect(fixed[6]).toBeCloseTo(full * 0.2, 6);
    expect(fixed[7]).toBeCloseTo(full, 6);
  });

  it('is a fixed cost: a power-price trial does not scale it', () => {
    const flows = siteFlows(inputs).options;
    const without = siteFlows(baseProjection()).options;
    const scaled = scaledNpv(inputs, flows);
    const scaledWithout = scaledNpv(baseProjection(), without);
    expect(scaledWithout('ai-lease', 1, 1, 3) - scaled('ai-lease', 1, 1, 3)).toBeCloseTo(
      firm * annuity(60),
      0,
    );
  });
});

describe('with a contract, the one-pass solver trial is still evaluateFlows then npvMonthly, to the bit', () => {
  const inputs = everyBranchProjection({
    years: 8,
    powerContract: contract({
      escalatorPerYear: 0.04,
      fixedMonths: 30,
      marketUsdPerKwh: 0.05,
      takeOrPay: 0.4,
      demandChargeUsdPerKwMonth: 1.5,
      transmissionChargeUsdPerKwYear: 80,
      miningPeakShare: 0.1,
    }),
  });
  const options = siteFlows(inputs).options;
  it('for every option and scale', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom(...options),
        (miningScale, energyScale, o) => {
          const n = o.flows.length;
          const cash = evaluateFlows(
            o.flows,
            inputs.taxRate,
            new Float64Array(n),
            new Float64Array(n).fill(miningScale),
            null,
            energyScale,
          );
          expect(scaledFlowsNpv(o.flows, inputs.taxRate, 0.1, miningScale, 1, energyScale)).toBe(
            npvMonthly(0.1, cash),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
