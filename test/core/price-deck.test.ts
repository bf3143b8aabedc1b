/**
 * A price deck (issue 19, "Price decks and start dates"): an analyst's monthly path replaces the growth
 * assumptions for the months it covers; later months continue from its last value at the stated growth.
 *
 * Hand-worked: the chain's blocks and difficulty do not depend on the price, and the fees are in BTC, so a
 * month's USD mining revenue is (BTC mined that month) x (that month's BTC/USD). A deck that gives BTC/USD
 * twice today's in month 13 (and today's elsewhere) leaves every month's BTC mined as it was and doubles
 * month 13's USD revenue exactly; month 12 and 14 are unchanged. Energy is kWh x price: a deck's power price
 * of 0.06 in a month where the flag says 0.04 makes that month's bill 1.5 times.
 */
import { describe, expect, it } from 'vitest';
import { projectChain } from '../../src/core/chain.js';
import { pathAt } from '../../src/core/price-path.js';
import { projectSite } from '../../src/core/projection/index.js';
import { baseProjection } from './projection-inputs.js';

const BTC = 84_775;
const at = (month: number, value: number, length = month) =>
  Array.from({ length }, (_, i) => (i === month - 1 ? value : null));

describe('a price deck', () => {
  it('a deck doubling BTC in month 13 doubles mining revenue that month, and only that month', () => {
    const plain = projectSite(baseProjection());
    const deck = projectSite(baseProjection({ deck: { btcUsd: at(13, 2 * BTC) } }));
    const mining = (p: typeof plain) => p.options.find((o) => o.id === 'mining')?.months ?? [];
    const [before, after] = [mining(plain), mining(deck)];
    expect(after[13]?.revenueUsd).toBeCloseTo(2 * (before[13]?.revenueUsd as number), 6);
    // Month 14 continues from the last row (2 x) at the stated growth (flat): 2 x today's too.
    expect(after[14]?.revenueUsd).toBeCloseTo(2 * (before[14]?.revenueUsd as number), 6);
    expect(after[12]?.revenueUsd).toBe(before[12]?.revenueUsd);
    expect(deck.chain.months[12]?.btcUsd).toBe(2 * BTC);
    expect(deck.chain.months[12]?.btcPerPhOverMonth).toBe(plain.chain.months[12]?.btcPerPhOverMonth);
  });

  it('months after the deck continue from its last value at the stated growth (from that month end)', () => {
    // BTC +20%/yr; the deck gives 100k for month 3 only. Month 15's end is 12 months after month 3's end.
    const chain = projectChain({
      heightBlocks: 924_700,
      difficulty: 152e12,
      btcUsd: BTC,
      avgFeesBtcPerBlock: 0.02,
      difficultyGrowthPerMonth: 0,
      btcGrowthPerYear: 0.2,
      feesGrowthPerYear: 0,
      months: 15,
      btcUsdPath: at(3, 100_000),
    });
    expect(chain.months[2]?.btcUsd).toBe(100_000);
    expect(chain.months[14]?.btcUsd).toBeCloseTo(120_000, 6);
    // Before the deck's first row: today's price at the stated growth (month 1's end: +20% over a month).
    expect(chain.months[0]?.btcUsd).toBeCloseTo(BTC * 1.2 ** (1 / 12), 6);
  });

  it('a path with no value is the stated growth, bit for bit', () => {
    const stated = pathAt(BTC, 0.3, undefined, 100, 1200);
    const empty = pathAt(BTC, 0.3, [null, null], 100, 1200);
    expect(empty(50)).toBe(stated(50));
    expect(empty(350)).toBe(stated(350));
  });

  it("a deck's power price moves that month's energy bill (mining and the AI options)", () => {
    const power = at(6, 0.06);
    const plain = projectSite(baseProjection({ conversionMonths: 0 }));
    const deck = projectSite(baseProjection({ conversionMonths: 0, deck: { powerUsdPerKwh: power } }));
    const opexOf = (p: typeof plain, id: string, m: number) =>
      p.options.find((o) => o.id === id)?.months[m]?.opexUsd;
    // The lease's tenant pays its own power (no --landlord-pays-power): its bill is not the site's.
    expect(opexOf(deck, 'ai-lease', 6)).toBe(opexOf(plain, 'ai-lease', 6));
    for (const id of ['mining', 'gpu-cloud'] as const) {
      const opex = (p: typeof plain, m: number) => p.options.find((o) => o.id === id)?.months[m]?.opexUsd;
      // The lease's and the GPU cloud's opex also has a share of revenue (unchanged): compare the difference.
      const extra = (opex(deck, 6) as number) - (opex(plain, 6) as number);
      expect(extra).toBeGreaterThan(0);
      expect(opex(deck, 5)).toBe(opex(plain, 5));
      // Month 7 continues at the deck's last power price (no growth of its own).
      expect((opex(deck, 7) as number) - (opex(plain, 7) as number)).toBeCloseTo(extra, 4);
    }
    // Mining's opex is energy alone here (no other opex): 0.06 / 0.04 of it.
    const mining = (p: typeof plain) =>
      p.options.find((o) => o.id === 'mining')?.months[6]?.opexUsd as number;
    expect(mining(deck)).toBeCloseTo(mining(plain) * 1.5, 4);
  });

  it("a deck's power price moves a lease's energy where the landlord pays it", () => {
    const lease = (deck?: { powerUsdPerKwh: (number | null)[] }) => {
      const base = baseProjection();
      return projectSite({
        ...base,
        lease: { ...base.lease, landlordPaysPower: true },
        ...(deck ? { deck } : {}),
      }).options.find((o) => o.id === 'ai-lease')?.months[3]?.opexUsd as number;
    };
    expect(lease({ powerUsdPerKwh: at(3, 0.08) })).toBeGreaterThan(lease());
  });

  it("a deck's lease rent is the rent the lease is signed at, at go-live", () => {
    const lease = (deck?: { leaseUsdPerKwMonth: (number | null)[] }) =>
      projectSite(baseProjection({ conversionMonths: 6, ...(deck ? { deck } : {}) })).options.find(
        (o) => o.id === 'ai-lease',
      )?.months ?? [];
    const plain = lease();
    // 180 in month 7 (the first live month), and 300 later: the contract keeps 180.
    const signed = lease({ leaseUsdPerKwMonth: [...at(7, 180), 300] });
    expect(signed[7]?.revenueUsd).toBeCloseTo(((plain[7]?.revenueUsd as number) * 180) / 150, 4);
    expect(signed[20]?.revenueUsd).toBeCloseTo(((plain[20]?.revenueUsd as number) * 180) / 150, 4);
  });

  it("a deck's GPU rent is the rent of its months; the running generation declines from the last one", () => {
    const gpu = (deck?: { gpuUsdPerHour: (number | null)[] }) =>
      projectSite(baseProjection({ gpuPriceDeclinePerYear: 0.2, ...(deck ? { deck } : {}) })).options.find(
        (o) => o.id === 'gpu-cloud',
      )?.months ?? [];
    const plain = gpu();
    const deck = gpu({ gpuUsdPerHour: at(2, 3) });
    // Month 2 earns 3 / 2.5 of today's quote's rent (the quote, not carried: the deck replaces it).
    expect(deck[2]?.revenueUsd).toBeCloseTo(((plain[1]?.revenueUsd as number) * 3) / 2.5, 4);
    // A GPU month's rent is taken at its start: month 14 starts 12 months after month 2 does: 3 x 0.8.
    expect(deck[14]?.revenueUsd).toBeCloseTo(((plain[1]?.revenueUsd as number) * 3 * 0.8) / 2.5, 4);
  });
});
