/**
 * Breakevens between options over the horizon: the BTC price, hashprice and power price at which keeping
 * mining is worth as much (NPV) as each AI option, and the lease rate or GPU-hour price at which that AI
 * option is worth as much as mining. Solved numerically over the real model, by scanning a wide range for a
 * sign change of NPV(option) - NPV(mining) and closing in on it; null with the reason when no value in the
 * range does it. A lease rate or GPU-hour price scales the AI revenue it moves, linearly (projection.ts,
 * scaledNpv), so its trial evaluates the base's flows again; a BTC or power price also moves the fleet's
 * decisions (when it is sold, whether it is bought again): their trials build flows only when the fleet
 * decides otherwise than at a trial before (PriceTrials; a power price's where the bills are proportional to
 * it, PriceTrials.energyApplies, else every trial builds). Pure.
 */
import type { ChainProjection } from './chain.js';
import {
  PriceTrials,
  type ProjectionInputs,
  projectSite,
  type SiteProjection,
  scaledNpv,
  siteFlows,
} from './projection/index.js';
import { closeIn } from './solve.js';
import type { OptionId } from './units.js';

export interface Breakeven {
  value: number | null;
  /** Why value is null (no sign change in the range searched). */
  note: string | null;
}

export interface BreakevensVsMining {
  btcUsd: Breakeven;
  /**
   * Today's hashprice at the breakeven BTC price (hashprice moves one for one with BTC/USD): a label of the BTC
   * breakeven, not a hashprice that holds over the horizon (the halving and difficulty growth lower it).
   */
  hashpriceUsdPerPhDay: Breakeven;
  powerUsdPerKwh: Breakeven;
  /** The lease only. */
  leaseUsdPerKwMonth?: Breakeven;
  /** The GPU cloud only. */
  gpuUsdPerHour?: Breakeven;
}

type Delta = (x: number) => number;

/**
 * A root of `f` in [lo, hi], the one nearest `near`: steps out from `near` in both directions (geometric
 * steps when lo > 0, else additive steps that double) until f changes sign or the range ends, then closes in
 * with the Illinois method (solve.ts: regula falsi that never stalls) to a relative precision of 1e-9. A bracketing
 * solver: it never leaves the bracket it found. null when f keeps one sign over the whole range searched.
 */
export function solveInRange(f: Delta, lo: number, hi: number, near: number): number | null {
  const start = Math.min(hi, Math.max(lo, near));
  const f0 = f(start);
  if (f0 === 0) return start;
  if (!Number.isFinite(f0)) return null;
  const geometric = lo > 0;
  let bracket: [number, number, number, number] | null = null;
  let up = start;
  let down = start;
  let fUp = f0;
  let fDown = f0;
  let step = geometric ? 1.6 : Math.max((hi - lo) / 100, Math.abs(start) * 0.5, 1e-9);
  for (let i = 0; i < 60 && !bracket && (up < hi || down > lo); i++) {
    const nextUp = Math.min(hi, geometric ? up * step : up + step);
    const nextDown = Math.max(lo, geometric ? down / step : down - step);
    if (up < hi) {
      const fu = f(nextUp);
      if (fu === 0) return nextUp;
      if (Number.isFinite(fu) && Math.sign(fu) !== Math.sign(f0)) bracket = [up, nextUp, fUp, fu];
      up = nextUp;
      fUp = fu;
    }
    if (!bracket && down > lo) {
      const fd = f(nextDown);
      if (fd === 0) return nextDown;
      if (Number.isFinite(fd) && Math.sign(fd) !== Math.sign(f0)) bracket = [nextDown, down, fd, fDown];
      down = nextDown;
      fDown = fd;
    }
    if (!geometric) step *= 2;
  }
  if (!bracket) return null;
  const [a, b, fa, fb] = bracket;
  return closeIn(f, a, b, fa, fb, 1e-9);
}

const npvOf = (p: SiteProjection, id: OptionId) => p.options.find((o) => o.id === id)?.npvUsd ?? Number.NaN;

function found(
  value: number | null,
  what: string,
  lo: number,
  hi: number,
  unit: (n: number) => string,
): Breakeven {
  return value === null
    ? { value: null, note: `no ${what} from ${unit(lo)} to ${unit(hi)} makes the two options equal` }
    : { value, note: null };
}

/**
 * Breakevens of each AI option against keeping mining. `base` is the projection at the inputs as given (its
 * chain is reused: BTC/USD scales the chain's USD figures; power and AI prices do not touch the chain).
 */
