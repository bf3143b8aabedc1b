/**
 * The strategy use case (site/strategy.ts): the grid it states, the value of waiting and how sure its best plan
 * is, on constructed sites whose answer is known.
 */
import { describe, expect, it } from 'vitest';
import { siteStrategy } from '../../src/site/strategy.js';
import { baseProjection, leaseOnlyProjection } from '../core/projection-inputs.js';

describe('siteStrategy', () => {
  it('a lease far ahead of mining: all lease now, robust, and waiting a year costs the first year of rent', () => {
    // Mining at $1/kWh earns nothing (curtailed every month); the lease at $100/kW-month with no fit-out earns
    // R = 341 / 1.3 x 1000 x 100 = $26.23M a month from go-live (test/core/search.test.ts works it by hand).
    // No driver at either end of its plausible range (a 20% swing) brings mining back.
    const inputs = leaseOnlyProjection();
    const result = siteStrategy(inputs);
    expect(result.search.best.plan.tranches).toEqual([{ option: 'ai-lease', mw: 341, goLiveMonth: 0 }]);
    expect(result.robustness.versus).toBe('mining');
    expect(result.robustness.robust).toBe(true);
    expect(result.grid.startMonths).toContain(12);
    const R = (341 / 1.3) * 1000 * 100;
    const v = 1.1 ** (-1 / 12);
    const firstYear = (R * (v - v ** 13)) / (1 - v);
    const now = result.waiting.now?.npvUsd ?? Number.NaN;
    expect((result.waiting.inAYear?.npvUsd ?? Number.NaN) - now).toBeCloseTo(-firstYear, 0);
    expect(result.bestProjection?.npvUsd).toBeCloseTo(result.search.best.npvUsd, 0);
  });

  it('AI options that lose money: keep mining, tested against the best AI plan', () => {
    const base = baseProjection();
    const inputs = baseProjection({
      conversionMonths: 12,
      lease: { ...base.lease, leaseUsdPerKwMonth: 1 },
      gpu: { ...base.gpu, gpuUsdPerHour: 0.01 },
    });
    const result = siteStrategy(inputs);
    expect(result.search.best.plan.tranches).toEqual([]);
    expect(result.bestProjection).toBeNull();
    expect(result.robustness.versus).toBe('plan');
    expect(result.robustness.robust).toBe(true);
  });
});
