/**
 * UTC calendar days as YYYY-MM-DD strings. Pure, and quick: a cache holds thousands of days and is read on
 * every run, and a projection dates every month, so no Date objects or string parsing by the engine per day
 * (civil-date arithmetic after Howard Hinnant's days_from_civil / civil_from_days).
 */

export const DAY_MS = 86_400_000;
export const DAY_SEC = 86_400;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isDate(text: string): boolean {
  if (
    typeof text !== 'string' ||
    text.length !== 10 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  )
    return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && leap(y) ? 29 : (MONTH_DAYS[m - 1] as number));
}

/** Days since 1970-01-01 of a civil date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Unix ms of the day's first instant (00:00:00 UTC). */
export function dayStartMs(date: string): number {
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)) * DAY_MS;
}

/** Unix ms of the next UTC midnight: the day is [dayStartMs, dayEndMs). */
export function dayEndMs(date: string): number {
  return dayStartMs(date) + DAY_MS;
}

/**
 * The UTC calendar date of a Unix ms time, YYYY-MM-DD: the same as toISOString().slice(0, 10) for the years
 * 0 to 9999 (civil_from_days).
 */
export function dateOfMs(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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
