/** The history plan: days missing inside the cache are refetched, never hidden by the settled mark. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/days.js';
import { hasGap, planFees, planPrices } from '../../../src/data/history/plan.js';

const NOW = Date.UTC(2025, 11, 8, 12, 0, 0);
const HOUR = 3_600_000;

function series(from: string, to: string, missing: readonly string[] = []) {
  const days: { date: string }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!missing.includes(d)) days.push({ date: d });
  return { fetchedAtMs: NOW - 2 * HOUR, settledThrough: '2025-12-07', days };
}

describe('gaps in the history cache', () => {
  it('a complete cache asks nothing for a settled period', () => {
    const s = series('2025-01-01', '2025-12-07');
    expect(hasGap(s, '2011-01-01', '2025-01-01')).toBe(false);
    expect(planFees(s, '2025-12-07', NOW, false, '2025-01-01')).toBeUndefined();
    expect(planPrices(s, '2025-12-07', NOW, false, '2025-01-01')).toBeUndefined();
  });

  it('refetches a series with days missing inside it, or ending before its settled mark', () => {
    const inside = series('2025-01-01', '2025-12-07', ['2025-11-10', '2025-11-11']);
    expect(hasGap(inside, '2011-01-01', '2025-01-01')).toBe(true);
    // A period that does not reach the gap asks nothing.
    expect(planFees(inside, '2025-12-07', NOW, false, '2025-11-12')).toBeUndefined();
    expect(planFees(inside, '2025-12-07', NOW, false, '2025-06-01')).toEqual({ interval: 'all' });
    expect(planPrices(inside, '2025-12-07', NOW, false, '2025-06-01')).toEqual({ days: null });
    // "latest" would silently be a month-old day.
    const tail = series('2025-01-01', '2025-11-07');
    expect(planFees(tail, '2025-12-07', NOW, false, '2025-06-01')).toEqual({ interval: 'all' });
    expect(planPrices(tail, '2025-12-07', NOW, false, '2025-06-01')).toEqual({ days: null });
  });

  it("tolerates the early chain's empty days and weekly prices, and waits out a fresh fetch", () => {
    const early = series('2009-01-03', '2025-12-07', ['2009-01-04', '2013-06-02']);
    expect(hasGap(early, '2014-01-01')).toBe(false);
    expect(hasGap(series('2009-01-03', '2025-12-07', ['2009-01-04']), '2011-01-01')).toBe(false);
    const fresh = { ...series('2025-01-01', '2025-12-07', ['2025-11-10']), fetchedAtMs: NOW - 60_000 };
    expect(planFees(fresh, '2025-12-07', NOW, false, '2025-06-01')).toBeUndefined();
  });
});
