/** The `simulation` section of the project document, from a simulation's result. Pure. */

import type { SimulationResult, SimulationSettings } from '../core/risk/simulation.js';
import { bucketWidthAt, countAtOrBelow, quantile, RELATIVE_ERROR } from '../core/risk/sketch.js';
import type { SimulationReport } from './schemas.js';

/** Bins of each option's NPV histogram (from its 1st to its 99th percentile), at most. */
export const HISTOGRAM_BINS = 40;

const MODEL = (responding: boolean, drift: 'mean' | 'median') =>
  `monthly steps; BTC/USD a geometric Brownian motion with ${drift === 'median' ? 'median the --btc-growth path (its mean above it)' : 'mean the --btc-growth path (its median below it)'}; ${
    responding
      ? "network hashrate answering each path's hashprice through the projection's network model (fleets switch off when they lose money on power after a lag, new machines deploy while they pay back), times a mean-1 lognormal noise factor whose shocks correlate with BTC; a month's hashprice is the deterministic one times the path's BTC over the deterministic BTC times the deterministic over the path's hashrate at the previous month's end (difficulty follows hashrate about one retarget behind), and feeds the model the month after; the halving on its deterministic schedule"
      : 'network hashrate the projection path (--network trend) times a mean-1 lognormal factor whose shocks correlate with BTC (a fleet earns in proportion to 1/hashrate, so its expected BTC is a little above that of the deterministic path; the halving on its deterministic schedule)'
  }; GPU rent its decline times a mean-1 lognormal factor; a month takes the mean of its start and end factors; curtailment decided per path`;

const QUANTILES = `the value of rank floor(q(n-1)) among the n NPVs sorted (numpy method 'lower'), from log buckets of relative width ${RELATIVE_ERROR * 100}% (DDSketch): within ${RELATIVE_ERROR * 100}% of the exact order statistic (within $1 of it near zero), clamped to the exact min and max; memory fixed whatever the paths; histograms of at most 40 bins, never narrower than twice the sketch's buckets`;

export function simulationReport(result: SimulationResult, settings: SimulationSettings): SimulationReport {
  const sketches = result.sketches.npv;
  return {
    paths: result.paths,
    seed: result.seed,
    model: {
      btcVolPerYear: settings.btcVolPerYear,
      difficultyVolPerYear: settings.difficultyVolPerYear,
      difficultyBtcCorrelation: settings.difficultyBtcCorrelation,
      gpuPriceVolPerYear: settings.gpuPriceVolPerYear,
      btcDrift: settings.btcDrift ?? 'mean',
      description: MODEL(result.respondingNetwork, settings.btcDrift ?? 'mean'),
      quantiles: QUANTILES,
    },
    options: result.options.map((o, i) => {
      const sketch = sketches[i];
      if (!sketch) throw new RangeError('simulation: a sketch per option');
      // Its own bins, from its 1st to its 99th percentile (one bin when they are equal).
      const lo = quantile(sketch, 0.01);
      const hi = quantile(sketch, 0.99);
      // No narrower than the sketch's buckets (twice their width), or the bins would alternate empty and full.
      const finest = 2 * Math.max(bucketWidthAt(lo), bucketWidthAt(hi));
      const bins = hi > lo ? Math.max(1, Math.min(HISTOGRAM_BINS, Math.floor((hi - lo) / finest))) : 1;
      const width = hi > lo ? (hi - lo) / bins : Math.max(1, Math.abs(lo) * 1e-9);
      const edges = Array.from({ length: bins + 1 }, (_, k) =>
        k === bins ? lo + bins * width : lo + k * width,
      );
      // Bins (edge k, edge k+1]; the first takes its left edge too.
      const below = edges[0] === undefined ? 0 : countBelow(sketch, edges[0]);
      const at = edges.map((e) => countAtOrBelow(sketch, e));
      const counts = at.slice(1).map((c, k) => c - (k === 0 ? below : (at[k] as number)));
      return {
        id: o.id,
        npvUsd: o.npvUsd,
        probabilityBeats: o.probabilityBeats,
        probabilityBeatsMining: o.probabilityBeatsMining,
        probabilityNoPayback: o.probabilityNoPayback,
        ...(o.probabilityDscrBelowOne === undefined
          ? {}
          : {
              probabilityDscrBelowOne: o.probabilityDscrBelowOne,
              probabilityDscrBelowCovenant: o.probabilityDscrBelowCovenant ?? 0,
            }),
        histogram: {
          binEdgesUsd: edges,
          counts,
          below,
          above: result.paths - (at.at(-1) as number),
        },
      };
    }),
    btcUsdAtHorizon: result.btcUsdAtHorizon,
  };
}

/** Paths strictly below x (bucket resolution). */
function countBelow(sketch: SimulationResult['sketches']['npv'][number], x: number): number {
  return x <= sketch.min ? 0 : countAtOrBelow(sketch, x - Math.max(1, Math.abs(x) * 1e-12));
}
