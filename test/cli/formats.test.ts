import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

const commands: [name: keyof typeof OUTPUT_SCHEMAS, args: string[]][] = [
  ['compare', ['compare', '--mw', '341']],
  ['mining', ['mining', '--mw', '50']],
  ['ai', ['ai', '--mw', '50']],
  ['hashprice', ['hashprice']],
  ['network', ['network']],
  ['catalog', ['catalog', 'miners']],
  ['check', ['check', '--allow-stale', '--min-hashprice', '1']],
];

/** Minimal RFC 4180 reader for the test: quoted fields may hold commas, quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe.each(commands)('%s in every format', (name, args) => {
  it('json validates against its schema', async () => {
    const { code, stdout } = await runCli([...args, '--offline', '--format', 'json']);
    expect(code).toBe(0);
    expect(() => OUTPUT_SCHEMAS[name].parse(JSON.parse(stdout))).not.toThrow();
  });

  it('csv has a header row and rows of the same width with raw numbers', async () => {
    const { code, stdout } = await runCli([...args, '--offline', '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = csvRows(stdout);
    expect(header?.length).toBeGreaterThan(3);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.length).toBe(header?.length);
    expect(stdout).not.toMatch(/NaN|Infinity/);
    // Raw numbers, not "$1.23M": only prose may mention dollars (the catalog's provenance notes, a breakeven's
    // "no BTC price from $848 to ..." note), never a figure's column.
    if (name !== 'catalog')
      for (const row of rows)
        row.forEach((cell, i) => {
          if (!/note/i.test(header?.[i] ?? '')) expect(cell, header?.[i]).not.toMatch(/\$\d/);
        });
  });

  it('markdown prints pipe tables', async () => {
    const { code, stdout } = await runCli([...args, '--offline', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\|.*\|$/m);
    expect(stdout).toMatch(/^\|(-{3}|-{3}:)(\|(-{3}|-{3}:))+\|$/m);
  });

  it('table prints a box table', async () => {
    const { code, stdout } = await runCli([...args, '--offline', '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toContain('┌');
  });
});

describe('format flags', () => {
  it('rejects an unknown format and a --json that disagrees with --format', async () => {
    const bad = await runCli(['hashprice', '--offline', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format');
    const clash = await runCli(['hashprice', '--offline', '--json', '--format', 'csv']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--json conflicts with --format csv');
  });

  it('csv carries raw numbers: compare mining revenue is the unrounded figure', async () => {
    const { stdout } = await runCli(['compare', '--mw', '341', '--offline', '--format', 'csv']);
    const [header, mining] = csvRows(stdout);
    const revenue = Number(mining?.[header?.indexOf('revenueUsdPerYear') ?? -1]);
    expect(revenue).toBeCloseTo(266_671_056, -2); // see compare.test.ts for the working
  });
});
