/**
 * What the chain and the market make possible: a live value far from the last one known (the newest cached
 * value of the instances asked, else the embedded snapshot) is a failed source, not a number to compute with.
 * The frame widens with the time since that reference: difficulty and hashrate within x2 either way at once
 * and x4 either way more per year (the retarget rule allows x4 per epoch; the chain has never moved nearly
 * that fast for long); the price within x3 at once and x10 more per year; the height at most one block a
 * minute past the reference's (plus 1000). A testnet instance (difficulty 1) or a broken price feed fails here.
 */
import { grouped } from '../catalog/text.js';
import { impliedHashrateHs } from '../core/bitcoin.js';
import { FetchFailure } from './http.js';
import { embeddedSnapshot } from './snapshot.js';
import type { Quantity } from './types.js';

const YEAR_MS = 365.25 * 86_400_000;

export interface Reference {
  value: number;
  asOfMs: number;
}

export type FramedQuantity = 'heightBlocks' | 'difficulty' | 'btcUsd' | 'estimatedHashrateHs';
const FRAMED: readonly Quantity[] = ['heightBlocks', 'difficulty', 'btcUsd', 'estimatedHashrateHs'];

export function embeddedReferences(): Record<FramedQuantity, Reference> {
  const s = embeddedSnapshot();
  const ref = (q: { value: number; asOfMs: number }): Reference => ({ value: q.value, asOfMs: q.asOfMs });
  return {
    heightBlocks: ref(s.heightBlocks),
    difficulty: ref(s.difficulty),
    btcUsd: ref(s.btcUsd),
    estimatedHashrateHs: s.estimatedHashrateHs
      ? ref(s.estimatedHashrateHs)
      : { value: impliedHashrateHs(s.difficulty.value), asOfMs: s.difficulty.asOfMs },
  };
}

/** [low, high] a value may take, given its reference and the time since. */
export function frameOf(quantity: FramedQuantity, ref: Reference, nowMs: number): [number, number] {
  const elapsedMs = Math.max(0, nowMs - ref.asOfMs);
  const years = elapsedMs / YEAR_MS;
  if (quantity === 'heightBlocks') return [1, ref.value + Math.ceil(elapsedMs / 60_000) + 1000];
  const factor = quantity === 'btcUsd' ? 3 * 10 ** years : 2 * 4 ** years;
  return [ref.value / factor, ref.value * factor];
}

function shown(quantity: FramedQuantity, n: number): string {
  if (quantity === 'btcUsd') return `$${n >= 100 ? grouped(Math.round(n)) : Number(n.toPrecision(3))}`;
  if (quantity === 'difficulty')
    return n >= 1e9 ? `${Number((n / 1e12).toPrecision(4))}T` : String(Number(n.toPrecision(4)));
  if (quantity === 'estimatedHashrateHs') return `${Number((n / 1e18).toPrecision(4))} EH/s`;
  return grouped(Math.round(n));
}

const LABEL: Record<FramedQuantity, string> = {
  heightBlocks: 'height',
  difficulty: 'difficulty',
  btcUsd: 'USD price',
  estimatedHashrateHs: 'hashrate',
};

/**
 * The check a live reading must pass: undefined when within the frame, else the failure to report
 * ("reported an implausible difficulty (1; expected 76.14T to 304.5T)").
 */
export function plausibility(
  references: Partial<Record<FramedQuantity, Reference>>,
  nowMs: number,
): (quantity: Quantity, value: unknown) => FetchFailure | undefined {
  const refs = { ...embeddedReferences(), ...references };
  return (quantity, value) => {
    if (!FRAMED.includes(quantity) || typeof value !== 'number') return undefined;
    const q = quantity as FramedQuantity;
    const [low, high] = frameOf(q, refs[q], nowMs);
    if (value >= low && value <= high) return undefined;
    return new FetchFailure(
      'invalid',
      `reported an implausible ${LABEL[q]} (${shown(q, value)}; expected ${shown(q, low)} to ${shown(q, high)})`,
    );
  };
}
