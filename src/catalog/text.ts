/**
 * Digits with thousands separators (89,097; 324.8; 4,248), the one grouping of every layer that writes
 * numbers for people: `decimals` rounds first (a figure rounded to zero shows no sign); without it the number
 * is written as it is. Hand-rolled on purpose: the first toLocaleString() call loads ICU number formatting,
 * ~25 ms of every run.
 */
export function grouped(n: number, decimals?: number): string {
  const text = decimals === undefined ? Math.abs(n).toString() : Math.abs(n).toFixed(decimals);
  const [whole = '', fraction] = text.split('.');
  const sign = n < 0 && (decimals === undefined || Number(whole + (fraction ?? '')) !== 0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
