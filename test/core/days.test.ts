/** The civil-date arithmetic against the engine's Date, over every day from 1970 to 2100. */
import { describe, expect, it } from 'vitest';
import { addDays, dateOfMs, dayEndMs, dayStartMs, isDate } from '../../src/core/days.js';

describe('UTC days', () => {
  it('agree with Date for every day from 1970 to 2100', () => {
    for (let ms = 0; ms < Date.UTC(2100, 0, 1); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      if (dateOfMs(ms) !== iso || dateOfMs(ms + 86_399_999) !== iso || dayStartMs(iso) !== ms || !isDate(iso))
        throw new Error(`disagree on ${iso}`);
    }
    expect(dayEndMs('2025-12-31')).toBe(Date.UTC(2026, 0, 1));
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('reject what is not a calendar date in YYYY-MM-DD', () => {
    for (const text of [
      '2025-02-29',
      '2024-02-30',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '2025/01/01',
      ' 2025-01-01',
      '2100-02-29',
    ]) {
      expect(isDate(text)).toBe(false);
    }
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
  });
});
