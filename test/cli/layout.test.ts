/**
 * Terminal layout, end to end in-process: every command's table output laid out for the width it is given
 * (COLUMNS), never a line wider, never an id cut; and the renderer-side honesty of what the tables say.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GPUS } from '../../src/catalog/gpus.js';
import { MINERS } from '../../src/catalog/miners.js';
import { run } from '../../src/cli/program.js';
import type { Context } from '../../src/context.js';
import { type CliResult, cliContext } from './run-cli.js';

/** 2026-12-01 (test/clock.ts). */
const NOW = Date.parse('2026-12-01T00:00:00Z');

/** Runs hashcalc in-process with COLUMNS set (or not), stdout not a TTY, a private home and no network. */
async function hashcalc(
  args: readonly string[],
  columns?: number,
  env: Record<string, string> = {},
  colorLevel: Context['colorLevel'] = 0,
): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), 'hashcalc-layout-'));
  const t = cliContext(
    args,
    {
      HOME: home,
      XDG_CACHE_HOME: home,
      XDG_CONFIG_HOME: home,
      ...(columns === undefined ? {} : { COLUMNS: String(columns) }),
      ...env,
    },
    { nowMs: NOW, colorLevel },
  );
  const code = await run(args, t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

const WIDTHS = [60, 80, 100, 120] as const;

const COMMANDS: [name: string, args: string[]][] = [
  ['compare', ['compare', '--mw', '341', '--offline']],
  ['compare --plan', ['compare', '--mw', '341', '--offline', '--plan', 'lease:150@12,gpu:50@30']],
  ['mining', ['mining', '--mw', '341', '--offline']],
  ['mining, mixed fleet', ['mining', '--mw', '10', '--offline', '--miner', 's21xp:1000', '--miner', 'M60S']],
  ['ai', ['ai', '--mw', '341', '--offline']],
  ['hashprice', ['hashprice', '--offline']],
  ['network', ['network', '--offline']],
  [
    'check',
    // The lease earns 1.123x mining's revenue per site kWh on the newest epoch's difficulty: 1.1 passes.
    [
      'check',
      '--offline',
      '--allow-stale',
      '--mw',
      '341',
      '--min-hashprice',
      '30',
      '--min-ratio',
      'ai-lease/mining:1.1',
    ],
  ],
  ['catalog miners', ['catalog', 'miners']],
  ['catalog gpus', ['catalog', 'gpus']],
  ['catalog deals', ['catalog', 'deals']],
];

/**
 * Lines wider than the width. A source URL stands alone on its line and is never cut (wrap.ts: a word longer
 * than the width is never cut), so a line that is one URL may be wider: it is not counted.
 */
const tooWide = (text: string, width: number) =>
  text.split('\n').filter((line) => line.length > width && !/^\s*\S*https?:\/\/\S+$/.test(line));

/** Commands with a chart (whose legend states each line's last value only without colour): width only. */
const CHARTED: [name: string, args: string[]][] = [
  ['project --plan', ['project', '--mw', '341', '--offline', '--plan', 'lease:150@12,gpu:50@30']],
  ['strategy', ['strategy', '--mw', '341', '--offline']],
];

describe.each(WIDTHS)('at COLUMNS=%i', (width) => {
  it.each([...COMMANDS, ...CHARTED])('%s: every line fits, nothing is cut', async (_name, args) => {
    const { code, stdout, stderr } = await hashcalc(args, width);
    expect(code, stderr).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    expect(tooWide(stdout, width)).toEqual([]);
    expect(stdout).not.toContain('…');
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it.each(COMMANDS)('%s in colour: the same layout, colour codes take no columns', async (_name, args) => {
    const coloured = await hashcalc(args, width, {}, 1);
    const plain = await hashcalc(args, width);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is removed
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('catalog ids are never truncated', async () => {
    const miners = (await hashcalc(['catalog', 'miners'], width)).stdout;
    const gpus = (await hashcalc(['catalog', 'gpus'], width)).stdout;
    const whole = (id: string) => new RegExp(`(^|[\\s│:])${id.replace(/[+]/g, '\\+')}($|[\\s│])`, 'm');
    for (const m of MINERS) expect(miners).toMatch(whole(m.id));
    for (const g of GPUS) expect(gpus).toMatch(whole(g.id));
  });

  it('a mixed fleet lists each model: units, hashrate, price per TH/s and its basis', async () => {
    const { stdout } = await hashcalc(
      ['mining', '--mw', '10', '--offline', '--miner', 's21xp:1000', '--miner', 'M60S'],
      width,
    );
    // 10 MW / 1.05 = 9,523,810 W IT; 1000 S21 XP (3,645 W, 270 TH/s) = 270,000 TH/s; the rest
    // 5,878,810 W / 3441 W = 1708 M60S x 186 TH/s = 317,688 TH/s.
    const flat = stdout.replace(/\s+/g, ' ');
    for (const text of [
      'Antminer S21 XP',
      'Whatsminer M60S',
      '1,000',
      '1,708',
      '270 PH/s',
      '317.7 PH/s',
      '$25.7',
      'catalog, 2025-11-03',
    ])
      expect(flat).toContain(text);
  });
});

describe('compare laid out for the width', () => {
  it('at 60 columns: one block per option instead of a broken grid', async () => {
    const { stdout } = await hashcalc(['compare', '--mw', '341', '--offline'], 60);
    expect(stdout).not.toMatch(/[┌│└├]/);
    // Figures: see test/cli/compare.test.ts for the working.
    expect(stdout).toMatch(
      /^Mining\n {2}IT load \(MW\) +324\.8\n {2}Units +89,097 miners\n {2}Revenue \(\$\/yr\) +\$267M$/m,
    );
    expect(stdout).toMatch(/^AI lease\n(?: {2}.*\n)* {2}Revenue \(\$\/kWh of site\) +0\.145$/m);
    expect(stdout).toMatch(/^GPU cloud\n(?: {2}.*\n)* {2}Capex \(\$\) +\$11\.4B$/m);
    // The verdict, wrapped to the width (which option leads is the JSON tests' business).
    expect(stdout).toMatch(
      /Too close to call over\s+5\s+years:\s+(keeping mining|the AI lease|the GPU cloud)\s+leads/,
    );
  });

  it('at 80 columns: the grid fits, and so do the footers, wrapped at word boundaries', async () => {
    const { stdout } = await hashcalc(['compare', '--mw', '341', '--offline'], 80);
    const grid = stdout.split('\n').filter((l) => /^[┌│└├]/.test(l));
    expect(grid.length).toBeGreaterThan(10);
    expect(tooWide(stdout, 80)).toEqual([]);
    // A footer line ends at a word boundary: the next line carries on with an indent, no word is split.
    for (const line of stdout.split('\n')) expect(line).not.toMatch(/[A-Za-z]-$/);
    expect(stdout.replace(/\n {2}/g, ' ')).toContain(
      'Network data: height 953,568, difficulty 124.93T (embedded difficulty epochs, epoch of ~2026-06-14, 170 days old); BTC $62,829 (embedded monthly closes, close at 2026-08-01, 122 days old)',
    );
  });

  it('honours COLUMNS: narrower output than without it', async () => {
    const wide = await hashcalc(['compare', '--mw', '341', '--offline']);
    const narrow = await hashcalc(['compare', '--mw', '341', '--offline'], 60);
    expect(wide.stdout).toContain('┌');
    expect(narrow.stdout).not.toContain('┌');
    expect(Math.max(...wide.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(60);
  });

  it('markdown is not bound by the width', async () => {
    const { stdout } = await hashcalc(['compare', '--mw', '341', '--offline', '--format', 'markdown'], 60);
    expect(stdout).toMatch(/^\| {2}\| Mining \| AI lease \| GPU cloud \|$/m);
  });
});

describe('honest cells', () => {
  it('capex / year-1 EBITDA: "beyond 30 y" when it outlasts the assets, "n/a (no capex)" with nothing to pay back', async () => {
    // At $0.09/kWh mining EBITDA is a sliver of a new fleet's $618M capex (breakeven is $0.093/kWh with the
    // $8/MWh other opex: ($0.09299 - $0.09) x 2,927M kWh = $8.8M a year, 70 years); no fit-out: the lease has
    // no capex. (compare's paybackExResidualYears is over the horizon; capex / year-1 EBITDA is
    // capexOverYear1EbitdaYears: see CHANGELOG.md.)
    const args = [
      'compare',
      '--mw',
      '341',
      '--offline',
      '--power-price',
      '0.09',
      '--fit-out',
      '0',
      '--fleet',
      'new',
      // the snapshot of 2025-11-22 (hashprice $35.24), where a new fleet's payback outlasts it
      ...[
        '--btc-price',
        '84775',
        '--difficulty',
        '152271406129092',
        '--height',
        '924700',
        '--fees-btc',
        '0.02126',
      ],
    ];
    const json = JSON.parse((await hashcalc([...args, '--json'])).stdout);
    expect(json.options[0].capexOverYear1EbitdaYears).toBeGreaterThan(30);
    expect(json.options[0].simplePaybackYears).toBe(json.options[0].capexOverYear1EbitdaYears);
    expect(json.options[0].paybackExResidualYears).toBeNull();
    expect(json.options[1].capexUsd).toBe(0);
    const { stdout } = await hashcalc(args);
    expect(stdout).not.toMatch(/Simple payback/);
    const row = stdout.split('\n').find((l) => l.includes('Capex / year-1 EBITDA (years)')) ?? '';
    expect(row).toMatch(/│ +beyond 30 y │ +n\/a \(no capex\) │ +\d+\.\d y │/);
    const horizon = stdout.split('\n').find((l) => l.includes('Payback (years)')) ?? '';
    expect(horizon).toMatch(/│ +beyond 5 y │/);
    expect(stdout).not.toMatch(/\d{3,}\.\d y/);
  });

  it('capex / year-1 EBITDA: n/a with the reason when EBITDA <= 0', async () => {
    const { stdout } = await hashcalc(['mining', '--mw', '341', '--offline', '--power-price', '0.2']);
    expect(stdout.split('\n').find((l) => l.includes('Capex / year-1 EBITDA (years)'))).toMatch(
      /n\/a \(EBITDA <= 0\)/,
    );
    // mining has no horizon: no "Payback" row (that word is the payback over the years, in compare).
    expect(stdout).not.toMatch(/Payback/);
  });

  it('marks who pays the power as a default only when it is one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hashcalc-layout-scenario-'));
    const scenario = join(home, 'site.json');
    writeFileSync(scenario, JSON.stringify({ lease: { landlordPaysPower: false } }));
    const fromDefault = (await hashcalc(['ai', '--mw', '10', '--offline'])).stdout;
    const fromScenario = (await hashcalc(['ai', '--mw', '10', '--offline', '--scenario', scenario])).stdout;
    const fromFlag = (await hashcalc(['ai', '--mw', '10', '--offline', '--no-landlord-pays-power'])).stdout;
    const landlord = (await hashcalc(['ai', '--mw', '10', '--offline', '--landlord-pays-power'])).stdout;
    expect(fromDefault).toContain('tenant pays power*');
    expect(fromScenario).toMatch(/tenant pays power,/);
    expect(fromFlag).toMatch(/tenant pays power,/);
    expect(landlord).toMatch(/landlord pays power,/);
  });

  it('a small site reads in significant digits, never "0.0 MW"', async () => {
    const { stdout } = await hashcalc(['compare', '--mw', '0.001', '--offline']);
    expect(stdout).toContain('0.001 MW site');
    expect(stdout).toContain('Site: 0.001 MW');
    expect(stdout).not.toMatch(/\b0\.0 MW/);
  });

  it('money has three significant digits wherever it is abbreviated, never a long mantissa', async () => {
    const { stdout } = await hashcalc([
      'compare',
      '--mw',
      '100000',
      '--offline',
      '--btc-price',
      '10000000',
      '--gpu-hour-price',
      '1000',
    ]);
    const amounts = [...stdout.matchAll(/\$(\d[\d.]*)(?:e\d+|[kMBT])/g)].map((m) => m[1] ?? '');
    expect(amounts.length).toBeGreaterThan(10);
    for (const amount of amounts) expect(amount.replace('.', '').replace(/^0+/, '')).toHaveLength(3);
    expect(stdout).toContain('$12.4T'); // mining revenue, 12.4 trillion a year at $10M per BTC (124.93T)
  });

  it('fee share is n/a when subsidy and fees are both 0', async () => {
    // Height 7,000,000 is past the 33rd halving: the subsidy is 0; fees 0 given.
    for (const command of ['hashprice', 'network']) {
      const { code, stdout } = await hashcalc([
        command,
        '--offline',
        '--height',
        '7000000',
        '--fees-btc',
        '0',
      ]);
      expect(code).toBe(0);
      expect(stdout.split('\n').find((l) => l.includes('Fee share of reward'))).toMatch(/n\/a/);
    }
    const normal = await hashcalc(['hashprice', '--offline']);
    expect(normal.stdout.split('\n').find((l) => l.includes('Fee share of reward'))).toContain('0.54%'); // 0.016865 / (3.125 + 0.016865)
  });

  it('check says its count in the right number', async () => {
    const base = ['check', '--offline', '--allow-stale', '--mw', '341'];
    expect((await hashcalc([...base, '--min-hashprice', '30'])).stdout).toContain('The 1 rule passes');
    expect((await hashcalc([...base, '--min-hashprice', '50'])).stdout).toContain('The 1 rule is breached');
    const two = await hashcalc([...base, '--min-hashprice', '30', '--min-ratio', 'ai-lease/mining:1.1']);
    expect(two.stdout).toContain('All 2 rules pass');
    const oneOfTwo = await hashcalc([...base, '--min-hashprice', '50', '--min-ratio', 'ai-lease/mining:1.1']);
    expect(oneOfTwo.stdout).toContain('1 of 2 rules breached');
  });
});
