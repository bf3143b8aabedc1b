// Two builds of the CLI, one command, interleaved whole-process runs: is B faster than A, and by how much?
//   node bench/ab.mjs A/bin/hashcalc.js B/bin/hashcalc.js project --mw 341 --years 20 --offline --json
//   RUNS=60                     runs per build (default 40)
//   NODE=/path/to/node          the runtime (default this Node), e.g. /tmp/node24/node_modules/.bin/node
// NODE_EXTRA_CA_CERTS is unset for the processes timed (its ~50 ms per process hides differences).
// A second build: `git worktree add /tmp/a HEAD~1 && ln -s "$PWD/node_modules" /tmp/a/ && (cd /tmp/a && npm run
// build)`. Prints the medians, their difference and the spread of the differences of paired runs, which the
// machine's drift affects far less than the medians. Read two runs: the noise is about +-10%.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quantile } from './quantile.mjs';

const [a, b, ...args] = process.argv.slice(2);
if (!a || !b || args.length === 0) {
  console.error('usage: node bench/ab.mjs A/bin/hashcalc.js B/bin/hashcalc.js <command args...>');
  process.exit(2);
}
const runs = Number(process.env.RUNS ?? 40);
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-ab-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
delete env.FORCE_COLOR;
delete env.NODE_EXTRA_CA_CERTS;
const node = process.env.NODE ?? process.execPath;

function timeOnce(bin) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, [resolve(bin), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  if (result.status !== 0)
    throw new Error(`${bin} exited ${result.status ?? result.signal}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const times = { a: [], b: [], diff: [] };
try {
  timeOnce(a);
  timeOnce(b);
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so a slow moment hits both alike.
    let x = 0;
    let y = 0;
    if (i % 2 === 0) {
      x = timeOnce(a);
      y = timeOnce(b);
    } else {
      y = timeOnce(b);
      x = timeOnce(a);
    }
    times.a.push(x);
    times.b.push(y);
    times.diff.push(y - x);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const f = (n) => n.toFixed(1);
console.log(`${runs} paired runs of: hashcalc ${args.join(' ')} (${node})`);
console.log(`A ${f(quantile(times.a, 0.5))} ms   B ${f(quantile(times.b, 0.5))} ms`);
console.log(
  `B - A per pair: median ${f(quantile(times.diff, 0.5))} ms (quartiles ${f(quantile(times.diff, 0.25))} to ${f(quantile(times.diff, 0.75))})`,
);
