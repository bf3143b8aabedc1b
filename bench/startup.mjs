// Startup benchmark: each command in COMMANDS against `node -e 0`, interleaved runs, medians side by side, on
// every runtime found: this Node, and Node 24 when available (docs/decisions/build.md has the figures).
// Goal (issue): `compare --mw 341 --offline --json` at most GOALS[major] x the median of `node -e 0` on the same
// runtime (2.3x on Node 20, which has no compile cache; 2.0x on Node 24, which caches compiled code). A row with
// goalMs has an absolute goal on its median (strategy: 2 s, issue 22). The other commands are shown for
// information (no goal).
// `npm run bench` builds first; then
//   node bench/startup.mjs [name-substring...]   only the matching commands
//   RUNS=50                                       runs per row (default 30)
//   BIN=path/to/hashcalc.js                       another build's entry (default bin/hashcalc.js)
//   HASHCALC_BENCH_NODE24=/path/to/node           Node 24 (default: `node24` on PATH, else
//                                                 /tmp/node24/node_modules/.bin/node as .ci/run installs it:
//                                                 `npm install --prefix /tmp/node24 node@24`)
// NODE_EXTRA_CA_CERTS is unset for every process timed (it adds ~50 ms to each, `node -e 0` included).
// Exits 1 when a command is over its goal. The machine is noisy (about +-10% from run to run): read two runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from './quantile.mjs';

/** The goal for `compare --json` by Node major version; other majors get the highest. */
const GOALS = { 20: 2.3, 24: 2.0 };
const COMMANDS = [
  { name: 'compare --json', args: ['compare', '--mw', '341', '--offline', '--json'], goal: true },
  { name: 'compare (table)', args: ['compare', '--mw', '341', '--offline', '--no-color'] },
  { name: '--help', args: ['--help'] },
  { name: 'project --years 20', args: ['project', '--mw', '341', '--years', '20', '--offline', '--json'] },
  // Issue 22's goal: at most 2 s, the whole process, over strategy's default grid (goalMs: an absolute goal).
  {
    name: 'strategy --years 10',
    args: ['strategy', '--mw', '341', '--years', '10', '--offline', '--json'],
    goalMs: 2000,
  },
  {
    name: 'strategy --simulations 10000',
    args: ['strategy', '--mw', '341', '--years', '10', '--offline', '--json', '--simulations', '10000'],
    goalMs: 10000,
  },
  // Issue 24's goal: at most 1 s, the whole process (shown for information; the HTML goes to stdout).
  { name: 'report --years 10', args: ['report', '--mw', '341', '--years', '10', '--offline', '--out', '-'] },
  {
    name: 'history --data (3 years)',
    args: [
      'history',
      '--data',
      fileURLToPath(new URL('../fixtures/history/three-years.csv', import.meta.url)),
      '--until',
      '2025-11-30',
      '--period',
      '3y',
    ],
  },
];

const runs = Number(process.env.RUNS ?? 30);
const bin = resolve(process.env.BIN ?? fileURLToPath(new URL('../bin/hashcalc.js', import.meta.url)));
const filters = process.argv.slice(2);
const commands = COMMANDS.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f)));
if (commands.length === 0) throw new Error(`bench: no command matches ${filters.join(', ')}`);

/** Node 24: HASHCALC_BENCH_NODE24, `node24` on PATH, or where .ci/run installs it. */
function findNode24() {
  const candidates = [
    process.env.HASHCALC_BENCH_NODE24,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node24')),
    '/tmp/node24/node_modules/.bin/node',
  ];
  return candidates.find((path) => path && existsSync(path));
}
const runtimes = [process.execPath];
const node24 = findNode24();
if (node24) {
  const version = execFileSync(node24, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  if (version !== process.version) runtimes.push(node24);
} else if (!process.version.startsWith('v24.')) {
  console.log(
    'note: no Node 24 found (HASHCALC_BENCH_NODE24, node24 on PATH, /tmp/node24): Node 24 is NOT measured',
  );
}

// One environment for every row, baseline included: no colour, private config and cache directories so a
// user's config file cannot change what a command does, and no NODE_EXTRA_CA_CERTS.
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-bench-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
delete env.FORCE_COLOR;
delete env.NODE_EXTRA_CA_CERTS;

function timeOnce(row) {
  const start = process.hrtime.bigint();
  const result = spawnSync(row.node, row.args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`bench: '${row.name}' exited ${result.status ?? result.signal}: ${result.stderr}`);
  }
  return ms;
}

const BASELINE = 'node -e 0';
function measure(node) {
  const rows = [
    { name: BASELINE, node, args: ['-e', '0'] },
    ...commands.map((c) => ({ ...c, node, args: [bin, ...c.args] })),
  ];
  const samples = rows.map(() => []);
  for (const row of rows) timeOnce(row); // warm the file cache (and Node's compile cache)
  for (let i = 0; i < runs; i++) {
    // Interleaved, starting one row later each round, so a slow moment of the machine hits every row alike.
    for (let j = 0; j < rows.length; j++) {
      const k = (i + j) % rows.length;
      samples[k].push(timeOnce(rows[k]));
    }
  }
  return { rows, samples };
}

let over = false;
try {
  const [load1] = loadavg();
  console.log(
    `startup: ${runs} interleaved runs per row; ${availableParallelism()} CPUs, load ${load1.toFixed(2)}; ${bin}`,
  );
  if (load1 > availableParallelism() / 2) console.log('note: the machine is busy; expect noisier figures');
  if (process.env.NODE_OPTIONS)
    console.log(`note: NODE_OPTIONS=${process.env.NODE_OPTIONS} applies to every row`);
  for (const node of runtimes) {
    const version = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8', env }).trim();
    const major = Number(version.slice(1).split('.')[0]);
    const goal = GOALS[major] ?? Math.max(...Object.values(GOALS));
    const { rows, samples } = measure(node);
    const base = quantile(samples[0], 0.5);
    console.log(`\nnode ${version} (${node})`);
    const header = ['', 'median ms', 'IQR ms', 'ratio', 'goal', 'result'];
    const table = rows.map((row, i) => {
      const median = quantile(samples[i], 0.5);
      const iqr = quantile(samples[i], 0.75) - quantile(samples[i], 0.25);
      const ratio = median / base;
      let result = i === 0 ? 'baseline' : '';
      if (row.goal) result = ratio > goal ? 'OVER GOAL' : 'PASS';
      if (row.goalMs) result = median > row.goalMs ? 'OVER GOAL' : 'PASS';
      if (result === 'OVER GOAL') over = true;
      return [
        row.name,
        median.toFixed(1),
        iqr.toFixed(1),
        ratio.toFixed(2),
        row.goal ? goal.toFixed(2) : row.goalMs ? `${row.goalMs} ms` : '',
        result,
      ];
    });
    const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
    const line = (cells) =>
      cells
        .map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ');
    console.log(line(header).trimEnd());
    for (const row of table) console.log(line(row).trimEnd());
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (over) process.exitCode = 1;
