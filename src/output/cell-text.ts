/** The text of table cells: how many terminal columns it takes (colour codes take none), wrapped to a width. */
import type { Tone } from './document.js';
import { visibleLength, wrapLine } from './wrap.js';

/** Colours a cell's text by its tone (the terminal's style; the identity without colour). */
export type Paint = (tone: Tone | undefined, text: string) => string;

export interface Cell {
  text: string;
  tone?: Tone | undefined;
}

/** Text wraps down to this many columns, or to its longest word when that is wider. */
export const TEXT_FLOOR = 12;

export const cellOf = (cell: string | Cell): Cell => (typeof cell === 'string' ? { text: cell } : cell);
export const lines = (text: string) => text.split('\n');
export const widest = (text: string) => Math.max(0, ...lines(text).map(visibleLength));
export const longestWord = (text: string) =>
  Math.max(0, ...lines(text).flatMap((l) => l.split(' ').map(visibleLength)));
export const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - visibleLength(text)));
export const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - visibleLength(text))) + text;

/** Each line of `text` wrapped at spaces to `width`, continuation lines not indented; a word is never cut. */
export const wrapTo = (text: string, width: number) =>
  lines(text).flatMap((l) => lines(wrapLine(l, width, 0)));
