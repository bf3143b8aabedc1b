/**
 * hashcalc's own files in its cache directory, for `hashcalc cache`: network.json, history.json and the
 * temporary files of interrupted writes (`.network.json.<...>.tmp`, `.history.json.<...>.tmp`, ours by their
 * name: see atomic-file.ts). Only lstat, readdir and unlink: nothing is opened, so a FIFO or a device in a
 * file's place never blocks, and only regular files are ever removed (never a directory, a link or anything
 * hashcalc did not name). No printing.
 */
import { lstatSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE } from './cache.js';
import { HISTORY_CACHE_FILE } from './history/cache.js';

export type CacheFileKind = 'network' | 'history' | 'temporary';

export interface CacheFileStat {
  name: string;
  path: string;
  kind: CacheFileKind;
  /** file: a regular file; other: something else in its place (a directory, a link, a FIFO, a device). */
  type: 'file' | 'other' | 'absent';
  sizeBytes: number;
  modifiedMs: number | null;
}

const OWN: readonly [string, CacheFileKind][] = [
  [CACHE_FILE, 'network'],
  [HISTORY_CACHE_FILE, 'history'],
];

const isTemporary = (name: string) =>
  name.endsWith('.tmp') && OWN.some(([own]) => name.startsWith(`.${own}.`));

function statOf(dir: string, name: string, kind: CacheFileKind): CacheFileStat {
  const path = join(dir, name);
  try {
    const stat = lstatSync(path);
    return {
      name,
      path,
      kind,
      type: stat.isFile() ? 'file' : 'other',
      sizeBytes: stat.isFile() ? stat.size : 0,
      modifiedMs: stat.mtimeMs,
    };
  } catch {
    return { name, path, kind, type: 'absent', sizeBytes: 0, modifiedMs: null };
  }
}

/** Whether `dir` is a directory (a link to one counts: a linked cache directory is fine). */
export function directoryExists(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** network.json and history.json (present or not), then any temporary files of interrupted writes. */
export function cacheFiles(dir: string): CacheFileStat[] {
  const files = OWN.map(([name, kind]) => statOf(dir, name, kind));
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {}
  for (const name of names.filter(isTemporary).sort()) files.push(statOf(dir, name, 'temporary'));
  return files;
}

export interface ClearResult {
  removed: CacheFileStat[];
  /** Present under one of hashcalc's names but not a regular file: left alone. */
  kept: CacheFileStat[];
  /** Files that could not be removed, with the error code. */
  failed: { file: CacheFileStat; error: string }[];
  /** The directory was removed too (only when `removeDirectory` and it was left empty). */
  directoryRemoved: boolean;
}

/**
 * Removes hashcalc's own regular files from `dir` (whatever their content: under these names they are
 * hashcalc's, and it would overwrite them anyway). With `removeDirectory` (the directory is hashcalc's own,
 * not one named by HASHCALC_CACHE_DIR), the directory too when nothing else is left in it.
 */
export function clearCacheFiles(dir: string, removeDirectory: boolean): ClearResult {
  const result: ClearResult = { removed: [], kept: [], failed: [], directoryRemoved: false };
  for (const file of cacheFiles(dir)) {
    if (file.type === 'absent') continue;
    if (file.type === 'other') {
      result.kept.push(file);
      continue;
    }
    try {
      unlinkSync(file.path);
      result.removed.push(file);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (code === 'ENOENT') continue; // removed meanwhile (a concurrent clear)
      result.failed.push({ file, error: typeof code === 'string' ? code : String(error) });
    }
  }
  if (removeDirectory) {
    try {
      rmdirSync(dir); // only an empty directory
      result.directoryRemoved = true;
    } catch {}
  }
  return result;
}
