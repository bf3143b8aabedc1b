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
