/** `--price-deck FILE` and `--start YYYY-MM` (issue 19, "Price decks and start dates"), in-process. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { cliContext, cliEnv, runCli } from './run-cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'hashcalc-deck-'));
const file = (name: string, text: string) => {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
};
const NETWORK = [
  '--btc-price',
  '94000',
  '--fees-btc',
  '0.02',
  '--height',
  '877000',
  '--difficulty',
  '109.8T',
];
const project = async (args: string[], nowMs?: number) => {
  const argv = ['project', '--json', '--offline', '--years', '2', ...NETWORK, ...args];
  const t = cliContext(argv, cliEnv(), nowMs === undefined ? {} : { nowMs });
  const code = await run(argv, t.ctx);
  return { code, stderr: t.stderr(), doc: code === 0 ? JSON.parse(t.stdout()) : null };
};
type Month = { month: number; revenueUsd: number; opexUsd: number };
const monthsOf = (doc: { options: { id: string; months: Month[] }[] }, id: string) =>
  doc.options.find((o) => o.id === id)?.months ?? [];

describe('--price-deck', () => {
  it('a deck doubling BTC in month 13 doubles mining revenue that month (start 2025-01: month 13 is 2026-01)', async () => {
    // On the trend network (hashrate independent of price) the blocks and difficulty do not move with the
    // deck, so USD revenue scales with the month's price alone; the modelled network answers the spike a month
    // later (below).
    const double = file('double.csv', 'month,btcUsd\n2026-01,188000\n2026-02,94000\n');
    const plain = await project(['--start', '2025-01', '--network', 'trend']);
    const deck = await project(['--start', '2025-01', '--network', 'trend', '--price-deck', double]);
    expect(deck.code).toBe(0);
    const [before, after] = [monthsOf(plain.doc, 'mining'), monthsOf(deck.doc, 'mining')];
    expect(after[13]?.revenueUsd).toBeCloseTo(2 * (before[13]?.revenueUsd as number), 2);
    expect(after[12]?.revenueUsd).toBe(before[12]?.revenueUsd);
    expect(after[14]?.revenueUsd).toBeCloseTo(before[14]?.revenueUsd as number, 2);
    expect(deck.doc.priceDeck).toMatchObject({
      columns: ['btcUsd'],
      firstMonth: '2026-01',
      lastMonth: '2026-02',
      coveredMonths: { first: 13, last: 14 },
    });
    expect(deck.stderr).toContain('a BTC/USD breakeven is the deck');
    // The modelled network: month 13 still doubles (the hashrate follows the previous month's hashprice);
    // the doubled hashprice brings hashrate in month 14, so that month earns less than without the spike.
    const [modelPlain, modelDeck] = [
      monthsOf((await project(['--start', '2025-01'])).doc, 'mining'),
      monthsOf((await project(['--start', '2025-01', '--price-deck', double])).doc, 'mining'),
    ];
    expect(modelDeck[13]?.revenueUsd).toBeCloseTo(2 * (modelPlain[13]?.revenueUsd as number), 2);
    expect(modelDeck[14]?.revenueUsd as number).toBeLessThan(modelPlain[14]?.revenueUsd as number);
  });

  it("a deck's power price moves that month's energy bill; later months keep its last price", async () => {
    const plain = await project(['--start', '2025-01', '--power-price', '0.04']);
    const deck = await project([
      '--start',
      '2025-01',
      '--power-price',
      '0.04',
      '--price-deck',
      file('power.jsonl', '{"month":"2025-03","powerUsdPerKwh":0.06}\n'),
    ]);
    const [before, after] = [monthsOf(plain.doc, 'mining'), monthsOf(deck.doc, 'mining')];
    expect(after[2]?.opexUsd).toBe(before[2]?.opexUsd);
    expect(after[3]?.opexUsd).toBeGreaterThan(before[3]?.opexUsd as number);
    expect((after[4]?.opexUsd as number) - (before[4]?.opexUsd as number)).toBeCloseTo(
      (after[3]?.opexUsd as number) - (before[3]?.opexUsd as number),
      2,
    );
  });

  const bad: [string, string, RegExp][] = [
    ['unknown.csv', 'month,btcUsd,btcPrice\n2027-01,1,2\n', /unknown\.csv:1:14: unknown column "btcPrice"/],
    ['repeat.csv', 'month,btcUsd\n2027-01,90000\n2027-01,91000\n', /repeat\.csv:3:1: month: 2027-01 repeats/],
    [
      'order.csv',
      'month,btcUsd\n2027-02,90000\n2027-01,91000\n',
      /order\.csv:3:1: month: 2027-01 follows 2027-02/,
    ],
    [
      'negative.csv',
      'month,powerUsdPerKwh\n2027-01,-0.01\n',
      /negative\.csv:2:9: powerUsdPerKwh: expected USD per kWh/,
    ],
    ['month.csv', 'month,btcUsd\n2027-1,90000\n', /month\.csv:2:1: month: expected a calendar month YYYY-MM/],
    ['empty.csv', '', /empty\.csv: no rows/],
    ['bad.jsonl', '{"month":"2027-01","btcUsd":"lots"}\n', /bad\.jsonl:1:29: btcUsd: expected USD per BTC/],
  ];
  for (const [name, text, message] of bad) {
    it(`a bad deck (${name}): one line with line:column, exit 2`, async () => {
      const { code, stderr } = await project(['--price-deck', file(name, text)]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('a directory or a missing file: exit 2, never a hang', async () => {
    const dir = join(DIR, 'a-dir');
    mkdirSync(dir);
    for (const [path, message] of [
      [dir, /is a directory/],
      [join(DIR, 'none.csv'), /no such file/],
    ] as const) {
      const { code, stderr } = await project(['--price-deck', path]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});

describe('--start', () => {
  it('--start 2025-01 reproduces a run with the clock fixed at 2025-01-01 and the same network flags', async () => {
    const fixed = await project([], Date.parse('2025-01-01T00:00:00Z'));
    const started = await project(['--start', '2025-01']);
    expect(started.code).toBe(0);
    expect(started.doc.options).toEqual(fixed.doc.options);
    expect(started.doc.horizon).toEqual({ ...fixed.doc.horizon, startMonth: '2025-01' });
    expect(started.doc.verdict).toEqual(fixed.doc.verdict);
  });

  it('the network state of then must be given: exit 2 naming the missing flags', async () => {
    const { code, stderr } = await runCli(['project', '--offline', '--start', '2025-01']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--start 2025-01: give --btc-price, --fees-btc for that date/);
    const old = await runCli([
      'project',
      '--offline',
      '--start',
      '2018-01',
      '--btc-price',
      '14k',
      '--fees-btc',
      '1',
    ]);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/give --height, --difficulty/);
  });

  it('height and difficulty from the embedded epochs when not given', async () => {
    const { code, stdout } = await runCli([
      'project',
      '--json',
      '--offline',
      '--start',
      '2025-01',
      '--btc-price',
      '94k',
      '--fees-btc',
      '0.02',
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    // The chain passed height ~877,260 at 2025-01-01 00:00 UTC, in the epoch of difficulty 109.8T.
    expect(doc.network.height).toBeGreaterThan(877_000);
    expect(doc.network.height).toBeLessThan(877_500);
    expect(doc.network.difficulty / 1e12).toBeCloseTo(109.8, 0);
    expect(doc.network.provenance.height.basis).toMatch(/embedded difficulty epochs/);
  });

  it('a bad month: exit 2', async () => {
    const { code, stderr } = await runCli(['project', '--offline', '--start', '2025-13']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--start: expected a calendar month YYYY-MM/);
  });
});
