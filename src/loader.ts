/**
 * The built CLI's entry (dist/cli.cjs, required by bin/hashcalc.js). It runs the single-file bundle (dist/hashcalc.cjs) through node:vm with
 * V8's code cache, so a run spends no time compiling the functions it calls: startup is the product's latency
 * (on Node 20 here a plain bundle measured 1.5-1.8x `node -e 0`, this 1.25-1.5x: bench/startup.mjs).
 *
 * The cache file is dist/hashcalc.<bundle hash>.<node version>-<arch>[.<flags hash>][.<command>].cache (hash: 8
 * hex digits of src/checksum.ts's, over files read straight into its memory): V8 rejects a cache made by another
 * V8 or under other V8 flags (even --max-old-space-size), so a run only looks for the one made for its own
 * bundle, Node and flags (execArgv and NODE_OPTIONS). The file starts with a header line naming that key and
 * the payload's hash: Node's V8 does not checksum code caches, and a corrupt payload behind a valid V8 header
 * aborts the process, so a file that fails these checks is never handed to V8.
 *
 * One cache for each name of OWN_CACHES (`.<name>`: a command, the same command with JSON output
 * `<command>.json`, and the root help `help`), made from the typical runs cacheNameFor sorts into it, and the
 * general one (no suffix) from all of them, for every other command and a command's help. A run deserializes
 * its whole cache, so a cache holding only what its command runs starts faster: measured 5 ms less for
 * `project --years 20 --json` than with the general one (bench/ab.mjs). Any cache of the bundle serves any
 * command (a function it lacks compiles when first called): a run that names its command after a root flag
 * (`hashcalc -q project`) simply uses the general one.
 *
 * Writing: only from a complete typical run (every run of that cache's TYPICAL_RUNS, in a fresh instance of the
 * bundle, each exiting 0), atomically (temp file + rename), only after checking that dist/ is writable, only
 * when no file exists for the key, and while dist/ holds caches for fewer than MAX_RUNTIMES other runtimes. The
 * build writes every one for the building Node; a run under another Node or other flags writes the one it
 * looked for, once, after its command finished. A file that is present but invalid or rejected by V8 is ignored
 * and left alone (never replaced with a cache of whatever this run happened to compile); the next build
 * replaces dist/ whole.
 * HASHCALC_CODE_CACHE_DEBUG=1 reports on stderr what a run found and did.
 */
import type { Script as VmScript } from 'node:vm';

// Built-in modules through process.getBuiltinModule, not `import`: an ES import of node:fs builds a namespace
// of every export, which runs their lazy getters (fs.promises): measured 3 ms, against under 0.1 ms here.
// No node:crypto (3.5-6 ms to load): the checksum is src/checksum.ts's.
import { ChecksumArena } from './checksum.js';
import { writeFileAtomic } from './data/atomic-file.js';

const { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, writeSync } =
  process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
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
/**
 * Caches for at most this many other runtimes (Node version, arch, flags) in dist/: a test's hook in
 * NODE_OPTIONS makes a new key per temp path.
 */
const MAX_RUNTIMES = 4;

export interface TypicalRun {
  /** `{scratch}` stands for the run's throwaway directory. */
  argv: readonly string[];
  colorLevel: 0 | 1 | 2 | 3;
  /** Files written into the throwaway directory first, by name. */
  files?: Readonly<Record<string, () => string>>;
}

/** A month of days for `history --data` (the CSV its reader takes), flat but for the price. */
function typicalDaysCsv(): string {
  const lines = ['date,difficulty,avgFeesBtcPerBlock,btcUsd,blocks'];
  for (let day = 1; day <= 30; day++)
    lines.push(`2025-11-${String(day).padStart(2, '0')},152271406129092,0.021,${84000 + day * 100},144`);
  return `${lines.join('\n')}\n`;
}

/**
 * The runs whose compiled functions make up the caches: the commands whose startup is measured, and more. A
 * command of OWN_CACHES gets a cache made from its own runs (argv[0]); the general cache, from them all.
 */
export const TYPICAL_RUNS: readonly TypicalRun[] = [
  { argv: ['compare', '--mw', '341', '--offline', '--json'], colorLevel: 0 },
  { argv: ['compare', '--mw', '341', '--offline'], colorLevel: 0 },
  { argv: ['compare', '--mw', '341', '--offline'], colorLevel: 3 },
  { argv: ['hashprice', '--offline'], colorLevel: 0 },
  { argv: ['mining', '--offline', '--json'], colorLevel: 0 },
  { argv: ['--help'], colorLevel: 0 },
  { argv: ['project', '--mw', '341', '--years', '20', '--offline', '--json'], colorLevel: 0 },
  { argv: ['project', '--mw', '341', '--offline'], colorLevel: 0 },
  { argv: ['history', '--offline', '--period', '3y'], colorLevel: 0 },
  { argv: ['history', '--offline', '--period', '1y', '--json'], colorLevel: 0 },
  {
    argv: ['history', '--data', '{scratch}/days.csv', '--until', '2025-11-30', '--period', '3y'],
    colorLevel: 0,
    files: { 'days.csv': typicalDaysCsv },
  },
];

