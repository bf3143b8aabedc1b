/**
 * Reading a cache file without ever blocking: opened non-blocking (a FIFO with no writer, or a device, in its
 * place would otherwise hang every command, --offline included), checked to be a regular file on the open
 * descriptor (no race between a check and the open), and read only up to a size cap. Synchronous on purpose,
 * like the rest of the cache code (node:fs is loaded at startup anyway).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type SafeRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'not-regular' | 'too-large'; sizeBytes: number };

/** Throws the fs error (ENOENT, EACCES, ...) when the file cannot be opened at all. */
export function readRegularFile(file: string, maxBytes: number): SafeRead {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-regular', sizeBytes: 0 };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', sizeBytes: stat.size };
    // Read up to the cap plus one byte: a file growing while it is read is still capped.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { ok: false, reason: 'too-large', sizeBytes: length };
      if (length === buffer.length) break;
    }
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

export function mebibytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}
