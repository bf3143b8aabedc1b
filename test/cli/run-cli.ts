/**
 * Runs the CLI as a user would, in-process: `run(argv, ctx)` with a Context that collects stdout and stderr,
 * a private cache and config directory, no colour unless asked, a fixed clock (test/clock.ts), waits (retry
 * backoff, Retry-After) that return at once and a spinner that never draws. What only a real process shows (the shim, signals, a closed
 * pipe) uses `spawnCli` on the built binary instead; test/smoke has the rest of those.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { run } from '../../src/cli/program.js';
import { type Context, decideColorLevel } from '../../src/context.js';
import { childEnv } from '../child-env.js';
import { TEST_NOW_MS } from '../clock.js';

export const BIN = fileURLToPath(new URL('../../bin/hashcalc.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables that change the output and that a developer's shell may have set. */
const UNSET = ['FORCE_COLOR', 'NO_COLOR', 'HASHCALC_DEBUG', 'CI', 'COLUMNS'];

/** process.env minus UNSET, a private cache and config directory, then `overrides` (undefined unsets). */
export function cliEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'hashcalc-test-'));
  const merged: Record<string, string | undefined> = {
    ...process.env,
    XDG_CACHE_HOME: home,
    XDG_CONFIG_HOME: home,
  };
  for (const key of UNSET) delete merged[key];
  Object.assign(merged, overrides);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) env[key] = value;
  return env;
}

export interface ContextOptions {
  /** undici Dispatcher (loopback Agent or MockAgent); default: the production one, as the binary builds. */
  dispatcher?: unknown;
  stderrIsTTY?: boolean;
  /** Default: never drawn within a test. */
  spinnerDelayMs?: number;
  /** Default: returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Default: TEST_NOW_MS (test/clock.ts), fixed, so no output depends on the day the suite runs. */
  nowMs?: number;
  /** Default: as main.ts decides it for a non-TTY stdout. */
  colorLevel?: Context['colorLevel'];
}

/**
 * A Context as src/cli/main.ts builds it for a non-TTY stdout, writing into strings. The arguments are not
 * read (the program reads --no-color itself); kept so that callers name the run they make a context for.
 */
export function cliContext(
  _args: readonly string[],
  env: Record<string, string>,
  options: ContextOptions = {},
): { ctx: Context; stdout(): string; stdoutBytes(): Buffer; stderr(): string } {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const ctx: Context = {
    stdout: {
      write: (chunk: string | Uint8Array) => {
        if (typeof chunk === 'string') out += chunk;
        else bytes.push(chunk);
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (chunk: string | Uint8Array) => {
        err += String(chunk);
        return true;
      },
      isTTY: options.stderrIsTTY ?? false,
    },
    env,
    now: () => options.nowMs ?? TEST_NOW_MS,
    colorLevel: options.colorLevel ?? decideColorLevel(env, false, false),
    sleep: options.sleep ?? (() => Promise.resolve()),
    spinnerDelayMs: options.spinnerDelayMs ?? 3_600_000,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  };
  return { ctx, stdout: () => out, stdoutBytes: () => Buffer.concat(bytes), stderr: () => err };
}

export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const t = cliContext(args, cliEnv(env));
  const code = await run(args, t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

/**
 * The built binary in a child process, with the same environment as runCli (minus NODE_EXTRA_CA_CERTS). Its
 * clock is the real one: only what does not depend on the date belongs here.
 */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: childEnv(cliEnv(env)), timeout: 15_000 },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/**
 * A usage error as every command gives one: exit 2, nothing on stdout, one line on stderr. Returns stderr for
 * what the line must say.
 */
export function usageStderr(result: Pick<CliResult, 'code' | 'stdout' | 'stderr'>): string {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  return result.stderr;
}
