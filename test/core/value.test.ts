/**
 * What the site is worth (issue 22, sections 3 and 4): exit values at the horizon (cap rate, multiple, per MW
 * of grid or IT power), a sale of the site (option `sell`), and a discount rate per option, each against a
 * hand calculation or an identity.
 */
import { describe, expect, it } from 'vitest';
import { npvMonthly } from '../../src/core/finance.js';
import { projectSite, scaledNpv, siteFlows } from '../../src/core/projection/index.js';
import { DeltaEvaluator, withDriver } from '../../src/core/risk/sensitivity.js';
import { baseProjection } from './projection-inputs.js';

const option = (p: ReturnType<typeof projectSite>, id: string) => {
  const found = p.options.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found;
};

// The lease of baseProjection: 341 MW / PUE 1.3 = 262.30769 MW of IT = 262,307.69 kW at $150/kW-month,
// occupancy 1, tenant pays power, other opex 15%, no escalator, no ramp, go-live today:
//   revenue a year = 262,307.69 x 150 x 12 = $472,153,846; EBITDA = 0.85 x that = $401,330,769.
const LEASE_IT_MW = 341 / 1.3;
const LEASE_EBITDA = LEASE_IT_MW * 1000 * 150 * 12 * 0.85;

describe('a sale of the site (option sell)', () => {
  it('is worth exactly price x grid MW when sold today (month 0): 341 MW x $6.9M = $2,352,900,000', () => {
    const p = projectSite(baseProjection({ sale: { usdPerMw: 6_900_000, month: 0 } }));
    const sell = option(p, 'sell');
    expect(sell.npvUsd).toBe(2_352_900_000);
    expect(sell.npvExResidualUsd).toBe(2_352_900_000);
    expect(sell.residualUsd).toBe(0);
    expect(sell.saleUsd).toBe(2_352_900_000);
    expect(sell.saleMonth).toBe(0);
    // Nothing after the sale: no revenue, no fixed cost, no capex.
    expect(sell.months.slice(1).every((m) => m.cashFlowUsd === 0)).toBe(true);
  });

  it('is worth exactly that today even with fixed site costs and a tax (they stop with the sale)', () => {
    const p = projectSite(
      baseProjection({
        sale: { usdPerMw: 1_000_000, month: 0 },
        siteFixedUsdPerMwMonth: 5000,
        taxRate: 0.21,
      }),
    );
    expect(option(p, 'sell').npvUsd).toBe(341_000_000);
  });

  it('sold at month 12: mining until then (the miners go with the site), then the price discounted a year', () => {
    const inputs = baseProjection({ sale: { usdPerMw: 6_900_000, month: 12 } });
    const p = projectSite(inputs);
    const mining = option(p, 'mining');
    const sell = option(p, 'sell');
    // Its first 12 months are keeping mining's (the fleet is neither sold nor bought before then, minerResale
    // 0); at month 12 it receives 341 x 6.9M = $2,352,900,000, worth 2,352,900,000 / 1.1 today.
    expect(mining.minersSoldMonth === null || (mining.minersSoldMonth as number) > 12).toBe(true);
    const first12 = npvMonthly(
      0.1,
      mining.months.slice(0, 13).map((m) => m.cashFlowUsd),
    );
    expect(sell.npvUsd).toBeCloseTo(first12 + 2_352_900_000 / 1.1, 0);
    expect(sell.saleMonth).toBe(12);
    expect(sell.months[12]?.otherCashUsd).toBe(2_352_900_000);
    expect(sell.months.slice(13).every((m) => m.cashFlowUsd === 0)).toBe(true);
  });

  it('is discounted at mining rate (its own rate only when given)', () => {
    const inputs = baseProjection({
      sale: { usdPerMw: 6_900_000, month: 24 },
      discountRates: { mining: 0.15, 'ai-lease': 0.07 },
    });
    const sell = option(projectSite(inputs), 'sell');
    expect(sell.annualDiscountRate).toBe(0.15);
    // The same sale with every option at 15%: the same NPV to the bit.
    const at15 = option(
      projectSite(baseProjection({ sale: { usdPerMw: 6_900_000, month: 24 }, annualDiscountRate: 0.15 })),
      'sell',
    );
    expect(sell.npvUsd).toBe(at15.npvUsd);
  });

  it('is not an option without a sale', () => {
    expect(projectSite(baseProjection()).options.map((o) => o.id)).toEqual([
      'mining',
      'ai-lease',
      'gpu-cloud',
    ]);
  });
});

