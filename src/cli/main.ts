/** The only module that touches `process`: builds the context, runs, sets process.exitCode. */
import { type Context, decideColorLevel } from './context.js';
import { run } from './program.js';

export { run };

function argvWantsNoColor(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--no-color');
}

export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // A closed pipe (`hashcalc ... | head`) ends quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exitCode ??= 0;
  });
  // Ctrl-C: stop at once with the conventional 128 + SIGINT.
  process.once('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  const ctx: Context = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => Date.now(),
    colorLevel: decideColorLevel(process.env, process.stdout.isTTY === true, argvWantsNoColor(argv)),
  };
  process.exitCode = await run(argv, ctx);
}
