/** Soft wrapping of prose to a width, at word boundaries. Pure. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what is measured around
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (ANSI colour codes take none). */
export const visibleLength = (text: string) => text.replace(ANSI, '').length;

/**
 * Wraps one line at spaces to `width` columns; continuation lines are indented by `indent` spaces more than
 * the line's own leading indentation. A word longer than the width is never cut: it stands alone on its line.
 */
export function wrapLine(line: string, width = 100, indent = 2): string {
  if (visibleLength(line) <= width) return line;
  const lead = /^ */.exec(line)?.[0] ?? '';
  const pad = lead + ' '.repeat(indent);
  const out: string[] = [];
  let current = '';
  for (const word of line.slice(lead.length).split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    const prefix = out.length > 0 ? pad : lead;
    if (current !== '' && visibleLength(prefix + next) > width) {
      out.push(prefix + current);
      current = word;
    } else current = next;
  }
  out.push((out.length > 0 ? pad : lead) + current);
  return out.join('\n');
}

/** Wraps each line of a text (paragraphs kept). */
export function wrapText(text: string, width = 100, indent = 0): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, indent))
    .join('\n');
}
