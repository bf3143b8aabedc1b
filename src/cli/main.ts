/** The only module that touches `process`: builds the context, runs, sets process.exitCode. */
import { type Context, decideColorLevel } from './context.js';
import { argvFlags, run } from './program.js';

export { run };

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
    colorLevel: decideColorLevel(
      process.env,
      process.stdout.isTTY === true,
      argvFlags(argv).includes('--no-color'),
    ),
  };
  process.exitCode = await run(argv, ctx);
}
