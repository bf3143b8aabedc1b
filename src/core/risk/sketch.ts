/**
 * Streaming statistics of a simulation in fixed memory, merged exactly across blocks and workers.
 *
 * - Moments: Welford's running mean and sum of squared deviations, merged by Chan's formula. Merged in a
 *   fixed order (block by block), so the result does not depend on which worker ran which block; when every
 *   value is the same, the mean is that value exactly.
 * - Quantiles: a log-bucket sketch (the DDSketch construction): a value x with |x| >= MIN_MAGNITUDE lands in
 *   bucket ceil(ln(|x| / MIN_MAGNITUDE) / ln(gamma)), gamma = (1 + a) / (1 - a), one store per sign, and a
 *   bucket reads back as its midpoint 2 * gamma^i / (gamma + 1) * MIN_MAGNITUDE: within a relative error `a`
 *   (RELATIVE_ERROR, 0.1%) of any value in it. Values within MIN_MAGNITUDE of 0 share one bucket (read as 0).
 *   Magnitudes up to 1e16 x MIN_MAGNITUDE have dense counters; larger ones (a path where BTC went to the moon)
 *   go to a sparse store of the same buckets, so every value keeps the 0.1% bound.
 *   Counts are integers, so merging sketches in any order gives the same sketch. The q-quantile is the value
 *   of rank floor(q * (n - 1)) among the n values sorted (numpy's method 'lower'), read from its bucket and
 *   clamped to the exact minimum and maximum: within 0.1% of the exact order statistic (or MIN_MAGNITUDE of
 *   it near 0), and exact when all values are equal. Memory: 2 x BUCKETS counters whatever the count, plus
 *   one entry per bucket beyond them that a value reached (at most ~350,000: the range of a double).
 * Pure.
 */

export const RELATIVE_ERROR = 0.001;
/** Values closer to 0 than this share the zero bucket (USD: a dollar). */
export const MIN_MAGNITUDE = 1;
/** Magnitudes up to MIN_MAGNITUDE x 1e16 have dense counters; larger ones a sparse store. */
const RANGE = 1e16;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LN_GAMMA = Math.log(GAMMA);
export const BUCKETS = Math.ceil(Math.log(RANGE) / LN_GAMMA) + 1;

/** Running moments (Welford); merge with mergeMoments in a fixed order. */
export interface Moments {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  min: number;
  max: number;
}

export const emptyMoments = (): Moments => ({
  count: 0,
  // -0, a double: starting as the small integer 0 would change the object's shape at the first value and
  // throw the simulation's optimized code away (V8 field representations).
  mean: -0,
  m2: -0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
});

export function addMoment(m: Moments, x: number): void {
  m.count++;
  const delta = x - m.mean;
  m.mean += delta / m.count;
  m.m2 += delta * (x - m.mean);
  if (x < m.min) m.min = x;
  if (x > m.max) m.max = x;
}

