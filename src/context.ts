/** The one injected context: everything a command may touch outside pure code. */

import { isAbsolute } from 'node:path';

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface Context {
  stdout: Writer;
  stderr: Writer;
  env: Readonly<Record<string, string | undefined>>;
  /** Unix ms. */
  now(): number;
  /** undici Dispatcher for HTTP; undefined means "build the production one on first fetch". */
  dispatcher?: unknown;
  /** Colour level for stdout: 0 none, 1 basic, 2 256, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Waits; tests pass one that returns at once (retry backoff, spinner delay). Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds before the spinner is drawn (default 300); tests set 0 or a large value. */
  spinnerDelayMs?: number;
}

/** Colour decision: --no-color and NO_COLOR turn it off, FORCE_COLOR forces it, otherwise only on a TTY. */
export function decideColorLevel(env: Context['env'], isTTY: boolean, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
}

/**
 * The user's home directory when it is usable (an absolute path), else null. Without one, hashcalc reads no
 * config and caches nothing: never the current directory, which a repository could control.
 */
export function homeDirectory(env: Context['env'], platform: string = process.platform): string | null {
  const home = platform === 'win32' ? env.USERPROFILE || env.HOME : env.HOME;
  return home && isAbsolute(home) ? home : null;
}

export const NO_HOME_NOTE =
  'no usable home directory (HOME is unset, empty or not absolute): reading no config file and caching nothing';

/** Columns output is laid out for: COLUMNS when set, else the terminal's width on a TTY, else 100. */
export function terminalWidth(ctx: Pick<Context, 'env' | 'stdout'>): number {
  const fromEnv = Number.parseInt(ctx.env.COLUMNS ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv >= 20 && fromEnv <= 1000) return fromEnv;
  if (ctx.stdout.isTTY === true && typeof ctx.stdout.columns === 'number' && ctx.stdout.columns >= 20)
    return ctx.stdout.columns;
  return 100;
}
