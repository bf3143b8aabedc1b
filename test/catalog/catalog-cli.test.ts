/**
 * `hashcalc catalog`: each kind as a table and as JSON with its provenance, and `--stale` for CI: exit 3 when a
 * dated figure is older than the limit (listed), 0 otherwise, 2 for a bad duration (one line).
 */
import { describe, expect, it } from 'vitest';
import { CONVERSIONS } from '../../src/catalog/conversions.js';
import { run } from '../../src/cli/program.js';
import { catalogOutputSchema } from '../../src/report/schemas.js';
import { type CliResult, cliContext, cliEnv } from '../cli/run-cli.js';

/** 2026-12-01: the H100 contract rent (2026-03) is 275 days old, the newest deal (2026-05-06) 209 days. */
const NOW = Date.parse('2026-12-01T00:00:00Z');

async function catalog(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const argv = ['catalog', ...args];
  const t = cliContext(argv, cliEnv(env), { nowMs: NOW });
  const code = await run(argv, t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('catalog conversions', () => {
  it('lists each site with its company, MW, tenant, date and status, and the sources', async () => {
    const { code, stdout, stderr } = await catalog(['conversions']);
    expect(code, stderr).toBe(0);
    for (const text of [
      'Bitfarms',
      'Washington',
      'CleanSpark',
      'Cheyenne',
      'River Bend',
      'Microsoft',
      '2026-12',
    ])
      expect(stdout).toContain(text);
    expect(stdout).toContain(
      'https://theminermag.com/news/2025-11-13/bitfarms-wind-down-bitcoin-mining-2027-hpc-conversion',
    );
    expect(stdout).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('--json: every company with its self-mining EH/s (or null) and provenance', async () => {
    const { code, stdout } = await catalog(['conversions', '--json']);
    expect(code).toBe(0);
    const report = catalogOutputSchema.parse(JSON.parse(stdout));
    expect(report.kind).toBe('conversions');
    const entries = JSON.parse(stdout).entries as {
      id: string;
      company: string;
      selfMiningEhs: number | null;
    }[];
    expect(entries.map((e) => e.company)).toEqual(CONVERSIONS.map((c) => c.company));
    expect(entries.find((e) => e.id === 'bitfarms')?.selfMiningEhs).toBe(17.7);
    expect(entries.find((e) => e.company === 'Hut 8')?.selfMiningEhs).toBeNull();
  });
});

describe('catalog kinds as JSON carry the new figures', () => {
  it('deals: the average and the year-1 rent, the escalator and its basis', async () => {
    const { stdout } = await catalog(['deals', '--json']);
    const hut8 = (JSON.parse(stdout).entries as Record<string, unknown>[]).find(
      (d) => d.id === 'hut8-fluidstack',
    );
    expect(hut8).toMatchObject({ escalatorPerYear: 0.03, escalatorBasis: 'stated', structure: 'triple-net' });
    // $7B / 245 MW / 15 y / 12,000 = $158.73 average; year 1 = 158.73 x 15 / sum(1.03^0..14 = 18.599) = $128.02
    expect(hut8?.usdPerKwMonth as number).toBeCloseTo(158.73, 2);
    expect(hut8?.year1UsdPerKwMonth as number).toBeCloseTo(128.02, 2);
  });

  it('gpus: the rental price basis and the all-in capex', async () => {
    const { stdout } = await catalog(['gpus', '--json']);
    const h100 = (JSON.parse(stdout).entries as Record<string, unknown>[]).find((g) => g.id === 'h100');
    expect(h100).toMatchObject({ rentalUsdPerGpuHour: 2.65, rentalPriceBasis: 'contract', kwPerGpu: 1.4025 });
    expect(h100?.capexUsdPerGpu as number).toBeCloseTo(46_872.5, 6);
  });

  it('defaults: each catalog-based default with its source', async () => {
    const { code, stdout } = await catalog(['defaults', '--json']);
    expect(code).toBe(0);
    const report = catalogOutputSchema.parse(JSON.parse(stdout));
    expect(report.entries.map((e) => e.id)).toContain('leaseUsdPerKwMonth');
    const table = await catalog(['defaults']);
    expect(table.stdout).toContain('--lease-rate');
    expect(table.stdout).toContain('138');
  });
});

describe('catalog --stale', () => {
  it('exits 3 when a figure is older than the limit, listing the stale ones (oldest first)', async () => {
    const { code, stdout, stderr } = await catalog(['--stale', '180d']);
    expect(code).toBe(3);
    expect(stdout).toContain('h100');
    expect(stdout).toMatch(/\d+ of \d+ dated figures are older than 180 days \(as of 2026-12-01\)/);
    expect(stderr).toMatch(/^hashcalc: stale: \d+ of \d+ dated figures are older than 180 days/);
  });

  it('--json: the stale figures as entries, with their sources and ages', async () => {
    const { code, stdout } = await catalog(['--stale', '180d', '--json']);
    expect(code).toBe(3);
    const report = catalogOutputSchema.parse(JSON.parse(stdout));
    expect(report.kind).toBe('stale');
    expect(report.stale?.maxAgeDays).toBe(180);
    const rent = report.stale?.stale.find((f) => f.id === 'h100' && f.figure === 'rental');
    expect(rent).toMatchObject({ asOf: '2026-06', ageDays: 183 }); // 2026-06-01 -> 2026-12-01
    expect(report.entries.length).toBe(report.stale?.stale.length);
  });

  it('exits 0 when nothing is older than the limit', async () => {
    const { code, stdout, stderr } = await catalog(['--stale', '5000d']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('No dated figure here is older than 5000 days');
  });

  it('with a kind: the kind shown, its stale figures on stderr', async () => {
    const { code, stdout, stderr } = await catalog(['gpus', '--stale', '180d']);
    expect(code).toBe(3);
    expect(stdout).toContain('h100');
    expect(stderr).toContain('hashcalc: stale: gpus h100 rental: as of 2026-06, 183 days');
    expect(stderr).not.toContain('stale: deals');
  });

  it.each([['soon'], ['3'], ['-5d']])(
    'a bad duration %j exits 2 in one line naming the flag',
    async (value) => {
      // --stale's duration is optional (none: each figure's cadence), so a value that starts with '-' is given
      // as --stale=VALUE, else it reads as another option.
      const { code, stdout, stderr } = await catalog(['gpus', `--stale=${value}`]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('--stale');
    },
  );

  it('takes the limit from HASHCALC_STALE too', async () => {
    const { code } = await catalog(['gpus'], { HASHCALC_STALE: '5000d' });
    expect(code).toBe(0);
    expect((await catalog(['gpus'], { HASHCALC_STALE: '30d' })).code).toBe(3);
    // deals are signed terms (fixed facts): never stale
    expect((await catalog(['deals'], { HASHCALC_STALE: '30d' })).code).toBe(0);
  });

  it('without --stale a kind is required (exit 2, one line)', async () => {
    const { code, stderr } = await catalog([]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
