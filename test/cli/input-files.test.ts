/**
 * Hardening of input files and values (issue 21): scenario, config and --data files are read with a limit,
 * parsed in linear time, and refused in one line (exit 2) when hostile.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { cliContext, cliEnv, runCli } from './run-cli.js';

function workspace(): { dir: string; write(name: string, data: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'hashcalc-input-files-'));
  return {
    dir,
    write(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
  };
}

/** One line on stderr, exit 2. */
function expectUsage(result: { code: number; stderr: string }, ...parts: string[]): string {
  expect(result.code, result.stderr).toBe(2);
  const line = result.stderr.trimEnd();
  expect(line).not.toContain('\n');
  for (const part of parts) expect(line).toContain(part);
  return line;
}

describe('parsing is linear', () => {
  const digits = '1'.repeat(150_000);

  it('refuses a 150k-digit --mw at once', async () => {
    expectUsage(await runCli(['mining', '--offline', '--mw', `${digits}x`]), '--mw: expected');
  });

  it('refuses a 1 MB number in a scenario at once', async () => {
    const ws = workspace();
    const scenario = ws.write('site.json', `{"site":{"mw":"${'1'.repeat(1_000_000)}x"}}`);
    expectUsage(await runCli(['mining', '--offline', '--scenario', scenario]), 'site.mw: expected');
  });

  it('reads 640k quoted CSV fields on one line at once', async () => {
    const ws = workspace();
    const header = `date,difficulty,avgFeesBtcPerBlock,btcUsd${',"x"'.repeat(640_000)}\n`;
    const data = ws.write('days.csv', header);
    expectUsage(await runCli(['history', '--offline', '--data', data]), 'days.csv', 'no rows');
  });

  it('refuses a 200k-digit difficulty in --data at once', async () => {
    const ws = workspace();
    const data = ws.write(
      'days.csv',
      `date,difficulty,avgFeesBtcPerBlock,btcUsd\n2025-01-01,${'1'.repeat(200_000)}x,0.02,90000\n`,
    );
    expectUsage(await runCli(['history', '--offline', '--data', data]), 'days.csv:2:12: difficulty');
  });
});

describe('files are read with a limit', () => {
  const posix = process.platform !== 'win32';

  function fifo(): string {
    const path = join(mkdtempSync(join(tmpdir(), 'hashcalc-fifo-')), 'pipe');
    execFileSync('mkfifo', [path]);
    return path;
  }

  it.runIf(posix)('refuses a FIFO with no writer and /dev/zero as --scenario, at once', async () => {
    const pipe = fifo();
    expect(
      expectUsage(await runCli(['mining', '--offline', '--scenario', pipe]), "--scenario: cannot read '"),
    ).toBe(
      `hashcalc: --scenario: cannot read '${pipe}': is a pipe (FIFO), not a regular file (use - to read standard input)`,
    );
    expectUsage(
      await runCli(['mining', '--offline', '--scenario', '/dev/zero']),
      "--scenario: cannot read '/dev/zero': is a device, not a regular file",
    );
  });

  it.runIf(posix)('names HASHCALC_SCENARIO, HASHCALC_CONFIG and the config file', async () => {
    const pipe = fifo();
    expectUsage(
      await runCli(['mining', '--offline'], { HASHCALC_SCENARIO: pipe }),
      `HASHCALC_SCENARIO: cannot read '${pipe}': is a pipe (FIFO)`,
    );
    expectUsage(
      await runCli(['mining', '--offline'], { HASHCALC_CONFIG: '/dev/zero' }),
      "HASHCALC_CONFIG: cannot read '/dev/zero': is a device, not a regular file",
    );
    const config = mkdtempSync(join(tmpdir(), 'hashcalc-config-'));
    mkdirSync(join(config, 'hashcalc'));
    execFileSync('mkfifo', [join(config, 'hashcalc', 'config.json')]);
    expectUsage(
      await runCli(['mining', '--offline'], { XDG_CONFIG_HOME: config }),
      `config: cannot read '${join(config, 'hashcalc', 'config.json')}': is a pipe (FIFO), not a regular file`,
    );
  });

  it.runIf(posix)('refuses a FIFO and /dev/zero as --data, at once', async () => {
    const pipe = fifo();
    expectUsage(
      await runCli(['history', '--offline', '--data', pipe]),
      `${pipe}: is a pipe (FIFO), not a regular file (use - to read standard input)`,
    );
    expectUsage(
      await runCli(['history', '--offline', '--data', '/dev/zero']),
      '/dev/zero: is a device, not a regular file',
    );
  });

  it('reads - from standard input, with the same limit', async () => {
    const scenario = await runWithStdin(
      ['mining', '--offline', '--json', '--scenario', '-'],
      chunks(['{"site":', '{"mw": 42}}']),
    );
    expect(scenario.code, scenario.stderr).toBe(0);
    expect(JSON.parse(scenario.stdout).assumptions.siteMw).toBe(42);
    const data = await runWithStdin(
      ['history', '--offline', '--json', '--data', '-', '--since', '2025-01-01', '--until', '2025-01-02'],
      chunks([
        'date,difficulty,avgFeesBtcPerBlock,btcUsd\n',
        '2025-01-01,1.1e14,0.02,94000\n2025-01-02,1.1e14,0.02,96000\n',
      ]),
    );
    expect(data.code, data.stderr).toBe(0);
    expectUsage(
      await runWithStdin(['mining', '--offline', '--scenario', '-'], endless()),
      '--scenario: standard input is more than 1 MiB; input files are limited to 1 MiB',
    );
    expectUsage(
      await runWithStdin(['history', '--offline', '--data', '-'], endless()),
      'standard input: is more than the 8 MiB a history file may have',
    );
  });
});

