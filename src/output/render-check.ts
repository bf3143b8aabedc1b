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
        titleColumns: 2,
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
  doc.blocks.push(report.passed ? text(summary(report), 'good') : text(summary(report), 'bad'));
  return doc;
}

/** "All 2 rules pass", "The 1 rule passes", "1 of 2 rules breached", "The 1 rule is breached". */
export function summary(report: Pick<CheckReport, 'passed' | 'breached' | 'rules'>): string {
  const count = report.rules.length;
  if (count === 0) return 'No rules to check';
  if (count === 1) return report.passed ? 'The 1 rule passes' : 'The 1 rule is breached';
  return report.passed ? `All ${count} rules pass` : `${report.breached} of ${count} rules breached`;
}
