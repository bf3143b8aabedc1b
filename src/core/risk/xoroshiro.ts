/**
 * xoroshiro128+ (Blackman and Vigna), 32-bit outputs, exactly as pure-rand 8's generator (its state words in
 * the same order, the same output, step and jump: a test holds the two together), with its state in public
 * fields so that a hot loop (normal.ts, fillNormals) can keep it in locals and write it back: the same draws,
 * without a property load and store per draw. Pure.
 */

/** pure-rand's jump polynomial: 2^64 steps. */
const JUMPS = [3639956645, 3750757012, 1261568508, 386426335] as const;

export class Xoroshiro128Plus {
  constructor(
    public s01: number,
    public s00: number,
    public s11: number,
    public s10: number,
  ) {}

  /** From a state [s01, s00, s11, s10] (pure-rand's xoroshiro128plusFromState). */
  static fromState(state: readonly number[]): Xoroshiro128Plus {
    if (state.length !== 4) throw new RangeError('xoroshiro128+: a state is 4 words');
    return new Xoroshiro128Plus(
      (state[0] as number) | 0,
      (state[1] as number) | 0,
      (state[2] as number) | 0,
      (state[3] as number) | 0,
    );
  }

  clone(): Xoroshiro128Plus {
    return new Xoroshiro128Plus(this.s01, this.s00, this.s11, this.s10);
  }

  getState(): [number, number, number, number] {
    return [this.s01, this.s00, this.s11, this.s10];
  }

  /** The next signed 32-bit output. */
  next(): number {
    const out = (this.s00 + this.s10) | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** 2^64 steps forward in place. */
  jump(): void {
    let ns01 = 0;
    let ns00 = 0;
    let ns11 = 0;
    let ns10 = 0;
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    for (const ji of JUMPS) {
      for (let mask = 1; mask; mask <<= 1) {
        if (ji & mask) {
          ns01 ^= s01;
          ns00 ^= s00;
          ns11 ^= s11;
          ns10 ^= s10;
        }
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const p00 = s00;
        const p01 = s01;
        s00 = (p00 << 24) ^ (p01 >>> 8) ^ a0 ^ (a0 << 16);
        s01 = (p01 << 24) ^ (p00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
        s10 = (a1 << 5) ^ (a0 >>> 27);
        s11 = (a0 << 5) ^ (a1 >>> 27);
      }
    }
    this.s01 = ns01;
    this.s00 = ns00;
    this.s11 = ns11;
    this.s10 = ns10;
  }
}
