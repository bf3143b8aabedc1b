/** `hashcalc config`: where the config file is, whether it is valid, and each input's value before any flag. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, usageStderr } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hashcalc-config-'));

interface Input {
  id: string;
  value: unknown;
  origin: string;
  from: string | null;
}

async function config(env: Record<string, string>) {
  const result = await runCli(['config', '--json'], env);
  return { ...result, report: result.code === 0 ? JSON.parse(result.stdout) : null };
}
const input = (report: { inputs: Input[] }, id: string) => report.inputs.find((i) => i.id === id);

describe('hashcalc config', () => {
  it('names the file and each value from the file, an env var or the default', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, '{ "site": { "powerUsdPerKwh": 0.035 } }\n');
    const { report } = await config({ HASHCALC_CONFIG: file, HASHCALC_POOL_FEE: '2%' });
    expect(report.file).toEqual({
      path: file,
      pathFrom: 'HASHCALC_CONFIG',
      exists: true,
      valid: true,
      inputs: 1,
    });
    expect(input(report, 'powerUsdPerKwh')).toMatchObject({
      value: 0.035,
      origin: 'config',
      from: `${file}: site.powerUsdPerKwh`,
    });
    expect(input(report, 'poolFee')).toMatchObject({ value: 0.02, origin: 'env', from: 'HASHCALC_POOL_FEE' });
    expect(input(report, 'uptime')).toMatchObject({ value: 0.98, origin: 'default', from: null });
    // A switch is off unless given; an input without a default (data or a catalog figure) is not set.
    expect(input(report, 'refresh')).toMatchObject({ value: false, origin: 'default' });
    expect(input(report, 'btcUsd')).toMatchObject({ value: null, origin: 'none' });
  });

  it('says where the file would be when there is none', async () => {
    const { report } = await config({ XDG_CONFIG_HOME: dir });
    expect(report.file).toMatchObject({
      path: join(dir, 'hashcalc', 'config.json'),
      pathFrom: 'default',
      exists: false,
      inputs: 0,
    });
  });

  it('refuses an invalid file in one line naming it (exit 2)', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "site": { "powerUsdPerKwh": -1 } }\n');
    const stderr = usageStderr(await config({ HASHCALC_CONFIG: file }));
    expect(stderr).toContain(file);
  });

  it('prints a table that says what applies before any flag', async () => {
    const { stdout, code } = await runCli(['config'], { XDG_CONFIG_HOME: dir, HASHCALC_MW: '341' });
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain('config.json: not present');
    expect(stdout).toMatch(/--mw\s+│\s+341\s+│ HASHCALC_MW/);
    expect(stdout).toContain('1 input set outside flags');
  });
});
