/**
 * A simulation worker (dist/simulation-worker.cjs): runs the blocks the main thread hands it, in increasing
 * order, posting each block's result, and its sketches when told it is done. See simulation-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  BlockStreams,
  emptySketches,
  type SimulationPlan,
  scratchFor,
  simulateBlock,
} from '../core/risk/simulation.js';

const plan = (workerData as { plan: SimulationPlan }).plan;
const streams = new BlockStreams(plan.seed);
const sketches = emptySketches(plan.options.length);
const scratch = scratchFor(plan);

parentPort?.on('message', (message: { block: number; paths: number } | { done: true }) => {
  if ('done' in message) {
    parentPort?.postMessage({ type: 'sketches', sketches });
    parentPort?.close();
    return;
  }
  const result = simulateBlock(
    plan,
    streams.forBlock(message.block),
    message.block,
    message.paths,
    sketches,
    scratch,
  );
  parentPort?.postMessage({ type: 'block', result });
});