/** `into` becomes the moments of both sets (Chan et al.'s pairwise update). */
export function mergeMoments(into: Moments, other: Moments): void {
  if (other.count === 0) return;
  if (into.count === 0) {
    Object.assign(into, other);
    return;
  }
  const count = into.count + other.count;
  const delta = other.mean - into.mean;
  into.mean += (delta * other.count) / count;
  into.m2 += other.m2 + (delta * delta * into.count * other.count) / count;
  into.count = count;
  if (other.min < into.min) into.min = other.min;
  if (other.max > into.max) into.max = other.max;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export const standardDeviation = (m: Moments) => (m.count > 1 ? Math.sqrt(m.m2 / (m.count - 1)) : 0);

/** The log-bucket sketch: plain typed arrays, so it crosses a worker boundary by structured clone. */
export interface Sketch {
  positive: Uint32Array;
  negative: Uint32Array;
  /** Buckets from BUCKETS on, by index: counts. */
  positiveBeyond: Map<number, number>;
  negativeBeyond: Map<number, number>;
  zero: number;
  count: number;
  min: number;
  max: number;
}

export const emptySketch = (): Sketch => ({
  positive: new Uint32Array(BUCKETS),
  negative: new Uint32Array(BUCKETS),
  positiveBeyond: new Map(),
  negativeBeyond: new Map(),
  zero: 0,
  count: 0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
});

function bucketOf(magnitude: number): number {
  const i = Math.ceil(Math.log(magnitude / MIN_MAGNITUDE) / LN_GAMMA);
  return Math.max(0, i);
}

function addTo(dense: Uint32Array, beyond: Map<number, number>, i: number, n = 1): void {
  if (i < BUCKETS) dense[i] = (dense[i] as number) + n;
  else beyond.set(i, (beyond.get(i) ?? 0) + n);
}

const valueOfBucket = (i: number) => ((2 * Math.exp(i * LN_GAMMA)) / (GAMMA + 1)) * MIN_MAGNITUDE;

/** The sparse store's buckets, ascending. */
const sortedBeyond = (beyond: Map<number, number>) => [...beyond.entries()].sort((x, y) => x[0] - y[0]);

/** The count of a store's buckets from `from` on. */
function countFrom(dense: Uint32Array, beyond: Map<number, number>, from: number): number {
  let n = 0;
  for (let i = from; i < BUCKETS; i++) n += dense[i] as number;
  for (const [i, c] of beyond) if (i >= from) n += c;
  return n;
}

export function addToSketch(s: Sketch, x: number): void {
  s.count++;
  if (x < s.min) s.min = x;
  if (x > s.max) s.max = x;
  if (x >= MIN_MAGNITUDE) addTo(s.positive, s.positiveBeyond, bucketOf(x));
  else if (x <= -MIN_MAGNITUDE) addTo(s.negative, s.negativeBeyond, bucketOf(-x));
  else s.zero++;
}

export function mergeSketch(into: Sketch, other: Sketch): void {
  for (let i = 0; i < BUCKETS; i++) {
    into.positive[i] = (into.positive[i] as number) + (other.positive[i] as number);
    into.negative[i] = (into.negative[i] as number) + (other.negative[i] as number);
  }
  for (const [i, n] of other.positiveBeyond) addTo(into.positive, into.positiveBeyond, i, n);
  for (const [i, n] of other.negativeBeyond) addTo(into.negative, into.negativeBeyond, i, n);
  into.zero += other.zero;
  into.count += other.count;
  if (other.min < into.min) into.min = other.min;
  if (other.max > into.max) into.max = other.max;
}

/** The q-quantile (0 <= q <= 1) as described above; NaN for an empty sketch. */
export function quantile(s: Sketch, q: number): number {
  if (s.count === 0) return Number.NaN;
  if (q <= 0) return s.min;
  if (q >= 1) return s.max;
  const rank = Math.floor(q * (s.count - 1));
  const clamp = (x: number) => Math.min(s.max, Math.max(s.min, x));
  let seen = 0;
  // Most negative first: the negative buckets from the largest magnitude down.
  for (const [i, n] of sortedBeyond(s.negativeBeyond).reverse()) {
    seen += n;
    if (seen > rank) return clamp(-valueOfBucket(i));
  }
  for (let i = BUCKETS - 1; i >= 0; i--) {
    seen += s.negative[i] as number;
    if (seen > rank) return clamp(-valueOfBucket(i));
  }
  seen += s.zero;
  if (seen > rank) return clamp(0);
  for (let i = 0; i < BUCKETS; i++) {
    seen += s.positive[i] as number;
    if (seen > rank) return clamp(valueOfBucket(i));
  }
  for (const [i, n] of sortedBeyond(s.positiveBeyond)) {
    seen += n;
    if (seen > rank) return clamp(valueOfBucket(i));
  }
  return s.max;
}

/** How many values are at or below x (bucket resolution), for a histogram's bins. */
export function countAtOrBelow(s: Sketch, x: number): number {
  if (x < s.min) return 0;
  if (x >= s.max) return s.count;
  if (x <= -MIN_MAGNITUDE) return countFrom(s.negative, s.negativeBeyond, bucketOf(-x));
  const nonPositive = countFrom(s.negative, s.negativeBeyond, 0) + s.zero;
  if (x < MIN_MAGNITUDE) return nonPositive;
  return s.count - countFrom(s.positive, s.positiveBeyond, bucketOf(x) + 1);
}

/** The width of the bucket holding x (a histogram's bins narrower than this would comb). */
export function bucketWidthAt(x: number): number {
  const magnitude = Math.abs(x);
  return magnitude < MIN_MAGNITUDE ? MIN_MAGNITUDE : 2 * RELATIVE_ERROR * magnitude;
}
