/** An in-process Context that captures stdout and stderr. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../../src/context.js';
import { TEST_NOW_MS } from '../../clock.js';

export interface TestContext {
  ctx: Context;
  stdout(): string;
  stderr(): string;
  /** Lines written to stderr, without the trailing newline. */
  warnings(): string[];
  cacheDir: string;
}

export function tempDir(prefix = 'hashcalc-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testContext(
  options: {
    env?: Record<string, string | undefined>;
    /** Default: TEST_NOW_MS (test/clock.ts), fixed. */
    nowMs?: number | (() => number);
    dispatcher?: unknown;
    stderrIsTTY?: boolean;
    cacheDir?: string;
    /** ctx.sleep (retry backoff, Retry-After); default none: the real timer. */
    sleep?: (ms: number) => Promise<void>;
    spinnerDelayMs?: number;
  } = {},
): TestContext {
  let out = '';
  let err = '';
  const cacheDir = options.cacheDir ?? tempDir();
  const now = options.nowMs;
  const ctx: Context = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.stderrIsTTY ?? false },
    env: { HASHCALC_CACHE_DIR: cacheDir, ...options.env },
    now: typeof now === 'function' ? now : () => now ?? TEST_NOW_MS,
    colorLevel: 0,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.spinnerDelayMs !== undefined ? { spinnerDelayMs: options.spinnerDelayMs } : {}),
  };
  return {
    ctx,
    stdout: () => out,
    stderr: () => err,
    warnings: () => err.split('\n').filter(Boolean),
    cacheDir,
  };
}
