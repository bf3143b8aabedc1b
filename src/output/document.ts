/**
 * A rendered-neutral document: tables and lines of text. Commands describe their human output once as a
 * Document; the terminal renderer (laid out for the width, colour) and the markdown renderer both print it.
 */
import { escapeControl } from '../errors.js';

export type Tone = 'plain' | 'heading' | 'dim' | 'good' | 'bad';

export interface TextBlock {
  kind: 'text';
  text: string;
  tone?: Tone;
}

export interface TableCell {
  text: string;
  tone?: Tone;
}

export interface TableBlock {
  kind: 'table';
  head: string[];
  rows: (string | TableCell)[][];
  /** Right-align every column but the first (numbers). Default true. */
  numeric?: boolean;
  /** Columns never wrapped or cut (ids a user types); by index. */
  keepColumns?: readonly number[];
  /**
   * Columns the terminal may leave out, in this order, to keep a grid within its width, because the row says
   * the same elsewhere (a model's name next to its id). Stacked blocks and markdown show every column.
   */
  dropColumns?: readonly number[];
  /** Per-column alignment, overriding `numeric` where given. */
  align?: readonly ('left' | 'right')[];
  /**
   * How the table reads when the terminal is too narrow for it: 'columns' when each data column is a record
   * (the options of `compare`: one block per column, a label/value line per row), 'rows' when each row is one
   * (catalog entries: one block per row). Default 'rows'.
   */
  stack?: 'columns' | 'rows';
  /** With stack 'rows': how many leading cells make a block's title line. Default 1. */
  titleColumns?: number;
}

/** A line chart of a few series over the same x axis (cumulative cash per option over the months). */
export interface ChartBlock {
  kind: 'chart';
  title?: string;
  series: { label: string; values: number[] }[];
  /** Positions on the x axis (indices into the values) to mark under the chart, e.g. the halving. */
  marks?: { index: number; label: string }[];
  /** Labels of the x axis's first and last points. */
  xLabels?: [string, string];
  /** Chart rows, excluding the axis and legend. Default 10. */
  height?: number;
  /**
   * Columns to draw at least (the width permitting) when the series have fewer points: each column shows the
   * nearest point, so a short series (strategy's 11 AI shares) reads as steps across the width.
   */
  minColumns?: number;
}

/** Lines drawn for a fixed-width font (bars, maps): printed as they are, in a code block in markdown. */
export interface PreBlock {
  kind: 'pre';
  lines: string[];
}

export type Block = TextBlock | TableBlock | ChartBlock | PreBlock;

export interface Document {
  blocks: Block[];
}

export const text = (value: string, tone: Tone = 'plain'): TextBlock => ({ kind: 'text', text: value, tone });

export const cellText = (cell: string | TableCell): string => (typeof cell === 'string' ? cell : cell.text);

/**
 * The document with every control character shown as an escape (`\x1b`, `\r`), line breaks of text and
 * cells kept: a server's or a file's text cannot change the terminal. Renderers print this.
 */
export function escapedDocument(doc: Document): Document {
  const keep = (value: string) => escapeControl(value, true);
  const cell = (c: string | TableCell) => (typeof c === 'string' ? keep(c) : { ...c, text: keep(c.text) });
  return {
    blocks: doc.blocks.map((block): Block => {
      switch (block.kind) {
        case 'text':
          return { ...block, text: keep(block.text) };
        case 'table':
          return { ...block, head: block.head.map(keep), rows: block.rows.map((r) => r.map(cell)) };
        case 'pre':
          return { ...block, lines: block.lines.map((l) => escapeControl(l)) };
        default:
          return {
            ...block,
            ...(block.title === undefined ? {} : { title: escapeControl(block.title) }),
            series: block.series.map((s) => ({ ...s, label: escapeControl(s.label) })),
            ...(block.marks
              ? { marks: block.marks.map((m) => ({ ...m, label: escapeControl(m.label) })) }
              : {}),
            ...(block.xLabels
              ? { xLabels: block.xLabels.map((l) => escapeControl(l)) as [string, string] }
              : {}),
          };
      }
    }),
  };
}
