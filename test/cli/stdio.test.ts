/**
 * stdout and stderr where they are not a terminal (src/cli/stdio.ts): written straight to the descriptor,
 * whole, in order; a failed write reported once and every later write dropped.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DescriptorWriter, isPlainDescriptor, pendingBytes } from '../../src/cli/stdio.js';

const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-stdio-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('isPlainDescriptor', () => {
  it('a regular file and /dev/null are plain (no terminal); Windows always gets Node streams', () => {
    const fd = openSync(join(scratch, 'plain.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(isPlainDescriptor(fd)).toBe(true);
      expect(isPlainDescriptor(devNull)).toBe(true);
      expect(isPlainDescriptor(fd, 'win32')).toBe(false);
    } finally {
      closeSync(fd);
      closeSync(devNull);
    }
  });

  it('a descriptor that is not open is not plain (Node streams then decide)', () => {
    expect(isPlainDescriptor(987_654)).toBe(false);
  });
});

describe('DescriptorWriter', () => {
  it('writes every chunk whole and in order, multi-byte characters included; nothing is left pending', () => {
    const file = join(scratch, 'out.txt');
    const fd = openSync(file, 'w');
    const writer = new DescriptorWriter(fd);
    const big = 'x'.repeat(300_000);
    try {
      expect(writer.write('hashprice €35 ⠋\n')).toBe(true);
      expect(writer.write(big)).toBe(true);
      expect(writer.write('')).toBe(true);
      expect(writer.write('end\n')).toBe(true);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(`hashprice €35 ⠋\n${big}end\n`);
    expect(writer.isTTY).toBe(false);
    expect(pendingBytes(writer)).toBe(0);
  });

  const hasDevFull = existsSync('/dev/full');
  it.skipIf(!hasDevFull)('a failed write (ENOSPC) is reported once; later writes are dropped', () => {
    const fd = openSync('/dev/full', 'w');
    const errors: string[] = [];
    const writer = new DescriptorWriter(fd, (error) => errors.push(String(error.code)));
    try {
      expect(writer.write('a')).toBe(false);
      expect(writer.write('b')).toBe(false);
    } finally {
      closeSync(fd);
    }
    expect(errors).toEqual(['ENOSPC']);
    expect(writer.failure?.code).toBe('ENOSPC');
  });

  it('a closed descriptor (EBADF) is a failed write, not a crash', () => {
    const fd = openSync(join(scratch, 'closed.txt'), 'w');
    closeSync(fd);
    const errors: string[] = [];
    const writer = new DescriptorWriter(fd, (error) => errors.push(String(error.code)));
    expect(writer.write('x')).toBe(false);
    expect(errors).toEqual(['EBADF']);
  });
});
