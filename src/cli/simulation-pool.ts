/**
 * Runs a simulation plan on this thread and worker threads (dist/simulation-worker.cjs) or, for small runs
 * or when no worker can start, on this thread alone. Blocks are handed out in increasing order to whichever
 * thread is free (two in flight for a worker); results are merged in block order and the sketches in any, so
 * the figures are the same for any number of threads (simulation.ts). Memory: the sketches (fixed), and the few-number results
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
import { CliError, EXIT_FAILURE } from '../errors.js';

/** Below this many paths a run stays in this thread (starting workers costs more than it saves). */
export const IN_THREAD_PATHS = 5000;

/** The machine's cores, up to 8: the default number of simulation threads. */
export function defaultWorkers(): number {
  const { availableParallelism } = process.getBuiltinModule('node:os');
  return Math.max(1, Math.min(8, availableParallelism()));
}

export interface PoolOptions {
  workers: number;
  /** Called after each merged block with the paths done so far. */
  onProgress?: (pathsDone: number) => void;
  /** Told why the run stayed in this thread when workers were asked for. */
  onNote?: (note: string) => void;
  /** The worker script (default: dist/simulation-worker.cjs next to this bundle). Tests give their own. */
  script?: URL;
  /** A worker silent this long with blocks in flight is stuck: the run fails (default 30 s). */
  watchdogMs?: number;
}

export const WATCHDOG_MS = 30_000;

/** A worker that went silent: the run fails (exit 1) rather than hang or guess. */
class WorkerSilent extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const finiteNumber = (x: unknown): boolean => typeof x === 'number' && !Number.isNaN(x);
const isMoments = (x: unknown): boolean =>
  isObject(x) && ['count', 'mean', 'm2', 'min', 'max'].every((k) => finiteNumber(x[k]));
const numbers = (x: unknown, length: number): boolean =>
  Array.isArray(x) && x.length === length && x.every(finiteNumber);
const isSketch = (x: unknown): boolean =>
  isObject(x) &&
  x.positive instanceof Uint32Array &&
  x.negative instanceof Uint32Array &&
  x.positiveBeyond instanceof Map &&
  x.negativeBeyond instanceof Map;

