/**
 * What offline runs use: the snapshot, with the newest embedded difficulty epoch and the newest embedded monthly
 * BTC/USD close where they are newer.
 */
import { describe, expect, it } from 'vitest';
import { BTC_MONTHLY_CLOSE_USD } from '../../src/catalog/btc-monthly.js';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import { EMBEDDED_SNAPSHOT } from '../../src/catalog/snapshot.js';
import { apartLine } from '../../src/data/notes.js';
import { embeddedSnapshot, newestClose, newestEpoch } from '../../src/data/snapshot.js';

const SNAPSHOT_MS = Date.parse(EMBEDDED_SNAPSHOT.asOf);

describe('the embedded network state', () => {
  it('uses the newest embedded epoch (953,568, 124.93T) for height and difficulty, the newest close for price, the snapshot for fees', () => {
    const s = embeddedSnapshot();
    const last = DIFFICULTY_EPOCHS.at(-1);
    expect(s.difficulty.value).toBe(last?.[2]);
    expect(s.heightBlocks.value).toBe(953_568);
    expect(s.difficulty.value / 1e12).toBeCloseTo(124.93, 2);
    // its start estimated from the retarget rule (the block times end at 942,199): mid-June 2026
    const epoch = newestEpoch();
    expect(epoch?.estimated).toBe(true);
    expect(new Date(s.difficulty.asOfMs).toISOString().slice(0, 10)).toBe('2026-06-14');
    expect(s.difficulty.basis).toMatch(/^newest embedded difficulty epoch, from block 953568/);
    // The July 2026 close: the price at 00:00 UTC on 2026-08-01, after the snapshot's 2026-01-12.
    expect(s.btcUsd).toMatchObject({ value: 62_829.09, source: 'snapshot', asOfMs: Date.UTC(2026, 7, 1) });
    expect(s.btcUsd.basis).toMatch(
      /^newest embedded monthly close: BTC\/USD at 00:00 UTC on 2026-08-01, the 2026-07 close/,
    );
    expect(newestClose()).toEqual({ month: '2026-07', usd: 62_829.09, asOfMs: Date.UTC(2026, 7, 1) });
    expect(s.avgFeesBtcPerBlock).toMatchObject({
      value: EMBEDDED_SNAPSHOT.avgFeesBtcPerBlock,
      asOfMs: SNAPSHOT_MS,
    });
  });

  it("keeps the snapshot's price when no close is newer than it", () => {
    // The December 2025 close is the price at 2026-01-01, before the snapshot's 2026-01-12.
    const older = BTC_MONTHLY_CLOSE_USD.filter(([month]) => month <= '2025-12');
    const s = embeddedSnapshot(DIFFICULTY_EPOCHS, older);
    expect(s.btcUsd).toMatchObject({ value: 91_132, source: 'snapshot', asOfMs: SNAPSHOT_MS });
    expect(s.btcUsd.basis).toMatch(/^Hashrate Index roundup of 2026-01-12/);
  });

  it('keeps the snapshot whole when no epoch is newer than it', () => {
    const older = DIFFICULTY_EPOCHS.filter(([start]) => start <= EMBEDDED_SNAPSHOT.heightBlocks);
    const s = embeddedSnapshot(older);
    expect(s.difficulty).toMatchObject({ value: EMBEDDED_SNAPSHOT.difficulty, asOfMs: SNAPSHOT_MS });
    expect(s.heightBlocks).toMatchObject({ value: EMBEDDED_SNAPSHOT.heightBlocks, asOfMs: SNAPSHOT_MS });
  });

  it('says when price and difficulty are more than 90 days apart, and only then', () => {
    const day = 86_400_000;
    expect(apartLine(SNAPSHOT_MS, SNAPSHOT_MS + 90 * day)).toBeUndefined();
    expect(apartLine(SNAPSHOT_MS, SNAPSHOT_MS + 153 * day)).toBe(
      'price (2026-01-12) and difficulty (2026-06-14) are 153 days apart, more than 90: the hashprice mixes two ' +
        'dates; give --btc-price and --difficulty of one date, or connect',
    );
  });
});
