/**
 * A separate process for the concurrent-writers test: writes the cache N times and checks after each write
 * that the file still parses. Bundled with esbuild by the test (Node 20 runs no TypeScript).
 * Usage: node cache-writer.mjs DIR TAG N
 */
import { readFileSync } from 'node:fs';
import { cachePath, writeCache } from '../../../src/data/cache.js';

const [dir = '', tag = 'x', countText = '20'] = process.argv.slice(2);
const count = Number(countText);
const base = Date.UTC(2025, 11, 8, 12, 0, 0);
for (let i = 0; i < count; i++) {
  const at = base + i * 1000 + (tag === 'a' ? 0 : 500);
  const problem = await writeCache(dir, {
    btcUsd: { value: 90_000 + i, origin: 'mempool', host: `writer-${tag}`, asOfMs: at, fetchedAtMs: at },
    heightBlocks: {
      value: 927_000 + i,
      origin: 'mempool',
      host: `writer-${tag}`,
      asOfMs: at,
      fetchedAtMs: at,
    },
  });
  if (problem) throw new Error(problem);
  JSON.parse(readFileSync(cachePath(dir), 'utf8'));
}
process.stdout.write(`ok ${count}\n`);
