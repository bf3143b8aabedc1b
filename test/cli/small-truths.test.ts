/**
 * Issue 18, "small truths": what the commands print and publish once each figure means one thing (in-process,
 * offline, on the embedded snapshot and the test clock).
 */
import { describe, expect, it } from 'vitest';
import { IRR_NOTES } from '../../src/core/finance.js';
import { economicsOutputSchema, projectOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

async function json<T>(args: string[], parse: (x: unknown) => T): Promise<T> {
  const { code, stdout, stderr } = await runCli([...args, '--offline', '--json']);
  expect(code, stderr).toBe(0);
  return parse(JSON.parse(stdout));
}

const projectJson = (args: string[]) =>
  json(['project', '--mw', '341', ...args], (x) => projectOutputSchema.parse(x));
const economicsJson = (command: string, args: string[]) =>
  json([command, ...args], (x) => economicsOutputSchema.parse(x));

/** The option of a document by id (a test failure when it is missing). */
function byId<T extends { id: string }>(options: readonly T[], id: string): T {
  const found = options.find((o) => o.id === id);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}

/** The cells of a table row by its label, trimmed. */
function row(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`│ ${label} `));
  if (!line) throw new Error(`no row ${label}`);
  return line
    .split('│')
    .slice(2, -1)
    .map((c) => c.trim());
}

describe('IRR: inflows before the outlay are a borrowing profile, not a return', () => {
  it('10 years of an owned fleet (cash first, the refresh later): no IRR, with the reason, in JSON and the table', async () => {
    // At BTC $300k a new fleet pays for itself: the owned 2024 fleet with a 3-year life is bought again
    // when its life ends (month 7), after months of cash: inflows first.
    const args = ['--years', '10', '--btc-price', '300000', '--miner-life', '3'];
    const r = await projectJson(args);
    const mining = r.options.find((o) => o.id === 'mining');
    // The flows: the fleet's cash from month 1, the refresh's capex in year 5: inflows first.
    const first = mining?.months.find((m) => m.cashFlowUsd !== 0)?.cashFlowUsd as number;
    expect(first).toBeGreaterThan(0);
    expect(mining?.months.some((m) => m.cashFlowUsd < 0)).toBe(true);
    expect(mining?.irr).toBeNull(); // before: 0.2774 ("27.74%")
    expect(mining?.irrNote).toBe(IRR_NOTES.borrowing);
    expect(mining?.fleetPurchases).toBe(1);
    const { stdout } = await runCli(['project', '--mw', '341', ...args, '--offline']);
    expect(row(stdout, 'IRR (annual)')[0]).toBe('n/a (borrowing profile)');
  });

  it("compare publishes irrNote and says why IRR is n/a in its table (mining's owned fleet: no outlay)", async () => {
    const r = await economicsJson('compare', ['--mw', '341']);
    const mining = r.options.find((o) => o.id === 'mining');
    expect(mining?.irr).toBeNull();
    expect(mining?.irrNote).toBe(IRR_NOTES.noSignChange);
    expect(r.options.find((o) => o.id === 'ai-lease')?.irrNote).toBeNull();
    const { stdout } = await runCli(['compare', '--mw', '341', '--offline']);
    expect(row(stdout, 'IRR (annual)')[0]).toBe('n/a (no outlay)');
  });
});

describe('payback is null, never 0, with no capex; one word, one meaning', () => {
  it("compare: an owned fleet's payback is null with the reason (it was paybackYears: 0), and so are its discounted payback and capex / year-1 EBITDA", async () => {
    const r = await economicsJson('compare', ['--mw', '341']);
    const mining = r.options.find((o) => o.id === 'mining');
    expect(mining?.capexUsd).toBe(0);
    expect(mining?.paybackYears).toBeNull();
    expect(mining?.paybackNote).toMatch(/^no capex: /);
    expect(mining?.discountedPaybackYears).toBeNull();
    expect(mining?.discountedPaybackNote).toMatch(/^no capex: /);
    expect(mining?.capexOverYear1EbitdaYears).toBeNull();
    expect(mining?.capexOverYear1EbitdaNote).toBe('no capex: nothing to pay back');
    // The lease: payback over the horizon (months / 12) and capex / year-1 EBITDA, each its own field.
    const lease = r.options.find((o) => o.id === 'ai-lease');
    expect(lease?.capexOverYear1EbitdaYears).toBeCloseTo(
      (lease?.capexUsd as number) / (lease?.ebitdaUsdPerYear as number),
      12,
    );
    expect(lease?.simplePaybackYears).toBe(lease?.capexOverYear1EbitdaYears); // deprecated alias
    expect(lease?.paybackYears).not.toBe(lease?.capexOverYear1EbitdaYears);
  });

  it('project: a payback of an option whose cash is never negative is null with the reason, not 0', async () => {
    const r = await projectJson(['--years', '5']);
    const mining = r.options.find((o) => o.id === 'mining');
    expect(mining?.months.every((m) => m.cumulativeCashUsd >= 0)).toBe(true);
    expect(mining?.paybackMonths).toBeNull(); // before: 0
    expect(mining?.paybackNote).toBe('no capex: cumulative cash is never negative, nothing to pay back');
    expect(mining?.discountedPaybackMonths).toBeNull();
    const { stdout } = await runCli(['project', '--mw', '341', '--years', '5', '--offline']);
    expect(row(stdout, 'Payback')[0]).toBe('n/a (no capex)');
    expect(row(stdout, 'Discounted payback')[0]).toBe('n/a (no capex)');
  });

  it('mining and ai name capex / year-1 EBITDA as such, in the table and the JSON; their paybackYears is null (no horizon)', async () => {
    for (const [command, id] of [
      ['mining', 'mining'],
      ['ai', 'ai-lease'],
    ] as const) {
      const { stdout } = await runCli([command, '--mw', '341', '--offline']);
      expect(stdout).not.toMatch(/Payback/);
      const r = await economicsJson(command, ['--mw', '341']);
      const o = byId(r.options, id);
      // mining prices a new fleet: $618M / $179M a year = 3.5 years; the lease $2.62B / $369M = 7.1 years.
      expect(row(stdout, 'Capex / year-1 EBITDA (years)')[0]).toBe(
        `${(o.capexOverYear1EbitdaYears as number).toFixed(1)} y`,
      );
      expect(o?.capexOverYear1EbitdaYears).toBeCloseTo(
        (o?.capexUsd as number) / (o?.ebitdaUsdPerYear as number),
        12,
      );
      expect(o?.paybackYears).toBeNull();
      expect(o?.paybackNote).toMatch(/^no horizon: /);
    }
  });

  it('compare: "Payback" is the horizon-aware row; capex / year-1 EBITDA is named as such (no "Simple payback")', async () => {
    const { stdout } = await runCli(['compare', '--mw', '341', '--offline']);
    expect(stdout).not.toMatch(/Simple payback/);
    const r = await economicsJson('compare', ['--mw', '341']);
    const gpu = byId(r.options, 'gpu-cloud');
    // The horizon-aware payback, the residual value not counted (paybackExResidualYears).
    const payback = gpu.paybackExResidualYears;
    expect(row(stdout, 'Payback (years)')[2]).toBe(
      payback === null || payback === undefined ? 'beyond 5 y' : `${payback.toFixed(1)} y`,
    );
    expect(row(stdout, 'Capex / year-1 EBITDA (years)')[2]).toBe(
      `${(gpu.capexOverYear1EbitdaYears as number).toFixed(1)} y`,
    );
  });
});

