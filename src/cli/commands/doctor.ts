/** `doctor`: checks of Node, the config file, the cache, the proxy and each live source; exit 1 when one fails. */
import { existsSync } from 'node:fs';
import { cacheDirectory } from '../../data/cache-dir.js';
import { inspectCache, probeSources, proxyInUse } from '../../data/doctor.js';
import { sourceInstances } from '../../data/sources/instances.js';
import { UsageError } from '../../errors.js';
import { configFilePath, layerInputs } from '../../inputs/layers.js';
import { INPUT_ROWS } from '../../inputs/table.js';
import { type DoctorFindings, doctorReport } from '../../report/doctor.js';
import type { CommandCall } from '../command-call.js';
import { sourcesFrom } from '../network-request.js';
import { emit, prepareInputs } from './shared.js';

export async function runDoctor(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const { ctx } = call;
  const { env } = ctx;
  const given = layered.given;

  // The config file, read by the input layers as every command reads it; invalid is a failed check here.
  const located = configFilePath(env);
  const config: DoctorFindings['config'] = {
    path: located?.path ?? null,
    pathFrom: located === null ? 'none' : located.explicit ? 'HASHCALC_CONFIG' : 'default',
    exists: located !== null && existsSync(located.path),
    error: null,
    inputs: 0,
  };
  try {
    const rows = INPUT_ROWS.filter((r) => r.env !== null || r.path !== null);
    const values = await layerInputs(rows, {}, env);
    config.inputs = Object.values(values.given).filter((g) => g.origin === 'config').length;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    config.error = error.message;
  }

  let cache: DoctorFindings['cache'] = null;
  let cacheError: string | null = null;
  try {
    const dir = cacheDirectory(env);
    cache = dir === null ? null : await inspectCache(dir);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    cacheError = error.message;
  }

  const sources = sourcesFrom(given, env);
  const instances = sourceInstances(sources);
  const host = (origin: string) => instances.find((i) => i.origin === origin)?.host ?? '';
  const offline = given.offline?.value === true;
  const timeoutMs = given.timeoutMs?.value as number | undefined;
  const report = doctorReport({
    nodeVersion: process.versions.node,
    config,
    cache,
    cacheError,
    proxy: proxyInUse(env),
    sources: offline
      ? null
      : await probeSources(ctx, { sources, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }),
    hosts: {
      mempool: host('mempool'),
      'blockchain.info': host('blockchain.info'),
      coingecko: host('coingecko'),
    },
  });
  await emit(ctx, layered, report, {
    document: async () => (await import('../../output/render-doctor.js')).doctorDocument,
    csv: (r) =>
      r.checks.map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        detail: c.detail,
        elapsedMs: r.sources.find((s) => s.source === c.id)?.elapsedMs ?? null,
      })),
  });
  return report.ok ? 0 : 1;
}
