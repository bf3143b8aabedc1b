/**
 * A grid drawn by cli-table3 at the column widths and row heights the layout chose (table.ts): cli-table3 draws
 * the borders, one rule under the heading and none between rows, a space of padding each side of a cell; the
 * cells' lines, aligned here, are then written into the grid. Its word wrap and colours are off. Loaded only
 * when a table is drawn as a grid.
 *
 * cli-table3 is given empty cells: it measures text with string-width, which counts some characters (wide East
 * Asian ones and emoji, combining marks, astral symbols) differently from the layout (wrap.ts: visibleLength),
 * and would pad such a cell to another width or cut it with '…'; the widths are always ours. Measuring costs
 * too: cli-table3 measures each cell's text several times (three times the drawing time, by a micro-benchmark).
 */
import Table from 'cli-table3';
import { padEnd, padStart } from './cell-text.js';

export interface Grid {
  /** Each column's content width, in terminal columns (padding and borders are drawn around it). */
  widths: number[];
  align: ('left' | 'right')[];
  /** The heading's cells then each row's: the cell's lines, wrapped to its column's width and painted. */
  head: string[][];
  rows: string[][][];
  /** Lines printed under the grid as they are (painted already): which columns were left out to fit. */
  footer?: string[];
}

/** Spaces each side of a cell's content. */
const PADDING = 1;
const CHARS = {
  top: '─',
  'top-mid': '┬',
  'top-left': '┌',
  'top-right': '┐',
  bottom: '─',
  'bottom-mid': '┴',
  'bottom-left': '└',
  'bottom-right': '┘',
  left: '│',
  'left-mid': '├',
  mid: '─',
  'mid-mid': '┼',
  right: '│',
  'right-mid': '┤',
  middle: '│',
};

/** Lines a row takes: its tallest cell's. */
const height = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length));

export function drawGrid(grid: Grid): string {
  const { widths, align, head, rows } = grid;
  // cli-table3 closes a grid without rows right under its heading; ours keeps the rule under it. Such a grid
  // is drawn with a blank row, whose line (the one before the bottom border) is then taken out.
  const body = rows.length > 0 ? rows : [widths.map(() => [])];
  const table = new Table({
    head: widths.map(() => ''),
    colWidths: widths.map((w) => w + 2 * PADDING),
    rowHeights: [head, ...body].map(height),
    wordWrap: false,
    chars: CHARS,
    // compact: the rule under the heading is the only one inside the grid.
    style: { head: [], border: [], compact: true, 'padding-left': PADDING, 'padding-right': PADDING },
  });
  table.push(...body.map(() => widths.map(() => '')));
  const drawn = table.toString().split('\n');
  if (rows.length === 0) drawn.splice(-2, 1);

  // Where each column's cell starts on a line (its padding first): after the left border and the cells before.
  const starts = widths.map(
    (_, i) => 1 + widths.slice(0, i).reduce((sum, w) => sum + w + 2 * PADDING + 1, 0),
  );
  const fill = (line: string, cells: string[][], k: number) => {
    let out = '';
    let from = 0;
    widths.forEach((width, i) => {
      const at = (starts[i] as number) + PADDING;
      const text = cells[i]?.[k] ?? '';
      out += line.slice(from, at) + (align[i] === 'right' ? padStart(text, width) : padEnd(text, width));
      from = at + width;
    });
    return out + line.slice(from);
  };
  // The cells of each content line (a line that starts with a border, not a rule's corner), in order.
  const lineCells = [head, ...rows].flatMap((cells) =>
    Array.from({ length: height(cells) }, (_, k) => ({ cells, k })),
  );
  let next = 0;
  return drawn
    .map((line) => {
      if (!line.startsWith(CHARS.left)) return line;
      const { cells, k } = lineCells[next++] as { cells: string[][]; k: number };
      return fill(line, cells, k);
    })
    .concat(grid.footer ?? [])
    .join('\n');
}
