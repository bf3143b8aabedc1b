/**
 * The code cache loader's checksum (src/loader.ts): 64 bits of a fast non-cryptographic hash, computed by a
 * 200-byte WebAssembly module (its text: src/checksum.wat) over files read straight into its memory. A check
 * against corruption and a name for a bundle, not a defence against an attacker.
 *
 * The memory is never grown: growing a WebAssembly memory detaches its old ArrayBuffer, and once any
 * ArrayBuffer has been detached V8 checks every typed array access in the process for it (a simulation,
 * all Float64Arrays, ran 10% slower). A file larger than the memory gets a new memory (and instance).
 *
 * Why not node:crypto: loading it costs every run 3.5-6 ms (it pulls in the stream modules; measured on Node
 * 20 here), and SHA-1 of the bundle and the cache ~1.2 ms more; this costs ~1.5 ms in all. Why not a loop in
 * JavaScript: cold, it ran ~4 ms over the bundle before V8 optimized it.
 *
 * The function, for every 64-bit little-endian word w of the data (zero-padded to a whole word), from
 * h = 0xcbf29ce484222325: h = (h xor w) x 0x100000001b3 mod 2^64, then h = h xor (h >> 29); at the end
 * h = h xor length, then murmur3's fmix64. `checksumReference` computes the same with BigInt (the tests hold
 * the module to it).
 */

const { closeSync, fstatSync, openSync, readSync } = process.getBuiltinModule('node:fs');

/** src/checksum.wat, assembled (wat2wasm 1.0.32). */
const MODULE_BASE64 =
  'AGFzbQEAAAABBwFgAn9/AX4CDwEDZW52Bm1lbW9yeQIAAQMCAQAHDAEIY2hlY2tzdW0AAAqUAQGRAQICfwF+IAAhAiAAIAFqIQNCpcaIocicp/lLIQQCQANAIAIgA08NASAEIAIpAwCFQrODgICAIH4hBCAEIARCHYiFIQQgAkEIaiECDAALCyAEIAGthSEEIAQgBEIhiIUhBCAEQs2Z1ur++uuof34hBCAEIARCIYiFIQQgBELT2JfU4b+u50R+IQQgBCAEQiGIhQs=';

const PAGE_BYTES = 65_536;

/** The little of the WebAssembly JS API used here (the project's TypeScript libs declare none of it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmApi };

interface Exports {
  checksum(start: number, length: number): bigint;
}

/** 1 MiB: the bundle and its caches (0.3-0.6 MB each) fit. */
const INITIAL_PAGES = 16;

/**
 * The module's memory as a place to read files into and checksum them. One file at a time: a read reuses
 * the memory, so a view from an earlier read is overwritten by the next.
 */
export class ChecksumArena {
  private readonly module: object;
  private memory!: WasmMemory;
  private exports!: Exports;

  constructor() {
    this.module = new wasm.Module(Buffer.from(MODULE_BASE64, 'base64'));
    this.use(INITIAL_PAGES);
  }

  private use(pages: number): void {
    this.memory = new wasm.Memory({ initial: pages });
    this.exports = new wasm.Instance(this.module, { env: { memory: this.memory } }).exports as Exports;
  }

  /**
   * The memory, able to hold `bytes` plus the word the last checksum step may read past them: this one, or a
   * new one when it is too small (never grown; views of the old one stay as they were).
   */
  private room(bytes: number): Uint8Array {
    const pages = Math.ceil((bytes + 8) / PAGE_BYTES);
    if (pages > this.memory.buffer.byteLength / PAGE_BYTES) this.use(pages);
    return new Uint8Array(this.memory.buffer);
  }

  /** A whole file's bytes, read into the memory (a view of it, valid until the next read or checksum). */
  readFile(path: string): Uint8Array {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const view = this.room(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, view, read, size - read, read);
        if (n === 0) break; // the file shrank meanwhile: what there is
        read += n;
      }
      return view.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * 16 hex digits: the checksum of `data`, in place when it is a view of this memory (from readFile), else
   * copied in first.
   */
  checksum(data: Uint8Array | string): string {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let start = bytes.byteOffset;
    if (bytes.buffer !== this.memory.buffer) {
      this.room(bytes.length).set(bytes);
      start = 0;
    }
    const memory = this.room(start + bytes.length);
    // The last word reads up to 7 bytes past the data: zero them for the call, then put them back.
    const end = start + bytes.length;
    const after = memory.slice(end, end + 8);
    memory.fill(0, end, end + 8);
    const sum = BigInt.asUintN(64, this.exports.checksum(start, bytes.length));
    memory.set(after, end);
    return sum.toString(16).padStart(16, '0');
  }
}

/** The same checksum in BigInt arithmetic: slow, plain, for the tests. */
export function checksumReference(data: Uint8Array): string {
  const mask = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < data.length; i += 8) {
    let word = 0n;
    for (let k = 7; k >= 0; k--) word = (word << 8n) | BigInt(data[i + k] ?? 0);
    h = ((h ^ word) * 0x100000001b3n) & mask;
    h ^= h >> 29n;
  }
  h ^= BigInt(data.length);
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & mask;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & mask;
  h ^= h >> 33n;
  return h.toString(16).padStart(16, '0');
}
