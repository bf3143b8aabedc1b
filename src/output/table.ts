/** Tables on cli-table3, without its own colours (we colour cells ourselves, only when colour is on). */
import Table from 'cli-table3';

export function renderTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight = true,
): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    colAligns: head.map((_, i) => (i === 0 || !alignRight ? 'left' : 'right')),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}
