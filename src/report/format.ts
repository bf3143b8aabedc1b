/** Humane number formatting for tables. Never prints NaN or Infinity: undefined quantities are "n/a". */

import { grouped } from '../catalog/text.js';
import { formatAge } from '../core/duration.js';
import { IRR_NOTES } from '../core/finance.js';
import { dateOf } from '../core/history.js';

export const NA = 'n/a';

const isNumber = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const MONEY_SCALES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * Money in one rule: three significant digits from $100 up, with k, M, B and T ($350, $1.23k, $350k, $343k,
 * $1.23B, $13.2T); scientific from a thousand trillion on ($1.32e16), never a long mantissa. Under $100,
 * cents ($35.24, $0.50); under a cent, two significant digits ($0.0042).
 */
export function usd(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a === 0) return '$0';
  if (a < 0.01) return `${sign}$${a.toPrecision(2)}`;
  // Rounded first, so 999.96k reads $1.00M, never $1000k.
  const r = a < 100 ? Number(a.toFixed(2)) : Number(a.toPrecision(3));
  if (r < 100) return `${sign}$${r.toFixed(2)}`;
  if (r < 1e3) return `${sign}$${r.toFixed(0)}`;
  if (r >= 1e15) return `${sign}$${r.toExponential(2).replace('e+', 'e')}`;
  for (const [scale, suffix] of MONEY_SCALES)
    if (r >= scale) return `${sign}$${(r / scale).toPrecision(3)}${suffix}`;
  return `${sign}$${r.toFixed(0)}`;
}

/**
 * A quantity with `digits` significant digits and thousands separators, trailing zeros dropped: 341, 0.001,
 * 324.8, 12,345 (a whole number is never rounded to fewer digits than it has). For MW, TH/s and the like.
 */
export function significant(n: number | null | undefined, digits = 4): string {
  if (!isNumber(n)) return NA;
  if (n === 0) return '0';
  if (Math.abs(n) >= 10 ** digits) return grouped(n, 0);
  const shown = Number(n.toPrecision(digits));
  if (Math.abs(shown) < 1e-6) return shown.toPrecision(Math.min(digits, 2));
  const text = String(shown);
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  return grouped(shown, decimals);
}

/** Hashrate from TH/s in the unit that reads best: 270 TH/s, 317.7 PH/s, 24.06 EH/s. */
export function hashrateThs(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const scales: [number, string][] = [
    [1e9, 'ZH/s'],
    [1e6, 'EH/s'],
    [1e3, 'PH/s'],
  ];
  for (const [scale, unit] of scales) if (Math.abs(n) >= scale) return `${significant(n / scale)} ${unit}`;
  return `${significant(n)} TH/s`;
}

export { formatAge, grouped };

/** USD with full digits and separators: $84,775. */
export function usdExact(n: number | null | undefined, decimals = 0): string {
  if (!isNumber(n)) return NA;
  return `${n < 0 ? '-' : ''}$${grouped(Math.abs(n), decimals)}`;
}

/** Small prices such as $/kWh: 0.098, 1.28, 0.0042. */
export function price(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (a >= 1000) return grouped(n, 0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  if (a >= 0.01) return n.toFixed(3);
  return n.toPrecision(2);
}

/** Integers and quantities with separators: 89,098; 324.8. */
export function num(n: number | null | undefined, decimals = 0): string {
  if (!isNumber(n)) return NA;
  return grouped(n, decimals);
}

/** Multiples: 1.6x, 12.7x, 140x; under 0.1, two significant digits (0.0066x), never "0.0x". */
export function multiple(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const a = Math.abs(n);
  if (a === 0) return '0x';
  if (a < 0.1) return `${Number(n.toPrecision(2))}x`;
  return `${a >= 100 ? n.toFixed(0) : n.toFixed(1)}x`;
}

/** Fractions as percents: 0.025 -> 2.5%. */
export function percent(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  return `${trimZeros((n * 100).toFixed(2))}%`;
}

/** Difficulty and hashes in SI: 152.27T. */
export function si(n: number | null | undefined, unit = ''): string {
  if (!isNumber(n)) return NA;
  const prefixes: [number, string][] = [
    [1e21, 'Z'],
    [1e18, 'E'],
    [1e15, 'P'],
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, prefix] of prefixes) {
    if (Math.abs(n) >= scale) return `${(n / scale).toFixed(2)}${prefix}${unit}`;
  }
  return `${n.toFixed(2)}${unit}`;
}

/** Years to one decimal: 3.5 y; a positive figure that would round to 0.0 reads "< 0.1 y". */
export function years(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  if (n > 0 && n < 0.05) return '< 0.1 y';
  return `${n.toFixed(1)} y`;
}

/** "4 s old", "3 min old", "367 days old". */
export function ageText(fromMs: number, nowMs: number): string {
  return `${formatAge(nowMs - fromMs)} old`;
}

/** The UTC date of a Unix ms time, YYYY-MM-DD. */
export const isoDate = dateOf;

/** An IRR cell: the rate, else n/a with a short reason ("no outlay", "borrowing profile", "no rate"). */
export function irrText(irr: number | null | undefined, note: string | null | undefined): string {
  if (isNumber(irr)) return percent(irr);
  const reason =
    note === IRR_NOTES.noSignChange
      ? 'no outlay'
      : note === IRR_NOTES.borrowing
        ? 'borrowing profile'
        : note === IRR_NOTES.noRoot
          ? 'no rate'
          : null;
  return reason ? `${NA} (${reason})` : NA;
}
