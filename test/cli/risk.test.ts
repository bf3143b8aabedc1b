/** `hashcalc sensitivity` and `project --simulations` end to end (in-process): contract, formats, bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { sensitivityOutputSchema } from '../../src/report/sensitivity-schema.js';
import { cliContext, cliEnv, runCli, usageStderr } from './run-cli.js';

const SITE = ['--offline', '--mw', '341'];

describe('sensitivity', () => {
  it('--json: every driver with its low, high and per-option deltas, sorted by swing', async () => {
    const { code, stdout, stderr } = await runCli(['sensitivity', ...SITE, '--json']);
    expect(code, stderr).toBe(0);
    const r = sensitivityOutputSchema.parse(JSON.parse(stdout));
    expect(r.drivers).toHaveLength(13);
    expect(new Set(r.drivers.map((d) => d.id)).size).toBe(13);
    const widest = r.drivers.map((d) => Math.max(...d.options.map((o) => o.swingUsd)));
    expect(widest).toEqual([...widest].sort((a, b) => b - a));
    const btc = r.drivers.find((d) => d.id === 'btc-price');
    // The embedded BTC price (the newest monthly close, July 2026), -/+ 20%: 62,829.09 x 0.8 = 50,263.272;
    // x 1.2 = 75,394.908.
    expect(btc).toMatchObject({ flag: '--btc-price', baseValue: 62_829.09, range: 'swing' });
    expect(btc?.lowValue).toBeCloseTo(50_263.272, 6);
    expect(btc?.highValue).toBeCloseTo(75_394.908, 6);
    // A growth at 0 moves by the swing itself.
    expect(r.drivers.find((d) => d.id === 'btc-growth')).toMatchObject({ lowValue: -0.2, highValue: 0.2 });
    expect(r.grid).toBeNull();
    expect(r.evaluations).toBe(27);
    const lease = r.base.options.find((o) => o.id === 'ai-lease');
    const mining = r.base.options.find((o) => o.id === 'mining');
    expect(lease?.npvVsMiningUsd).toBeCloseTo((lease?.npvUsd ?? 0) - (mining?.npvUsd ?? 0), 3);
  });

  it('moves the lease escalator over the range leases have (0 to 3%/yr), whatever the swing; --range replaces it', async () => {
    // A swing around a base of 0 would move it by -/+ the swing itself: -20%/yr to +20%/yr, no lease's term.
    for (const swing of [[], ['--swing', '10%']]) {
      const { code, stdout, stderr } = await runCli(['sensitivity', ...SITE, ...swing, '--json']);
      expect(code, stderr).toBe(0);
      const r = sensitivityOutputSchema.parse(JSON.parse(stdout));
      expect(r.drivers.find((d) => d.id === 'lease-escalator')).toMatchObject({
        baseValue: 0,
        lowValue: 0,
        highValue: 0.03,
        range: 'record',
      });
    }
    const given = await runCli(['sensitivity', ...SITE, '--range', 'lease-escalator=0:5%', '--json']);
    const r = sensitivityOutputSchema.parse(JSON.parse(given.stdout));
    expect(r.drivers.find((d) => d.id === 'lease-escalator')).toMatchObject({
      highValue: 0.05,
      range: 'given',
    });
    const table = await runCli(['sensitivity', ...SITE]);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain(
      'lease-escalator over the range contracts have, whatever the swing',
    );
  });

  it("takes per-driver ranges from --range and the scenario, checked against the flag's accepted values", async () => {
    const { code, stdout, stderr } = await runCli([
      'sensitivity',
      ...SITE,
      '--range',
      'btc-price=60k:150k',
      '--range',
      'btc-growth=-30%:50%',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const r = sensitivityOutputSchema.parse(JSON.parse(stdout));
    expect(r.drivers.find((d) => d.id === 'btc-price')).toMatchObject({
      lowValue: 60_000,
      highValue: 150_000,
      range: 'given',
    });
    expect(r.drivers.find((d) => d.id === 'btc-growth')).toMatchObject({ lowValue: -0.3, highValue: 0.5 });
  });

  it('takes ranges from a scenario file (sensitivity.ranges), --range overriding it driver by driver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashcalc-risk-'));
    const file = join(dir, 'site.json');
    writeFileSync(
      file,
      JSON.stringify({
        sensitivity: { swing: '10%', ranges: { 'lease-rate': [120, '160'], 'btc-price': '50k:90k' } },
      }),
    );
    const { code, stdout, stderr } = await runCli([
      'sensitivity',
      ...SITE,
      '--scenario',
      file,
      '--range',
      'btc-price=70k:80k',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const r = sensitivityOutputSchema.parse(JSON.parse(stdout));
    expect(r.swing).toBe(0.1);
    expect(r.drivers.find((d) => d.id === 'lease-rate')).toMatchObject({
      lowValue: 120,
      highValue: 160,
      range: 'given',
    });
    // Ranges merge driver by driver: --range replaces the file's range for btc-price only.
    expect(r.drivers.find((d) => d.id === 'btc-price')).toMatchObject({
      lowValue: 70_000,
      highValue: 80_000,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sensitivity: { ranges: { 'lease-rate': [1] } } }));
    const failed = await runCli(['sensitivity', ...SITE, '--scenario', bad]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('sensitivity.ranges');
  });

  it.each([40, 60, 100])('fits a tornado, a grid and the simulation into %i columns', async (width) => {
    for (const args of [
      ['sensitivity', ...SITE],
      ['sensitivity', ...SITE, '--grid', 'btc-price,lease-rate'],
      ['project', ...SITE, '--simulations', '2000'],
    ]) {
      const { code, stdout } = await runCli(args, { COLUMNS: String(width) });
      expect(code).toBe(0);
      for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
    }
  });

  it('draws a tornado per AI option, with the base and zero marked', async () => {
    const { code, stdout } = await runCli(['sensitivity', ...SITE], { COLUMNS: '90' });
    expect(code).toBe(0);
    expect(stdout).toContain('AI lease minus keeping mining');
    expect(stdout).toContain('GPU cloud minus keeping mining');
    const bars = stdout.split('\n').filter((l) => l.includes('│') && !l.includes('┌') && !l.startsWith('│'));
    expect(bars.length).toBeGreaterThanOrEqual(26);
  });

  it('--grid: cells [y][x] over both axes, the frontier where the sign changes; csv has a record a cell', async () => {
    const args = ['sensitivity', ...SITE, '--grid', 'btc-price,lease-rate', '--steps', '5'];
    const json = await runCli([...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const r = sensitivityOutputSchema.parse(JSON.parse(json.stdout));
    expect(r.grid?.x.id).toBe('btc-price');
    expect(r.grid?.y.id).toBe('lease-rate');
    expect(r.grid?.x.values).toHaveLength(5);
    const lease = r.grid?.options.find((o) => o.id === 'ai-lease');
    expect(lease?.npvDeltaUsd).toHaveLength(5);
    expect(lease?.npvDeltaUsd[0]).toHaveLength(5);
    // The base's cell (middle of both axes) is the base delta.
    expect(lease?.npvDeltaUsd[2]?.[2]).toBeCloseTo(
      r.base.options.find((o) => o.id === 'ai-lease')?.npvVsMiningUsd ?? 0,
      0,
    );
    const csv = await runCli([...args, '--format', 'csv']);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('option,lease-rate,btc-price,npvDeltaUsd,frontier');
    expect(lines).toHaveLength(1 + 2 * 25);
    const table = await runCli(args);
    expect(table.stdout).toContain('break-even frontier');
  });

  it.each([
    [
      ['--grid', 'btc-price'],
      "--grid: expected two drivers X,Y (e.g. btc-price,gpu-hour-price), got 'btc-price'",
    ],
    [['--grid', 'btc-price,nope'], "--grid: no driver 'nope'"],
    [['--grid', 'btc-price,btc-price'], '--grid: expected two different drivers'],
    [
      ['--grid', 'btc-price,lease-rate', '--steps', '1000'],
      "--steps: expected a whole number from 2 to 51 (e.g. 9), got '1000'",
    ],
    [['--steps', '5'], '--steps: only with --grid X,Y'],
    [['--range', 'btc-prise=1:2'], "no driver 'btc-prise'; did you mean 'btc-price'?"],
    [['--range', 'btc-price=9:3'], 'expected LOW below HIGH'],
    [['--range', 'utilization=50%:120%'], 'utilization'],
    [['--range', 'conversion-months=3:90'], 'expected months from 0 to the horizon (60)'],
    [['--swing', '0'], '--swing: expected a fraction above 0 up to 0.9'],
  ])('%j: exit 2, one line', async (args, message) => {
    const stderr = usageStderr(await runCli(['sensitivity', ...SITE, ...args]));
    expect(stderr).toContain(message);
  });
});

describe('project --simulations', () => {
  const sim = ['project', ...SITE, '--simulations', '3000'];

  it('--json: per option mean and p5..p95 of NPV, the chances, a histogram, the seed', async () => {
    const { code, stdout, stderr } = await runCli([...sim, '--seed', '7', '--json']);
    expect(code, stderr).toBe(0);
    const r = projectOutputSchema.parse(JSON.parse(stdout));
    const s = r.simulation;
    if (!s) throw new Error('no simulation');
    expect({ paths: s.paths, seed: s.seed }).toEqual({ paths: 3000, seed: 7 });
    expect(s.model).toMatchObject({
      btcVolPerYear: 0.42,
      difficultyVolPerYear: 0.22,
      difficultyBtcCorrelation: 0.5,
      gpuPriceVolPerYear: 0.2,
    });
    expect(s.options.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud']);
    for (const o of s.options) {
      const q = o.npvUsd;
      expect(q.min).toBeLessThanOrEqual(q.p5);
      expect([q.p5, q.p25, q.p50, q.p75, q.p95]).toEqual(
        [q.p5, q.p25, q.p50, q.p75, q.p95].sort((a, b) => a - b),
      );
      expect(q.p95).toBeLessThanOrEqual(q.max);
      expect(o.histogram.counts.reduce((a, b) => a + b, 0) + o.histogram.below + o.histogram.above).toBe(
        3000,
      );
      expect(o.probabilityBeatsMining).toBeGreaterThanOrEqual(0);
      expect(o.probabilityBeatsMining).toBeLessThanOrEqual(1);
    }
    expect(s.options[0]?.probabilityBeatsMining).toBe(0);
    expect(r.assumptionSources.btcVolPerYear).toMatchObject({ origin: 'default', value: 0.42 });
  });

  it('never draws a comb: a narrow spread gets fewer bins, none left empty between full ones', async () => {
    const { stdout } = await runCli([
      ...sim,
      '--btc-vol',
      '1%',
      '--difficulty-vol',
      '1%',
      '--gpu-price-vol',
      '1%',
      '--json',
    ]);
    const r = projectOutputSchema.parse(JSON.parse(stdout));
    for (const o of r.simulation?.options ?? []) {
      const counts = o.histogram.counts;
      const inner = counts.slice(1, -1);
      expect(
        inner.every((c, i) => c > 0 || (counts[i] === 0 && counts[i + 2] === 0)),
        String(counts),
      ).toBe(true);
      expect(o.histogram.binEdgesUsd).toHaveLength(counts.length + 1);
    }
  });

  it('with every volatility 0 reports the deterministic NPVs', async () => {
    const { stdout } = await runCli([
      ...sim,
      '--btc-vol',
      '0',
      '--difficulty-vol',
      '0',
      '--gpu-price-vol',
      '0',
      '--json',
    ]);
    const r = projectOutputSchema.parse(JSON.parse(stdout));
    for (const o of r.simulation?.options ?? []) {
      const npv = r.options.find((x) => x.id === o.id)?.npvUsd;
      expect([o.npvUsd.mean, o.npvUsd.p5, o.npvUsd.p50, o.npvUsd.p95]).toEqual([npv, npv, npv, npv]);
    }
  });

  it('the same seed gives the same bytes; another seed other figures', async () => {
    const a = await runCli([...sim, '--json']);
    const b = await runCli([...sim, '--json']);
    const c = await runCli([...sim, '--seed', '2', '--json']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).simulation.options[1].npvUsd.mean).not.toBe(
      JSON.parse(a.stdout).simulation.options[1].npvUsd.mean,
    );
  });

  it('shows the distribution in the terminal: the table, one axis for all options, histograms', async () => {
    const { code, stdout } = await runCli(sim, { COLUMNS: '100' });
    expect(code).toBe(0);
    expect(stdout).toContain('Monte Carlo: 3,000 paths, seed 1');
    expect(stdout).toContain('P(beats keeping mining)');
    expect(stdout).toContain('Histograms of NPV');
    expect(stdout).toMatch(/Over 3,000 simulated paths: the AI lease beats keeping mining on \d+\.\d%/);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('shows progress on a terminal (stderr) and clears it before the output', async () => {
    const args = ['project', ...SITE, '--workers', '1', '--simulations', '9000'];
    const t = cliContext(args, cliEnv(), { stderrIsTTY: true, spinnerDelayMs: 0 });
    const code = await run(args, t.ctx);
    expect(code).toBe(0);
    expect(t.stderr()).toMatch(/simulating: [\d,]+ of 9,000 paths \(\d+%\), [\d,]+ paths\/s/);
    expect(t.stderr().endsWith('\r\u001b[K')).toBe(true);
    expect(t.stdout()).toContain('Monte Carlo: 9,000 paths');
  });

  it.each([
    [
      ['--simulations', '0'],
      "--simulations: expected whole paths from 1 to 1,000,000 (e.g. 10000 or 100k), got '0'",
    ],
    [
      ['--simulations', '1e9'],
      "--simulations: expected whole paths from 1 to 1,000,000 (e.g. 10000 or 100k), got '1e9'",
    ],
    [
      ['--simulations', '10', '--btc-vol', '600%'],
      "--btc-vol: expected an annual volatility from 0 to 300% (e.g. 0.42 or 42%), got '600%'",
    ],
    [
      ['--simulations', '10', '--seed', '-1'],
      "--seed: expected a whole number from 0 to 4294967295 (e.g. 42), got '-1'",
    ],
    [
      ['--simulations', '10', '--difficulty-btc-correlation', '2'],
      '--difficulty-btc-correlation: expected a correlation from -1 to 1',
    ],
    [['--btc-vol', '50%'], '--btc-vol: only with --simulations N'],
  ])('%j: exit 2, one line', async (args, message) => {
    const stderr = usageStderr(await runCli(['project', ...SITE, ...args]));
    expect(stderr).toContain(message);
  });
});
