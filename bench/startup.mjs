// Startup benchmark: `hashcalc compare --mw 341 --offline --json` vs `node -e 0`, interleaved runs, medians.
// Goal (foundation issue): ratio <= 1.5. Run with `npm run bench`; RUNS=N to change the sample size.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.env.RUNS ?? 30);
const bin = fileURLToPath(new URL('../bin/hashcalc.js', import.meta.url));
const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'compare --offline --json': [process.execPath, [bin, 'compare', '--mw', '341', '--offline', '--json']],
  'compare --offline (table)': [process.execPath, [bin, 'compare', '--mw', '341', '--offline', '--no-color']],
  '--help': [process.execPath, [bin, '--help']],
};

function timeOnce([cmd, args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) timeOnce(c); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [name, c] of Object.entries(cases)) samples[name].push(timeOnce(c));
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = median(samples['node -e 0']);
console.log(`runs: ${runs} each, interleaved; node ${process.version}`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`${name.padEnd(28)} median ${m.toFixed(1).padStart(6)} ms  ratio ${(m / base).toFixed(2)}`);
}
const ratio = median(samples['compare --offline --json']) / base;
console.log(`compare --offline --json / node -e 0 = ${ratio.toFixed(2)} (goal <= 1.50)`);
