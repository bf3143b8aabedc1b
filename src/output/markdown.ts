/** A Document as GitHub-flavoured markdown (CI job summaries, reports). */
import { renderChart } from './chart.js';
import { cellText, type Document } from './document.js';

/** Characters markdown would read as emphasis, code or a list marker are shown as themselves. */
const escapeText = (value: string) => value.replace(/[\\`*_]/g, '\\$&').replace(/^([-+]) /, '\\$1 ');
const escapeCell = (value: string) => escapeText(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: Document): string {
  const parts = doc.blocks.map((block) => {
    if (block.kind === 'text')
      return block.tone === 'heading' ? `### ${escapeText(block.text)}` : escapeText(block.text);
    if (block.kind === 'chart') return `\`\`\`text\n${renderChart(block, 100, false)}\n\`\`\``;
    if (block.kind === 'pre') return `\`\`\`text\n${block.lines.join('\n')}\n\`\`\``;
    const numeric = block.numeric ?? true;
    const head = `| ${block.head.map(escapeCell).join(' | ')} |`;
    const right = (i: number) => (block.align?.[i] ?? (i > 0 && numeric ? 'right' : 'left')) === 'right';
    const rule = `|${block.head.map((_, i) => (right(i) ? '---:' : '---')).join('|')}|`;
    const rows = block.rows.map((row) => `| ${row.map((c) => escapeCell(cellText(c))).join(' | ')} |`);
    return [head, rule, ...rows].join('\n');
  });
  return `${parts.join('\n\n')}\n`;
}
