/**
 * Tables laid out for a terminal width. A table is drawn as a grid at its natural width when that fits; else
 * its text columns wrap at word boundaries, each down to a readable floor; when even that is too wide, it is
 * printed as blocks (one per record) instead of a broken grid. Nothing is cut: a word, a number or an id a user
 * types stays whole. Layout only: no figures are computed here.
 */
import type { TableBlock, Tone } from './document.js';
import { visibleLength, wrapLine } from './wrap.js';

export type Paint = (tone: Tone | undefined, text: string) => string;

interface Cell {
  text: string;
  tone?: Tone | undefined;
}

/** A text column wraps down to this many columns of content, or to its longest word when that is wider. */
export const TEXT_FLOOR = 12;
/** A wrapped grid is readable while no cell takes more lines than this... */
const MAX_CELL_LINES = 3;
/** ...and its rows take at most this many lines each on average; past that, blocks read better. */
const MAX_LINES_PER_ROW = 1.5;

const cellOf = (cell: string | Cell): Cell => (typeof cell === 'string' ? { text: cell } : cell);
const lines = (text: string) => text.split('\n');
const widest = (text: string) => Math.max(0, ...lines(text).map(visibleLength));
const longestWord = (text: string) =>
  Math.max(0, ...lines(text).flatMap((l) => l.split(' ').map(visibleLength)));
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - visibleLength(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - visibleLength(text))) + text;

/** Width a grid takes with these content widths: one space of padding each side, a border between. */
export const gridWidth = (widths: readonly number[]) =>
  widths.reduce((sum, w) => sum + w + 2, 0) + widths.length + 1;

interface Columns {
  natural: number[];
  floor: number[];
}

function measure(block: TableBlock, rows: Cell[][]): Columns {
  const numeric = block.numeric ?? true;
  const keep = new Set(block.keepColumns ?? []);
  const natural: number[] = [];
  const floor: number[] = [];
  block.head.forEach((head, i) => {
    const cells = rows.map((r) => r[i]?.text ?? '');
    const cellWidth = Math.max(0, ...cells.map(widest));
    natural[i] = Math.max(widest(head), cellWidth);
    if (keep.has(i)) floor[i] = natural[i] as number;
    // A number never wraps; its heading may, at its spaces. (In a numeric table, a column aligned left is text.)
    else if (numeric && i > 0 && block.align?.[i] !== 'left')
      floor[i] = Math.max(cellWidth, longestWord(head));
    else
      floor[i] = Math.min(
        natural[i] as number,
        Math.max(TEXT_FLOOR, longestWord(head), ...cells.map(longestWord)),
      );
  });
  return { natural, floor };
}

/** Content widths that fit `width`, the widest wrappable column given up first; null when none do. */
export function fitWidths(
  natural: readonly number[],
  floor: readonly number[],
  width: number,
): number[] | null {
  const widths = [...natural];
  if (gridWidth(widths) <= width) return widths;
  if (gridWidth(floor) > width) return null;
  let excess = gridWidth(widths) - width;
  while (excess > 0) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++)
      if (
        (widths[i] as number) > (floor[i] as number) &&
        (pick < 0 || (widths[i] as number) > (widths[pick] as number))
      )
        pick = i;
    if (pick < 0) return null;
    widths[pick] = (widths[pick] as number) - 1;
    excess--;
  }
  return widths;
}

const wrapTo = (text: string, width: number) => lines(text).flatMap((l) => lines(wrapLine(l, width, 0)));

/** Whether the grid at these widths still reads as a grid: no cell a tall column, rows mostly one line. */
function readable(block: TableBlock, rows: Cell[][], widths: readonly number[]): boolean {
  const heights = [block.head.map((text) => ({ text })), ...rows].map((r) =>
    Math.max(1, ...r.map((c, i) => wrapTo(c.text, widths[i] as number).length)),
  );
  const natural = [block.head.map((text) => ({ text })), ...rows].map((r) =>
    Math.max(1, ...r.map((c) => lines(c.text).length)),
  );
  const total = heights.reduce((a, b) => a + b, 0);
  const base = natural.reduce((a, b) => a + b, 0);
  return Math.max(...heights) <= Math.max(MAX_CELL_LINES, ...natural) && total <= base * MAX_LINES_PER_ROW;
}

function grid(block: TableBlock, rows: Cell[][], widths: number[], paint: Paint, bold: Paint): string {
  const numeric = block.numeric ?? true;
  const align = block.head.map((_, i) => block.align?.[i] ?? (i > 0 && numeric ? 'right' : 'left'));
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const line = (cells: Cell[], head: boolean) => {
    const wrapped = cells.map((c, i) => wrapTo(c.text, widths[i] as number));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((w, i) => {
        const raw = w[k] ?? '';
        const shown = raw === '' ? '' : head && i > 0 ? bold(undefined, raw) : paint(cells[i]?.tone, raw);
        const width = widths[i] as number;
        return ` ${align[i] === 'right' ? padStart(shown, width) : padEnd(shown, width)} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
    return out;
  };
  const head = block.head.map((text) => ({ text }));
  return [
    rule('┌', '┬', '┐'),
    ...line(head, true),
    rule('├', '┼', '┤'),
    ...rows.flatMap((r) =>
      line(
        block.head.map((_, i) => r[i] ?? { text: '' }),
        false,
      ),
    ),
    rule('└', '┴', '┘'),
  ].join('\n');
}

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
function stackColumns(block: TableBlock, rows: Cell[][], width: number, paint: Paint, bold: Paint): string {
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
function stackRows(block: TableBlock, rows: Cell[][], width: number, paint: Paint, bold: Paint): string {
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

/** The block with only the columns at `keep` (in order), its per-column settings carried over. */
function select(block: TableBlock, rows: Cell[][], keep: readonly number[]): [TableBlock, Cell[][]] {
  const numeric = block.numeric ?? true;
  const at = new Map(keep.map((from, to) => [from, to]));
  const selected: TableBlock = {
    ...block,
    head: keep.map((i) => block.head[i] ?? ''),
    rows: [],
    numeric,
    align: keep.map((i) => block.align?.[i] ?? (i > 0 && numeric ? 'right' : 'left')),
    keepColumns: (block.keepColumns ?? []).flatMap((i) => (at.has(i) ? [at.get(i) as number] : [])),
  };
  return [selected, rows.map((r) => keep.map((i) => r[i] ?? { text: '' }))];
}

/**
 * A table block for a terminal `width` columns wide. `paint` colours a cell's text by its tone; `bold` the
 * headings. A grid at its natural width; else with its text columns wrapped; else without its droppable
 * columns; else blocks.
 */
export function renderTable(block: TableBlock, width: number, paint: Paint, bold: Paint): string {
  const rows = block.rows.map((r) => r.map(cellOf));
  const all = block.head.map((_, i) => i);
  const candidates = [all];
  const dropped = new Set<number>();
  for (const column of block.dropColumns ?? []) {
    dropped.add(column);
    candidates.push(all.filter((i) => !dropped.has(i)));
  }
  for (const columns of candidates) {
    const [shown, shownRows] = columns === all ? [block, rows] : select(block, rows, columns);
    const { natural, floor } = measure(shown, shownRows);
    const widths = fitWidths(natural, floor, width);
    if (widths && readable(shown, shownRows, widths)) return grid(shown, shownRows, widths, paint, bold);
  }
  // Blocks end with a blank line, so what follows does not read as part of the last one.
  const stacked =
    (block.stack ?? 'rows') === 'columns'
      ? stackColumns(block, rows, width, paint, bold)
      : stackRows(block, rows, width, paint, bold);
  return `${stacked}\n`;
}