/** Commands with caches of their own: one for JSON output (`<command>.json`), one for the rest. */
const OWN_COMMANDS: readonly string[] = ['compare', 'project', 'history'];
/** Every cache but the general one; `help` is the root help's (`hashcalc`, `hashcalc --help`). */
export const OWN_CACHES: readonly string[] = ['help', ...OWN_COMMANDS.flatMap((c) => [c, `${c}.json`])];

/** JSON output asked for on the command line or by HASHCALC_FORMAT (renderers then never run). */
function jsonOutput(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--json' || arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'))
      return true;
  }
  return env.HASHCALC_FORMAT === 'json';
}

/**
 * The cache a run uses: its command's own (for JSON output or not) when it has one and argv starts with it,
 * else the general one (null). The typical runs are sorted into the caches by the same rule.
 */
export function cacheNameFor(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): string | null {
  const first = argv[0];
  if (first === undefined || ((first === '--help' || first === '-h') && argv.length === 1)) return 'help';
  if (!OWN_COMMANDS.includes(first)) return null;
  return jsonOutput(argv, env) ? `${first}.json` : first;
}

const runsFor = (name: string | null): readonly TypicalRun[] =>
  name === null ? TYPICAL_RUNS : TYPICAL_RUNS.filter((r) => cacheNameFor(r.argv) === name);

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

function load(useCache: boolean, name: string | null): Loaded {
  const file = fileURLToPath(BUNDLE);
  // One arena for the bundle, then the cache: each read into the same memory, neither copied again.
  const arena = new ChecksumArena();
  const bytes = arena.readFile(file);
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const bundleName = nameOf(arena, bytes);
  const key = `${bundleName}.${runtimeKey(arena)}${name === null ? '' : `.${name}`}`;
  const cacheFile = join(DIST, `hashcalc.${key}.cache`);
  const state: CacheState = useCache ? readCache(arena, cacheFile, key) : { status: 'missing' };
  // The bundle is a function expression (its CommonJS wrapper is in the file: scripts/build.mjs).
  const script = new Script(source, {
    filename: file,
    ...(state.status === 'valid' ? { cachedData: state.payload } : {}),
  });
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

/** The runtime part of a cache file's name: hashcalc.<bundle>.<runtime...>[.<command>].cache -> <runtime...>. */
function runtimeOf(file: string): string {
  const stem = file.replace(/^hashcalc\.[^.]+\./, '').replace(/\.cache$/, '');
  const own = OWN_CACHES.find((name) => stem.endsWith(`.${name}`));
  return own === undefined ? stem : stem.slice(0, -own.length - 1);
}

/**
 * Runs the typical runs of the cache `name` (null: the general one) in a fresh instance of the bundle
 * (offline, output discarded, throwaway cache and config directories), then writes that code cache for this
 * Node and these flags. Returns the file written, or why not. V8 shares compiled functions between scripts of
 * the same source and name in a process, so the cache also holds what this process ran before (a run that
 * found its cache missing: the same command); the build writes each cache from a process of its own.
 */
export async function writeCodeCache(
  name: string | null = null,
): Promise<{ written: string } | { skipped: string }> {
  const runs = runsFor(name);
  if (runs.length === 0) return { skipped: `no typical runs for the cache '${name}'` };
  if (!writable(DIST)) return { skipped: `${DIST} is not writable` };
  const { exports, script, file, key } = load(false, name);
  const others = new Set(
    readdirSync(DIST)
      .filter((n) => n.endsWith('.cache'))
      .map(runtimeOf),
  );
  others.delete(runtimeOf(`hashcalc.${key}.cache`));
  if (others.size >= MAX_RUNTIMES)
    return { skipped: `caches for ${others.size} other runtimes in ${DIST} already` };
  const { tmpdir } = process.getBuiltinModule('node:os');
  const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-code-cache-'));
  try {
    for (const { argv: template, colorLevel, files } of runs) {
      for (const [file, content] of Object.entries(files ?? {}))
        writeFileSync(join(scratch, file), content(), 'utf8');
      const argv = template.map((a) => a.replace('{scratch}', scratch));
      const sink = { write: () => true, isTTY: colorLevel > 0, columns: 100 };
      const code = await exports.run(argv, {
        stdout: sink,
        stderr: sink,
        env: { XDG_CACHE_HOME: scratch, XDG_CONFIG_HOME: scratch, HASHCALC_CACHE_DIR: scratch },
        now: () => Date.now(),
        colorLevel,
      });
      if (code !== 0) return { skipped: `'hashcalc ${template.join(' ')}' exited ${code}` };
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
  const name = cacheNameFor(process.argv.slice(2), process.env);
  const loaded = load(true, name);
  await loaded.exports.main();
  const debug = process.env.HASHCALC_CODE_CACHE_DEBUG === '1';
  let outcome = '';
  if (loaded.cache === 'missing') {
    try {
      const result = await writeCodeCache(name);
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
