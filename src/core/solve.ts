/** Root finding inside a bracket, shared by IRR (finance.ts) and the breakevens (breakeven.ts). Pure. */

/**
 * A root inside a bracket [a, b] (f(a), f(b) of opposite signs) by the Illinois method: regula falsi that
 * halves the retained end's value when the same end is kept twice, so it never stalls and never leaves the
 * bracket. Converges superlinearly (about ten evaluations where bisection takes fifty) to a relative
 * precision of `relativeTolerance` (1e-15: IRR's; a breakeven asks 1e-9).
 */
export function closeIn(
  f: (x: number) => number,
  a0: number,
  b0: number,
  fa0: number,
  fb0: number,
  relativeTolerance = 1e-15,
): number {
  let [a, b, fa, fb] = [a0, b0, fa0, fb0];
  let x = a;
  let side = 0;
  for (let i = 0; i < 100; i++) {
    const next = (a * fb - b * fa) / (fb - fa);
    if (!Number.isFinite(next)) return (a + b) / 2;
    if (i > 0 && Math.abs(next - x) <= relativeTolerance * Math.max(1, Math.abs(next))) return next;
    x = next;
    const fx = f(x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fb)) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
    if (Math.abs(b - a) <= relativeTolerance * Math.max(1, Math.abs(x))) return x;
  }
  return x;
}
