/**
 * The built CLI's entry (dist/cli.js). It runs the single-file bundle (dist/hashcalc.cjs) through node:vm
 * with V8's code cache (dist/hashcalc.cjs.cache, written at build time), so a run spends no time parsing and
 * compiling the bundle: startup is the product's latency. Without a usable cache (another Node version, a
 * changed bundle) it compiles normally and, where it may, writes a fresh cache when the run ends.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

interface BundleExports {
  main(): Promise<void>;
  run(argv: readonly string[], ctx: unknown): Promise<number>;
}

const BUNDLE = new URL('./hashcalc.cjs', import.meta.url);
const CACHE = new URL('./hashcalc.cjs.cache', import.meta.url);

function load(useCache: boolean): { exports: BundleExports; script: Script; needsCache: boolean } {
  const file = fileURLToPath(BUNDLE);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {}
  }
  // The CommonJS wrapper, on the bundle's first line so stack traces keep their line numbers.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __hashcalcUrl) {${source}\n})`,
    {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    },
  );
  const module = { exports: {} as BundleExports };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), BUNDLE.href);
  return {
    exports: module.exports,
    script,
    needsCache: cachedData === undefined || script.cachedDataRejected === true,
  };
}

function saveCache(script: Script): void {
  const target = fileURLToPath(CACHE);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, script.createCachedData());
  renameSync(temp, target);
}

export async function main(): Promise<void> {
  const { exports, script, needsCache } = load(true);
  if (needsCache) {
    process.once('beforeExit', () => {
      try {
        saveCache(script);
      } catch {
        // A read-only install: run without a cache.
      }
    });
  }
  await exports.main();
}

/** Build time: run typical commands in-process so their functions are compiled, then save the code cache. */
export async function writeCodeCache(
  runs: readonly (readonly string[])[],
  ctx: () => unknown,
): Promise<void> {
  const { exports, script } = load(false);
  for (const argv of runs) await exports.run(argv, ctx());
  saveCache(script);
}
