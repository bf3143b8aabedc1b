/**
 * The built CLI's entry (dist/cli.cjs, required by bin/hashcalc.js). It runs the single-file bundle (dist/hashcalc.cjs) through node:vm with
 * V8's code cache, so a run spends no time compiling the functions it calls: startup is the product's latency
 * (on Node 20 here a plain bundle measured 1.5-1.8x `node -e 0`, this 1.3-1.55x: bench/startup.mjs).
 *
 * The cache file is dist/hashcalc.<bundle hash>.<node version>-<arch>[.<flags hash>].cache (hash: 8 hex digits of
 * src/checksum.ts's, over files read straight into its memory): V8 rejects a cache
 * made by another V8 or under other V8 flags (even --max-old-space-size), so a run only looks for the one made
 * for its own bundle, Node and flags (execArgv and NODE_OPTIONS). The file starts with a header line naming
 * that key and the payload's hash: Node's V8 does not checksum code caches, and a corrupt payload behind a
 * valid V8 header aborts the process, so a file that fails these checks is never handed to V8.
 *
 * Writing: only from a complete typical run (every command of TYPICAL_RUNS, in a fresh instance of the bundle,
 * each exiting 0), atomically (temp file + rename), only after checking that dist/ is writable, only when no
 * file exists for the key, and while dist/ holds fewer than MAX_CACHES. The build writes the one for the
 * building Node; a run under another Node or other flags writes its own once, after its command finished. A
 * file that is present but invalid or rejected by V8 is ignored and left alone (never replaced with a cache of
 * whatever this run happened to compile); the next build replaces dist/ whole.
 * HASHCALC_CODE_CACHE_DEBUG=1 reports on stderr what a run found and did.
 */
import type { Script as VmScript } from 'node:vm';

// Built-in modules through process.getBuiltinModule, not `import`: an ES import of node:fs builds a namespace
// of every export, which runs their lazy getters (fs.promises): measured 3 ms, against under 0.1 ms here.
// No node:crypto (3.5-6 ms to load): the checksum is src/checksum.ts's.
import { ChecksumArena } from './checksum.js';
import { writeFileAtomic } from './data/atomic-file.js';

const { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, writeSync } =
  process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { tmpdir } = process.getBuiltinModule('node:os');
const { dirname, join } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const { Script } = process.getBuiltinModule('node:vm');

interface BundleExports {
  main(): Promise<void>;
  run(argv: readonly string[], ctx: unknown): Promise<number>;
}

const BUNDLE = new URL('./hashcalc.cjs', import.meta.url);
const DIST = fileURLToPath(new URL('.', import.meta.url));
const MAGIC = 'hashcalc-code-cache/3';
/** At most this many caches in dist/ (a test's hook in NODE_OPTIONS makes a new key per temp path). */
const MAX_CACHES = 4;

/** The runs whose compiled functions make up the cache: the commands whose startup is measured, and more. */
export const TYPICAL_RUNS: readonly { argv: readonly string[]; colorLevel: 0 | 1 | 2 | 3 }[] = [
  { argv: ['compare', '--mw', '341', '--offline', '--json'], colorLevel: 0 },
  { argv: ['compare', '--mw', '341', '--offline'], colorLevel: 0 },
  { argv: ['compare', '--mw', '341', '--offline'], colorLevel: 3 },
  { argv: ['hashprice', '--offline'], colorLevel: 0 },
  { argv: ['mining', '--offline', '--json'], colorLevel: 0 },
  { argv: ['--help'], colorLevel: 0 },
  { argv: ['project', '--mw', '341', '--years', '20', '--offline', '--json'], colorLevel: 0 },
  { argv: ['project', '--mw', '341', '--offline'], colorLevel: 0 },
];

/** A name for data in a file name: 8 hex digits of its checksum. */
const nameOf = (arena: ChecksumArena, data: string | Uint8Array): string => arena.checksum(data).slice(0, 8);

/** What the cache key depends on besides the bundle: the V8 version and the flags it runs with. */
function runtimeKey(arena: ChecksumArena): string {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');
  const base = `${process.version}-${process.arch}`;
  return flags === '' ? base : `${base}.${nameOf(arena, flags)}`;
}

type CacheState =
  | { status: 'missing' }
  | { status: 'invalid'; reason: string }
  | { status: 'valid'; payload: Buffer };

/** The header line of a cache file: `<MAGIC> <key> <16 hex digits: the payload's checksum>`. */
const headerOf = (key: string, sum: string): string => `${MAGIC} ${key} ${sum}\n`;

