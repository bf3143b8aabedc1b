import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { economicsOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

function workspace(): { dir: string; write(name: string, data: unknown): string } {
  const dir = mkdtempSync(join(tmpdir(), 'hashcalc-inputs-'));
  return {
    dir,
    write(name, data) {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
      return path;
    },
  };
}

async function siteMw(args: string[], env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await runCli(['mining', '--offline', '--json', ...args], env);
  expect(code, stderr).toBe(0);
  const report = economicsOutputSchema.parse(JSON.parse(stdout));
  return {
    mw: report.assumptions.siteMw,
    origin: report.assumptionSources.siteMw?.origin,
    from: report.assumptionSources.siteMw?.from,
  };
}

describe('input precedence: flags > env > scenario > config > defaults', () => {
  it('takes each layer in order', async () => {
    const ws = workspace();
    ws.write('config/hashcalc/config.json', { site: { mw: 10 } });
    const scenario = ws.write('site.json', { site: { mw: 20 } });
    const env = { XDG_CONFIG_HOME: join(ws.dir, 'config') };
    expect(await siteMw([], {})).toMatchObject({ mw: 100, origin: 'default' });
    expect(await siteMw([], env)).toMatchObject({ mw: 10, origin: 'config' });
    expect(await siteMw(['--scenario', scenario], env)).toMatchObject({
      mw: 20,
      origin: 'scenario',
      from: `${scenario}: site.mw`,
    });
    expect(await siteMw(['--scenario', scenario], { ...env, HASHCALC_MW: '30' })).toMatchObject({
      mw: 30,
      origin: 'env',
      from: 'HASHCALC_MW',
    });
    expect(await siteMw(['--scenario', scenario, '--mw', '40'], { ...env, HASHCALC_MW: '30' })).toMatchObject(
      { mw: 40, origin: 'flag' },
    );
  });

  it('reads a fleet and percent strings from a scenario; --explain says where each input came from', async () => {
    const ws = workspace();
    // 10 MW / 1.05 = 9,523,810 W; 1000 S21 XP = 3,645,000 W; rest 5,878,810 W / 3441 W = 1708 M60S
    const file = ws.write('site.json', {
      site: { mw: 10 },
      fleet: [{ model: 'S21 XP', count: 1000 }, { model: 'm60s' }],
      mining: { poolFee: '2%' },
    });
    const { code, stdout, stderr } = await runCli([
      'mining',
      '--offline',
      '--json',
      '--explain',
      '--scenario',
      file,
    ]);
    expect(code).toBe(0);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.options[0]?.fleet?.map((f) => f.units)).toEqual([1000, 1708]);
    expect(report.assumptions.poolFee).toBe(0.02);
    expect(stderr).toContain(`poolFee              0.02 <- scenario ${file}: mining.poolFee`);
    expect(stderr).toContain('uptime               0.98 <- default');
  });
});

