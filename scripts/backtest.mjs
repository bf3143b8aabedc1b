// The network model's backtest (docs/model.md, "A network that responds"): from the first difficulty epoch of
// each window's month, the modelled difficulty on the realized BTC/USD path against the embedded epochs, month
// by month, with the error; and the same for the constant growth of `--network trend` (its default rate).
// Bundles the pure modules it needs with esbuild into the OS temp directory and runs them: no build needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hashcalc-backtest-'));
const outfile = join(dir, 'backtest.mjs');
try {
  await build({
    stdin: {
      contents: `export { backtestWindow, BACKTEST_WINDOWS, BACKTEST_FEES_BTC_PER_BLOCK } from './src/core/backtest.ts';
        export { DIFFICULTY_EPOCHS } from './src/catalog/difficulty-epochs.ts';
        export { BTC_MONTHLY_CLOSE_USD, BTC_MONTHLY_SOURCE } from './src/catalog/btc-monthly.ts';
        export { NETWORK_MODEL } from './src/catalog/network-model.ts';
        export { difficultyGrowthSinceHalvingPerMonth } from './src/catalog/defaults.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const m = await import(pathToFileURL(outfile).href);
  const epochs = m.DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  }));
  const growth = m.difficultyGrowthSinceHalvingPerMonth();
  const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  const t = (x) => `${(x / 1e12).toFixed(1)}T`;
  console.log(`Prices: ${m.BTC_MONTHLY_SOURCE}`);
  console.log(
    `Fees: ${m.BACKTEST_FEES_BTC_PER_BLOCK.toFixed(4)} BTC a block throughout; trend: ${pct(growth)}/month`,
  );
  for (const from of m.BACKTEST_WINDOWS) {
    const w = m.backtestWindow(
      m.NETWORK_MODEL,
      epochs,
      m.BTC_MONTHLY_CLOSE_USD,
      from,
      m.BACKTEST_FEES_BTC_PER_BLOCK,
    );
    const tr = m.backtestWindow(
      { growthPerMonth: growth },
      epochs,
      m.BTC_MONTHLY_CLOSE_USD,
      from,
      m.BACKTEST_FEES_BTC_PER_BLOCK,
    );
    console.log(`\nWindow from ${from}: epoch ${w.startHeight} (${w.startDate}), ${w.months.length} months`);
    console.log('month  date        BTC/USD   actual   model  error  hashrate EH/s   trend  error');
    w.months.forEach((r, i) => {
      const q = tr.months[i];
      console.log(
        `${String(r.month).padStart(5)}  ${r.date}  ${String(Math.round(r.btcUsd)).padStart(7)}  ${t(r.actualDifficulty).padStart(7)} ${t(r.modelledDifficulty).padStart(7)} ${pct(r.error).padStart(6)}  ${r.modelledHashrateEhs.toFixed(0).padStart(13)}  ${t(q.modelledDifficulty).padStart(6)} ${pct(q.error).padStart(6)}`,
      );
    });
    console.log(
      `model: mean |error| ${(w.meanAbsError * 100).toFixed(1)}%, max ${(w.maxAbsError * 100).toFixed(1)}%; trend: mean ${(tr.meanAbsError * 100).toFixed(1)}%, max ${(tr.maxAbsError * 100).toFixed(1)}%`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
