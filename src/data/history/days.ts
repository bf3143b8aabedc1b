/** UTC calendar days as YYYY-MM-DD strings. Pure. */

export const DAY_MS = 86_400_000;
export const DAY_SEC = 86_400;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Unix ms of the day's first instant (00:00:00 UTC). */
export function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Unix ms of the next UTC midnight: the day is [dayStartMs, dayEndMs). */
export function dayEndMs(date: string): number {
  return dayStartMs(date) + DAY_MS;
}

export function dateOfMs(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

export function dateOfSec(sec: number): string {
  return dateOfMs(sec * 1000);
}

export function addDays(date: string, n: number): string {
  return dateOfMs(dayStartMs(date) + n * DAY_MS);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayStartMs(b) - dayStartMs(a)) / DAY_MS);
}
