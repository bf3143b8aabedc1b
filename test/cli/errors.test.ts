import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const usageCases: [args: string[], mustMention: string][] = [
  [['compare', '--mw', '-5'], '--mw'],
  [['compare', '--mw', 'abc'], '--mw'],
  [['compare', '--mw', '1e400'], '--mw'],
  [['compare', '--pool-fee', '1.5'], '--pool-fee'],
  [['compare', '--pool-fee', '150%'], '--pool-fee'],
  [['compare', '--uptime', '0'], '--uptime'],
  [['compare', '--miner', 'nope'], '--miner'],
  [['compare', '--miner', 's21xp:-3'], '--miner'],
  [['compare', '--miner', 's21xp:1e9'], '--miner'],
  [['compare', '--difficulty', '0'], '--difficulty'],
  [['compare', '--difficulty', 'NaN'], '--difficulty'],
  [['compare', '--btc-price', 'Infinity'], '--btc-price'],
  [['compare', '--height', '1.5'], '--height'],
  [['compare', '--power-price', '40'], '--power-price'],
  [['compare', '--gpu', 'h900'], '--gpu'],
  [['ai', '--gpu', 'gb300'], '--gpu-hour-price'],
  [['compare', '--bogus'], "unknown option '--bogus'"],
  [['compare', '--mw'], '--mw'],
  [['frobnicate'], "unknown command 'frobnicate'"],
  [['hashprice', '--difficulty', '0.5'], '--difficulty'],
  [['mining', '--pool-fee', '2,5%'], '--pool-fee'],
  [['compare', '--mw', '34,1'], '--mw'],
  [['ai', '--btc-price', '-5'], '--btc-price'],
  [['ai', '--timeout', 'xyz'], '--timeout'],
  [['ai', '--gpu', 'b300'], '--gpu-capex'],
  [['hashprice', '--format', 'xml'], '--format'],
  [['--format', 'json'], 'missing command'],
  [['catalog', 'cars'], 'miners, gpus, deals'],
];