/** The cache file's payload when its header and checksum hold (a view of the arena's memory). */
function readCache(arena: ChecksumArena, file: string, key: string): CacheState {
  let data: Uint8Array;
  try {
    data = arena.readFile(file);
  } catch {
    return { status: 'missing' };
  }
  const end = data.subarray(0, 201).indexOf(10);
  if (end < 0) return { status: 'invalid', reason: 'no header' };
  const [magic, fileKey, sum] = Buffer.from(data.buffer, data.byteOffset, end).toString('latin1').split(' ');
  if (magic !== MAGIC) return { status: 'invalid', reason: 'not a hashcalc code cache' };
  if (fileKey !== key) return { status: 'invalid', reason: `made for ${fileKey}` };
  const payload = data.subarray(end + 1);
  if (arena.checksum(payload) !== sum) return { status: 'invalid', reason: 'checksum mismatch' };
  return { status: 'valid', payload: Buffer.from(payload.buffer, payload.byteOffset, payload.length) };
}

interface Loaded {
  exports: BundleExports;
  script: VmScript;
  file: string;
  key: string;
  cache: 'used' | 'missing' | 'invalid' | 'rejected' | 'none';
  reason?: string;
}

function load(useCache: boolean): Loaded {
  const file = fileURLToPath(BUNDLE);
  // One arena for the bundle, then the cache: each read into the same memory, neither copied again.
  const arena = new ChecksumArena();
  const bytes = arena.readFile(file);
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const bundleName = nameOf(arena, bytes);
  const key = `${bundleName}.${runtimeKey(arena)}`;
  const cacheFile = join(DIST, `hashcalc.${key}.cache`);
  const state: CacheState = useCache ? readCache(arena, cacheFile, key) : { status: 'missing' };
  // The CommonJS wrapper, on the bundle's first line so stack traces keep their line numbers.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __hashcalcUrl) {${source}\n})`,
    { filename: file, ...(state.status === 'valid' ? { cachedData: state.payload } : {}) },
  );
  const module = { exports: {} as BundleExports };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), BUNDLE.href);
  const cache = !useCache
    ? 'none'
    : state.status === 'valid'
      ? script.cachedDataRejected
        ? 'rejected'
        : 'used'
      : state.status;
  return {
    exports: module.exports,
    script,
    file: cacheFile,
    key,
    cache,
    ...(state.status === 'invalid' ? { reason: state.reason } : {}),
  };
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs TYPICAL_RUNS in a fresh instance of the bundle (offline, output discarded, throwaway cache and config
 * directories), then writes the code cache for this Node and these flags. Returns the file written, or why not.
 */
export async function writeCodeCache(): Promise<{ written: string } | { skipped: string }> {
  if (!writable(DIST)) return { skipped: `${DIST} is not writable` };
  const caches = readdirSync(DIST).filter((n) => n.endsWith('.cache')).length;
  if (caches >= MAX_CACHES) return { skipped: `${caches} caches in ${DIST} already` };
  const { exports, script, file, key } = load(false);
  const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-code-cache-'));
  try {
    for (const { argv, colorLevel } of TYPICAL_RUNS) {
      const sink = { write: () => true, isTTY: colorLevel > 0, columns: 100 };
      const code = await exports.run(argv, {
        stdout: sink,
        stderr: sink,
        env: { XDG_CACHE_HOME: scratch, XDG_CONFIG_HOME: scratch, HASHCALC_CACHE_DIR: scratch },
        now: () => Date.now(),
        colorLevel,
      });
      if (code !== 0) return { skipped: `'hashcalc ${argv.join(' ')}' exited ${code}` };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Another run may have written it meanwhile: keep that one.
  if (existsSync(file)) return { skipped: `${file} exists` };
  const payload = script.createCachedData();
  try {
    const header = headerOf(key, new ChecksumArena().checksum(payload));
    await writeFileAtomic(file, Buffer.concat([Buffer.from(header), payload]));
  } catch (error) {
    return { skipped: `cannot write ${file}: ${(error as Error).message}` };
  }
  return { written: file };
}

export async function main(): Promise<void> {
  const loaded = load(true);
  await loaded.exports.main();
  const debug = process.env.HASHCALC_CODE_CACHE_DEBUG === '1';
  let outcome = '';
  if (loaded.cache === 'missing') {
    try {
      const result = await writeCodeCache();
      outcome = 'written' in result ? `, wrote ${result.written}` : `, not written: ${result.skipped}`;
    } catch (error) {
      outcome = `, not written: ${(error as Error).message}`;
    }
  }
  if (debug) {
    const reason = loaded.reason ? ` (${loaded.reason})` : '';
    // Straight to the descriptor, as the CLI's own stderr is where it is not a terminal (src/cli/stdio.ts).
    try {
      writeSync(2, `hashcalc: code cache ${loaded.cache}${reason}: ${loaded.file}${outcome}\n`);
    } catch {}
  }
}
