// Monte Carlo throughput and memory, whole processes of the built CLI (issue: risk).
//   Goal 1: `project --mw 341 --simulations 100000` (100,000 paths x 60 months x 3 options) at most 1 s whole
//           process on this 2-core machine (median of RUNS).
//   Goal 2: peak memory (max RSS, worker threads included) at 300,000 paths within 1.5x of 10,000 paths.
//   Goal 3 (issue 19): 1,000,000 paths at most 4 s whole process, its max RSS within 1.5x of 10,000 paths'
//           (memory flat in the number of paths); ONE_M_RUNS runs (default 1: each takes seconds).
// Also prints paths per second: whole process, and marginal (the 300k run minus the 100k run, per path), which
// leaves out startup and the deterministic projection.
//   RUNS=9 node bench/simulation.mjs        runs per figure (default 7)
// Exits 1 when a goal is missed. The machine is noisy (about +-10% from run to run): read two runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL_MS = 1000;
const GOAL_1M_MS = 4000;
const oneMRuns = Number(process.env.ONE_M_RUNS ?? 1);
const GOAL_MEMORY_RATIO = 1.5;
const runs = Number(process.env.RUNS ?? 7);
const bin = fileURLToPath(new URL('../bin/hashcalc.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-bench-sim-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
const TIME = '/usr/bin/time';

const args = (paths) => [
  'project',
  '--mw',
  '341',
  '--offline',
  '--quiet',
  '--json',
  '--simulations',
  String(paths),
];

/** One whole process: wall ms and, with GNU time, max RSS in MiB. */
function once(paths) {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime
    ? ['-f', 'maxrss-kb %M', process.execPath, bin, ...args(paths)]
    : [bin, ...args(paths)];
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`bench: ${paths} paths exited ${r.status}: ${r.stderr}`);
  const doc = JSON.parse(r.stdout.toString());
  if (doc.simulation?.paths !== paths) throw new Error('bench: no simulation in the output');
  const kb = /maxrss-kb (\d+)/.exec(r.stderr.toString())?.[1];
  return { ms, rssMiB: kb ? Number(kb) / 1024 : null };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

try {
  once(10_000); // warm the file cache
  const rows = { 10000: [], 100000: [], 300000: [] };
  for (let i = 0; i < runs; i++) for (const paths of Object.keys(rows)) rows[paths].push(once(Number(paths)));
  const ms = (paths) => median(rows[paths].map((r) => r.ms));
  const rss = (paths) => {
    const values = rows[paths].map((r) => r.rssMiB).filter((x) => x !== null);
    return values.length ? median(values) : null;
  };
  console.log(
    `machine: ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${runs} runs each, medians`,
  );
  for (const paths of Object.keys(rows)) {
    const p = Number(paths);
    const m = rss(paths);
    console.log(
      `${String(p.toLocaleString('en-US')).padStart(8)} paths: ${ms(paths).toFixed(0).padStart(5)} ms whole process, ${Math.round(
        p / (ms(paths) / 1000),
      )
        .toLocaleString('en-US')
        .padStart(9)} paths/s, max RSS ${m === null ? 'n/a (no /usr/bin/time)' : `${m.toFixed(1)} MiB`}`,
    );
  }
  const marginal = 200_000 / ((ms(300_000) - ms(100_000)) / 1000);
  console.log(`marginal: ${Math.round(marginal).toLocaleString('en-US')} paths/s (300k minus 100k runs)`);
  const t = ms(100_000);
  const timeOk = t <= GOAL_MS;
  console.log(`goal 100,000 paths <= ${GOAL_MS} ms: ${t.toFixed(0)} ms ${timeOk ? 'PASS' : 'FAIL'}`);
  let memoryOk = true;
  const [small, large] = [rss(10_000), rss(300_000)];
  if (small !== null && large !== null) {
    const ratio = large / small;
    memoryOk = ratio <= GOAL_MEMORY_RATIO;
    console.log(
      `goal max RSS 300k / 10k <= ${GOAL_MEMORY_RATIO}: ${ratio.toFixed(2)} ${memoryOk ? 'PASS' : 'FAIL'}`,
    );
  } else console.log('memory: not measured (no /usr/bin/time)');
  let oneMOk = true;
  if (oneMRuns > 0) {
    const big = Array.from({ length: oneMRuns }, () => once(1_000_000));
    const t1m = median(big.map((r) => r.ms));
    const rss1m = median(big.map((r) => r.rssMiB ?? Number.NaN));
    oneMOk = t1m <= GOAL_1M_MS;
    console.log(
      `goal 1,000,000 paths <= ${GOAL_1M_MS} ms: ${t1m.toFixed(0)} ms ${oneMOk ? 'PASS' : 'FAIL'} (${oneMRuns} run${oneMRuns === 1 ? '' : 's'})`,
    );
    if (small !== null && Number.isFinite(rss1m)) {
      const ratio = rss1m / small;
      const flat = ratio <= GOAL_MEMORY_RATIO;
      oneMOk &&= flat;
      console.log(
        `goal max RSS 1M / 10k <= ${GOAL_MEMORY_RATIO}: ${ratio.toFixed(2)} ${flat ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  process.exitCode = timeOk && memoryOk && oneMOk ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