describe('bad input', () => {
  it.each(usageCases)('%j exits 2 with one line naming %s', async (args, mention) => {
    const { code, stdout, stderr } = await runCli([...args, '--offline']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(mention);
    // Apart from echoing the value given, no NaN/Infinity and no stack trace.
    expect(stderr.replace(/got '[^']*'/, '')).not.toMatch(/NaN|Infinity|\n\s+at /);
  });

  it('names the closest models for an unknown miner', async () => {
    const { stderr } = await runCli(['compare', '--offline', '--miner', 'S21X']);
    expect(stderr).toContain("unknown model 'S21X'");
    expect(stderr).toContain('Antminer S21 XP');
  });

  it('suggests the flag a typo meant', async () => {
    const { stderr } = await runCli(['compare', '--offline', '--pool-fe', '2%']);
    expect(stderr).toContain('--pool-fee');
    expect(stderr).toContain("see 'hashcalc compare --help'");
  });
});

describe('help and version', () => {
  it.each([
    'compare',
    'mining',
    'ai',
    'hashprice',
    'network',
    'check',
    'catalog',
    'init',
    'schema',
    'completion',
  ])('%s --help shows examples and exit codes', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes:');
    expect(stdout).toContain(`hashcalc ${command}`);
  });

  it('bare hashcalc prints the help and exits 0', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: hashcalc');
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('colour', () => {
  it('is off when stdout is not a TTY, on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    const args = ['hashprice', '--offline'];
    expect((await runCli(args)).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await runCli([...args, '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });
});

describe('review fixes', () => {
  it('help asked for exits 0; a missing command is one line, exit 2', async () => {
    expect((await runCli(['help'])).code).toBe(0);
    const help = await runCli(['help', 'compare']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('hashcalc compare');
    const missing = await runCli(['--offline']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads commas only as thousands separators', async () => {
    const { code, stdout } = await runCli(['hashprice', '--offline', '--json', '--btc-price', '84,775']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).btcUsd).toBe(84_775);
  });

  it('counts whole units at exact multiples despite floating point', async () => {
    // 1.4 MW / 1.25 = 1.12 MW = 1120 kW of IT; at 1 kW per GPU that is exactly 1120 GPUs (not 1119)
    const ai = JSON.parse(
      (await runCli(['ai', '--mw', '1.4', '--pue-ai', '1.25', '--kw-per-gpu', '1', '--json'])).stdout,
    );
    expect(ai.options[1].units).toBe(1120);
    // 3.82725 MW / 1.05 = 3.645 MW = exactly 1000 S21 XP at 3645 W (not 999)
    const mining = JSON.parse((await runCli(['mining', '--mw', '3.82725', '--offline', '--json'])).stdout);
    expect(mining.options[0].units).toBe(1000);
  });

  it('drops the estimated-hashrate variant when the difficulty is given (it belongs to another difficulty)', async () => {
    const { stdout } = await runCli(['hashprice', '--offline', '--json', '--difficulty', '50T']);
    const report = JSON.parse(stdout);
    expect(report.estimatedHashrateEhs).toBeNull();
    expect(report.estimatedHashrateVariant).toBeNull();
  });

  it('a loss-making option never shows a payback, even with no capex', async () => {
    const { stdout } = await runCli([
      'mining',
      '--offline',
      '--json',
      '--power-price',
      '0.5',
      '--miner-price',
      '0',
    ]);
    const mining = JSON.parse(stdout).options[0];
    expect(mining.ebitdaUsdPerYear).toBeLessThan(0);
    expect(mining.paybackYears).toBeNull();
  });

  it('a site too small for one miner shows n/a breakevens, never "$n/a"', async () => {
    const { stdout } = await runCli(['mining', '--offline', '--mw', '0.003']);
    expect(stdout).toContain('power n/a');
    expect(stdout).not.toContain('$n/a');
  });

  it('markdown shows the default markers as text, not emphasis', async () => {
    const { stdout } = await runCli(['compare', '--offline', '--format', 'markdown']);
    expect(stdout).toContain('pool fee 2.5%\\*');
    expect(stdout).toContain('\\* default');
  });

  it('B300 is in the catalog and runs with the figures the catalog lacks', async () => {
    const { code, stdout } = await runCli([
      'ai',
      '--json',
      '--gpu',
      'b300',
      '--gpu-hour-price',
      '6',
      '--gpu-capex',
      '45k',
    ]);
    expect(code).toBe(0);
    // 100 MW / 1.3 = 76,923.08 kW IT / (14.5 / 8 = 1.8125 kW x 1.10 = 1.99375 kW) = 38,582.1 -> 38,582 GPUs
    expect(JSON.parse(stdout).options[1].units).toBe(38_582);
  });

  it('HASHCALC_OFFLINE=no is not offline; HASHCALC_OFFLINE=1 is', async () => {
    const refused = 'http://127.0.0.1:9';
    const env = { HASHCALC_BLOCKCHAIN_INFO_URL: refused, HASHCALC_COINGECKO_URL: refused };
    const no = await runCli(['hashprice', '--require-live', '--mempool-url', refused], {
      ...env,
      HASHCALC_OFFLINE: 'no',
    });
    expect(no.code).toBe(1); // live data was required and could not be had
    const yes = await runCli(['hashprice', '--require-live', '--mempool-url', refused], {
      ...env,
      HASHCALC_OFFLINE: '1',
    });
    expect(yes.code).toBe(2); // --require-live contradicts offline
  });

  it('--explain on hashprice names the flag or variable a network value came from', async () => {
    const flag = await runCli(['hashprice', '--offline', '--explain', '--btc-price', '90k']);
    expect(flag.stderr).toMatch(/btcUsd\s+90000 <- flag --btc-price/);
    const env = await runCli(['hashprice', '--offline', '--explain'], { HASHCALC_BTC_PRICE: '91000' });
    expect(env.stderr).toMatch(/btcUsd\s+91000 <- env HASHCALC_BTC_PRICE/);
    expect(env.stderr).toMatch(/difficulty\s+124932866006548\.16 <- snapshot, as of 2026-06-14/);
  });

  it('init into a missing directory is one clean line, exit 2', async () => {
    const { code, stderr } = await runCli(['init', '/nonexistent-dir/site.json']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      "hashcalc: init: cannot write '/nonexistent-dir/site.json': no such directory",
    );
  });
});
