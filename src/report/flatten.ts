/** Flat records of a report, for CSV: nested objects become dotted keys. Pure. */
export type Scalar = string | number | boolean | null;
export type CsvRecord = Record<string, Scalar>;

/**
 * Flattens nested objects into dotted keys; arrays of scalars are joined with ';', arrays of objects by index.
 * Column names are unique: a key that would name a column twice (`a.b` beside `a: { b }`) throws rather than
 * overwrite a value.
 */
export function flatten(value: unknown, prefix = '', into: CsvRecord = {}): CsvRecord {
  if (value === null || typeof value !== 'object' || (Array.isArray(value) && value.every(isScalar))) {
    if (Object.hasOwn(into, prefix)) throw new Error(`CSV column '${prefix}' would appear twice`);
    into[prefix] = Array.isArray(value) ? value.join(';') : ((value ?? null) as Scalar);
    return into;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), into);
    });
    return into;
  }
  for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}
