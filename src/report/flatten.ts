/** Flat records of a report, for CSV: nested objects become dotted keys. Pure. */
export type Scalar = string | number | boolean | null;
export type CsvRecord = Record<string, Scalar>;

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
