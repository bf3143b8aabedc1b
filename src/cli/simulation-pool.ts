/**
 * Runs a simulation plan on worker threads (dist/simulation-worker.cjs) or, for small runs or when no
 * worker can start, in this thread. Blocks are handed out in increasing order to whichever worker is free
 * (two in flight each); results are merged in block order and the sketches in any, so the figures are the
 * same for any number of workers (simulation.ts). Memory: the sketches (fixed), and the few-number results
 * of blocks that finished before an earlier one (a handful, unless one worker stalls).
 */
import {
  type BlockResult,
  BlockStreams,
  blocksOf,
  emptySketches,
  type SimulationPlan,
  type SimulationResult,
  SimulationTotals,
  type Sketches,
  scratchFor,
  simulateBlock,
} from '../core/risk/simulation.js';

/** Below this many paths a run stays in this thread (starting workers costs more than it saves). */
export const IN_THREAD_PATHS = 5000;

export interface PoolOptions {
  workers: number;
  /** Called after each merged block with the paths done so far. */
  onProgress?: (pathsDone: number) => void;
  /** Told why the run stayed in this thread when workers were asked for. */
  onNote?: (note: string) => void;
}

const WORKER_FILE = 'simulation-worker.cjs';

/** The worker script next to this bundle, or null (running from source: tests). */
function workerScript(): URL | null {
  const { existsSync } = process.getBuiltinModule('node:fs');
  try {
    const url = new URL(`./${WORKER_FILE}`, import.meta.url);
    return url.protocol === 'file:' && existsSync(url) ? url : null;
  } catch {
    return null;
  }
}

/** Lets timers (progress) and signals run: a timer, since a resolved immediate continues before timers. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The whole run in this thread, yielding between blocks (so progress draws and Ctrl-C is heard). */
async function runInThread(
  plan: SimulationPlan,
  paths: number,
  options: PoolOptions,
): Promise<SimulationResult> {
  const totals = new SimulationTotals(plan);
  const streams = new BlockStreams(plan.seed);
  const sketches = emptySketches(plan.options.length);
  const scratch = scratchFor(plan);
  for (const [block, count] of blocksOf(paths)) {
    totals.addBlock(simulateBlock(plan, streams.forBlock(block), block, count, sketches, scratch));
    options.onProgress?.(totals.paths);
    if (block % 8 === 7) await yieldToEventLoop();
  }
  totals.addSketches(sketches);
  return totals.result();
}

async function runOnWorkers(
  plan: SimulationPlan,
  paths: number,
  workers: number,
  script: URL,
  options: PoolOptions,
): Promise<SimulationResult> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const blocks = blocksOf(paths);
  const totals = new SimulationTotals(plan);
  const pending = new Map<number, BlockResult>();
  let next = 0;
  let merged = 0;
  const count = Math.max(1, Math.min(workers, blocks.length));
  const threads: InstanceType<typeof Worker>[] = [];
  try {
    for (let k = 0; k < count; k++) threads.push(new Worker(script, { workerData: { plan } }));
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const item = blocks[next];
              if (item === undefined) return false;
              next++;
              thread.postMessage({ block: item[0], paths: item[1] });
              return true;
            };
            let inFlight = 0;
            for (let k = 0; k < 2 && give(); k++) inFlight++;
            if (inFlight === 0) thread.postMessage({ done: true });
            thread.on(
              'message',
              (
                message: { type: 'block'; result: BlockResult } | { type: 'sketches'; sketches: Sketches },
              ) => {
                if (message.type === 'sketches') {
                  totals.addSketches(message.sketches);
                  resolve();
                  return;
                }
                pending.set(message.result.block, message.result);
                for (let r = pending.get(merged); r !== undefined; r = pending.get(merged)) {
                  pending.delete(merged);
                  totals.addBlock(r);
                  merged++;
                }
                options.onProgress?.(totals.paths);
                inFlight--;
                if (give()) inFlight++;
                else if (inFlight === 0) thread.postMessage({ done: true });
              },
            );
            thread.on('error', reject);
            // Resolved before it exits (its sketches arrive first); an exit before that is a failure.
            thread.on('exit', (code) => reject(new Error(`a simulation worker exited early (code ${code})`)));
          }),
      ),
    );
  } finally {
    for (const thread of threads) void thread.terminate();
  }
  if (merged !== blocks.length) throw new Error(`simulation: ${blocks.length - merged} blocks never merged`);
  return totals.result();
}

/** The run, on workers when it is worth it and they start; the figures are the same either way. */
export async function runSimulation(
  plan: SimulationPlan,
  paths: number,
  options: PoolOptions,
): Promise<SimulationResult> {
  if (options.workers <= 1 || paths < IN_THREAD_PATHS) return runInThread(plan, paths, options);
  const script = workerScript();
  if (!script) {
    options.onNote?.(`simulation: no ${WORKER_FILE} next to the program (running from source); one thread`);
    return runInThread(plan, paths, options);
  }
  try {
    return await runOnWorkers(plan, paths, options.workers, script, options);
  } catch (error) {
    options.onNote?.(
      `simulation: the worker threads failed (${error instanceof Error ? error.message : String(error)}); running in one thread`,
    );
    return runInThread(plan, paths, options);
  }
}
