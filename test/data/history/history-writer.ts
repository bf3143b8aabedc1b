/**
 * A separate process for the concurrent-writers test: writes the history cache N times, each time one more
 * day of its own, and checks after each write that the file still reads as valid. Bundled with esbuild by the
 * test (Node 20 runs no TypeScript). Usage: node history-writer.mjs DIR TAG N
 */
import { readHistoryCache, writeHistoryCache } from '../../../src/data/history/cache.js';

const [dir = '', tag = 'a', countText = '20'] = process.argv.slice(2);
const count = Number(countText);
const base = Date.UTC(2025, 0, 1);
// Writer a owns January's days, writer b February's.
const month = tag === 'a' ? 0 : 1;
for (let i = 0; i < count; i++) {
  const date = new Date(Date.UTC(2025, month, 1 + (i % 28))).toISOString().slice(0, 10);
  const problem = await writeHistoryCache(dir, {
    api: 'https://mempool.space/api',
    host: 'mempool.space',
    retargets: {
      fetchedAtMs: base + i,
      rows: [{ timeSec: 1735000000, height: 876_960, difficulty: 1.1e14 }],
    },
    fees: null,
    prices: {
      fetchedAtMs: base + i * 1000 + (tag === 'a' ? 0 : 500),
      settledThrough: date,
      days: [{ date, usd: 90_000 + i, timeSec: Date.parse(`${date}T23:00:00Z`) / 1000 }],
    },
  });
  if (problem) throw new Error(problem);
  const read = readHistoryCache(dir);
  if (read.problem || !read.store) throw new Error(read.problem ?? 'no store');
}
process.stdout.write(`ok ${count}\n`);
