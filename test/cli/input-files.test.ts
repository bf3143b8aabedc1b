/**
 * Hardening of input files and values (issue 21): scenario, config and --data files are read with a limit,
 * parsed in linear time, and refused in one line (exit 2) when hostile.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

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
