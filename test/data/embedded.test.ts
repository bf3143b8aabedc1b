/** What offline runs use: the snapshot, with the newest embedded difficulty epoch where it is newer. */
import { describe, expect, it } from 'vitest';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import { EMBEDDED_SNAPSHOT } from '../../src/catalog/snapshot.js';
import { apartLine } from '../../src/data/notes.js';
import { embeddedSnapshot, newestEpoch } from '../../src/data/snapshot.js';

const SNAPSHOT_MS = Date.parse(EMBEDDED_SNAPSHOT.asOf);

describe('the embedded network state', () => {
  it('uses the newest embedded epoch (953,568, 124.93T) for height and difficulty, the snapshot for price and fees', () => {
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
    expect(s.btcUsd).toMatchObject({ value: 91_132, source: 'snapshot', asOfMs: SNAPSHOT_MS });
    expect(s.avgFeesBtcPerBlock.asOfMs).toBe(SNAPSHOT_MS);
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
