/** Humane number formatting for tables. Never prints NaN or Infinity: undefined quantities are "n/a". */
import { formatAge } from '../core/duration.js';

export const NA = 'n/a';

const isNumber = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** $1.23B, $456.7M, $12.3k, $12.34. */
export function usd(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a === 0) return '$0';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(a >= 1e11 ? 0 : 2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e4) return `${sign}$${trimZeros((a / 1e3).toFixed(1))}k`;
  if (a >= 100) return `${sign}$${a.toFixed(0)}`;
  return `${sign}$${a.toFixed(2)}`;
}

/**
 * Digits with thousands separators: 89,097; 324.8. Hand-rolled on purpose: the first toLocaleString() call
 * loads ICU number formatting, ~25 ms of every table run.
 */
export function grouped(n: number, decimals = 0): string {
  const [whole = '', fraction] = Math.abs(n).toFixed(decimals).split('.');
  const sign = n < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

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

export function years(n: number | null | undefined): string {
  return isNumber(n) ? `${n.toFixed(1)} y` : NA;
}

/** "4 s old", "3 min old", "367 days old". */
export function ageText(fromMs: number, nowMs: number): string {
  return `${formatAge(nowMs - fromMs)} old`;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
