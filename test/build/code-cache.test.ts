/**
 * The built entry's V8 code cache (src/loader.ts, dist/cli.cjs): keyed by bundle, Node and flags; a corrupt,
 * foreign or rejected cache is ignored and left as it was; a missing one is written once, from the complete
 * typical runs, only where dist/ is writable. Each test runs the built CLI from a private copy of bin/ and
 * dist/ (the global setup has just built them), so dist/ itself is never touched.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumReference } from '../../src/checksum.js';
import { cacheNameFor, OWN_CACHES, TYPICAL_RUNS } from '../../src/loader.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPARE = ['compare', '--mw', '341', '--offline', '--json'];
const temps: string[] = [];

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
/** The loader's checksum (src/checksum.ts), computed by the plain BigInt reference: 16 hex digits. */
const sum = (data: string | Uint8Array) =>
  checksumReference(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
/** The loader's name for data in a file name: the checksum's first 8 hex digits. */
const hex = (data: string | Uint8Array) => sum(data).slice(0, 8);

/** A private install: bin/, dist/ without its caches, and the package.json line that makes them ESM. */
function install(): { dir: string; dist: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hashcalc-cache-test-'));
  temps.push(dir);
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), {
    recursive: true,
    // Not the caches, nor a cache another run is writing (hashcalc.<key>.cache.<pid>.tmp).
    filter: (source) => !/\.cache(\.\d+\.tmp)?$/.test(source),
  });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return { dir, dist: join(dir, 'dist') };
}

interface Result {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs the install's CLI with the cache report on; no NODE_OPTIONS unless given, so the key is predictable. */
function run(dir: string, args: readonly string[], nodeArgs: readonly string[] = [], nodeOptions?: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-cache-home-'));
  temps.push(scratch);
  const env: Record<string, string | undefined> = {
    ...process.env,
    XDG_CACHE_HOME: scratch,
    XDG_CONFIG_HOME: scratch,
    HASHCALC_CODE_CACHE_DEBUG: '1',
    NODE_OPTIONS: nodeOptions,
  };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'HASHCALC_DEBUG', 'CI']) delete env[key];
  if (nodeOptions === undefined) delete env.NODE_OPTIONS;
  return new Promise<Result>((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, join(dir, 'bin', 'hashcalc.js'), ...args],
      { env, timeout: 15_000 },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: unknown; signal?: string | null }) | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          stdout: String(stdout),
          stderr: String(stderr),
        });
      },
    );
  });
}

/** Every file in dist/ (schemas aside) with its sha256, to show that a run changed nothing. */
function snapshot(dist: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dist)
      .filter((name) => name !== 'schemas')
      .map((name) => [name, sha256(readFileSync(join(dist, name)))]),
  );
}

let bundleHash = '';
/** The key of this bundle and Node, without flags: `<bundle>.<node>-<arch>`. */
let key = '';
/** The caches these runs use (src/loader.ts): compare's for JSON output, and the root help's. */
const COMPARE_CACHE = 'compare.json';
const HELP_CACHE = 'help';
const cacheOf = (args: readonly string[]) => (args[0] === '--help' ? HELP_CACHE : COMPARE_CACHE);
/** A cache file of this install's dist/ for the runs `args`, under `flags` (a hash) when given. */
const cacheFile = (dist: string, args: readonly string[], flags?: string) =>
  join(dist, `hashcalc.${key}${flags ? `.${flags}` : ''}.${cacheOf(args)}.cache`);
/** A valid cache of this install made under another V8 flag (--no-opt: in V8's flag hash on Node 20 to 24). */
let otherFlags: { file: string; data: Buffer };
let reference: Result;
/** `--help` of a run with a valid cache: output compared in full (compare's figures move with the clock). */
let help = '';
let good: { dir: string; dist: string };

beforeAll(async () => {
  bundleHash = hex(readFileSync(join(ROOT, 'dist', 'hashcalc.cjs')));
  key = `${bundleHash}.${process.version}-${process.arch}`;
  good = install();
  // No cache yet: the run compiles from source, then writes the cache for its key.
  reference = await run(good.dir, COMPARE);
  const flagged = await run(good.dir, ['--help'], ['--no-opt']);
  expect(flagged.code, flagged.stderr).toBe(0);
  const file = cacheFile(good.dist, ['--help'], hex('--no-opt\0'));
  expect(flagged.stderr).toContain(`wrote ${file}`);
  otherFlags = { file, data: readFileSync(file) };
  // The root help has a cache of its own: the first run writes it, the second uses it.
  const first = await run(good.dir, ['--help']);
  expect(first.stderr).toContain(`wrote ${cacheFile(good.dist, ['--help'])}`);
  const helped = await run(good.dir, ['--help']);
  expect(helped.stderr).toContain('code cache used');
  help = helped.stdout;
});

