/** Exactly one JSON document on stdout. Non-finite numbers never reach output: they become null. */
export function toJson(document: unknown): string {
  return `${JSON.stringify(document, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
