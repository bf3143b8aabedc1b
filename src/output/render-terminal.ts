/** A Document for a terminal: cli-table3 tables, colour only when the Style has it. */
import type { Document, Tone } from './document.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { wrapLine } from './wrap.js';

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

export function renderTerminal(doc: Document, style: Style, width = 100): string {
  const out = doc.blocks.map((block) => {
    if (block.kind === 'text') return paint(style, block.tone, wrapLine(block.text, width));
    const rows = block.rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? cell : paint(style, cell.tone, cell.text))),
    );
    return renderTable(
      block.head.map((h, i) => (i === 0 ? h : style.bold(h))),
      rows,
      block.numeric ?? true,
      width,
    );
  });
  return `${out.join('\n')}\n`;
}
