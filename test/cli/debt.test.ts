/** `project --debt-share ...`: the levered figures in the JSON and the table, and bad debt inputs (exit 2). */
import { describe, expect, it } from 'vitest';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

const BASE = ['project', '--offline', '--mw', '100', '--years', '5'];

describe('project with debt', () => {
  it('JSON: each option with its loan, equity IRR, DSCR; the monthly equity cash', async () => {
    const r = await runCli([...BASE, '--json', '--debt-share', '0.7', '--debt-share-lease', '0.85']);
    expect(r.code).toBe(0);
    const doc = projectOutputSchema.parse(JSON.parse(r.stdout));
    const lease = doc.options.find((o) => o.id === 'ai-lease');
    const gpu = doc.options.find((o) => o.id === 'gpu-cloud');
    expect(lease?.debt?.share).toBe(0.85);
    expect(gpu?.debt?.share).toBe(0.7);
    expect(gpu?.debt?.rate).toBe(0.0775);
    // The loan funds its share of the build's capex (fit-out and the first GPUs, months 0 to go-live).
    const build = (gpu?.months ?? []).filter((m) => m.month <= (gpu?.goLiveMonth ?? 0));
    const buildCapex = build.reduce((s, m) => s + m.capexUsd, 0);
    expect(gpu?.debt?.amountUsd).toBeCloseTo(0.7 * buildCapex, 0);
    expect(typeof gpu?.debt?.equityIrr).toBe('number');
    expect(gpu?.debt?.minDscr).toBe(
      Math.min(...(gpu?.debt?.dscrByYear ?? []).filter((d): d is number => d !== null)),
    );
    // Equity's cash is the project's plus the draws, less debt service and the fee.
    const m = gpu?.months[(gpu?.goLiveMonth ?? 0) + 3];
    expect(m?.equityCashFlowUsd).toBeCloseTo((m?.cashFlowUsd ?? 0) - (m?.debtServiceUsd ?? 0), 0);
    // Mining owns its fleet: nothing to borrow against.
    expect(doc.options.find((o) => o.id === 'mining')?.debt?.amountUsd).toBe(0);
  });

  it('defaults: no debt, no debt rows', async () => {
    const r = await runCli([...BASE, '--json']);
    const doc = projectOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.options.every((o) => o.debt === null)).toBe(true);
    expect(doc.options[1]?.months[1]).not.toHaveProperty('equityCashFlowUsd');
    const table = await runCli(BASE);
    expect(table.stdout).not.toMatch(/Equity IRR|Min DSCR/);
  });

  it('table: Equity NPV, Equity IRR and Min DSCR rows', async () => {
    const r = await runCli([...BASE, '--debt-share', '0.7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Equity NPV/);
    expect(r.stdout).toMatch(/Equity IRR/);
    expect(r.stdout).toMatch(/Min DSCR/);
  });

  it('simulated: with no volatility, the share of paths below 1.0 and the covenant is the deterministic answer', async () => {
    const r = await runCli([
      ...BASE,
      '--json',
      '--debt-share',
      '0.7',
      '--simulations',
      '50',
      '--workers',
      '1',
      ...['--btc-vol', '0', '--difficulty-vol', '0', '--gpu-price-vol', '0'],
    ]);
    expect(r.code).toBe(0);
    const doc = projectOutputSchema.parse(JSON.parse(r.stdout));
    for (const id of ['ai-lease', 'gpu-cloud'] as const) {
      const debt = doc.options.find((o) => o.id === id)?.debt;
      const sim = doc.simulation?.options.find((o) => o.id === id);
      const min = debt?.minDscr as number;
      expect(sim?.probabilityDscrBelowOne).toBe(min < 1 ? 1 : 0);
      expect(sim?.probabilityDscrBelowCovenant).toBe(min < 1.25 ? 1 : 0);
    }
    expect(doc.simulation?.options.find((o) => o.id === 'mining')).not.toHaveProperty(
      'probabilityDscrBelowOne',
    );
  });

  it('takes a loan by its amount, at most the build: $500M of the fit-out, and all of it ($769M) for $1B', async () => {
    // 100 MW / 1.3 = 76.92 MW of IT x $10M = $769.2M of fit-out, spread over the 12-month build.
    const amountOf = async (usd: string) => {
      const r = await runCli([...BASE, '--json', '--debt-amount-lease', usd]);
      expect(r.code, r.stderr).toBe(0);
      const doc = projectOutputSchema.parse(JSON.parse(r.stdout));
      return doc;
    };
    const doc = await amountOf('5e8');
    const lease = doc.options.find((o) => o.id === 'ai-lease');
    expect(lease?.debt?.amountUsd).toBeCloseTo(5e8, 0);
    const all = (await amountOf('1e9')).options.find((o) => o.id === 'ai-lease');
    expect(all?.debt?.amountUsd).toBeCloseTo((100 / 1.3) * 10e6, 0);
    expect(doc.options.find((o) => o.id === 'gpu-cloud')?.debt).toBeNull();
  });

  it.each([
    [['--debt-share', '1.1'], '--debt-share'],
    [['--debt-share', '0.7', '--debt-term', '41'], '--debt-term'],
    [['--debt-share', '0.7', '--debt-rate', '-1%'], '--debt-rate'],
    [['--debt-share', '0.7', '--debt-amortization', 'balloon'], '--debt-amortization'],
    [['--debt-rate', '6%'], '--debt-rate'],
    [['--debt-share', '0.7', '--debt-rate', '6%', '--debt-reference', '4%'], '--debt-rate'],
    [['--debt-share', '0.7', '--debt-spread', '2%'], '--debt-spread'],
    [['--debt-share-lease', '0.7', '--debt-amount-lease', '1e9'], '--debt-amount-lease'],
    [['--debt-amount-gpu', '-5'], '--debt-amount-gpu'],
  ])('bad input %j: exit 2 with one line naming %s', async (args, flag) => {
    const r = await runCli([...BASE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(flag);
  });
});
