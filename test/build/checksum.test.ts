/**
 * The code cache loader's checksum (src/checksum.ts): the WebAssembly module against vectors computed
 * outside JavaScript, against the BigInt reference on random data, in place on files read into its memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecksumArena, checksumReference } from '../../src/checksum.js';

const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-checksum-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Computed with Python's integers (arbitrary precision, so no JavaScript number or BigInt is involved):
 *   h = 0xcbf29ce484222325
 *   for each 8-byte little-endian word w (the last zero-padded): h = ((h ^ w) * 0x100000001b3) & M; h ^= h >> 29
 *   h ^= len; h ^= h >> 33; h = (h * 0xff51afd7ed558ccd) & M; h ^= h >> 33; h = (h * 0xc4ceb9fe1a85ec53) & M;
 *   h ^= h >> 33        (M = 2^64 - 1)
 */
const VECTORS: [string, Uint8Array, string][] = [
  ['empty', new Uint8Array(0), 'efd01f60ba992926'],
  ['"a" (one byte, one padded word)', Buffer.from('a'), '7b13a758131cf1f6'],
  ['"hashcalc" (one whole word)', Buffer.from('hashcalc'), '372e7af01a45e2d4'],
  ['"hashcalc-code-cache/3" (21 bytes)', Buffer.from('hashcalc-code-cache/3'), '61d7b0772125b7e6'],
  [
    'bytes 0..255 four times',
    Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)),
    '8c699088241634f5',
  ],
];

describe('checksum', () => {
  const arena = new ChecksumArena();

  it.each(VECTORS)('%s: the module and the reference give the vector', (_name, data, expected) => {
    expect(arena.checksum(data)).toBe(expected);
    expect(checksumReference(data)).toBe(expected);
  });

  it('a string is checksummed as its UTF-8 bytes', () => {
    expect(arena.checksum('hashcalc-code-cache/3')).toBe('61d7b0772125b7e6');
    expect(arena.checksum('€')).toBe(checksumReference(Buffer.from('€', 'utf8')));
  });

  it('the module equals the reference on random data of every length mod 8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (data) => {
        expect(arena.checksum(data)).toBe(checksumReference(data));
      }),
      { numRuns: 300 },
    );
  });

  it('changing any one byte changes the checksum, and its first 8 hex digits (file names)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (data, at, flip) => {
          const changed = Uint8Array.from(data);
          const i = at % data.length;
          changed[i] = (changed[i] as number) ^ flip;
          const [a, b] = [arena.checksum(data), arena.checksum(changed)];
          expect(b).not.toBe(a);
          expect(b.slice(0, 8)).not.toBe(a.slice(0, 8));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a file is read into the memory whole and checksummed in place; the bytes after a view survive', () => {
    const data = Buffer.from(Array.from({ length: 200_003 }, (_, i) => (i * 7919) % 251));
    const file = join(scratch, 'data.bin');
    writeFileSync(file, data);
    const view = arena.readFile(file);
    expect(Buffer.from(view).equals(data)).toBe(true);
    // A prefix ending mid-word: the zeroed bytes after it are put back.
    expect(arena.checksum(view.subarray(0, 1001))).toBe(checksumReference(data.subarray(0, 1001)));
    expect(arena.checksum(view.subarray(17))).toBe(checksumReference(data.subarray(17)));
    expect(Buffer.from(view).equals(data)).toBe(true);
    expect(arena.checksum(view)).toBe(checksumReference(data));
  });

  it('a file larger than the memory gets a new memory: an earlier view is never detached', () => {
    // Growing a WebAssembly memory detaches its ArrayBuffer, which costs every later typed array access in
    // the process: the arena never grows one.
    const fresh = new ChecksumArena();
    const small = join(scratch, 'small.bin');
    writeFileSync(small, Buffer.from('hashcalc'));
    const first = fresh.readFile(small);
    const large = join(scratch, 'large.bin');
    const big = Buffer.alloc(3 * 1024 * 1024, 0x5a);
    writeFileSync(large, big);
    const second = fresh.readFile(large);
    expect(first.byteLength).toBe(8);
    expect(Buffer.from(first).toString()).toBe('hashcalc');
    expect(second.buffer).not.toBe(first.buffer);
    expect(fresh.checksum(second)).toBe(checksumReference(big));
    expect(fresh.checksum(first)).toBe('372e7af01a45e2d4');
  });

  it('reading a missing file throws (the loader reads that as no cache)', () => {
    expect(() => arena.readFile(join(scratch, 'missing'))).toThrow(/ENOENT/);
  });

  // wabt is not an npm dependency: with wat2wasm installed (Debian: wabt), the embedded bytes are held to the
  // module's text too.
  const wat = fileURLToPath(new URL('../../src/checksum.wat', import.meta.url));
  let wat2wasm = true;
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
  } catch {
    wat2wasm = false;
  }
  it.skipIf(!wat2wasm)('the embedded module is src/checksum.wat assembled', () => {
    const out = join(scratch, 'checksum.wasm');
    execFileSync('wat2wasm', [wat, '-o', out]);
    const source = readFileSync(fileURLToPath(new URL('../../src/checksum.ts', import.meta.url)), 'utf8');
    const embedded = /MODULE_BASE64 =\s*'([^']+)'/.exec(source)?.[1];
    expect(embedded).toBe(readFileSync(out).toString('base64'));
  });
});
