/**
 * Help that fits the terminal it is shown in. Commander aligns every option's description in a column after
 * the longest flag; on a narrow terminal that column has no room left, and commander then prints each
 * description on one line however long it is (260-odd characters at 60 columns). Where the column would be
 * narrower than DESCRIPTION_MIN, or than the description's longest word (an env var's name), an item is
 * stacked instead: its flag on a line of its own, its description wrapped below it to the whole width.
 */
import { Help } from 'commander';

/** Narrowest description column worth aligning; below it, items are stacked. */
const DESCRIPTION_MIN = 24;
const ITEM_INDENT = 2;
const STACKED_INDENT = 6;

export function formatHelpItem(
  this: Help,
  term: string,
  termWidth: number,
  description: string,
  helper: Help,
): string {
  const helpWidth = this.helpWidth ?? 80;
  const aligned = helpWidth - termWidth - 2 - ITEM_INDENT;
  const longestWord = Math.max(0, ...description.split(/\s+/).map((w) => w.length));
  if (!description || aligned >= Math.max(DESCRIPTION_MIN, longestWord)) {
    return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  }
  const indent = ' '.repeat(STACKED_INDENT);
  const wrapped = helper.boxWrap(description, Math.max(helpWidth - STACKED_INDENT, 10));
  return `${' '.repeat(ITEM_INDENT)}${term}\n${indent}${wrapped.replace(/\n/g, `\n${indent}`)}`;
}

const EXIT_CODES: readonly [number, string][] = [
  [0, 'ok'],
  [1, 'runtime or data failure (a failed write to stdout included)'],
  [2, 'usage error: a bad flag or value, an unknown model, a flag the command does not use'],
  [3, 'a threshold check breached'],
];

/** Words of `text` in lines of at most `width` characters (a longer word stands alone). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The exit codes after every help's examples, wrapped to the help's width (at most 76 columns). */
export function exitCodesHelp(width: number): string {
  const textWidth = Math.max(Math.min(width, 76) - 5, 20);
  const items = EXIT_CODES.map(([code, text]) =>
    wrapWords(text, textWidth)
      .map((line, i) => (i === 0 ? `  ${code}  ${line}` : `     ${line}`))
      .join('\n'),
  );
  return `\nExit codes:\n${items.join('\n')}`;
}

/** A heading of options, wrapped to the help's width like the rest (the data sources' is long). */
export function formatHelpItemList(this: Help, heading: string, items: string[], helper: Help): string[] {
  if (items.length === 0) return [];
  const width = this.helpWidth ?? 80;
  const title = heading.length > width ? wrapWords(heading, width).join('\n') : heading;
  return [helper.styleTitle(title), ...items, ''];
}

/** The usage line, wrapped under itself when it is wider than the help ("Usage: " is 7 columns). */
export function styleHelpUsage(this: Help, usage: string): string {
  const width = this.helpWidth ?? 80;
  return 7 + usage.length <= width ? usage : wrapWords(usage, Math.max(width - 7, 20)).join('\n       ');
}
