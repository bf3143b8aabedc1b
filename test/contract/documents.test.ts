/**
 * Each command's document as printed: it validates against its own published JSON Schema (what `hashcalc
 * schema NAME` prints and dist/schemas holds, read here by zod's JSON Schema reader), its CSV header names
 * every column once, and the catalog's nulls each carry a reason.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaFor } from '../../src/cli/json-schemas.js';
import { flatten } from '../../src/report/flatten.js';
import { runCli } from '../cli/run-cli.js';

const THREE_YEARS = new URL('../../fixtures/history/three-years.csv', import.meta.url).pathname;

const runs: [document: string, args: string[]][] = [
  ['compare', ['compare', '--mw', '341']],
  ['mining', ['mining', '--mw', '50']],
  ['ai', ['ai', '--mw', '50']],
  ['hashprice', ['hashprice']],
  ['network', ['network']],
  ['catalog', ['catalog', 'miners']],
  ['catalog', ['catalog', 'gpus']],
  ['catalog', ['catalog', 'deals']],
  ['catalog', ['catalog', 'conversions']],
  ['catalog', ['catalog', 'defaults']],
  ['config', ['config']],
  ['cache', ['cache']],
  ['doctor', ['doctor']],
  ['check', ['check', '--allow-stale', '--min-hashprice', '1']],
  ['project', ['project', '--mw', '341']],
  ['sensitivity', ['sensitivity', '--mw', '341']],
  ['strategy', ['strategy', '--mw', '341']],
  ['strategy', ['strategy', '--mw', '341', '--simulations', '500', '--workers', '1']],
  ['strategy', ['strategy', '--mw', '341', '--sell-per-mw', '6.9M@12']],
  ['project', ['project', '--mw', '341', '--plan', 'lease:150@12,gpu:50@30']],
  ['compare', ['compare', '--mw', '341', '--plan', 'lease:40%@12']],
  ['exodus', ['exodus', '--ehs', '10']],
  ['history', ['history', '--data', THREE_YEARS, '--period', 'all']],
];

/** The header row of RFC 4180 text (a quoted name may hold a comma). */
function header(csv: string): string[] {
  const line = csv.split('\r\n')[0] ?? '';
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'));
}

describe.each(runs)('%s (%j)', (name, args) => {
  it('validates against its published schema', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--offline', '--json']);
    expect(code, stderr).toBe(0);
    const published = z.fromJSONSchema(jsonSchemaFor(name) as Parameters<typeof z.fromJSONSchema>[0]);
    const result = published.safeParse(JSON.parse(stdout));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('names every CSV column once', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--offline', '--format', 'csv']);
    expect(code, stderr).toBe(0);
    const names = header(stdout);
    expect(names.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    const twice = names.filter((n) => seen.has(n.toLowerCase()) || !seen.add(n.toLowerCase()));
    expect(twice).toEqual([]);
  });
});

describe('CSV records', () => {
  it('flatten never writes a column twice', () => {
    expect(flatten({ a: { b: 1 }, c: [1, 2], d: [{ e: 'x' }] })).toEqual({
      'a.b': 1,
      c: '1;2',
      'd.0.e': 'x',
    });
    expect(() => flatten({ 'a.b': 1, a: { b: 2 } })).toThrow("CSV column 'a.b' would appear twice");
  });

  it("an economics option's fields never overwrite the context columns a record repeats", async () => {
    for (const command of ['compare', 'mining', 'ai']) {
      const { stdout } = await runCli([command, '--mw', '50', '--offline', '--json']);
      const doc = JSON.parse(stdout) as { options: unknown[] };
      const context = [
        'command',
        'siteMw',
        'powerUsdPerKwh',
        'hashpriceUsdPerPhDay',
        'networkSource',
        'networkAsOf',
      ];
      for (const option of doc.options)
        expect(Object.keys(flatten(option)).filter((k) => context.includes(k))).toEqual([]);
    }
  });
});

describe('every null carries a reason', () => {
  it.each(['miners', 'gpus', 'deals', 'conversions', 'defaults'])('catalog %s', async (kind) => {
    const { stdout } = await runCli(['catalog', kind, '--offline', '--json']);
    const bare: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}.${i}`);
      } else if (value && typeof value === 'object') {
        const reasons = (value as { nullReasons?: Record<string, string> }).nullReasons ?? {};
        for (const [key, v] of Object.entries(value)) {
          if (v === null && !reasons[key]) bare.push(`${path}.${key}`);
          walk(v, `${path}.${key}`);
        }
      }
    };
    walk(JSON.parse(stdout), kind);
    expect(bare).toEqual([]);
  });
});
