/** Runs the built binary as a user would, with a private cache dir and no colour unless asked. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/hashcalc.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const cacheHome = mkdtempSync(join(tmpdir(), 'hashcalc-test-'));
  const baseEnv: Record<string, string | undefined> = {
    ...process.env,
    XDG_CACHE_HOME: cacheHome,
    XDG_CONFIG_HOME: cacheHome,
  };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'HASHCALC_DEBUG', 'CI']) delete baseEnv[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...baseEnv, ...env }, timeout: 15_000 },
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
