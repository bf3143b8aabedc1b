/**
 * A progress spinner on stderr while network data is fetched: drawn only after a delay (a fast answer shows
 * nothing), cleared before anything else is written. The caller decides when it is allowed (a TTY on stderr,
 * never with --json).
 */
import type { Writer } from '../context.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
export const SPINNER_DELAY_MS = 300;
/** The longest delay a timer takes; a longer one (or Infinity) would fire at once, so it means never. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Starts the spinner; returns the function that stops it and clears its line. */
export function startSpinner(
  stream: Writer,
  text: string,
  delayMs = SPINNER_DELAY_MS,
  intervalMs = 80,
): () => void {
  let frame = 0;
  let drawn = false;
  let interval: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${text}`);
    drawn = true;
  };
  const delay =
    delayMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          draw();
          interval = setInterval(draw, intervalMs);
          interval.unref?.();
        }, delayMs)
      : undefined;
  delay?.unref?.();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(delay);
    if (interval) clearInterval(interval);
    if (drawn) stream.write('\r\u001b[K');
  };
}
