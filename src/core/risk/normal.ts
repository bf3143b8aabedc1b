/**
 * Standard normal draws from a 32-bit generator by the ziggurat method (Marsaglia and Tsang, "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000), 128 layers. One 32-bit draw gives
 * the layer (its top 7 bits) and the position in it (the other 25, signed), so layer and position never
 * share bits (the flaw Doornik 2005 found in the original); 98.8% of draws need nothing else. The tail
 * beyond r = 3.4426 uses Marsaglia's exponential method. Deterministic: the same generator state gives the
 * same draws on any machine (only +, *, comparisons, and exp/log/sqrt in the rare slow paths). Pure.
 */

import type { Xoroshiro128Plus } from './xoroshiro.js';

/** Anything that yields signed 32-bit integers (pure-rand's generators do). */
export interface Int32Source {
  next(): number;
}

const LAYERS = 128;
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Positions are signed 25-bit integers. */
const SCALE = 16_777_216; // 2^24

const kn = new Float64Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * SCALE;
  kn[1] = 0;
  wn[0] = q / SCALE;
  wn[LAYERS - 1] = dn / SCALE;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * SCALE;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / SCALE;
  }
}

/** A uniform on (0, 1) from one 32-bit draw. */
const uniform = (source: Int32Source) => ((source.next() >>> 0) + 0.5) / 4294967296;

/** One standard normal draw: the common case inline, the rest in `beyondLayer`. */
export function normal(source: Int32Source): number {
  const bits = source.next();
  const layer = bits >>> 25;
  const position = (bits << 7) >> 7;
  if (Math.abs(position) < (kn[layer] as number)) return position * (wn[layer] as number);
  return beyondLayer(source, bits);
}

/** A draw outside its layer's rectangle: the tail, the wedge, or a new draw. */
function beyondLayer(source: Int32Source, first: number): number {
  let bits = first;
  for (;;) {
    const layer = bits >>> 25;
    const position = (bits << 7) >> 7;
    const x = position * (wn[layer] as number);
    if (Math.abs(position) < (kn[layer] as number)) return x;
    if (layer === 0) {
      // The tail beyond R: x = -ln(u1) / R accepted when -2 ln(u2) > x^2.
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(uniform(source)) / R;
        y = -Math.log(uniform(source));
      } while (y + y < tail * tail);
      return position > 0 ? R + tail : -R - tail;
    }
    // The wedge between the layer's rectangle and the curve.
    const f0 = fn[layer] as number;
    const f1 = fn[layer - 1] as number;
    if (f0 + uniform(source) * (f1 - f0) < Math.exp(-0.5 * x * x)) return x;
    bits = source.next();
  }
}

/**
 * `count` standard normal draws into out[0..count), from `rng` in order: exactly `count` calls of normal(rng)
 * (a test holds the two together), with the generator's state in locals (xoroshiro.ts: its step as written
 * there) and written back only around the rare draws that need more (beyondLayer) and at the end.
 */
export function fillNormals(rng: Xoroshiro128Plus, out: Float64Array, count: number): void {
  let s01 = rng.s01;
  let s00 = rng.s00;
  let s11 = rng.s11;
  let s10 = rng.s10;
  for (let i = 0; i < count; i++) {
    // rng.next()
    const bits = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const p00 = s00;
    const p01 = s01;
    s00 = (p00 << 24) ^ (p01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (p01 << 24) ^ (p00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    // normal(rng)
    const layer = bits >>> 25;
    const position = (bits << 7) >> 7;
    if (Math.abs(position) < (kn[layer] as number)) {
      out[i] = position * (wn[layer] as number);
      continue;
    }
    rng.s01 = s01;
    rng.s00 = s00;
    rng.s11 = s11;
    rng.s10 = s10;
    out[i] = beyondLayer(rng, bits);
    s01 = rng.s01;
    s00 = rng.s00;
    s11 = rng.s11;
    s10 = rng.s10;
  }
  rng.s01 = s01;
  rng.s00 = s00;
  rng.s11 = s11;
  rng.s10 = s10;
}
