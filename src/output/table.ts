/**
 * Tables laid out for a terminal width. A table is drawn as a grid at its natural width when that fits; else
 * its text columns wrap at word boundaries, each down to a readable floor; else its droppable columns are left
 * out; when even that is too wide, it is printed as blocks (one per record) instead of a broken grid. Nothing
 * is cut: a word, a number or an id a user types stays whole. The widths and the wrapping are decided here;
 * grid.ts draws the grid (cli-table3), stack.ts the blocks. Layout only: no figures are computed here.
 */
import {
  type Cell,
  cellOf,
  lines,
  longestWord,
  type Paint,
  TEXT_FLOOR,
  widest,
  wrapTo,
} from './cell-text.js';
import type { TableBlock } from './document.js';
import type { Grid } from './grid.js';
import { stackColumns, stackRows } from './stack.js';

export type { Paint } from './cell-text.js';

/** A wrapped grid is readable while no cell takes more lines than this... */
const MAX_CELL_LINES = 3;
/** ...and its rows take at most this many lines each on average; past that, blocks read better. */
const MAX_LINES_PER_ROW = 1.5;

/** A table laid out: a grid for grid.ts to draw, or the text of its blocks. */
export type TableLayout = { kind: 'grid'; grid: Grid } | { kind: 'blocks'; text: string };

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

/** The grid's cells wrapped to their widths and painted: headings bold (but the first), cells by tone. */
function gridOf(block: TableBlock, rows: Cell[][], widths: number[], paint: Paint, bold: Paint): Grid {
  const numeric = block.numeric ?? true;
  const align = block.head.map((_, i) => block.align?.[i] ?? (i > 0 && numeric ? 'right' : 'left'));
  const cellLines = (cell: Cell, i: number, head: boolean) =>
    wrapTo(cell.text, widths[i] as number).map((raw) =>
      raw === '' ? '' : head && i > 0 ? bold(undefined, raw) : paint(cell.tone, raw),
    );
  return {
    widths,
    align,
    head: block.head.map((text, i) => cellLines({ text }, i, true)),
    rows: rows.map((r) => block.head.map((_, i) => cellLines(r[i] ?? { text: '' }, i, false))),
  };
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
 * A table block laid out for a terminal `width` columns wide. `paint` colours a cell's text by its tone;
 * `bold` the headings. A grid at its natural width; else with its text columns wrapped; else without its
 * droppable columns; else blocks.
 */
export function layoutTable(block: TableBlock, width: number, paint: Paint, bold: Paint): TableLayout {
  const rows = block.rows.map((r) => r.map(cellOf));
  const all = block.head.map((_, i) => i);
  const candidates = [all];
  const dropped = new Set<number>();
  for (const column of block.dropColumns ?? []) {
    dropped.add(column);
    const left = all.filter((i) => !dropped.has(i));
    if (left.length > 0) candidates.push(left); // a grid keeps a column at least
  }
  for (const columns of candidates) {
    const [shown, shownRows] = columns === all ? [block, rows] : select(block, rows, columns);
    const { natural, floor } = measure(shown, shownRows);
    const widths = fitWidths(natural, floor, width);
    if (widths && readable(shown, shownRows, widths)) {
      const grid = gridOf(shown, shownRows, widths, paint, bold);
      const left = (block.dropColumns ?? [])
        .filter((i) => !columns.includes(i))
        .map((i) => block.head[i]?.replace(/\s+/g, ' '));
      // A table that drops columns says which, and how to see them.
      if (left.length > 0)
        grid.footer = wrapTo(
          `(columns left out to fit ${width} columns: ${left.join(', ')}; widen the terminal or use --format csv)`,
          width,
        ).map((l) => paint('dim', l));
      return { kind: 'grid', grid };
    }
  }
  // Blocks end with a blank line, so what follows does not read as part of the last one.
  const stacked =
    (block.stack ?? 'rows') === 'columns'
      ? stackColumns(block, rows, width, paint, bold)
      : stackRows(block, rows, width, paint, bold);
  return { kind: 'blocks', text: `${stacked}\n` };
}
