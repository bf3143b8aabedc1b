/**
 * The data-source flags of every command that needs network data. Declarations only (commander), so the
 * program can describe them at startup without loading the data layer or validation code.
 */
import { type Command, Option } from 'commander';

const GROUP = 'Data sources (live by default; fallback: cache, then the embedded snapshot):';

/** Adds the data-source flags (live sources, cache, fallback) to a command. */
export function addDataOptions(command: Command): Command {
  const add = (flags: string, description: string) =>
    command.addOption(new Option(flags, description).helpGroup(GROUP));
  add('--offline', 'use no network: the cache, then the embedded snapshot (also HASHCALC_OFFLINE=1)');
  add('--refresh', 'fetch live data even when the cache is fresh');
  add('--require-live', 'fail (exit 1) instead of falling back to the cache or the snapshot');
  add('--max-age <DURATION>', 'fail (exit 1) when the data used is older than this (e.g. 90s, 10m, 2h, 1d)');
  add(
    '--mempool-url <URL>',
    'mempool instance to use, public or your own (e.g. http://umbrel.local:3006; also HASHCALC_MEMPOOL_URL; default https://mempool.space)',
  );
  add('--timeout <MS>', 'time allowed per request in ms, retries included (default 5000; 5s also accepted)');
  add('--max-divergence <FRACTION>', 'warn when two sources differ by more than this (default 2%)');
  return command;
}
