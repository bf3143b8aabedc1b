import type { CheckReport } from '../report/schemas.js';
import { type Document, text } from './document.js';
import { provenanceLine } from './render-network.js';

const show = (value: number | boolean | null): string =>
  value === null ? 'n/a' : typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value);

export function checkDocument(report: CheckReport, nowMs: number): Document {
  const doc: Document = {
    blocks: [
      {
        kind: 'table',
        numeric: false,
        head: ['Result', 'Rule', 'Value', 'Threshold', 'From'],
        rows: report.rules.map((r) => [
          r.passed ? { text: 'PASS', tone: 'good' } : { text: 'FAIL', tone: 'bad' },
          r.rule,
          show(r.value),
          show(r.threshold),
          r.from,
        ]),
      },
    ],
  };
  for (const rule of report.rules)
    for (const note of rule.notes) doc.blocks.push(text(`note (${rule.from}): ${note}`, 'dim'));
  if (report.network) doc.blocks.push(text(provenanceLine(report.network, nowMs), 'dim'));
  doc.blocks.push(
    report.passed
      ? text(`All ${report.rules.length} rules pass`, 'good')
      : text(`${report.breached} of ${report.rules.length} rules breached`, 'bad'),
  );
  return doc;
}
