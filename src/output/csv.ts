/**
 * CSV (RFC 4180): a header row, then raw numbers (no units, no rounding); null is an empty field. A text field
 * a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) starts with a single
 * quote (OWASP's CSV injection advice); numbers are numbers and stay as they are.
 */
import type { CsvRecord, Scalar } from '../report/flatten.js';

export type { CsvRecord } from '../report/flatten.js';

function field(value: Scalar | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const raw = String(value);
  const formula = /^[=+\-@\t\r]/.test(raw) && !/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(raw);
  const text = typeof value === 'string' && formula ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: readonly CsvRecord[]): string {
  const columns: string[] = [];
  for (const record of records)
    for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
  const lines = [
    columns.map(field).join(','),
    ...records.map((r) => columns.map((c) => field(r[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
