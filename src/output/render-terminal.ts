/** A Document for a terminal `width` columns wide: tables laid out for it, text wrapped at word boundaries. */
import { renderChart } from './chart.js';
import { type Document, escapedDocument, type Tone } from './document.js';
import type { Grid } from './grid.js';
import type { Style } from './style.js';
import { layoutTable, type TableLayout } from './table.js';
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

export async function renderTerminal(given: Document, style: Style, width = 100): Promise<string> {
  const doc = escapedDocument(given);
  const tables = doc.blocks.map((block) =>
    block.kind === 'table'
      ? layoutTable(
          block,
          width,
          (tone, text) => paint(style, tone, text),
          (_tone, text) => style.bold(text),
        )
      : null,
  );
  // The grid drawer (and cli-table3 with it) is loaded only when a table is drawn as a grid.
  const drawGrid = tables.some((t) => t?.kind === 'grid') ? (await import('./grid.js')).drawGrid : null;
  const out = doc.blocks.map((block, i) => {
    if (block.kind === 'text')
      return block.text
        .split('\n')
        .map((line) => paint(style, block.tone, wrapLine(line, width)))
        .join('\n');
    if (block.kind === 'chart') return renderChart(block, width, style.color);
    if (block.kind === 'pre') return block.lines.join('\n');
    const table = tables[i] as TableLayout;
    return table.kind === 'grid' ? (drawGrid as (grid: Grid) => string)(table.grid) : table.text;
  });
  return `${out.join('\n')}\n`;
}