describe('scenario errors name the file and the exact path', () => {
  it.each([
    [
      { fleet: [{ model: 'S21 XP' }, { model: 'S21X' }] },
      "fleet[1].model: unknown model 'S21X'; did you mean 'Antminer S21 XP'",
    ],
    [{ mining: { poolFe: 0.02 } }, "mining: unknown key 'poolFe'; did you mean 'poolFee'?"],
    [{ sight: { mw: 5 } }, "unknown key 'sight'; did you mean 'site'?"],
    [{ site: { mw: 'lots' } }, "site.mw: expected megawatts above 0 up to 100000 (e.g. 341), got 'lots'"],
    [{ site: { mw: true } }, 'site.mw: expected'],
    [{ fleet: [{ model: 'S21 XP', count: -1 }] }, 'fleet[0].count: must be above 0'],
    [{ mining: { poolFee: 1.5 } }, 'mining.poolFee: expected a fraction from 0 to below 1'],
    ['{ "site": ', 'not valid JSON'],
    ['{\n"site":\nx}', 'not valid JSON'],
    [[], '(top level): expected object'],
  ])('%j', async (content, message) => {
    const ws = workspace();
    const file = ws.write('site.json', content);
    const { code, stdout, stderr } = await runCli(['compare', '--offline', '--scenario', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: `);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing scenario file is a usage error', async () => {
    const { code, stderr } = await runCli(['compare', '--offline', '--scenario', '/nonexistent/site.json']);
    expect(code).toBe(2);
    expect(stderr).toContain("--scenario: cannot read '/nonexistent/site.json': no such file");
  });

  it('accepts // comments in scenario files', async () => {
    const ws = workspace();
    const file = ws.write('site.json', '{\n  // the Washington site\n  "site": { "mw": 18 /* MW */ }\n}\n');
    expect(await siteMw(['--scenario', file])).toMatchObject({ mw: 18, origin: 'scenario' });
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const ws = workspace();
    const file = ws.write('site.json', '\uFEFF{"site":{"mw":12}}');
    expect(await siteMw(['--scenario', file])).toMatchObject({ mw: 12, origin: 'scenario' });
  });

  it('landlord-pays-power: env beats scenario, and --no-landlord-pays-power beats env', async () => {
    const ws = workspace();
    const file = ws.write('site.json', { lease: { landlordPaysPower: true } });
    const run = async (args: string[], env: Record<string, string>) =>
      economicsOutputSchema.parse(
        JSON.parse((await runCli(['ai', '--json', '--scenario', file, ...args], env)).stdout),
      ).assumptionSources.landlordPaysPower;
    expect(await run([], {})).toMatchObject({ value: true, origin: 'scenario' });
    expect(await run([], { HASHCALC_LANDLORD_PAYS_POWER: '0' })).toMatchObject({
      value: false,
      origin: 'env',
    });
    expect(await run(['--no-landlord-pays-power'], { HASHCALC_LANDLORD_PAYS_POWER: '1' })).toMatchObject({
      value: false,
      origin: 'flag',
    });
  });

  it('a bad env value names the variable', async () => {
    const { code, stderr } = await runCli(['compare', '--offline'], { HASHCALC_POOL_FEE: '150%' });
    expect(code).toBe(2);
    expect(stderr).toContain('HASHCALC_POOL_FEE: expected a fraction');
  });
});

describe('init', () => {
  it('writes an example that runs, and its schema; never overwrites without --force', async () => {
    const ws = workspace();
    const file = join(ws.dir, 'site.json');
    const first = await runCli(['init', file]);
    expect(first.code).toBe(0);
    const schema = JSON.parse(readFileSync(join(ws.dir, 'site.schema.json'), 'utf8'));
    expect(schema.properties.site.properties.mw.description).toContain('--mw');
    const run = await runCli(['compare', '--offline', '--json', '--scenario', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(economicsOutputSchema.parse(JSON.parse(run.stdout)).site.mw).toBe(341);
    const again = await runCli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite');
    writeFileSync(file, '{"site":{"mw":1}}');
    expect(JSON.parse(readFileSync(file, 'utf8')).site.mw).toBe(1); // untouched by the refused init
  });

  it('hashcalc schema scenario prints the JSON Schema editors use', async () => {
    const { code, stdout } = await runCli(['schema', 'scenario']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).properties.fleet.type).toBe('array');
  });
});

describe('conventions', () => {
  it('--quiet drops notes but keeps errors', async () => {
    const quiet = await runCli(['hashprice', '--offline', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const error = await runCli(['hashprice', '--offline', '--quiet', '--difficulty', '0']);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('--difficulty');
  });

  it('bash completion completes commands and flags', async () => {
    const { code, stdout } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    expect(stdout).toContain('complete -F _hashcalc hashcalc');
    expect(stdout).toContain('--pool-fee');
    for (const shell of ['zsh', 'fish'])
      expect((await runCli(['completion', shell])).stdout).toContain('hashcalc');
    expect((await runCli(['completion', 'powershell'])).code).toBe(2);
  });

  // Ctrl-C and a closed pipe need a real process: test/smoke/binary.test.ts (the same command waiting on a
  // server that never answers; a pipe closed after the first bytes of ~230 KB).
});
