/** CSV (RFC 4180): a header row, then raw numbers (no units, no rounding); null is an empty field. */
export type Scalar = string | number | boolean | null;
export type CsvRecord = Record<string, Scalar>;

function field(value: Scalar | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
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

/** Flattens nested objects into dotted keys; arrays of scalars are joined with ';', arrays of objects by index. */
export function flatten(value: unknown, prefix = '', into: CsvRecord = {}): CsvRecord {
  if (value === null || typeof value !== 'object') {
    into[prefix] = (value ?? null) as Scalar;
    return into;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      into[prefix] = value.join(';');
      return into;
    }
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), into);
    });
    return into;
  }
  for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, into);
  return into;
}
