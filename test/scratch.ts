/**
 * Every temporary file and folder a test makes goes under one folder of this run (TMPDIR, which os.tmpdir()
 * reads and the workers and their children inherit), removed when the run ends: a test that forgets to
 * clean up leaves nothing behind in the machine's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-suite-'));
  process.env.TMPDIR = scratch;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(scratch, { recursive: true, force: true });
  };
}
