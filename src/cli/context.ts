/** The one injected context: everything a command may touch outside pure code. */

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
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
