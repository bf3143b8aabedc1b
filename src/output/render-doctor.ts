/** The `doctor` table: one row per check (status, what, one line of detail), then the verdict. */
import type { DoctorReport } from '../report/doctor-schema.js';
import type { Document, TableCell } from './document.js';
import { text } from './document.js';

const STATUS: Record<DoctorReport['checks'][number]['status'], TableCell> = {
  ok: { text: 'ok', tone: 'good' },
  warn: { text: 'warn', tone: 'heading' },
  fail: { text: 'FAIL', tone: 'bad' },
  skip: { text: 'skip', tone: 'dim' },
};

export function doctorDocument(report: DoctorReport): Document {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  return {
    blocks: [
      {
        kind: 'table',
        head: ['Status', 'Check', 'Detail'],
        rows: report.checks.map((c) => [STATUS[c.status], c.name, c.detail]),
        numeric: false,
        titleColumns: 2,
        stack: 'rows',
      },
      text(verdict(failed, warned, skipped), failed > 0 ? 'bad' : 'good'),
    ],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function verdict(failed: number, warned: number, skipped: number): string {
  const also = [
    ...(warned > 0 ? [`${plural(warned, 'warning')}`] : []),
    ...(skipped > 0 ? [`${skipped} skipped (--offline)`] : []),
  ];
  if (failed > 0) return `${plural(failed, 'check')} failed${also.length ? `; ${also.join(', ')}` : ''}.`;
  return also.length ? `No check failed; ${also.join(', ')}.` : 'Every check passed.';
}