/** The run succeeded and printed what a run with a valid cache prints. */
function expectSameOutput(result: Result, args: readonly string[]): void {
  expect(result.signal, result.stderr).toBeNull();
  expect(result.code, result.stderr).toBe(0);
  if (args[0] === '--help') expect(result.stdout).toBe(help);
  else expect(Object.keys(JSON.parse(result.stdout))).toEqual(Object.keys(JSON.parse(reference.stdout)));
}

afterAll(() => {
  for (const dir of temps) {
    try {
      chmodSync(join(dir, 'dist'), 0o755);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('code cache: written and used', () => {
  it('the build wrote every cache for this bundle, named by its hash, a Node version and the cache', () => {
    // For the building Node: a suite run on another Node against the same dist/ adds its own at its first run.
    const names = readdirSync(join(ROOT, 'dist')).filter((n) => n.endsWith('.cache'));
    const runtimes = new Set<string>();
    for (const cache of ['', ...OWN_CACHES.map((c) => `.${c}`)]) {
      const pattern = new RegExp(
        `^hashcalc\\.${bundleHash}\\.(v\\d+\\.\\d+\\.\\d+-[a-z0-9]+)${cache.replace('.', '\\.')}\\.cache$`,
      );
      const found = names.map((n) => pattern.exec(n)?.[1]).filter((r) => r !== undefined);
      expect(found.length, `${cache || '(general)'}: ${names.join(' ')}`).toBeGreaterThan(0);
      for (const r of found) runtimes.add(r);
    }
    expect(runtimes.size).toBeGreaterThan(0);
  });

  it('each cache holds its own runs only: the per-command ones are smaller than the general one', () => {
    // The building Node's caches (a suite on another Node finds the build's, not its own, complete).
    const dist = join(ROOT, 'dist');
    const names = readdirSync(dist);
    const built = names
      .map(
        (n) =>
          new RegExp(`^hashcalc\\.${bundleHash}\\.(v\\d+\\.\\d+\\.\\d+-[a-z0-9]+)\\.cache$`).exec(n)?.[1],
      )
      .filter((r): r is string => r !== undefined)
      .filter((r) => OWN_CACHES.every((own) => names.includes(`hashcalc.${bundleHash}.${r}.${own}.cache`)));
    expect(built.length, names.join(' ')).toBeGreaterThan(0);
    for (const runtime of built) {
      const sizeOf = (suffix: string) =>
        readFileSync(join(dist, `hashcalc.${bundleHash}.${runtime}${suffix}.cache`)).length;
      const general = sizeOf('');
      for (const own of OWN_CACHES) expect(sizeOf(`.${own}`), own).toBeLessThan(general);
    }
  });

  it('a missing cache is written once, from the typical runs, with a header naming its key and checksum', () => {
    expect(reference.code, reference.stderr).toBe(0);
    const file = cacheFile(good.dist, COMPARE);
    expect(reference.stderr).toContain(`code cache missing: ${file}, wrote ${file}`);
    // That cache alone (the others are written by the runs that use them), and the help's runs' own.
    expect(
      readdirSync(good.dist)
        .filter((n) => n.endsWith('.cache'))
        .sort(),
    ).toEqual([basename(file), basename(cacheFile(good.dist, ['--help'])), basename(otherFlags.file)].sort());
    const data = readFileSync(file);
    const end = data.indexOf(10);
    const [magic, fileKey, payloadSum] = data.toString('latin1', 0, end).split(' ');
    expect(magic).toBe('hashcalc-code-cache/3');
    expect(fileKey).toBe(`${key}.${COMPARE_CACHE}`);
    expect(payloadSum).toBe(sum(data.subarray(end + 1)));
    expect(readdirSync(good.dist).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('other V8 flags (execArgv or NODE_OPTIONS) get a cache of their own; the first is left as it was', async () => {
    const before = readFileSync(cacheFile(good.dist, ['--help']));
    const options = await run(good.dir, ['--help'], [], '--max-old-space-size=3000');
    expect(options.code, options.stderr).toBe(0);
    const file = cacheFile(good.dist, ['--help'], hex('--max-old-space-size=3000'));
    expect(options.stderr).toContain(`code cache missing: ${file}, wrote ${file}`);
    expect(otherFlags.file).not.toBe(file);
    expect(readFileSync(cacheFile(good.dist, ['--help'])).equals(before)).toBe(true);
  });

  it('the next run uses it, prints the same, and writes nothing', async () => {
    const before = snapshot(good.dist);
    const again = await run(good.dir, COMPARE);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`code cache used: ${cacheFile(good.dist, COMPARE)}\n`);
    expectSameOutput(again, COMPARE);
    expect(snapshot(good.dist)).toEqual(before);
  });
});

describe('code cache: a bad cache file is ignored, the run succeeds, and dist/ is left as it was', () => {
  const header = (fileKey: string, payload: Buffer) =>
    Buffer.concat([Buffer.from(`hashcalc-code-cache/3 ${fileKey} ${sum(payload)}\n`), payload]);
  const payloadOf = (data: Buffer) => data.subarray(data.indexOf(10) + 1);

  /** Each case makes the file's content from the key its header should name. */
  const cases: [string, (fileKey: string) => Buffer, 'invalid' | 'rejected'][] = [
    [
      // Node's V8 does not checksum code caches: these bytes behind a valid V8 header abort the process.
      'payload bytes flipped behind a valid header',
      () => {
        const data = Buffer.from(readFileSync(cacheFile(good.dist, COMPARE)));
        for (let i = data.indexOf(10) + 1000; i < data.length; i += 997) data[i] = (data[i] as number) ^ 0x5a;
        return data;
      },
      'invalid',
    ],
    ['truncated', () => readFileSync(cacheFile(good.dist, COMPARE)).subarray(0, 5000), 'invalid'],
    ['empty', () => Buffer.alloc(0), 'invalid'],
    ['random bytes', () => Buffer.alloc(100_000, 7), 'invalid'],
    ['a raw V8 cache without the header', () => payloadOf(otherFlags.data), 'invalid'],
    ['a foreign cache (made for other V8 flags) under this name', () => otherFlags.data, 'invalid'],
    [
      // Passes every check of the loader's own; V8 rejects it (flag hash): the cachedDataRejected path.
      'a cache made under other V8 flags, relabelled with this key',
      (fileKey: string) => header(fileKey, payloadOf(otherFlags.data)),
      'rejected',
    ],
  ];

  it.each(cases)('%s', async (_name, make, status) => {
    const { dir, dist } = install();
    // The bad file where each run looks: compare's JSON cache and the root help's.
    for (const args of [COMPARE, ['--help']])
      writeFileSync(cacheFile(dist, args), make(`${key}.${cacheOf(args)}`));
    const before = snapshot(dist);
    for (const args of [COMPARE, ['--help']]) {
      const result = await run(dir, args);
      expectSameOutput(result, args);
      expect(result.stderr).toContain(`code cache ${status}`);
      // Not even attempted: no typical runs, no serialization.
      expect(result.stderr).not.toMatch(/wrote|not written/);
    }
    expect(snapshot(dist)).toEqual(before);
  });
});

describe('code cache: never serialized where it cannot be written', () => {
  it('with caches for four other runtimes in dist/ already (other flags), a fifth is not made', async () => {
    const { dir, dist } = install();
    // Four other runtimes, one with several caches (they count once).
    for (const n of [1, 2, 3, 4]) writeFileSync(join(dist, `hashcalc.${bundleHash}.v0.0.${n}-x64.cache`), '');
    writeFileSync(join(dist, `hashcalc.${bundleHash}.v0.0.1-x64.project.json.cache`), '');
    const before = snapshot(dist);
    const result = await run(dir, COMPARE);
    expectSameOutput(result, COMPARE);
    expect(result.stderr).toContain('code cache missing');
    expect(result.stderr).toContain('not written: caches for 4 other runtimes');
    expect(snapshot(dist)).toEqual(before);
  });

  it('with dist/ not writable, a missing cache is neither made nor written', async () => {
    const { dir, dist } = install();
    // As root, file modes do not stop a write: a preload makes dist/ report EACCES, and counts serializations.
    const spy = join(dir, 'spy.mjs');
    writeFileSync(
      spy,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { Script } from 'node:vm';
const dist = ${JSON.stringify(dist)};
const access = fs.accessSync;
fs.accessSync = (path, mode) => {
  if (String(path).replace(/\\/$/, '') === dist) throw Object.assign(new Error('EACCES: denied'), { code: 'EACCES' });
  return access(path, mode);
};
syncBuiltinESMExports();
const create = Script.prototype.createCachedData;
Script.prototype.createCachedData = function (...args) {
  process.stderr.write('spy: createCachedData\\n');
  return create.apply(this, args);
};
`,
    );
    chmodSync(dist, 0o555);
    const before = snapshot(dist);
    const result = await run(dir, COMPARE, [`--import=${spy}`]);
    expectSameOutput(result, COMPARE);
    expect(result.stderr).toContain('code cache missing');
    expect(result.stderr).toContain('not written');
    expect(result.stderr).toContain('is not writable');
    expect(result.stderr).not.toContain('spy: createCachedData');
    chmodSync(dist, 0o755);
    expect(snapshot(dist)).toEqual(before);

    // The same preload with dist/ writable: the control, one serialization and one file.
    writeFileSync(spy, readFileSync(spy, 'utf8').replace('=== dist', "=== 'never'"));
    const control = await run(dir, COMPARE, [`--import=${spy}`]);
    expect(control.code, control.stderr).toBe(0);
    expect(control.stderr.match(/spy: createCachedData/g)).toHaveLength(1);
    expect(Object.keys(snapshot(dist)).filter((n) => n.endsWith('.cache'))).toHaveLength(1);
  });
});

describe('startup: what a run does not load', () => {
  it('project --years 20 --offline --json to pipes loads neither node:crypto nor the stream, net or tty modules', async () => {
    // Each costs every run milliseconds (bench/startup.mjs): the checksum is src/checksum.ts's, and output
    // that is not a terminal goes straight to the descriptor (src/cli/stdio.ts).
    const { dir } = install();
    const report = join(dir, 'modules.txt');
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const args = ['project', '--mw', '341', '--years', '20', '--offline', '--json'];
    // The first run under the hook writes this flag's cache (and runs the typical runs): the second is a user's.
    const first = await run(dir, args, ['-r', hook]);
    expect(first.code, first.stderr).toBe(0);
    const second = await run(dir, args, ['-r', hook]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('code cache used');
    const loaded = readFileSync(report, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule vm');
    for (const name of ['crypto', 'stream', 'net', 'tty', 'zlib'])
      expect(loaded, name).not.toContain(`NativeModule ${name}`);
    expect(JSON.parse(second.stdout).options).toHaveLength(3);
  });
});

describe('which cache a run uses (cacheNameFor)', () => {
  it.each([
    [['project', '--mw', '341', '--years', '20', '--json'], {}, 'project.json'],
    [['project', '--mw', '341', '--format', 'json'], {}, 'project.json'],
    [['project', '--format=json'], {}, 'project.json'],
    [['project', '--mw', '341'], { HASHCALC_FORMAT: 'json' }, 'project.json'],
    [['project', '--mw', '341', '--format', 'csv'], {}, 'project'],
    [['project', '--', '--json'], {}, 'project'],
    [['compare', '--mw', '341'], {}, 'compare'],
    [['history', '--data', 'days.csv', '--json'], {}, 'history.json'],
    [['--help'], {}, 'help'],
    [['-h'], {}, 'help'],
    [[], {}, 'help'],
    // The general cache: commands without their own, a command's help, a command after a root flag.
    [['hashprice', '--json'], {}, null],
    [['--help', 'project'], {}, null],
    [['-q', 'project', '--json'], {}, null],
  ] as const)('%j with %j: %s', (argv, env, name) => {
    expect(cacheNameFor(argv, env)).toBe(name);
  });

  it('every own cache has typical runs, sorted into it by the same rule', () => {
    for (const own of OWN_CACHES) {
      expect(
        TYPICAL_RUNS.some((r) => cacheNameFor(r.argv) === own),
        own,
      ).toBe(true);
    }
  });
});
