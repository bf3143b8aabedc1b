/** One error type carrying an exit code; the outermost layer turns it into one line on stderr. */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_THRESHOLD = 3;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    // The message is one line on stderr: what it quotes from outside cannot forge a line or drive the terminal.
    super(escapeControl(message));
    this.name = 'CliError';
  }
}

/** Bad flag, bad value, unknown model: exit 2. The message names the flag and what is accepted. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
    this.name = 'UsageError';
  }
}

/** Data could not be had, or a runtime failure: exit 1. */
export class DataError extends CliError {
  constructor(message: string) {
    super(message, EXIT_FAILURE);
    this.name = 'DataError';
  }
}

/** Control characters, C1 controls and bidi overrides: they move the cursor, change the terminal or forge lines. */
const CONTROL = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;
const CONTROL_KEEP_NEWLINE = /(?!\n)[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const shown = (c: string) => {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text from outside (server strings, file contents, env values, arguments) made safe to echo on a terminal:
 * control characters are shown as escapes (`\n`, `\x1b`), so they neither forge a line nor change the
 * terminal. Idempotent (a backslash is left as it is). `keepNewlines` keeps line breaks our own text makes.
 */
export function escapeControl(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_KEEP_NEWLINE : CONTROL, shown);
}
