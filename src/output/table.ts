/** Tables on cli-table3, without its own colours (cells are coloured by the caller when colour is on). */
import Table from 'cli-table3';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what is being removed
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(ANSI, '').length;

/** Renders a table no wider than maxWidth when it can: the widest column wraps. */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight = true,
  maxWidth = 100,
): string {
  const widths = head.map(
    (h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))) + 2,
  );
  const total = widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  let colWidths: number[] | undefined;
  if (total > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    const shrunk = (widths[widest] ?? 0) - (total - maxWidth);
    if (shrunk >= 12) colWidths = widths.map((w, i) => (i === widest ? shrunk : w));
  }
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    colAligns: head.map((_, i) => (i === 0 || !alignRight ? 'left' : 'right')),
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}
