/**
 * The `config` document: where the user config file is and whether it is valid, and every input that can be
 * set outside a flag (an env var, a scenario or config key) with its effective value and where it came from.
 * Pure: shapes the input layers' values (src/inputs/layers.ts) as they are.
 */
import type { Given } from '../inputs/layers.js';
import type { InputRow } from '../inputs/table.js';
import type { ConfigReport } from './config-schema.js';
import { DOCUMENT_VERSIONS } from './documents.js';

type Value = ConfigReport['inputs'][number]['value'];

/** A parsed value as text or a number: a fleet as MODEL[:COUNT], a catalog model by name, ranges as D=L:H. */
function shown(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value))
    return value.map((entry) => {
      const e = entry as { model?: { name: string }; count?: number | null; driver?: string };
      if (e.model)
        return e.count === null || e.count === undefined ? e.model.name : `${e.model.name}:${e.count}`;
      if (e.driver !== undefined) {
        const r = entry as { driver: string; low: string; high: string };
        return `${r.driver}=${r.low}:${r.high}`;
      }
      return String(entry);
    });
  const named = value as { name?: unknown };
  return typeof named.name === 'string' ? named.name : String(value);
}

export interface ConfigContext {
  file: ConfigReport['file'];
  rows: readonly InputRow[];
  given: Readonly<Record<string, Given>>;
}

export function configReport({ file, rows, given }: ConfigContext): ConfigReport {
  return {
    schemaVersion: DOCUMENT_VERSIONS.config,
    command: 'config',
    file,
    inputs: rows.map((row) => {
      const g = given[row.id];
      // A switch is off unless given.
      const fallback = row.defaultValue ?? (row.kind.type === 'boolean' ? false : undefined);
      const origin = g
        ? g.origin === 'flag'
          ? 'env'
          : g.origin
        : fallback === undefined
          ? 'none'
          : 'default';
      return {
        id: row.id,
        flag: row.flag,
        env: row.env,
        path: row.path,
        value: g ? shown(g.value) : shown(fallback),
        origin,
        from: g ? g.from : null,
        commands: [...row.commands],
      };
    }),
  };
}
