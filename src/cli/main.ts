/** The only module that touches `process` (with stdio.ts): builds the context, runs, sets process.exitCode. */
import { type Context, decideColorLevel } from '../context.js';
import { run } from './program.js';
import { pendingBytes, stdioWriter } from './stdio.js';

export { run };

export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // A failed write to stdout: a closed pipe (`hashcalc ... | head`) ends quietly; anything else (a full disk,
  // an I/O error) is one line on stderr and exit 1. The process is never exited early, so buffered output
  // still drains in the normal case.
  let writeFailed = false;
  // Nowhere left to report a failed write to stderr: keep the exit code, do not crash.
  const stderr = stdioWriter(2, () => {});
  const stdout = stdioWriter(1, (error) => {
    if (error.code === 'EPIPE') {
      process.exitCode ??= 0;
      return;
    }
    if (writeFailed) return;
    writeFailed = true;
    stderr.write(`hashcalc: cannot write output: ${error.code ?? error.message}\n`);
    process.exitCode = 1;
  });
  // Ctrl-C: stop at once with the conventional 128 + SIGINT.
  process.once('SIGINT', () => {
    stderr.write('\n');
    process.exit(130);
  });
  const ctx: Context = {
    stdout,
    stderr,
    env: process.env,
    now: () => Date.now(),
    // A function: process.stdin is only created when a command reads `-` (--scenario -, --data -).
    stdin: () => process.stdin,
    // --no-color is commander's: the program turns colour off for the command it runs.
    colorLevel: decideColorLevel(process.env, stdout.isTTY === true, false),
  };
  const code = await run(argv, ctx);
  process.exitCode = writeFailed ? 1 : code;
  // Done, and everything written has been handed to the OS: exit now rather than tear the heap down (a
  // natural exit frees it page by page, ~10 ms after a large projection). One turn of the loop first, so a
  // failed write's error event has set the exit code. Output still buffered (a slow pipe on macOS) drains
  // by the natural exit instead.
  setImmediate(() => {
    if (pendingBytes(stdout) === 0 && pendingBytes(stderr) === 0)
      process.exit(writeFailed ? 1 : process.exitCode);
  });
}
