/**
 * A rendered-neutral document: tables and lines of text. Commands describe their human output once as a
 * Document; the terminal renderer (cli-table3, colour) and the markdown renderer both print it.
 */
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
}

export type Block = TextBlock | TableBlock;

export interface Document {
  blocks: Block[];
}

export const text = (value: string, tone: Tone = 'plain'): TextBlock => ({ kind: 'text', text: value, tone });

export const cellText = (cell: string | TableCell): string => (typeof cell === 'string' ? cell : cell.text);
