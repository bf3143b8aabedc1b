/** A Document for a terminal: cli-table3 tables, colour only when the Style has it. */
import type { Document, Tone } from './document.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

function paint(style: Style, tone: Tone | undefined, value: string): string {
  switch (tone) {
    case 'heading':
      return style.heading(value);
    case 'dim':
      return style.dim(value);
    case 'good':
      return style.good(value);
    case 'bad':
      return style.bad(value);
    default:
      return value;
  }
}

/** Soft-wraps a line at spaces to `width` columns; continuation lines are indented by two spaces. */
export function wrapLine(line: string, width = 100): string {
  if (line.length <= width) return line;
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= 2) break;
    out.push(rest.slice(0, cut));
    rest = `  ${rest.slice(cut + 1)}`;
  }
  out.push(rest);
  return out.join('\n');
}

export function renderTerminal(doc: Document, style: Style): string {
  const out = doc.blocks.map((block) => {
    if (block.kind === 'text') return paint(style, block.tone, wrapLine(block.text));
    const rows = block.rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? cell : paint(style, cell.tone, cell.text))),
    );
    return renderTable(
      block.head.map((h, i) => (i === 0 ? h : style.bold(h))),
      rows,
      block.numeric ?? true,
    );
  });
  return `${out.join('\n')}\n`;
}
