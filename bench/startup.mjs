// Startup benchmark: each command in COMMANDS against `node -e 0`, interleaved runs, medians side by side.
// Goal (issue): each command's median at most `goal` x the median of `node -e 0`, aiming at AIM.
// To measure another command, add a line to COMMANDS. `npm run bench` builds first; then
//   node bench/startup.mjs [name-substring...]   only the matching commands
//   RUNS=50                                       runs per row (default 30)
//   BIN=path/to/hashcalc.js                       another build's entry (default bin/hashcalc.js)
// Exits 1 when a command is over its goal. The machine is noisy (about +-10% from run to run): read two runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from './quantile.mjs';

const AIM = 1.3;
const COMMANDS = [
  { name: 'compare --json', args: ['compare', '--mw', '341', '--offline', '--json'], goal: 1.5 },
  { name: 'compare (table)', args: ['compare', '--mw', '341', '--offline', '--no-color'], goal: 1.5 },
  { name: '--help', args: ['--help'], goal: 1.5 },
  {
    name: 'project --years 20',
    args: ['project', '--mw', '341', '--years', '20', '--offline', '--json'],
    goal: 1.6,
  },
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
    goal: 1.6,
  },
];

const runs = Number(process.env.RUNS ?? 30);
const bin = resolve(process.env.BIN ?? fileURLToPath(new URL('../bin/hashcalc.js', import.meta.url)));
const filters = process.argv.slice(2);
const commands = COMMANDS.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f)));
if (commands.length === 0) throw new Error(`bench: no command matches ${filters.join(', ')}`);

// One environment for every row, baseline included: no colour, and private config and cache directories so a
// user's config file cannot change what a command does.
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-bench-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
delete env.FORCE_COLOR;

const BASELINE = 'node -e 0';
const rows = [
  { name: BASELINE, args: ['-e', '0'], env },
  ...commands.map((c) => ({ ...c, args: [bin, ...c.args], env })),
];
// Shown, never used for a ratio: what NODE_EXTRA_CA_CERTS costs every process here.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _, ...clean } = env;
  rows.push({ name: `${BASELINE}, no NODE_EXTRA_CA_CERTS`, args: ['-e', '0'], env: clean, info: true });
}

function timeOnce(row) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, row.args, { stdio: ['ignore', 'ignore', 'pipe'], env: row.env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`bench: '${row.name}' exited ${result.status ?? result.signal}: ${result.stderr}`);
  }
  return ms;
}

const samples = rows.map(() => []);
try {
  for (const row of rows) timeOnce(row); // warm the file cache
  for (let i = 0; i < runs; i++) {
    // Interleaved, starting one row later each round, so a slow moment of the machine hits every row alike.
    for (let j = 0; j < rows.length; j++) {
      const k = (i + j) % rows.length;
      samples[k].push(timeOnce(rows[k]));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const base = quantile(samples[0], 0.5);
const [load1] = loadavg();
console.log(
  `startup: ${runs} interleaved runs per row; node ${process.version}; ${availableParallelism()} CPUs, ` +
    `load ${load1.toFixed(2)}; ${bin}`,
);
if (load1 > availableParallelism() / 2) console.log('note: the machine is busy; expect noisier figures');
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log(
    'note: NODE_EXTRA_CA_CERTS is set: every process loads those certificates at startup, `node -e 0` too, ' +
      'which lowers every ratio; the last row shows `node -e 0` without it (for information only).',
  );
}
if (process.env.NODE_OPTIONS)
  console.log(`note: NODE_OPTIONS=${process.env.NODE_OPTIONS} applies to every row`);
console.log('');
const header = ['', 'median ms', 'IQR ms', 'ratio', 'goal', 'result'];
const table = rows.map((row, i) => {
  const median = quantile(samples[i], 0.5);
  const iqr = quantile(samples[i], 0.75) - quantile(samples[i], 0.25);
  const ratio = median / base;
  let result = '';
  if (row.goal !== undefined) {
    if (ratio > row.goal) result = 'OVER GOAL';
    else result = ratio > AIM ? `PASS (aim ${AIM.toFixed(2)} missed)` : 'PASS';
  } else if (i === 0) result = 'baseline';
  return {
    over: result === 'OVER GOAL',
    cells: [
      row.name,
      median.toFixed(1),
      iqr.toFixed(1),
      row.info ? '' : ratio.toFixed(2),
      row.goal?.toFixed(2) ?? '',
      result,
    ],
  };
});
const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r.cells[c].length)));
const line = (cells) =>
  cells.map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
console.log(line(header).trimEnd());
for (const row of table) console.log(line(row.cells).trimEnd());
if (table.some((r) => r.over)) process.exitCode = 1;
