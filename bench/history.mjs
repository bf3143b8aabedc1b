// In-process: three years of daily points computed (hashprice per day, statistics) and rendered (table and
// chart), once the data is loaded. Goal (issue): at most 50 ms. Bundles the source with esbuild, then times
// RUNS cold processes (the first call in a fresh process is what a user waits for) and reports the median.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hashcalc-bench-history-'));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  `import { readHistoryFile } from '${root}src/data/history/file.ts';
import { DIFFICULTY_EPOCHS } from '${root}src/catalog/difficulty-epochs.ts';
import { fillHeights, hashpriceDays, historyStats } from '${root}src/core/history.ts';
import { historyReport } from '${root}src/report/history.ts';
import { historyDocument } from '${root}src/output/render-history.ts';
import { renderTerminal } from '${root}src/output/render-terminal.ts';
const loaded = readHistoryFile('${root}fixtures/history/three-years.csv');
const epochs = DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({ startHeight, startTimeUnix, difficulty }));
const plain = { bold: (t) => t, dim: (t) => t, good: (t) => t, bad: (t) => t, heading: (t) => t, color: false };
const t0 = performance.now();
const days = hashpriceDays(fillHeights(loaded, epochs));
const stats = historyStats(days, days);
const report = historyReport({ period: { from: days[0].date, to: days.at(-1).date, name: 'all', days: days.length }, source: 'file', sourceDetail: 'bench', margin: null }, days, stats);
const out = await renderTerminal(historyDocument(report, 100, 12), plain, 100);
const ms = performance.now() - t0;
if (out.length < 100) throw new Error('no output');
process.stdout.write(String(ms));
`,
);
const bundle = join(dir, 'bench.mjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});
const runs = Number(process.env.RUNS ?? 15);
const samples = [];
for (let i = 0; i < runs; i++)
  samples.push(Number(execFileSync(process.execPath, [bundle], { encoding: 'utf8' })));
rmSync(dir, { recursive: true, force: true });
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(
  `history: 3 years (${runs} cold runs) computed and rendered in ${median.toFixed(1)} ms median (goal 50 ms): ${median <= 50 ? 'PASS' : 'OVER GOAL'}`,
);
process.exitCode = median <= 50 ? 0 : 1;
