/**
 * Freshness: check passes on fresh data (live, then cached) without --allow-stale; README's CI example holds on
 * the shipped data (the failing default and the explicit opt-in), run against the built binary on a fixed
 * clock; catalog --stale with no duration checks each figure against its cadence; catalog shows ages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CADENCES } from '../../src/catalog/freshness.js';
import { catalogOutputSchema, economicsOutputSchema } from '../../src/report/schemas.js';
import { childEnv } from '../child-env.js';
import { type LoopbackServer, liveSources } from '../data/helpers/server.js';
import { BIN, cliEnv, runCli } from './run-cli.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const RULES = ['--mw', '341', '--min-hashprice', '30'];

describe('check on fresh data', () => {
  it('a live value passes without --allow-stale, and so does the same value cached a moment later', async () => {
    const { env } = await liveSources(servers);
    const home = mkdtempSync(join(tmpdir(), 'hashcalc-fresh-'));
    const homeEnv = { XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home, HASHCALC_OFFLINE: undefined };
    const live = await runCli(['check', ...RULES], { ...env, ...homeEnv });
    expect(live.code, live.stderr).toBe(0);
    expect(live.stderr).not.toContain('older than');
    // The loopback sources are gone: --offline takes the cache written by the live run (40-60 s old).
    await Promise.all(servers.splice(0).map((s) => s.close()));
    const cached = await runCli(['check', ...RULES, '--offline'], { ...env, ...homeEnv });
    expect(cached.code, cached.stderr).toBe(0);
    expect(cached.stderr).not.toContain('snapshot'); // a fresh cache is used silently
    expect(cached.stderr).not.toContain('older than');
  });
});

/** The built binary on a fixed clock (faketime, as CI runs the suite), offline, with a private home. */
function binAt(
  date: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'faketime',
      [date, process.execPath, BIN, ...args],
      { env: childEnv(cliEnv({ HASHCALC_OFFLINE: '1' })), timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Arguments of a README command line: words, quotes removed, line continuations joined. */
function words(command: string): string[] {
  return (command.replace(/\\\n\s*/g, ' ').match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((w) =>
    w.replace(/^['"]|['"]$/g, ''),
  );
}

describe("README's CI example on the shipped data", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const CLOCK = '2026-12-01 00:00:00';

  it('check fails safe by default (exit 1) and runs its rules with --allow-stale', async () => {
    const shown = [...readme.matchAll(/^\$ npx hashcalc (check [^\n]+)$/gm)].map((m) => words(m[1] ?? ''));
    expect(shown).toHaveLength(2);
    const [byDefault, optIn] = shown as [string[], string[]];
    expect(optIn).toContain('--allow-stale');
    const a = await binAt(CLOCK, byDefault);
    expect(a.code, a.stderr).toBe(1);
    expect(a.stderr).toContain('older than the 7 days a check accepts by default');
    // The opt-in runs the rules: README says one of two is breached (exit 3): the lease earns 1.6x, not 2x.
    const b = await binAt(CLOCK, optIn);
    expect(b.code, b.stderr).toBe(3);
    expect(b.stdout).toContain('1 of 2 rules breached');
  });

  it('the GitHub Actions step: exit 1 offline by default, passes (exit 0) with --allow-stale', async () => {
    const step = /run: \|\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
    const args = words(step.trim().replace(/>>.*$/, '')).slice(2); // drop "npx hashcalc"
    expect(args[0]).toBe('check');
    const byDefault = await binAt(CLOCK, args);
    expect(byDefault.code, byDefault.stderr).toBe(1);
    // $31.79/PH/day offline (the July 2026 close) is above the $30 floor and mining's EBITDA is positive: both
    // rules pass.
    const optIn = await binAt(CLOCK, [...args, '--allow-stale']);
    expect(optIn.code, optIn.stderr).toBe(0);
  });
});

describe('catalog freshness', () => {
  it('--stale with no duration checks each figure against its cadence', async () => {
    const { code, stdout } = await runCli(['catalog', 'gpus', '--stale', '--json']);
    const report = catalogOutputSchema.parse(JSON.parse(stdout));
    expect(report.stale?.byCadence).toBe(true);
    expect(report.stale?.maxAgeDays).toBeNull();
    // At the test clock (2026-12-01) a GPU price of 2025-10 (426 days) is past the 365-day market cadence.
    for (const f of report.stale?.stale ?? []) {
      expect(f.cadenceDays).toBe(CADENCES.market.days);
      expect(f.ageDays).toBeGreaterThan(365);
    }
    expect(code).toBe((report.stale?.stale.length ?? 0) > 0 ? 3 : 0);
    // Every figure past its cadence is one the ages list marks overdue, and no other.
    const overdue = (report.ages ?? []).filter((a) => a.overdue).map((a) => `${a.id}/${a.figure}`);
    expect(overdue.sort()).toEqual((report.stale?.stale ?? []).map((f) => `${f.id}/${f.figure}`).sort());
  });

  it('every catalog table has an age column; nameplates and signed terms are fixed', async () => {
    for (const kind of ['miners', 'gpus', 'deals', 'conversions', 'defaults']) {
      const { code, stdout } = await runCli(['catalog', kind], { COLUMNS: '200' });
      expect(code).toBe(0);
      expect(stdout).toMatch(/\bage\b/);
    }
    const deals = await runCli(['catalog', 'deals', '--json']);
    const ages = catalogOutputSchema.parse(JSON.parse(deals.stdout)).ages ?? [];
    expect(ages.length).toBeGreaterThan(0);
    expect(ages.every((a) => a.fixed && !a.overdue)).toBe(true);
  });

  it('compare marks a default whose source is past its cadence, and says so in JSON', async () => {
    const json = await runCli(['compare', '--mw', '341', '--offline', '--json']);
    const report = economicsOutputSchema.parse(JSON.parse(json.stdout));
    // --pue-ai's source is dated 2025-10-22: 405 days before the test clock (2026-12-01), past 365.
    expect(report.assumptionSources.pueAi).toMatchObject({ sourceAsOf: '2025-10-22', overdue: true });
    const table = await runCli(['compare', '--mw', '341', '--offline']);
    expect(table.stdout).toContain('PUE 1.3*!');
    expect(table.stdout.replace(/\s+/g, ' ')).toContain('! its source is past its refresh cadence');
  });
});
