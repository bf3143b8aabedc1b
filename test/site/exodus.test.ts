/**
 * The site layer's exodus: the fleet that stays when someone else's hashrate leaves, with every figure worked
 * by hand below (the network chosen so that the numbers come out round).
 */
import { describe, expect, it } from 'vitest';
import type { MinerModel } from '../../src/catalog/types.js';
import type { NetworkSnapshot } from '../../src/data/types.js';
import type { ExodusQuestion } from '../../src/site/exodus.js';
import { exodusLeaving, LeavingTooLargeError, siteExodus } from '../../src/site/exodus.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
/** Difficulty for 500 EH/s at 600 s a block: D x 2^32 / 600 = 5e20 H/s. */
const DIFFICULTY = (600 * 500e18) / 2 ** 32;

function snapshot(): NetworkSnapshot {
  const at = <T>(value: T) => ({ value, source: 'snapshot' as const, asOfMs: NOW });
  return {
    heightBlocks: at(900_000), // the 3.125 BTC era
    difficulty: at(DIFFICULTY),
    btcUsd: at(100_000),
    avgFeesBtcPerBlock: at(0),
    estimatedHashrateHs: null,
    retarget: null,
    pools: null,
  };
}

const question = (leaving: ExodusQuestion['leaving']): ExodusQuestion => ({
  site: { siteMw: 10, powerUsdPerKwh: 0.05 },
  mining: {
    // 100 TH/s at 2,000 W (20 J/TH): 10 MW of IT holds 5,000 of them, 500 PH/s.
    fleet: [{ name: 'Test 100T', hashrateThs: 100, powerW: 2000, count: null, priceUsdPerTh: 10 }],
    fleetModels: [] as MinerModel[],
    priceBases: [],
    poolFee: 0.02,
    uptime: 0.95,
    pueMining: 1,
  },
  leaving,
});

describe('exodus: the fleet that stays', () => {
  const q = question({ basis: 'ehs', ehs: 100 });
  const leaving = exodusLeaving(q, snapshot());
  const result = siteExodus(q, leaving, snapshot(), { blocksIntoEpoch: 0, pool: null, nowMs: NOW });

  it('takes the network from the difficulty and the hashprice from the chain', () => {
    // 500 EH/s; hashprice = 86,400 x 1e15 / (D x 2^32) x 3.125 BTC x $100,000
    //   = 86,400e15 / 3e23 x 312,500 = 2.88e-4 x 312,500 = $90 per PH/s per day.
    expect(leaving.networkEhs).toBeCloseTo(500, 9);
    expect(result.hashpriceUsdPerPhDay).toBeCloseTo(90, 9);
  });

  it("states the staying fleet's revenue and EBITDA before and after the retarget", () => {
    // 100 of 500 EH/s leave (20%) with no block of the epoch found: all 2,015 intervals of the span at the
    // new rate, 600 / 0.8 = 750 s: span 1,511,250 s against 2,016 x 600 = 1,209,600 s. Difficulty x
    // 1,209,600 / 1,511,250; hashprice after x 1,511,250 / 1,209,600: uplift 0.2493799603...
    const uplift = 1_511_250 / 1_209_600 - 1;
    expect(result.result.hashpriceUpliftAfterRetarget).toBeCloseTo(uplift, 12);
    // Revenue a day: 500 PH/s x (1 - 2%) x 95% x $90 = $41,895.
    const revenue = 500 * 0.98 * 0.95 * 90;
    expect(revenue).toBeCloseTo(41_895, 9);
    // Energy a day: 10,000 kW x PUE 1 x 24 h x 95% x $0.05 = $11,400.
    const energy = 11_400;
    const staying = result.stayingFleet;
    expect(staying).not.toBeNull();
    expect(staying?.hashrateThs).toBe(500_000);
    expect(staying?.revenueGainUsdPerDay).toBeCloseTo(revenue * uplift, 6); // $10,447.77 (41,895 x 0.24937996...)
    expect(staying?.ebitdaUsdPerDayBefore).toBeCloseTo(revenue - energy, 6); // $30,495
    expect(staying?.ebitdaUsdPerDayAfter).toBeCloseTo(revenue * (1 + uplift) - energy, 6); // $40,942.77
    expect(staying?.ebitdaUsdPerDayAfter).toBeCloseTo(40_942.7734, 3);
  });

  it("takes other mining opex into the staying fleet's EBITDA, not its revenue", () => {
    const withOpex = question({ basis: 'ehs', ehs: 100 });
    withOpex.mining = { ...withOpex.mining, otherOpexUsdPerMwh: 10 };
    const l = exodusLeaving(withOpex, snapshot());
    const r = siteExodus(withOpex, l, snapshot(), { blocksIntoEpoch: 0, pool: null, nowMs: NOW });
    // Energy a day 10,000 kW x 24 h x 95% = 228,000 kWh = 228 MWh; x $10/MWh = $2,280 a day.
    const opex = 2_280;
    const revenue = 500 * 0.98 * 0.95 * 90;
    const uplift = 1_511_250 / 1_209_600 - 1;
    expect(r.stayingFleet?.revenueGainUsdPerDay).toBeCloseTo(revenue * uplift, 6);
    expect(r.stayingFleet?.ebitdaUsdPerDayBefore).toBeCloseTo(revenue - 11_400 - opex, 6); // $28,215
    expect(r.stayingFleet?.ebitdaUsdPerDayAfter).toBeCloseTo(revenue * (1 + uplift) - 11_400 - opex, 6);
  });

  it("has no staying fleet when the site's own fleet is what leaves", () => {
    const own = question({ basis: 'site' });
    const ownLeaving = exodusLeaving(own, snapshot());
    expect(ownLeaving.leavingEhs).toBeCloseTo(0.5, 12); // 500,000 TH/s = 0.5 EH/s
    const r = siteExodus(own, ownLeaving, snapshot(), { blocksIntoEpoch: 0, pool: null, nowMs: NOW });
    expect(r.stayingFleet).toBeNull();
  });

  it('refuses to let the whole network leave', () => {
    expect(() => exodusLeaving(question({ basis: 'ehs', ehs: 500 }), snapshot())).toThrow(
      LeavingTooLargeError,
    );
  });

  it('takes where in the epoch from the height when nothing else says', () => {
    // 900,000 = 446 x 2,016 + 864
    const r = siteExodus(q, leaving, snapshot(), { blocksIntoEpoch: null, pool: null, nowMs: NOW });
    expect(r.blocksIntoEpoch).toBe(864);
    expect(r.blocksIntoEpochBasis).toBe('height');
  });
});
