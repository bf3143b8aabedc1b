/**
 * The verdict's robustness (src/core/risk/robust.ts): clear when no decisive driver in its plausible range
 * changes the first-ranked option, too close to call otherwise, with each flip at the value where the lead
 * changes hands (checked against direct projections); scale drivers evaluated in one pass exactly as a
 * rebuilt projection.
 */
import { describe, expect, it } from 'vitest';
import { breakevensVsMining } from '../../src/core/breakeven.js';
import { type ProjectionInputs, projectSite } from '../../src/core/projection/index.js';
import { plausibleRanges, robustness } from '../../src/core/risk/robust.js';
import { DeltaEvaluator, withDriver } from '../../src/core/risk/sensitivity.js';
import type { OptionId } from '../../src/core/units.js';
import { baseProjection } from './projection-inputs.js';

const npvs = (i: ProjectionInputs) => {
  const p = projectSite(i, undefined, { npvOnly: true });
  return Object.fromEntries(p.options.map((o) => [o.id, o.npvUsd])) as Record<OptionId, number>;
};
const leader = (i: ProjectionInputs) =>
  (Object.entries(npvs(i)) as [OptionId, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))[0];

describe('robust verdict', () => {
  it('is clear when no driver in its plausible range changes the leader (a lease rate far above the rest)', () => {
    const inputs = baseProjection({ lease: { ...baseProjection().lease, leaseUsdPerKwMonth: 1000 } });
    expect(leader(inputs)).toBe('ai-lease');
    const r = robustness(inputs, plausibleRanges(inputs));
    expect(r.bestOptionId).toBe('ai-lease');
    expect(r.robust).toBe(true);
    expect(r.flips).toEqual([]);
  });

  it('is too close to call when a driver flips it, naming the value where the lead changes hands', () => {
    // The GPU cloud a little ahead of keeping mining: a GPU-hour price 5% above its breakeven against mining,
    // so that the plausible low (-20%) hands the lead back.
    const base = baseProjection();
    const breakeven = breakevensVsMining(base, projectSite(base))['gpu-cloud'].gpuUsdPerHour?.value as number;
    const crossing = withDriver(base, 'gpu-hour-price', breakeven * 1.05);
    expect(leader(crossing)).toBe('gpu-cloud');
    const r = robustness(crossing, plausibleRanges(crossing));
    expect(r.robust).toBe(false);
    const flip = r.flips.find((f) => f.driver === 'gpu-hour-price');
    expect(flip).toBeDefined();
    if (!flip) return;
    expect(flip.unit).toBe('USD per GPU-hour');
    expect(flip.value).toBeLessThan(crossing.gpu.gpuUsdPerHour);
    expect(flip.value).toBeGreaterThanOrEqual(flip.low);
    // Either side of the value (0.1% away), direct projections rank differently.
    expect(leader(withDriver(crossing, 'gpu-hour-price', flip.value * 1.001))).toBe('gpu-cloud');
    expect(leader(withDriver(crossing, 'gpu-hour-price', flip.value * 0.999))).toBe(flip.toOptionId);
    expect(flip.toOptionId).not.toBe('gpu-cloud');
    expect(flip.value / breakeven).toBeCloseTo(1, 3);
  });

  it('states each plausible range with its basis, widening difficulty growth to the 2025-26 record', () => {
    const ranges = plausibleRanges(baseProjection({ difficultyGrowthPerMonth: 0.014 }));
    const difficulty = ranges.find((r) => r.id === 'difficulty-growth');
    expect(difficulty).toMatchObject({ low: -0.02, high: 0.03 });
    expect(difficulty?.basis).toMatch(/2025-26/);
    const btc = ranges.find((r) => r.id === 'btc-price');
    expect(btc?.low).toBeCloseTo(84_775 * 0.8, 6);
    expect(btc?.basis).toMatch(/sensitivity default/);
    expect(ranges.find((r) => r.id === 'utilization')?.high).toBeLessThanOrEqual(1);
    for (const r of ranges) expect(r.low).toBeLessThanOrEqual(r.high);
  });

  it('evaluates a lease rate, a GPU-hour price and utilization in one pass exactly as a rebuilt projection', () => {
    const inputs = baseProjection({
      residual: 'economic',
      taxRate: 0.21,
      conversionMonths: 12,
      gpuPriceDeclinePerYear: 0.1,
      difficultyGrowthPerMonth: 0.014,
      leaseTermMonths: 180,
      rampMonths: 6,
    });
    const evaluator = new DeltaEvaluator(inputs);
    const trials: [Parameters<typeof withDriver>[1], number][] = [
      ['lease-rate', 97.3],
      ['lease-rate', 211],
      ['gpu-hour-price', 1.37],
      ['gpu-hour-price', 3.9],
      ['utilization', 0.61],
    ];
    for (const [id, value] of trials) {
      const got = evaluator.at([[id, value]]).npvUsd;
      const want = npvs(withDriver(inputs, id, value));
      for (const o of ['mining', 'ai-lease', 'gpu-cloud'] as const)
        expect(got[o] / want[o], `${id}=${value} ${o}`).toBeCloseTo(1, 12);
    }
    // None of them built anything but the base.
    expect(evaluator.evaluations).toBe(1);
    // A grid cell of a rebuilt driver and a scale driver: the row's flows once, the scale in one pass.
    const cell = evaluator.at([
      ['gpu-capex', 30_000],
      ['gpu-hour-price', 2.1],
    ]).npvUsd;
    const want = npvs(withDriver(withDriver(inputs, 'gpu-capex', 30_000), 'gpu-hour-price', 2.1));
    expect(cell['gpu-cloud'] / want['gpu-cloud']).toBeCloseTo(1, 12);
    expect(cell.mining).toBe(want.mining);
  });
});
