/**
 * The `cache` document: where the cache directory is, each of hashcalc's files in it (size, age, valid or
 * not), network.json's entries per source and instance with their age, history.json's series with their day
 * ranges, and with --clear what was removed. Pure: shapes the data layer's descriptions as they are.
 */
import type { CacheDescription } from '../data/cache.js';
import type { CacheFileStat, ClearResult } from '../data/cache-files.js';
import type { HistoryCacheDescription } from '../data/history/cache.js';
import type { CacheReport } from './cache-schema.js';
import { DOCUMENT_VERSIONS } from './documents.js';

export interface CacheContext {
  directory: Omit<CacheReport['directory'], 'sizeBytes'>;
  files: readonly CacheFileStat[];
  network: CacheDescription;
  history: HistoryCacheDescription;
  cleared: ClearResult | null;
  nowMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const age = (ms: number, nowMs: number) => Math.round((nowMs - ms) / 1000);

export function cacheReport({
  directory,
  files,
  network,
  history,
  cleared,
  nowMs,
}: CacheContext): CacheReport {
  const problemOf = (file: CacheFileStat): string | undefined =>
    file.kind === 'network' ? network.problem : file.kind === 'history' ? history.problem : undefined;
  return {
    schemaVersion: DOCUMENT_VERSIONS.cache,
    command: 'cache',
    directory: { ...directory, sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0) },
    files: files.map((file) => {
      const problem = problemOf(file);
      return {
        name: file.name,
        path: file.path,
        kind: file.kind,
        status:
          file.type === 'absent'
            ? 'absent'
            : file.type === 'other'
              ? 'not-a-file'
              : file.kind === 'temporary'
                ? 'temporary'
                : problem
                  ? 'invalid'
                  : 'valid',
        sizeBytes: file.sizeBytes,
        modifiedAt: file.modifiedMs === null ? null : iso(file.modifiedMs),
        ageSeconds: file.modifiedMs === null ? null : age(file.modifiedMs, nowMs),
        problem: file.type === 'absent' ? null : (problem ?? null),
      };
    }),
    network: network.entries.map((e) => ({
      quantity: e.quantity,
      origin: e.origin,
      instance: e.instance,
      asOf: iso(e.asOfMs),
      fetchedAt: iso(e.fetchedAtMs),
      ageSeconds: age(e.fetchedAtMs, nowMs),
      fresh: e.fresh,
    })),
    history: {
      instance: history.instance,
      series: history.series.map((s) => ({
        series: s.series,
        rows: s.rows,
        firstDay: s.firstDay,
        lastDay: s.lastDay,
        fetchedAt: iso(s.fetchedAtMs),
        ageSeconds: age(s.fetchedAtMs, nowMs),
      })),
    },
    cleared: cleared && {
      removed: cleared.removed.map((f) => ({ name: f.name, path: f.path, sizeBytes: f.sizeBytes })),
      kept: cleared.kept.map((f) => ({ name: f.name, path: f.path })),
      failed: cleared.failed.map(({ file, error }) => ({ name: file.name, path: file.path, error })),
      directoryRemoved: cleared.directoryRemoved,
    },
  };
}
