/** Property paths a JSON Schema declares (objects, arrays as [], unions merged): the fields a script can rely on. */
export function schemaPaths(schema: unknown, prefix = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as {
    properties?: Record<string, unknown>;
    items?: unknown;
    anyOf?: unknown[];
    oneOf?: unknown[];
  };
  const out: string[] = [];
  for (const variant of [...(node.anyOf ?? []), ...(node.oneOf ?? [])])
    out.push(...schemaPaths(variant, prefix));
  if (node.items) out.push(...schemaPaths(node.items, `${prefix}[]`));
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path, ...schemaPaths(child, path));
  }
  return [...new Set(out)].sort();
}