export function breakevensVsMining(
  inputs: ProjectionInputs,
  base: SiteProjection,
): Record<'ai-lease' | 'gpu-cloud', BreakevensVsMining> {
  const chain = base.chain;
  const run = (over: Partial<ProjectionInputs>, c: ChainProjection = chain, only?: readonly OptionId[]) =>
    projectSite({ ...inputs, ...over }, c, { npvOnly: true, ...(only ? { only } : {}) });
  // BTC and power move every option: one run gives both AI options' deltas, remembered per trial value.
  const memo = (key: string, compute: () => SiteProjection) => {
    const found = cache.get(key);
    if (found) return found;
    const made = compute();
    cache.set(key, made);
    return made;
  };
  const cache = new Map<string, SiteProjection>();
  const miningNpv = npvOf(base, 'mining');
  // BTC trials: flows built only when the fleet decides otherwise than at a trial before (PriceTrials).
  const btcTrials = PriceTrials.applies(inputs) ? new PriceTrials(inputs, chain) : null;
  // Power trials: every bill scaled where they are proportional to the price (PriceTrials.energyApplies).
  const powerTrials = btcTrials && PriceTrials.energyApplies(inputs) ? btcTrials : null;
  // Each power solver starts at today's price: that trial is the base projection (the same inputs and chain).
  if (
    inputs.lease.powerUsdPerKwh === inputs.mining.powerUsdPerKwh &&
    inputs.gpu.powerUsdPerKwh === inputs.mining.powerUsdPerKwh
  )
    cache.set(`power:${inputs.mining.powerUsdPerKwh}`, base);
  const delta = (p: SiteProjection, id: OptionId) => npvOf(p, id) - npvOf(p, 'mining');
  const btc0 = inputs.network.btcUsd;
  const power0 = inputs.mining.powerUsdPerKwh;
  const money = (n: number) => `$${Number(n.toPrecision(3))}`;

  const result = {} as Record<'ai-lease' | 'gpu-cloud', BreakevensVsMining>;
  // Lease-rate and GPU-price trials: the base's flows, the AI revenue scaled (mining does not depend on them).
  const scaled = scaledNpv(inputs, base.flows ?? siteFlows(inputs, chain).options);
  for (const id of ['ai-lease', 'gpu-cloud'] as const) {
    const [btcLo, btcHi] = [btc0 / 100, btc0 * 100];
    // BTC and power move the fleet's decisions (when it is sold, whether it is bought again): PriceTrials
    // builds flows only for a fleet that decides otherwise; without it each trial builds them again (BTC
    // scales the chain's USD figures exactly, so the chain is reused).
    const btc = solveInRange(
      btcTrials
        ? (x) => btcTrials.npv(id, x / btc0) - btcTrials.npv('mining', x / btc0)
        : (x) =>
            delta(
              memo(`btc:${x}`, () => projectSite(inputs, chain, { npvOnly: true, btcScale: x / btc0 })),
              id,
            ),
      btcLo,
      btcHi,
      btc0,
    );
    const hashprice0 = base.hashpriceUsdPerPhDayToday;
    const [powerLo, powerHi] = [0, 2];
    const power = solveInRange(
      powerTrials
        ? (x) => powerTrials.npv(id, 1, x / power0) - powerTrials.npv('mining', 1, x / power0)
        : (x) =>
            delta(
              memo(`power:${x}`, () =>
                run({
                  mining: { ...inputs.mining, powerUsdPerKwh: x },
                  lease: { ...inputs.lease, powerUsdPerKwh: x },
                  gpu: { ...inputs.gpu, powerUsdPerKwh: x },
                }),
              ),
              id,
            ),
      powerLo,
      powerHi,
      power0,
    );
    const entry: BreakevensVsMining = {
      btcUsd: found(btc, 'BTC price', btcLo, btcHi, money),
      hashpriceUsdPerPhDay:
        btc === null
          ? { value: null, note: found(null, 'hashprice', hashprice0 / 100, hashprice0 * 100, money).note }
          : { value: (hashprice0 * btc) / btc0, note: null },
      powerUsdPerKwh: found(power, 'power price', powerLo, powerHi, (n) => `$${n}/kWh`),
    };
    if (id === 'ai-lease') {
      const rate0 = inputs.lease.leaseUsdPerKwMonth;
      const [lo, hi] = [rate0 / 100, rate0 * 100];
      // Mining does not depend on the lease rate: its NPV is the base's.
      const rate = solveInRange((x) => scaled(id, 1, x / rate0) - miningNpv, lo, hi, rate0);
      entry.leaseUsdPerKwMonth = found(rate, 'lease rate', lo, hi, (n) => `${money(n)}/kW-month`);
    } else {
      const price0 = inputs.gpu.gpuUsdPerHour;
      const [lo, hi] = [price0 / 100, price0 * 100];
      const price = solveInRange((x) => scaled(id, 1, x / price0) - miningNpv, lo, hi, price0);
      entry.gpuUsdPerHour = found(price, 'GPU-hour price', lo, hi, (n) => `${money(n)}/GPU-h`);
    }
    result[id] = entry;
  }
  return result;
}

/**
 * The AI option's own price (lease rate or GPU-hour price) at which its NPV equals another option's: the
 * value that would flip a decision between them. null when no value from 1/100 to 100x today's does it.
 */
export function priceBreakevenBetween(
  inputs: ProjectionInputs,
  base: SiteProjection,
  id: 'ai-lease' | 'gpu-cloud',
  versus: OptionId,
): Breakeven {
  // The other option does not depend on this one's price: its NPV is the base's.
  const scaled = scaledNpv(inputs, siteFlows(inputs, base.chain, { only: [id] }).options);
  const other = npvOf(base, versus);
  const current = id === 'ai-lease' ? inputs.lease.leaseUsdPerKwMonth : inputs.gpu.gpuUsdPerHour;
  const [lo, hi] = [current / 100, current * 100];
  const value = solveInRange((x) => scaled(id, 1, x / current) - other, lo, hi, current);
  return found(
    value,
    id === 'ai-lease' ? 'lease rate' : 'GPU-hour price',
    lo,
    hi,
    (n) => `$${Number(n.toPrecision(3))}`,
  );
}
