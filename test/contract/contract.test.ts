/**
 * The JSON contract: every field a script may rely on stays. test/contract/fields.json is the baseline of
 * schema paths; a path missing from the current schema fails here (removal or rename is a breaking change).
 * Additive changes pass; refresh the baseline with UPDATE_CONTRACT=1 npx vitest run test/contract.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, SCHEMA_NAMES } from '../../src/cli/json-schemas.js';
import { COMMAND_NAMES } from '../../src/inputs/table.js';
import { DOCUMENT_NAMES, DOCUMENT_VERSIONS } from '../../src/report/documents.js';
import { schemaPaths } from './paths.js';

const BASELINE = new URL('./fields.json', import.meta.url);

describe('JSON contract', async () => {
  const current: Record<string, string[]> = {};
  for (const name of SCHEMA_NAMES) current[name] = schemaPaths(jsonSchemaFor(name));
  if (process.env.UPDATE_CONTRACT === '1') {
    const previous = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, string[]>;
    const merged = Object.fromEntries(
      Object.entries(current).map(([name, paths]) => [
        name,
        [...new Set([...(previous[name] ?? []), ...paths])].sort(),
      ]),
    );
    writeFileSync(BASELINE, `${JSON.stringify(merged, null, 2)}\n`);
  }
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, string[]>;

  it.each(Object.keys(baseline))('%s keeps every baseline field', (name) => {
    const missing = (baseline[name] ?? []).filter((path) => !current[name]?.includes(path));
    expect(missing, `fields removed from the ${name} output schema`).toEqual([]);
  });

  it('every command that prints a document has one in the registry, and the schema command offers it', () => {
    // `report` writes an HTML file from the project and sensitivity documents: no JSON document of its own.
    const printing = COMMAND_NAMES.filter((n) => !['init', 'schema', 'completion', 'report'].includes(n));
    expect([...DOCUMENT_NAMES].sort()).toEqual([...printing].sort());
    expect([...SCHEMA_NAMES].sort()).toEqual([...DOCUMENT_NAMES, 'scenario'].sort());
  });

  it("each document's schema states the registry's schemaVersion", () => {
    for (const name of DOCUMENT_NAMES) {
      type Version = { const?: unknown; anyOf?: { const?: unknown }[] };
      const version = (jsonSchemaFor(name).properties as Record<string, Version>).schemaVersion;
      const allowed = version?.anyOf ? version.anyOf.map((v) => v.const) : [version?.const];
      expect(allowed, name).toContain(DOCUMENT_VERSIONS[name]);
    }
  });

  it('every schema has schemaVersion (outputs) and a baseline', () => {
    for (const name of SCHEMA_NAMES) {
      expect(baseline[name], `no baseline for ${name}`).toBeDefined();
      if (name !== 'scenario') expect(current[name]).toContain('schemaVersion');
    }
  });
});
