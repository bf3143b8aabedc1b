/**
 * A table printed as blocks, for a terminal too narrow for its grid: one block per data column (a label/value
 * line per row) or one per row (a title line, then "heading: value" pairs). Every column is shown; nothing is
 * cut. Blocks are separated by a blank line.
 */

import { type Cell, lines, type Paint, padEnd, TEXT_FLOOR, widest, wrapTo } from './cell-text.js';
import type { TableBlock } from './document.js';
import { visibleLength, wrapLine } from './wrap.js';

/**
 * "label  value" lines, labels padded to `labelWidth` (the same in every block, so they line up); labels wrap
 * when `labelWidth` is less than the longest, or, below a readable width, the value goes under its label.
 */
function pairs(
  items: { label: string; value: Cell }[],
  labelWidth: number,
  width: number,
  paint: Paint,
): string[] {
  const out: string[] = [];
  for (const { label, value } of items) {
    if (labelWidth >= TEXT_FLOOR || labelWidth >= Math.max(0, ...items.map((p) => widest(p.label)))) {
      const labelLines = wrapTo(label, labelWidth);
      out.push(`  ${padEnd(labelLines[0] ?? '', labelWidth)}  ${paint(value.tone, value.text)}`.trimEnd());
      for (const more of labelLines.slice(1)) out.push(`  ${more}`);
    } else {
      for (const l of wrapTo(label, width - 2)) out.push(`  ${l}`);
      for (const l of wrapTo(value.text, width - 4)) out.push(`    ${paint(value.tone, l)}`);
    }
  }
  return out;
}

/** One block per data column: its heading, then a label/value line per row. */
export function stackColumns(
  block: TableBlock,
  rows: Cell[][],
  width: number,
  paint: Paint,
  bold: Paint,
): string {
  const labelWidth = Math.max(0, ...rows.map((r) => widest(r[0]?.text ?? '')));
  const valueWidth = Math.max(0, ...rows.flatMap((r) => r.slice(1).map((c) => widest(c.text))));
  const fit = Math.min(labelWidth, width - 2 - 2 - valueWidth);
  const blocks = block.head.slice(1).map((head, j) => {
    const items = rows.map((r) => ({ label: r[0]?.text ?? '', value: r[j + 1] ?? { text: '' } }));
    return [...wrapTo(head, width).map((l) => bold(undefined, l)), ...pairs(items, fit, width, paint)].join(
      '\n',
    );
  });
  return blocks.join('\n\n');
}

/** One block per row: its title line, then "heading: value" pairs packed into lines of the width. */
export function stackRows(
  block: TableBlock,
  rows: Cell[][],
  width: number,
  paint: Paint,
  bold: Paint,
): string {
  const titleColumns = Math.max(1, block.titleColumns ?? 1);
  const blocks = rows.map((row) => {
    const title = row
      .slice(0, titleColumns)
      .filter((c) => c.text !== '')
      .map((c) => paint(c.tone, c.text))
      .join('  ');
    const out = lines(wrapLine(bold(undefined, title), width, 2));
    let current = '';
    for (let i = titleColumns; i < block.head.length; i++) {
      const cell = row[i];
      if (!cell || cell.text === '') continue;
      const head = block.head[i] ?? '';
      const piece = `${head === '' ? '' : `${head}: `}${paint(cell.tone, cell.text.replace(/\n/g, ' '))}`;
      const next = current === '' ? `  ${piece}` : `${current}  ${piece}`;
      if (current !== '' && visibleLength(next) > width) {
        out.push(current);
        current = `  ${piece}`;
      } else current = next;
    }
    if (current !== '') out.push(...lines(wrapLine(current, width, 2)));
    return out.join('\n');
  });
  return blocks.join('\n\n');
}
