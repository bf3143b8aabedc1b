/**
 * The simulation's worker threads failing: a worker that goes silent fails the run with one line (exit 1); one
 * that posts malformed results, or cannot start, leaves the run to this thread (said), with the same figures.
 * The workers here are small scripts standing in for dist/simulation-worker.cjs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/cli/simulation-pool.js';
import { siteFlows } from '../../src/core/projection/index.js';
import { type SimulationPlan, simulationPlan } from '../../src/core/risk/simulation.js';
import { CliError } from '../../src/errors.js';
import { baseProjection } from '../core/projection-inputs.js';
import { tempDir } from './helpers/context.js';

const PATHS = 5000;

function plan(): SimulationPlan {
  const inputs = baseProjection();
  return simulationPlan(
    siteFlows(inputs).options,
    {
      paths: PATHS,
      seed: 7,
      btcVolPerYear: 0.42,
      difficultyVolPerYear: 0.22,
      difficultyBtcCorrelation: 0.5,
      gpuPriceVolPerYear: 0.2,
    },
    {
      annualDiscountRate: inputs.annualDiscountRate,
      taxRate: inputs.taxRate,
      btcUsd0: inputs.network.btcUsd,
      btcGrowthPerYear: inputs.btcGrowthPerYear,
    },
  );
}

function worker(source: string): URL {
  const file = join(tempDir('hashcalc-worker-'), 'worker.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${source}\n`);
  return pathToFileURL(file);
}

describe('simulation worker threads that fail', () => {
  it('a worker that goes silent fails the run with one line (exit 1), never a hang', async () => {
    const script = worker('parentPort.on("message", () => {});');
    const error = await runSimulation(plan(), PATHS, { workers: 2, script, watchdogMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toBe('simulation: a worker thread sent nothing for 200 ms; stopped');
  });

  it('malformed results are a failed worker, never a crash: the run goes on in this thread, said', async () => {
    const script = worker(
      'parentPort.on("message", () => parentPort.postMessage({ type: "block", result: { block: "x" } }));',
    );
    const notes: string[] = [];
    const result = await runSimulation(plan(), PATHS, {
      workers: 2,
      script,
      onNote: (n) => notes.push(n),
    });
    expect(notes).toEqual([
      'simulation: the worker threads failed (a worker sent a malformed message); running in one thread',
    ]);
    const alone = await runSimulation(plan(), PATHS, { workers: 1 });
    expect(result).toEqual(alone);
  });

  it('workers that cannot start leave the run to this thread, said', async () => {
    const script = worker('throw new Error("cannot start");');
    const notes: string[] = [];
    const result = await runSimulation(plan(), PATHS, { workers: 2, script, onNote: (n) => notes.push(n) });
    expect(notes).toEqual(['simulation: the worker threads failed (cannot start); running in one thread']);
    expect(result.paths).toBe(PATHS);
  });
});
