/**
 * The one atomic file writer: the content goes to a unique temporary file beside the target (created
 * exclusively), then a rename replaces the target in one step, so a reader sees the old file or the new one,
 * never half of one, and concurrent writers never corrupt it. On failure the temporary file is removed and
 * the error is thrown. Synchronous fs on purpose: node:fs is loaded at startup anyway, fs/promises and crypto
 * would cost module loading on every run; the files are small.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: { mode?: number; makeDirectory?: boolean } = {},
): Promise<void> {
  const dir = dirname(file);
  const temp = join(
    dir,
    `.${basename(file)}.${process.pid}.${Date.now()}.${++counter}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    if (options.makeDirectory) mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content, {
      ...(typeof content === 'string' ? { encoding: 'utf8' as const } : {}),
      mode: options.mode ?? 0o644,
      flag: 'wx',
    });
    await renameWithRetry(temp, file);
    // Ages by the filesystem's clock (the file just written is "now"), not this process's: a clock set
    // elsewhere (a VM, faketime) must never make a concurrent writer's fresh temp file look stale.
    removeStaleTemps(dir, basename(file), lstatSync(file).mtimeMs);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {}
    throw error;
  }
}

/** A temp file older than this is left over from an interrupted write (a live write takes milliseconds). */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes the temp files of interrupted writes of `name` (ours by their name: `.<name>.<pid>....tmp`), older
 * than a minute before `nowMs` (the filesystem's time), so a run killed mid-write leaves nothing behind for
 * long. Never fails the write.
 */
export function removeStaleTemps(dir: string, name: string, nowMs: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of names) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const path = join(dir, entry);
    try {
      const stat = lstatSync(path);
      if (stat.isFile() && nowMs - stat.mtimeMs > STALE_TEMP_MS) unlinkSync(path);
    } catch {}
  }
}

/** rename() replaces atomically; on Windows a reader holding the target open makes it fail briefly. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
