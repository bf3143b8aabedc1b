/** `cache`: where the cache directory is, what each of hashcalc's files in it holds and how old; --clear. */
import { describeCache } from '../../data/cache.js';
import { cacheDirectory, cacheDirectorySource } from '../../data/cache-dir.js';
import { cacheFiles, clearCacheFiles, directoryExists } from '../../data/cache-files.js';
import { describeHistoryCache } from '../../data/history/cache.js';
import { cacheReport } from '../../report/cache.js';
import type { CommandCall } from '../command-call.js';
import { emit, prepareInputs } from './shared.js';

export async function runCache(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const { env } = call.ctx;
  const nowMs = call.ctx.now();
  const dir = cacheDirectory(env);
  const from = cacheDirectorySource(env);
  const exists = dir !== null && directoryExists(dir);
  const files = dir !== null ? cacheFiles(dir) : [];
  const network = dir !== null && exists ? await describeCache(dir, nowMs) : { entries: [] };
  const history = dir !== null && exists ? describeHistoryCache(dir) : { instance: null, series: [] };
  const clear = layered.given.clear?.value === true;
  // The directory itself goes only when it is hashcalc's own: never one HASHCALC_CACHE_DIR names.
  const cleared =
    clear && dir !== null
      ? exists
        ? clearCacheFiles(dir, from !== 'HASHCALC_CACHE_DIR')
        : { removed: [], kept: [], failed: [], directoryRemoved: false }
      : null;
  const report = cacheReport({
    directory: { path: dir, from, exists },
    files,
    network,
    history,
    cleared,
    nowMs,
  });
  for (const { file, error } of cleared?.failed ?? [])
    call.ctx.stderr.write(`hashcalc: could not remove ${file.path} (${error})\n`);
  await emit(call.ctx, layered, report, {
    document: async () => (await import('../../output/render-cache.js')).cacheDocument,
    csv: (r) =>
      r.cleared
        ? r.cleared.removed.map((f) => ({ removed: f.path, sizeBytes: f.sizeBytes }))
        : [
            ...r.files.map((f) => ({
              file: f.name,
              what: f.status,
              instance: null,
              source: null,
              sizeBytes: f.sizeBytes,
              rows: null,
              firstDay: null,
              lastDay: null,
              asOf: null,
              fetchedAt: f.modifiedAt,
              ageSeconds: f.ageSeconds,
              fresh: null,
            })),
            ...r.network.map((e) => ({
              file: 'network.json',
              what: e.quantity,
              instance: e.instance,
              source: e.origin,
              sizeBytes: null,
              rows: null,
              firstDay: null,
              lastDay: null,
              asOf: e.asOf,
              fetchedAt: e.fetchedAt,
              ageSeconds: e.ageSeconds,
              fresh: e.fresh,
            })),
            ...r.history.series.map((s) => ({
              file: 'history.json',
              what: s.series,
              instance: r.history.instance?.api ?? null,
              source: 'mempool',
              sizeBytes: null,
              rows: s.rows,
              firstDay: s.firstDay,
              lastDay: s.lastDay,
              asOf: null,
              fetchedAt: s.fetchedAt,
              ageSeconds: s.ageSeconds,
              fresh: null,
            })),
          ],
  });
  return cleared && cleared.failed.length > 0 ? 1 : 0;
}
