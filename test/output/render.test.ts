/** Renderer-side honesty, on report objects built by the real report code. */
import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot, Sourced } from '../../src/data/types.js';
import { summary } from '../../src/output/render-check.js';
import { paybackText } from '../../src/output/render-economics.js';
import { feeShareText, hashpriceRows } from '../../src/output/render-hashprice.js';
import { provenanceLine } from '../../src/output/render-network.js';
import { hashpriceReport, networkReport } from '../../src/report/network.js';
import { networkData } from '../../src/site/network.js';

const NOW = Date.parse('2025-12-01T12:00:00Z');
const minutesAgo = (m: number) => NOW - m * 60_000;

function snapshot(over: Partial<Record<'height' | 'difficulty' | 'btc' | 'fees', Partial<Sourced<number>>>>) {
  const q = (value: number, extra: Partial<Sourced<number>> | undefined): Sourced<number> => ({
    value,
    source: 'mempool',
    host: 'mempool.space',
    asOfMs: minutesAgo(1),
    ...extra,
  });
  const s: NetworkSnapshot = {
    heightBlocks: q(927_000, over.height),
    difficulty: q(149.3e12, over.difficulty),
    btcUsd: q(91_234, over.btc),
    avgFeesBtcPerBlock: q(0.02, over.fees),
    estimatedHashrateHs: null,
    retarget: null,
  };
  return networkData(s);
}

describe('network footer', () => {
  it('one source: the age of its oldest figure, not of the youngest', () => {
    const cache = { source: 'cache' as const, origin: 'mempool' as const, host: 'mempool.space' };
    const report = networkReport(
      snapshot({
        height: { ...cache, asOfMs: minutesAgo(2) },
        difficulty: { ...cache, asOfMs: minutesAgo(2) },
        btc: { ...cache, asOfMs: minutesAgo(45) },
        fees: { ...cache, asOfMs: minutesAgo(2) },
      }),
    );
    const line = provenanceLine(report, NOW);
    expect(line).toMatch(/^Network data: cache \(mempool\.space\), 45 min old: height 927,000/);
    expect(line).not.toContain('2 min old');
  });

  it('several sources: each group of figures with its own source and oldest age', () => {
    const report = networkReport(
      snapshot({
        height: { asOfMs: minutesAgo(1) },
        difficulty: { asOfMs: minutesAgo(3) },
        btc: { source: 'flag', host: undefined },
      }),
    );
    const line = provenanceLine(report, NOW);
    expect(line).toContain(
      'height 927,000, difficulty 149.30T, fees 0.0200 BTC/block (mempool.space, 3 min old)',
    );
    expect(line).toContain('BTC $91,234 (flag)');
  });
});

describe('fee share', () => {
  it('is n/a when subsidy and fees are both 0 (the core says 0 for 0/0)', () => {
    const report = hashpriceReport(snapshot({ height: { value: 7_000_000 }, fees: { value: 0 } }));
    expect(report.subsidyBtc).toBe(0);
    expect(report.feeShare).toBe(0);
    expect(feeShareText(report)).toMatch(/^n\/a/);
    expect(hashpriceRows(report).find(([label]) => label === 'Fee share of reward')?.[1]).toMatch(/^n\/a/);
    // Fees without a subsidy: all of the reward.
    expect(feeShareText(hashpriceReport(snapshot({ height: { value: 7_000_000 } })))).toBe('100%');
  });
});

describe('payback cell from paybackNote', () => {
  it('reads the note: a figure, "beyond 30 y", n/a with the reason', () => {
    expect(paybackText({ paybackYears: 3.52, paybackNote: null })).toBe('3.5 y');
    expect(
      paybackText({ paybackYears: 2410.8, paybackNote: 'beyond 30 years: longer than the assets last' }),
    ).toBe('beyond 30 y');
    expect(paybackText({ paybackYears: 0, paybackNote: 'no capex: nothing to pay back' })).toBe(
      'n/a (no capex)',
    );
    expect(paybackText({ paybackYears: null, paybackNote: 'EBITDA <= 0: capex is never paid back' })).toBe(
      'n/a (EBITDA <= 0)',
    );
  });
});

describe('check summary', () => {
  const rules = (n: number) => Array.from({ length: n }, () => ({}) as never);
  it('agrees in number', () => {
    expect(summary({ passed: true, breached: 0, rules: rules(1) })).toBe('The 1 rule passes');
    expect(summary({ passed: false, breached: 1, rules: rules(1) })).toBe('The 1 rule is breached');
    expect(summary({ passed: true, breached: 0, rules: rules(2) })).toBe('All 2 rules pass');
    expect(summary({ passed: false, breached: 1, rules: rules(3) })).toBe('1 of 3 rules breached');
  });
});
