/** Where hashcalc caches: no zod, no fs, so any command can ask cheaply. */
import { isAbsolute, join } from 'node:path';
import { homeDirectory } from '../context.js';
import { UsageError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The cache directory, or null when there is no usable home directory to put it in (then nothing is cached). */
export function cacheDirectory(env: Env, platform: string = process.platform): string | null {
  if (env.HASHCALC_CACHE_DIR) {
    // A relative path would put the cache wherever the command happens to run.
    if (!isAbsolute(env.HASHCALC_CACHE_DIR))
      throw new UsageError(
        `HASHCALC_CACHE_DIR: expected an absolute path, got ${JSON.stringify(env.HASHCALC_CACHE_DIR)}`,
      );
    return env.HASHCALC_CACHE_DIR;
  }
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'hashcalc');
  const home = homeDirectory(env, platform);
  if (!home) return null;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'hashcalc');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'hashcalc', 'Cache');
  return join(home, '.cache', 'hashcalc');
}

/** Where cacheDirectory(env) takes its path from (the same order). */
export function cacheDirectorySource(
  env: Env,
  platform: string = process.platform,
): 'HASHCALC_CACHE_DIR' | 'XDG_CACHE_HOME' | 'default' | 'none' {
  if (env.HASHCALC_CACHE_DIR) return 'HASHCALC_CACHE_DIR';
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return 'XDG_CACHE_HOME';
  return homeDirectory(env, platform) ? 'default' : 'none';
}