/** A worker's message checked by hand: a malformed one is a failed worker, never a crash in the merge. */
function checkMessage(
  message: unknown,
  options: number,
  given: ReadonlySet<number>,
): { type: 'block'; result: BlockResult } | { type: 'sketches'; sketches: Sketches } | undefined {
  if (!isObject(message)) return undefined;
  if (message.type === 'sketches') {
    const s = message.sketches;
    if (!isObject(s) || !Array.isArray(s.npv) || s.npv.length !== options) return undefined;
    if (!s.npv.every(isSketch) || !isSketch(s.btcAtHorizon)) return undefined;
    return { type: 'sketches', sketches: s as unknown as Sketches };
  }
  if (message.type !== 'block' || !isObject(message.result)) return undefined;
  const r = message.result;
  const ok =
    typeof r.block === 'number' &&
    given.has(r.block) &&
    typeof r.paths === 'number' &&
    Array.isArray(r.npv) &&
    r.npv.length === options &&
    r.npv.every(isMoments) &&
    numbers(r.beatsMining, options) &&
    numbers(r.beats, options * options) &&
    numbers(r.noPayback, options) &&
    numbers(r.dscrBelowOne, options) &&
    numbers(r.dscrBelowCovenant, options) &&
    isMoments(r.btcAtHorizon);
  return ok ? { type: 'block', result: r as unknown as BlockResult } : undefined;
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

const formatSeconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** Lets timers (progress) and signals run: a timer, since a resolved immediate continues before timers. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** One turn of the loop (workers' messages, timers), without a timer's millisecond. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

/**
 * `threads` threads: this one and threads - 1 workers. This thread joins once it is free (after the
 * deterministic projection its caller computes meanwhile); blocks go to whichever thread asks next.
 */
async function runOnWorkers(
  plan: SimulationPlan,
  paths: number,
  threads: number,
  script: URL,
  options: PoolOptions,
): Promise<SimulationResult> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const blocks = blocksOf(paths);
  const totals = new SimulationTotals(plan);
  const pending = new Map<number, BlockResult>();
  let next = 0;
  let merged = 0;
  const claim = (): [number, number] | undefined => {
    const item = blocks[next];
    if (item !== undefined) next++;
    return item;
  };
  const accept = (result: BlockResult) => {
    pending.set(result.block, result);
    for (let r = pending.get(merged); r !== undefined; r = pending.get(merged)) {
      pending.delete(merged);
      totals.addBlock(r);
      merged++;
    }
    options.onProgress?.(totals.paths);
  };
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  let stopped = false;
  const workers: InstanceType<typeof Worker>[] = [];
  const count = Math.max(1, Math.min(threads - 1, blocks.length));
  try {
    for (let k = 0; k < count; k++) workers.push(new Worker(script, { workerData: { plan } }));
    const onWorkers = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const given = new Set<number>();
          const give = () => {
            const item = claim();
            if (item !== undefined) {
              given.add(item[0]);
              worker.postMessage({ block: item[0], paths: item[1] });
            }
            return item !== undefined;
          };
          // The watchdog: re-armed by every message; a worker silent for watchdogMs is stuck.
          let watchdog: ReturnType<typeof setTimeout> | undefined;
          const arm = () => {
            clearTimeout(watchdog);
            watchdog = setTimeout(
              () =>
                reject(
                  new WorkerSilent(
                    `simulation: a worker thread sent nothing for ${formatSeconds(watchdogMs)}; stopped`,
                  ),
                ),
              watchdogMs,
            );
          };
          const settle = (fn: () => void) => {
            clearTimeout(watchdog);
            fn();
          };
          arm();
          let inFlight = 0;
          for (let k = 0; k < 2 && give(); k++) inFlight++;
          if (inFlight === 0) worker.postMessage({ done: true });
          worker.on('message', (raw: unknown) => {
            const message = checkMessage(raw, plan.options.length, given);
            if (!message) {
              settle(() => reject(new Error('a worker sent a malformed message')));
              return;
            }
            if (message.type === 'sketches') {
              settle(() => {
                totals.addSketches(message.sketches);
                resolve();
              });
              return;
            }
            arm();
            given.delete(message.result.block);
            accept(message.result);
            inFlight--;
            if (give()) inFlight++;
            else if (inFlight === 0) worker.postMessage({ done: true });
          });
          worker.on('error', (error) => settle(() => reject(error)));
          // Resolved before it exits (its sketches arrive first); an exit before that is a failure.
          worker.on('exit', (code) =>
            settle(() => reject(new Error(`a simulation worker exited early (code ${code})`))),
          );
        }),
    );
    // This thread, between the workers' messages: a block at a time, yielding after each.
    const here = (async () => {
      await nextTurn();
      const streams = new BlockStreams(plan.seed);
      const sketches = emptySketches(plan.options.length);
      const scratch = scratchFor(plan);
      for (let item = claim(); item !== undefined && !stopped; item = claim()) {
        accept(simulateBlock(plan, streams.forBlock(item[0]), item[0], item[1], sketches, scratch));
        await nextTurn();
      }
      totals.addSketches(sketches);
    })();
    await Promise.all([...onWorkers, here]);
  } finally {
    stopped = true;
    for (const worker of workers) void worker.terminate();
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
  const script = options.script ?? workerScript();
  if (!script) {
    options.onNote?.(`simulation: no ${WORKER_FILE} next to the program (running from source); one thread`);
    return runInThread(plan, paths, options);
  }
  try {
    return await runOnWorkers(plan, paths, options.workers, script, options);
  } catch (error) {
    // A stuck worker fails the run (one line, exit 1): its blocks may never come, and guessing is worse.
    if (error instanceof WorkerSilent) throw new CliError(error.message, EXIT_FAILURE);
    options.onNote?.(
      `simulation: the worker threads failed (${error instanceof Error ? error.message : String(error)}); running in one thread`,
    );
    return runInThread(plan, paths, options);
  }
}
