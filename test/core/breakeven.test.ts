/** Breakevens between options, each verified by substituting it back into the real model. */
import { describe, expect, it } from 'vitest';
import { breakevensVsMining, solveInRange } from '../../src/core/breakeven.js';
import { type ProjectionInputs, projectSite } from '../../src/core/projection/index.js';
import { baseProjection } from './projection-inputs.js';

const npv = (inputs: ProjectionInputs, id: string) =>
  projectSite(inputs).options.find((o) => o.id === id)?.npvUsd as number;

describe('solveInRange', () => {
  it('finds the root of a monotone function and the one nearest a value when there are several', () => {
    expect(solveInRange((x) => x * x - 2, 0.1, 10, 1)).toBeCloseTo(Math.SQRT2, 6);
    // Roots 2 and 7: the one nearest 6 is 7.
    expect(solveInRange((x) => (x - 2) * (x - 7), 1, 10, 6)).toBeCloseTo(7, 6);
    expect(solveInRange((x) => (x - 2) * (x - 7), 1, 10, 3)).toBeCloseTo(2, 6);
    expect(solveInRange((x) => x - 0.3, 0, 2, 0.04)).toBeCloseTo(0.3, 9);
    expect(solveInRange((x) => x + 1, 1, 10, 5)).toBeNull();
  });
});

describe('breakevens vs mining, substituted back', () => {
  const inputs = baseProjection({
    conversionMonths: 12,
    difficultyGrowthPerMonth: 0.01,
    gpuPriceDeclinePerYear: 0.2,
    gpuLifeMonths: 60,
    residual: 'book',
  });
  const base = projectSite(inputs);
  const found = breakevensVsMining(inputs, base);
  const scale = Math.abs(npv(inputs, 'mining')) + Math.abs(npv(inputs, 'ai-lease'));

  it('the BTC price at which mining is worth the lease', () => {
    const btc = found['ai-lease'].btcUsd.value as number;
    const at = { ...inputs, network: { ...inputs.network, btcUsd: btc } };
    expect(Math.abs(npv(at, 'ai-lease') - npv(at, 'mining'))).toBeLessThan(1e-5 * scale);
    // Hashprice moves one for one with BTC/USD.
    expect(found['ai-lease'].hashpriceUsdPerPhDay.value).toBeCloseTo(
      (base.hashpriceUsdPerPhDayToday * btc) / inputs.network.btcUsd,
      6,
    );
  });

  it('the power price at which they are equal', () => {
    const power = found['ai-lease'].powerUsdPerKwh.value as number;
    const at = {
      ...inputs,
      mining: { ...inputs.mining, powerUsdPerKwh: power },
      lease: { ...inputs.lease, powerUsdPerKwh: power },
      gpu: { ...inputs.gpu, powerUsdPerKwh: power },
    };
    expect(Math.abs(npv(at, 'ai-lease') - npv(at, 'mining'))).toBeLessThan(1e-5 * scale);
  });

  it('the lease rate and the GPU-hour price at which each AI option equals mining', () => {
    const rate = found['ai-lease'].leaseUsdPerKwMonth?.value as number;
    const leaseAt = { ...inputs, lease: { ...inputs.lease, leaseUsdPerKwMonth: rate } };
    expect(Math.abs(npv(leaseAt, 'ai-lease') - npv(leaseAt, 'mining'))).toBeLessThan(1e-5 * scale);
    const price = found['gpu-cloud'].gpuUsdPerHour?.value as number;
    const gpuAt = { ...inputs, gpu: { ...inputs.gpu, gpuUsdPerHour: price } };
    expect(Math.abs(npv(gpuAt, 'gpu-cloud') - npv(gpuAt, 'mining'))).toBeLessThan(
      1e-5 * (scale + Math.abs(npv(gpuAt, 'gpu-cloud'))),
    );
  });

  it('is null with the reason when nothing in the range equalizes them', () => {
    // A lease paying nothing above its costs for ever at any rate: with no fit-out but the site idle and
    // the lease term 0 months, the lease earns nothing whatever its rate.
    const dead = baseProjection({ leaseTermMonths: 0 });
    const r = breakevensVsMining(dead, projectSite(dead));
    expect(r['ai-lease'].leaseUsdPerKwMonth?.value).toBeNull();
    expect(r['ai-lease'].leaseUsdPerKwMonth?.note).toMatch(/no lease rate from/);
  });
});
