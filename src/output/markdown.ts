/** A Document as GitHub-flavoured markdown (CI job summaries, reports). */
import { cellText, type Document } from './document.js';

const escapeCell = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: Document): string {
  const parts = doc.blocks.map((block) => {
    if (block.kind === 'text') return block.tone === 'heading' ? `### ${block.text}` : block.text;
    const numeric = block.numeric ?? true;
    const head = `| ${block.head.map(escapeCell).join(' | ')} |`;
    const rule = `|${block.head.map((_, i) => (i > 0 && numeric ? '---:' : '---')).join('|')}|`;
    const rows = block.rows.map((row) => `| ${row.map((c) => escapeCell(cellText(c))).join(' | ')} |`);
    return [head, rule, ...rows].join('\n');
  });
  return `${parts.join('\n\n')}\n`;
}