async function* chunks(texts: string[]): AsyncIterable<Uint8Array> {
  for (const text of texts) yield Buffer.from(text);
}

/** Endless standard input (as `--scenario <(yes)` would be), 64 KiB at a time. */
async function* endless(): AsyncIterable<Uint8Array> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  for (;;) yield chunk;
}

async function runWithStdin(args: string[], stdin: AsyncIterable<Uint8Array>) {
  const t = cliContext(args, cliEnv());
  const code = await run(args, { ...t.ctx, stdin: () => stdin });
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('scenario and config files', () => {
  it('refuses __proto__, constructor and prototype keys, naming the file and the key path', async () => {
    const ws = workspace();
    const proto = ws.write('proto.json', '{"site": {"mw": 20, "__proto__": {"mw": 5}}}');
    expect(expectUsage(await runCli(['mining', '--offline', '--scenario', proto]), proto)).toBe(
      `hashcalc: ${proto}: key 'site.__proto__' at line 1, column 21 is not allowed (__proto__, constructor and prototype are reserved)`,
    );
    const top = ws.write('top.json', '{"__proto__": {"site": {"mw": 5}}}');
    expectUsage(await runCli(['mining', '--offline', '--scenario', top]), `${top}: key '__proto__'`);
    const config = ws.write('config.json', '{"mining": {"constructor": 1}}');
    expectUsage(
      await runCli(['mining', '--offline'], { HASHCALC_CONFIG: config }),
      `${config}: key 'mining.constructor' at line 1, column 13 is not allowed`,
    );
    const prototype = ws.write('prototype.json', '{"fleet": [{"prototype": "x"}]}');
    expectUsage(
      await runCli(['mining', '--offline', '--scenario', prototype]),
      `key 'fleet[0].prototype' at line 1, column 13`,
    );
  });

  it('refuses a duplicate key with its line and column', async () => {
    const ws = workspace();
    const scenario = ws.write('dup.json', '{\n  "site": {\n    "mw": 20,\n    "mw": 30\n  }\n}\n');
    expect(expectUsage(await runCli(['mining', '--offline', '--scenario', scenario]), scenario)).toBe(
      `hashcalc: ${scenario}: duplicate key 'site.mw' at line 4, column 5`,
    );
  });

  it('refuses deep nesting in one line, exit 2', async () => {
    const ws = workspace();
    const scenario = ws.write('deep.json', `{"site": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(expectUsage(await runCli(['mining', '--offline', '--scenario', scenario]), scenario)).toBe(
      `hashcalc: ${scenario}: nested more than 32 levels deep at line 1, column 41`,
    );
    const config = ws.write('deep-config.json', '{"a":'.repeat(50_000));
    expectUsage(
      await runCli(['mining', '--offline'], { HASHCALC_CONFIG: config }),
      `${config}: nested more than 32 levels deep`,
    );
  });

  it("resolves a scenario's history.data from the scenario's folder", async () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'sites'));
    ws.write(
      'sites/days.csv',
      'date,difficulty,avgFeesBtcPerBlock,btcUsd\n2025-01-01,1.1e14,0.02,94000\n2025-01-02,1.1e14,0.02,96000\n',
    );
    const scenario = ws.write('sites/site.json', '{"history": {"data": "days.csv"}}');
    const result = await runCli([
      'history',
      '--offline',
      '--json',
      '--scenario',
      scenario,
      '--since',
      '2025-01-01',
      '--until',
      '2025-01-02',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(join(ws.dir, 'sites', 'days.csv'));
  });

  it('validates every value in the config, even one a flag overrides', async () => {
    const ws = workspace();
    const config = ws.write('config.json', '{"site": {"mw": "lots"}}');
    expect(
      expectUsage(await runCli(['mining', '--offline', '--mw', '50'], { HASHCALC_CONFIG: config })),
    ).toBe(`hashcalc: ${config}: site.mw: expected megawatts above 0 up to 100000 (e.g. 341), got 'lots'`);
  });
});

describe('parsing is linear (ranges, --data values)', () => {
  it('refuses a --range with a long run of spaces at once', async () => {
    const spaces = ' '.repeat(50_000);
    expectUsage(
      await runCli(['sensitivity', '--offline', '--range', `btc-price=${spaces}x`]),
      '--range: expected DRIVER=LOW:HIGH',
    );
    const ws = workspace();
    const scenario = ws.write(
      'ranges.json',
      JSON.stringify({ sensitivity: { ranges: { 'btc-price': `1:${spaces}x ` } } }),
    );
    const result = await runCli(['sensitivity', '--offline', '--scenario', scenario]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd()).not.toContain('\n');
  });

  it('a deeply nested value in a --data JSON line is one line, exit 2', async () => {
    const ws = workspace();
    const data = ws.write(
      'days.jsonl',
      `{"date": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "difficulty": 1, "avgFeesBtcPerBlock": 0, "btcUsd": 1}\n`,
    );
    expectUsage(
      await runCli(['history', '--offline', '--data', data]),
      'days.jsonl:1:10: date: an array is not a date (YYYY-MM-DD, UTC)',
    );
  });
});

describe('a directory as a file', () => {
  it('says it is a directory, in one line', async () => {
    const ws = workspace();
    expect(expectUsage(await runCli(['mining', '--offline', '--scenario', ws.dir]))).toBe(
      `hashcalc: --scenario: cannot read '${ws.dir}': is a directory, not a regular file`,
    );
  });
});
