/** Number parsing is linear: a long text is read or refused at once (no regex backtracking). */
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/inputs/parse.js';

describe('readNumber on long texts', () => {
  // Before the fix each of these took minutes (quadratic backtracking over the run of digits).
  const digits = '1'.repeat(200_000);

  it('refuses a long run of digits followed by junk at once', () => {
    expect(readNumber(`${digits}x!`, { suffixes: true })).toBeNaN();
    expect(readNumber(`${digits}.5x!`, { percent: true })).toBeNaN();
    expect(readNumber(`1,000${',000'.repeat(50_000)}.5e3 kx`)).toBeNaN();
  });

  it('still reads the numbers it read before', () => {
    expect(readNumber('341')).toBe(341);
    expect(readNumber('12.')).toBe(12);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('-1.5e3')).toBe(-1500);
    expect(readNumber('84,775.5')).toBe(84775.5);
    expect(readNumber('2.5%', { percent: true })).toBeCloseTo(0.025);
    expect(readNumber('27.5 k', { suffixes: true })).toBe(27500);
    expect(readNumber('$10M', { suffixes: true })).toBe(10_000_000);
    expect(readNumber(digits)).toBe(Number(digits));
  });
});
