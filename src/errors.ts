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
    super(message);
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