describe('exit values at the horizon (--residual cap-rate, multiple, per-mw, per-it-mw)', () => {
  it('cap-rate: the last 12 months of EBITDA over the rate (lease: $401.33M / 7% = $5.7333B)', () => {
    const p = projectSite(baseProjection({ exitValue: { method: 'cap-rate', capRate: 0.07 } }));
    const lease = option(p, 'ai-lease');
    expect(lease.residualUsd).toBeCloseTo(LEASE_EBITDA / 0.07, 2);
    // Discounted from month 60 at 10% a year: / 1.1^5.
    expect(lease.residualPvUsd).toBeCloseTo(LEASE_EBITDA / 0.07 / 1.1 ** 5, 2);
    expect(lease.npvExResidualUsd).toBeCloseTo(lease.npvUsd - lease.residualPvUsd, 4);
    // Mining too, on its own last year (every option has an exit value).
    const mining = option(p, 'mining');
    const lastYear = mining.months.slice(-12).reduce((s, m) => s + m.ebitdaUsd, 0);
    expect(mining.residualUsd).toBeCloseTo(Math.max(0, lastYear / 0.07), 2);
  });

  it('multiple: X times the last 12 months of EBITDA (lease: 12 x $401.33M = $4.816B)', () => {
    const p = projectSite(baseProjection({ exitValue: { method: 'multiple', multiple: 12 } }));
    expect(option(p, 'ai-lease').residualUsd).toBeCloseTo(12 * LEASE_EBITDA, 2);
  });

  it('never below 0: a site that loses money in its last year is worth nothing, not less', () => {
    // BTC at $1,000: mining is curtailed (or its fleet sold) and pays the fixed site costs, a loss.
    const p = projectSite(
      baseProjection({
        network: { ...baseProjection().network, btcUsd: 1000 },
        siteFixedUsdPerMwMonth: 5000,
        exitValue: { method: 'cap-rate', capRate: 0.07 },
      }),
    );
    expect(option(p, 'mining').residualUsd).toBe(0);
  });

  it('per-mw: a price per MW of the grid power, the same for every option (341 x $2M = $682M)', () => {
    const p = projectSite(baseProjection({ exitValue: { method: 'per-mw', usdPerMw: 2_000_000 } }));
    for (const id of ['mining', 'ai-lease', 'gpu-cloud']) expect(option(p, id).residualUsd).toBe(682_000_000);
  });

  it("per-it-mw: a price per MW of the option's IT load (lease 262.3077 MW, mining 341 / 1.05 = 324.7619 MW)", () => {
    const p = projectSite(baseProjection({ exitValue: { method: 'per-it-mw', usdPerMw: 10_000_000 } }));
    expect(option(p, 'ai-lease').residualUsd).toBeCloseTo(LEASE_IT_MW * 10_000_000, 4);
    expect(option(p, 'gpu-cloud').residualUsd).toBeCloseTo(LEASE_IT_MW * 10_000_000, 4);
    expect(option(p, 'mining').residualUsd).toBeCloseTo((341 / 1.05) * 10_000_000, 4);
  });

  it('a trial at another lease rate values a cap-rate exit again, exactly as a rebuilt projection', () => {
    const inputs = baseProjection({ exitValue: { method: 'cap-rate', capRate: 0.08 } });
    const scaled = scaledNpv(inputs, siteFlows(inputs).options)('ai-lease', 1, 1.2);
    const rebuilt = option(
      projectSite({ ...inputs, lease: { ...inputs.lease, leaseUsdPerKwMonth: 180 } }),
      'ai-lease',
    ).npvUsd;
    expect(scaled).toBeCloseTo(rebuilt, 2);
  });
});

describe('a discount rate per option', () => {
  it("each option's NPV, residual PV and discounted payback use its own rate; the others keep --discount-rate", () => {
    const own = projectSite(
      baseProjection({ residual: 'economic', discountRates: { 'ai-lease': 0.07, 'gpu-cloud': 0.14 } }),
    );
    const at10 = projectSite(baseProjection({ residual: 'economic' }));
    const at7 = projectSite(baseProjection({ residual: 'economic', annualDiscountRate: 0.07 }));
    const at14 = projectSite(baseProjection({ residual: 'economic', annualDiscountRate: 0.14 }));
    for (const [id, ref, rate] of [
      ['mining', at10, 0.1],
      ['ai-lease', at7, 0.07],
      ['gpu-cloud', at14, 0.14],
    ] as const) {
      const o = option(own, id);
      const r = option(ref, id);
      expect(o.annualDiscountRate).toBe(rate);
      expect(o.npvUsd).toBe(r.npvUsd);
      expect(o.residualPvUsd).toBe(r.residualPvUsd);
      expect(o.discountedPaybackMonths).toBe(r.discountedPaybackMonths);
    }
  });

  it('the sensitivity evaluator agrees with the projection, and its discount-rate driver moves every rate by the same step', () => {
    const inputs = baseProjection({ discountRates: { 'ai-lease': 0.07 } });
    const p = projectSite(inputs);
    const base = new DeltaEvaluator(inputs).at([]);
    expect(base.npvUsd['ai-lease']).toBeCloseTo(option(p, 'ai-lease').npvUsd, 2);
    expect(base.npvUsd.mining).toBeCloseTo(option(p, 'mining').npvUsd, 2);
    // --discount-rate 12%: the lease's own 7% becomes 9%.
    const moved = withDriver(inputs, 'discount-rate', 0.12);
    expect(moved.annualDiscountRate).toBe(0.12);
    expect(moved.discountRates?.['ai-lease']).toBeCloseTo(0.09, 12);
  });
});
