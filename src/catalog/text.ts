/**
 * Thousands grouping for catalog notes (4,248), without toLocaleString: its first call loads ICU's number
 * formatting, ~25 ms of every run, and catalog modules load at startup.
 */
export function grouped(n: number): string {
  const [whole = '', fraction] = Math.abs(n).toString().split('.');
  const sign = n < 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
