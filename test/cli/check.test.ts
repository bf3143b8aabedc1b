import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

// Snapshot figures (see compare.test.ts for the working): hashprice $35.2369/PH/day; revenue per site kWh
// mining 0.098967, AI lease 0.145416 -> ratio 1.4693; GPU cloud simple payback: capex $11.3895B / EBITDA
// ($3.8502B revenue - 187,028 x 1.4025 kW x 1.3 x 8760 h x $0.04 = $119.49M energy - 20% other opex
// $770.03M = $2.9606B) = 3.847 years.
const base = ['check', '--offline', '--allow-stale', '--mw', '341'];

describe('hashcalc check', () => {
  it('exits 0 when every rule passes and prints PASS lines', async () => {
    const { code, stdout } = await runCli([
      ...base,
      '--min-hashprice',
      '30',
      '--min-ratio',
      'ai-lease/mining:1.1',
    ]);
    expect(code).toBe(0);
    // (3.125 + 17/1008) x 62829.09 x 86400e15 / (124932866006548.16 x 2^32) = 31.7852 (the newest epoch's
    // difficulty and the newest embedded monthly close, July 2026)
    expect(stdout).toMatch(/PASS.*network\.hashpriceUsdPerPhDay >= 30.*31\.7852/);
    expect(stdout).toContain('All 2 rules pass');
  });

  it('exits 3 when a rule is breached, with value and threshold', async () => {
    const { code, stdout } = await runCli([...base, '--min-hashprice', '50', '--json']);
    expect(code).toBe(3);
    const report = checkOutputSchema.parse(JSON.parse(stdout));
    expect(report.passed).toBe(false);
    expect(report.breached).toBe(1);
    expect(report.rules[0]).toMatchObject({
      rule: 'network.hashpriceUsdPerPhDay >= 50',
      threshold: 50,
      passed: false,
      from: '--min-hashprice',
    });
    expect(report.rules[0]?.value).toBeCloseTo(31.7852, 3);
  });

  it('evaluates --assert expressions with arithmetic and logic', async () => {
    const { code, stdout } = await runCli([
      ...base,
      '--json',
      '--assert',
      'options.ai-lease.revenueUsdPerKwh / options.mining.revenueUsdPerKwh >= 2',
      '--assert',
      'options.gpu-cloud.simplePaybackYears < 4 and not (network.btcUsd < 50000)',
    ]);
    expect(code).toBe(3);
    const [ratio, payback] = checkOutputSchema.parse(JSON.parse(stdout)).rules;
    // mining's revenue per kWh moves with hashprice: 1.123 at $46.1037 (BTC $91,132), 1.123 x 46.1037 / 31.7852
    // = 1.6289 at the July 2026 close
    expect(ratio?.value).toBeCloseTo(1.6289, 3);
    expect(ratio?.passed).toBe(false);
    expect(payback?.passed).toBe(true); // < 4 and BTC $62,829 >= 50,000
  });

  it('prints a markdown table for CI job summaries', async () => {
    const { code, stdout } = await runCli([...base, '--min-hashprice', '50', '--format', 'markdown']);
    expect(code).toBe(3);
    expect(stdout).toContain('| Result | Rule | Value | Threshold | From |');
    // HTML is escaped in markdown; a viewer shows &gt; as >.
    expect(stdout).toContain('| FAIL | network.hashpriceUsdPerPhDay &gt;= 50 |');
  });

  it.each([
    [['--assert', 'process.exit()'], 'function calls are not supported'],
    [['--assert', 'constructor > 1'], "'constructor'"],
    [['--assert', '__proto__.x > 1'], '__proto__'],
    [['--assert', `${'('.repeat(5000)}1${')'.repeat(5000)} > 0`], 'too long'],
    [['--assert', `${'('.repeat(100)}1${')'.repeat(100)} > 0`], 'nest'],
    [
      ['--assert', 'options.minning.revenueUsdPerKwh > 0'],
      "unknown metric 'options.minning.revenueUsdPerKwh'",
    ],
    [['--assert', 'network.btcUsd >'], "after '>'"],
    [['--min-ratio', 'ai/mining:2'], '--min-ratio'],
    [['--min-hashprice', 'lots'], '--min-hashprice'],
    [[], 'no rules'],
  ])('a malformed rule %j exits 2 naming it', async (args, mention) => {
    const { code, stdout, stderr } = await runCli([...base, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(mention);
    expect(
      stderr
        .trim()
        .split('\n')
        .filter((l) => !l.includes('offline:')),
    ).toHaveLength(1);
  });

  it('an unknown metric fails before any data is fetched: one line, even with every source down', async () => {
    const refused = 'http://127.0.0.1:9';
    const { code, stderr } = await runCli(
      ['check', '--mempool-url', refused, '--assert', 'options.foo.bar > 1'],
      {
        HASHCALC_BLOCKCHAIN_INFO_URL: refused,
        HASHCALC_COINGECKO_URL: refused,
      },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      "hashcalc: --assert: unknown metric 'options.foo.bar' at column 1",
    ]);
  });

  it('takes rules from a scenario file, flags replacing the same scalar rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashcalc-check-'));
    const file = join(dir, 'site.json');
    writeFileSync(
      file,
      JSON.stringify({
        site: { mw: 341 },
        rules: { minHashprice: 50, assert: ['options.mining.ebitdaUsdPerYear > 0'] },
      }),
    );
    const fromFile = await runCli(['check', '--offline', '--allow-stale', '--scenario', file, '--json']);
    expect(fromFile.code).toBe(3); // 46.10 < 50
    const overridden = await runCli([
      'check',
      '--offline',
      '--allow-stale',
      '--scenario',
      file,
      '--min-hashprice',
      '30',
      '--json',
    ]);
    expect(overridden.code).toBe(0);
    const rules = checkOutputSchema.parse(JSON.parse(overridden.stdout)).rules;
    expect(rules.map((r) => r.from)).toEqual(['--min-hashprice', `${file}: rules.assert[0]`]);
  });

  it('fails safe: exit 1 on the embedded data (older than 7 days) unless --allow-stale or a --max-age accepts it', async () => {
    const rules = ['--mw', '341', '--min-hashprice', '30'];
    const old = await runCli(['check', '--offline', ...rules]);
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr.trim().split('\n')).toEqual([
      'hashcalc: height, difficulty, price, fees are older than the 7 days a check accepts by default (fees from ' +
        'the embedded snapshot of 2026-01-12 is 323 days old); connect to the network, or accept the data with ' +
        '--allow-stale or --max-age DURATION',
    ]);
    expect((await runCli(['check', '--offline', '--allow-stale', ...rules])).code).toBe(0);
    expect((await runCli(['check', '--offline', '--max-age', '400d', ...rules])).code).toBe(0);
    expect((await runCli(['check', '--offline', '--max-age', '30d', ...rules])).code).toBe(1);
    // Values given now are today's: they pass the default.
    const given = [
      '--height',
      '975000',
      '--difficulty',
      '130T',
      '--btc-price',
      '90000',
      '--fees-btc',
      '0.02',
    ];
    expect((await runCli(['check', '--offline', ...given, ...rules])).code).toBe(0);
  });
});
