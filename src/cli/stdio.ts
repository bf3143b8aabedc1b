/**
 * The process's stdout and stderr as the context's writers (main.ts builds them; nothing else touches them).
 *
 * A terminal gets Node's own stream (process.stdout or process.stderr: columns, rows, resizes). Anything
 * else (a pipe, a file, a socket, /dev/null) on a POSIX system gets a writer that calls write(2) on the file
 * descriptor itself: Node writes those synchronously too (files always, pipes and sockets on Linux), but its
 * stream classes cost every run ~6 ms of loading (stream, net, tty; measured against `node -e 0`), a sixth of
 * what `compare --json` spends beyond it. Windows always gets Node's streams.
 *
 * A write to a descriptor that fails (EPIPE when the reader has gone, ENOSPC, EIO) is reported once through
 * `onError`, and every later write is dropped, as Node's stream would. EAGAIN (a descriptor someone left
 * non-blocking) waits a millisecond and tries again.
 */
import type { Writer } from '../context.js';

const { fstatSync, statSync, writeSync } = process.getBuiltinModule('node:fs');

export type StdioFd = 1 | 2;

/** True when `fd` is surely not a terminal: a pipe, a regular file, a socket or the null device (POSIX). */
export function isPlainDescriptor(fd: number, platform: string = process.platform): boolean {
  if (platform === 'win32') return false;
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO() || stat.isFile() || stat.isSocket()) return true;
    // A character device is a terminal, or /dev/null (what `>/dev/null` and an ignored stdio give).
    return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** A wait of `ms` that blocks the thread (EAGAIN's retry; no event loop turn is wanted mid-write). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Writes straight to a file descriptor, every byte before it returns. */
export class DescriptorWriter implements Writer {
  readonly isTTY = false;
  /** The first failed write's error; writes after it are dropped. */
  failure: NodeJS.ErrnoException | null = null;

  constructor(
    readonly fd: number,
    private readonly onError: (error: NodeJS.ErrnoException) => void = () => {},
  ) {}

  write(chunk: string | Uint8Array): boolean {
    if (this.failure !== null) return false;
    let bytes: Uint8Array | null = typeof chunk === 'string' ? null : chunk;
    let offset = 0;
    let length = bytes === null ? -1 : bytes.length;
    for (;;) {
      try {
        if (bytes === null) {
          // The common case: the whole string in one write(2), with no Buffer made for it.
          const written = writeSync(this.fd, chunk as string);
          length = Buffer.byteLength(chunk as string);
          if (written === length) return true;
          bytes = Buffer.from(chunk as string, 'utf8');
          offset = written;
        } else {
          offset += writeSync(this.fd, bytes, offset, length - offset);
          if (offset >= length) return true;
        }
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        if (failure.code === 'EAGAIN') {
          pause(1);
          continue;
        }
        this.failure = failure;
        this.onError(failure);
        return false;
      }
    }
  }
}

/** Bytes a writer still holds in memory (a Node stream on a slow terminal); 0 for a descriptor writer. */
export function pendingBytes(writer: Writer): number {
  return writer instanceof DescriptorWriter ? 0 : ((writer as NodeJS.WriteStream).writableLength ?? 0);
}

/** stdout or stderr: a descriptor writer where it is not a terminal, else Node's stream with `onError` on it. */
export function stdioWriter(fd: StdioFd, onError: (error: NodeJS.ErrnoException) => void): Writer {
  if (isPlainDescriptor(fd)) return new DescriptorWriter(fd, onError);
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on('error', onError);
  return stream;
}
