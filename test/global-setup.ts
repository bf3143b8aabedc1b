/**
 * Builds the CLI once before the suite (the smoke tests run dist/, `schema` reads dist/schemas), and only when
 * needed: the build is skipped when the last build made from this checkout's inputs (src/, bin/, scripts/,
 * package.json, the lockfiles, tsconfig.json: their content, not their times) is still what dist/ holds
 * (every file it made, unchanged, and nothing else), so a stale or foreign dist never passes
 * silently. The check costs ~10 ms; the build ~1 s. HASHCALC_TEST_REBUILD=1 forces a build. Concurrent test
 * runs in one checkout build one at a time (a lock), so none removes dist/ under another's build (a build
 * started by hand still can).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './child-env.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INPUTS = [
  'src',
  'bin',
  'scripts',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
/** The stamp's output digest says the rest; this only spares hashing a checkout that was never built. */
const REQUIRED = ['dist'];
const STATE = join(ROOT, 'node_modules/.cache/hashcalc-test');
const STAMP = join(STATE, 'build.json');
const LOCK = join(STATE, 'build.lock');

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(path, entry.name)) : [join(path, entry.name)],
  );
}

/** One hash of every file's path and content under `paths` (missing paths count as absent). */
function digest(paths: readonly string[]): string {
  const hash = createHash('sha256');
  const all = paths.flatMap((p) => files(join(ROOT, p))).sort();
  for (const file of all) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file in dist/ with its content hash. */
function outputs(): Record<string, string> {
  return Object.fromEntries(files(join(ROOT, 'dist')).map((file) => [relative(ROOT, file), sha256(file)]));
}

/** dist/ still holds every file the build made, unchanged, and nothing else (runs write nothing there). */
function sameOutputs(built: Record<string, string>): boolean {
  const now = outputs();
  return (
    Object.entries(built).every(([file, hash]) => now[file] === hash) &&
    Object.keys(now).every((file) => file in built)
  );
}

function upToDate(inputs: string): boolean {
  if (process.env.HASHCALC_TEST_REBUILD === '1') return false;
  if (!REQUIRED.every((p) => existsSync(join(ROOT, p)))) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as {
      inputs?: string;
      outputs?: Record<string, string>;
    };
    return stamp.inputs === inputs && stamp.outputs !== undefined && sameOutputs(stamp.outputs);
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock directory holding the owner's pid; a lock whose owner is gone is taken over. */
async function withLock<T>(work: () => T): Promise<T> {
  mkdirSync(STATE, { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {}
      // No pid yet: the owner is between mkdir and write; give it a moment before calling the lock stale.
      const since = (() => {
        try {
          return statSync(LOCK).mtimeMs;
        } catch {
          return Date.now(); // just released: try again
        }
      })();
      const stale = owner > 0 ? !alive(owner) : since < Date.now() - 5_000;
      if (stale || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export default async function setup(): Promise<void> {
  if (upToDate(digest(INPUTS))) return;
  await withLock(() => {
    // Another run may have built while this one waited for the lock.
    const inputs = digest(INPUTS);
    if (upToDate(inputs)) return;
    rmSync(STAMP, { force: true });
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit', env: childEnv() });
    // An input edited while the build ran: the next run builds again.
    if (digest(INPUTS) === inputs) writeFileSync(STAMP, JSON.stringify({ inputs, outputs: outputs() }));
  });
}
