/** The one injected context: everything a command may touch outside pure code. */

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isAbsolute } from 'node:path';

export interface Writer {
  /** Text; bytes only on stdout, for a binary format (--format xlsx). */
  write(chunk: string | Uint8Array): unknown;
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
  /** Standard input, for a file given as `-` (--scenario -, --data -); absent: `-` is refused. */
  stdin?: () => AsyncIterable<Uint8Array>;
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

/**
 * Columns notes on stderr wrap to when stderr is a terminal: COLUMNS when set, else the terminal's width, else
 * 100; null when stderr is not a terminal (pipes, CI logs): there each note stays one line, for scripts.
 */
export function stderrWidth(ctx: Pick<Context, 'env' | 'stderr'>): number | null {
  if (ctx.stderr.isTTY !== true) return null;
  const fromEnv = Number.parseInt(ctx.env.COLUMNS ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv >= 20 && fromEnv <= 1000) return fromEnv;
  if (typeof ctx.stderr.columns === 'number' && ctx.stderr.columns >= 20) return ctx.stderr.columns;
  return 100;
}

// Reading a user's file: at most a limit, only regular files (or standard input as `-`) -----------------------

/**
 * Why a file could not be read, as the end of a one-line message ("is a pipe (FIFO), not a regular file ...");
 * `overLimit` when it holds more than the limit (`sizeBytes` when stat knew the size), for the caller's words.
 */
export class ReadProblem extends Error {
  constructor(
    message: string,
    readonly overLimit: { sizeBytes: number | null } | null = null,
  ) {
    super(message);
  }
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);
const overLimit = (limitBytes: number, sizeBytes: number | null) =>
  new ReadProblem(
    `is ${sizeBytes === null ? 'more than' : `${(sizeBytes / MIB).toFixed(1)} MiB, more than`} the ${sizeText(limitBytes)} allowed`,
    { sizeBytes },
  );

function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device';
  if (stat.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

/**
 * A regular file's bytes, at most `limitBytes`: opened without blocking (a FIFO with no writer must not hang),
 * refused when it is not a regular file (pipe, device, socket, directory) or holds more than the limit
 * (counting what is read, not the size stat reports). Throws ReadProblem, or the open's error (ENOENT, ...).
 */
export function readFileLimited(path: string, limitBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) throw new ReadProblem(`${kind}, not a regular file`);
    if (stat.size > limitBytes) throw overLimit(limitBytes, stat.size);
    // One byte past the limit is room enough to tell "at the limit" from "over it".
    let buffer = Buffer.allocUnsafe(Math.min(limitBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limitBytes) throw overLimit(limitBytes, null);
        const grown = Buffer.allocUnsafe(Math.min(limitBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Standard input's bytes, at most `limitBytes` (an endless stream stops being read past it). */
export async function readStdinLimited(stdin: Context['stdin'], limitBytes: number): Promise<Buffer> {
  if (!stdin) throw new ReadProblem('standard input is not available here; give a file');
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stdin()) {
    length += chunk.length;
    if (length > limitBytes) throw overLimit(limitBytes, null);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}
