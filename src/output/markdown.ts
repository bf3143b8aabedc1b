/** A Document as GitHub-flavoured markdown (CI job summaries, reports). */
import { renderChart } from './chart.js';
import { cellText, type Document, escapedDocument } from './document.js';

/** HTML a markdown viewer would render (a server's `<img onerror>`, an entity) is shown as text. */
const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Characters markdown would read as emphasis, code, HTML or a list marker are shown as themselves. */
const escapeText = (value: string) =>
  escapeHtml(value.replace(/[\\`*_]/g, '\\$&')).replace(/^([-+]) /, '\\$1 ');
const escapeCell = (value: string) => escapeText(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(given: Document): string {
  const doc = escapedDocument(given);
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