describe("a mixed fleet's price per TH/s is its TH-weighted price, never $0", () => {
  // 341 MW / 1.05 = 324.76 MW IT: 40,000 S21 XP (3,645 W) counted = 145.8 MW; the S19 XP (3,010 W) fill the
  // rest: floor(178,961,905 W / 3,010 W) = 59,455. TH/s: 40,000 x 270 = 10.8M at $25.7 and 59,455 x 140 =
  // 8,323,700 at the S19 XP's own $24 (Luxor RFQ, 2023-06): (277,560,000 + 199,768,800) / 19,123,700 =
  // $24.96/TH.
  const mixed = ['--mw', '341', '--miner', 'antminer-s21-xp:40000', '--miner', 'antminer-s19-xp'];
  const weighted = 477_328_800 / 19_123_700;

  it.each(['compare', 'mining', 'project', 'sensitivity'])(
    '%s: assumptions.minerPriceUsdPerTh and the footer',
    async (command) => {
      const { code, stdout, stderr } = await runCli([command, ...mixed, '--offline', '--json']);
      expect(code, stderr).toBe(0);
      const doc = JSON.parse(stdout);
      // compare with an owned fleet (capex 0) said $0/TH; project and sensitivity said null, with no reason.
      expect(doc.assumptions.minerPriceUsdPerTh).toBeCloseTo(weighted, 9);
      expect(doc.assumptionSources.minerPriceUsdPerTh.basis).toMatch(/mixed fleet: weighted by TH\/s/);
      if (command === 'compare' || command === 'mining') {
        const table = await runCli([command, ...mixed, '--offline']);
        expect(table.stdout).toMatch(/miners \$25\.0\/TH/);
      }
    },
  );
});

describe("the breakeven hashprice is labelled as today's hashprice at the breakeven BTC price", () => {
  it("is today's hashprice x breakeven BTC / today's BTC, and the line says so", async () => {
    const r = await projectJson(['--years', '5']);
    const b = byId(r.options, 'ai-lease').breakevenVsMining;
    const btc = b?.btcUsd as number;
    const hashprice = b?.hashpriceUsdPerPhDay as number;
    // $35.24/PH/day today at $84,775: at the breakeven BTC price, hashprice x btc / 84,775.
    expect(hashprice).toBeCloseTo((r.network.hashpriceUsdPerPhDay * btc) / r.network.btcUsd, 9);
    const { stdout } = await runCli(['project', '--mw', '341', '--years', '5', '--offline']);
    const text = stdout.replace(/\n\s+/g, ' ');
    expect(text).toContain(
      `BTC $${(btc / 1000).toFixed(1)}k (today's hashprice at that BTC price: $${hashprice.toFixed(2)}/PH/day)`,
    );
    // A BTC breakeven that does not exist is said once, without a hashprice to go with it: a GPU cloud at
    // $0.50/GPU-h beats mining at no BTC price (mining at any price at least sells its miners).
    const cheap = await runCli([
      'project',
      '--mw',
      '341',
      '--years',
      '5',
      '--gpu-hour-price',
      '0.5',
      '--offline',
    ]);
    expect(cheap.stdout.replace(/\n\s+/g, ' ')).toMatch(
      /GPU cloud = keeping mining \(NPV\) at: GPU-hour \$[\d.]+, BTC n\/a, power n\/a/,
    );
  });
});
