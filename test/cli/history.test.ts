/** `hashcalc history` in-process: from a file, offline from the embedded epochs, the contract, layout, bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyOutputSchema } from '../../src/report/history-schema.js';
import { runCli } from './run-cli.js';

const THREE_YEARS = new URL('../../fixtures/history/three-years.csv', import.meta.url).pathname;
const D = 149_301_206_437_464;
const unit = ((86_400 * 1e15) / (D * 2 ** 32)) * (3.125 + 0.02); // BTC per PH/s per day at D, 0.02 BTC fees

/** A file whose hashprice is exactly `values` $/PH/day (price = value / unit), from `start`. */
function file(values: (number | null)[], start = '2025-11-01'): string {
  const dir = mkdtempSync(join(tmpdir(), 'hashcalc-history-'));
  const lines = ['date,difficulty,avgFeesBtcPerBlock,btcUsd,blocks'];
  values.forEach((v, i) => {
    const date = new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},${D},0.02,${v === null ? '' : v / unit},144`);
  });
  const path = join(dir, 'days.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function historyJson(args: string[]) {
  const { code, stdout, stderr } = await runCli(['history', '--json', ...args]);
  expect(code, stderr).toBe(0);
  return historyOutputSchema.parse(JSON.parse(stdout));
}

describe('history from a file', () => {
  it('computes the statistics of a known series', async () => {
    const path = file([40, 38, 36, 35, 37, 39, 41, 42]);
    const r = await historyJson(['--data', path, '--since', '2025-11-01', '--until', '2025-11-08']);
    expect(r.source).toBe('file');
    expect(r.days).toHaveLength(8);
    expect(r.stats.latest?.hashpriceUsdPerPhDay).toBeCloseTo(42, 6);
    // Last 7 days: 38 36 35 37 39 41 42 -> 268 / 7 = 38.2857
    expect(r.stats.average7dUsdPerPhDay).toBeCloseTo(268 / 7, 6);
    expect(r.stats.low).toEqual({ date: '2025-11-04', hashpriceUsdPerPhDay: expect.closeTo(35, 6) });
    expect(r.stats.periodChange).toBeCloseTo(42 / 40 - 1, 9);
    expect(r.stats.daysSinceHalving).toBeNull();
  });

  it('keeps gaps as gaps: a missing price is null, never zero', async () => {
    const r = await historyJson([
      '--data',
      file([40, null, 36]),
      '--since',
      '2025-11-01',
      '--until',
      '2025-11-03',
    ]);
    expect(r.days[1]?.hashpriceUsdPerPhDay).toBeNull();
    expect(r.stats.low?.hashpriceUsdPerPhDay).toBeCloseTo(36, 6);
  });

  it("a miner's margin history: the days it ran at a loss", async () => {
    // S21 XP, 13.5 J/TH, pool fee 2.5%, $0.10/kWh: revenue per kWh = hp x 0.975 / 324; a loss under $33.23.
    const r = await historyJson([
      '--data',
      file([40, 30, 34, 32]),
      '--since',
      '2025-11-01',
      '--until',
      '2025-11-04',
      '--miner',
      's21xp',
      '--power-price',
      '0.1',
    ]);
    expect(r.margin?.daysAtLoss).toBe(2);
    expect(r.days[0]?.marginUsdPerKwh).toBeCloseTo((40 * 0.975) / (24 * 13.5) - 0.1, 9);
  });

  it('csv is the daily series', async () => {
    const { code, stdout } = await runCli([
      'history',
      '--data',
      file([40, 41]),
      '--since',
      '2025-11-01',
      '--until',
      '2025-11-02',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'date,difficulty,avgFeesBtcPerBlock,btcUsd,hashpriceUsdPerPhDay,hashpriceBtcPerPhDay',
    );
    expect(lines).toHaveLength(3);
  });

  it.each([60, 80, 100, 140])(
    'three years fit %i columns, the low and the latest marked',
    async (columns) => {
      const { code, stdout } = await runCli(['history', '--data', THREE_YEARS, '--period', 'all'], {
        COLUMNS: String(columns),
      });
      expect(code).toBe(0);
      for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(stdout).toMatch(/ \^ /);
      expect(stdout).toMatch(/low \$39\.\d\d 2024-11-04/);
      expect(stdout).toContain('latest $');
    },
  );
});

describe('history offline, from the embedded epochs', () => {
  it('has the difficulty and the BTC hashprice excluding fees, and says USD needs live data', async () => {
    const { code, stdout, stderr } = await runCli([
      'history',
      '--offline',
      '--json',
      '--since',
      '2025-11-13',
      '--until',
      '2025-11-20',
    ]);
    expect(code, stderr).toBe(0);
    const r = historyOutputSchema.parse(JSON.parse(stdout));
    expect(r.source).toBe('embedded');
    expect(r.usdAvailable).toBe(false);
    expect(r.feesIncluded).toBe(false);
    // The epoch from 923,328 (2025-11-12 18:30 UTC) at 152.27T: 86400e15 / (152.27T x 2^32) x 3.125 BTC
    // Electrum's checkpoint for that epoch: 152,271,405,447,597.4 (within 5e-9 of mempool's 152,271,406,129,092).
    expect(r.days[0]?.difficulty).toBe(152_271_405_447_597.38);
    expect(r.days[0]?.hashpriceBtcPerPhDay).toBeCloseTo(
      ((86_400 * 1e15) / (152_271_405_447_597.38 * 2 ** 32)) * 3.125,
      9,
    );
    expect(stderr).toMatch(/embedded difficulty epochs/);
    const table = await runCli(['history', '--offline', '--since', '2025-11-13', '--until', '2025-11-20']);
    expect(table.stdout).toContain('excluding fees');
    expect(table.stdout).toContain('USD needs daily prices');
  });
});

describe('history bad input: one line, exit 2', () => {
  it.each([
    [['--period', '7x'], "--period <PERIOD>' argument '7x' is invalid"],
    [['--since', '2025-12-01', '--until', '2025-11-01'], '--since: 2025-12-01 is after --until 2025-11-01'],
    [['--since', '2025-13-01'], "--since: expected a date YYYY-MM-DD (UTC), got '2025-13-01'"],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['history', '--offline', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
