/**
 * The `doctor` document: one check per thing hashcalc depends on (Node, the config file, the cache directory,
 * the proxy, each live source), each ok / warn / fail / skip with one line of detail. Pure: shapes what the
 * command found (src/data/doctor.ts for the cache, proxy and sources) as it is.
 */
import type { CacheHealth, ProxyInUse, SourceProbe } from '../data/doctor.js';
import type { DoctorReport } from './doctor-schema.js';
import { DOCUMENT_VERSIONS } from './documents.js';

type Check = DoctorReport['checks'][number];
type SourceId = DoctorReport['sources'][number]['source'];

export const MIN_NODE = [20, 18] as const;
export const COMPILE_CACHE_NODE = [22, 1] as const;

const atLeast = (version: string, [major, minor]: readonly [number, number]) => {
  const [a = 0, b = 0] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

export interface DoctorFindings {
  nodeVersion: string;
  config: {
    path: string | null;
    pathFrom: DoctorReport['config']['pathFrom'];
    exists: boolean;
    /** The input layers' one-line error for an invalid file (or env value); null when valid. */
    error: string | null;
    /** How many inputs the file sets (when valid). */
    inputs: number;
  };
  /** null without a usable home directory (nothing cached). */
  cache: CacheHealth | null;
  /** HASHCALC_CACHE_DIR refused (a relative path): the one-line reason. */
  cacheError: string | null;
  proxy: ProxyInUse;
  /** null with --offline: every source skipped. */
  sources: SourceProbe[] | null;
  /** The sources that would be asked (for the skipped lines). */
  hosts: Record<SourceId, string>;
}

const SOURCE_NAMES: Record<SourceId, string> = {
  mempool: 'mempool',
  'blockchain.info': 'blockchain.info',
  coingecko: 'CoinGecko',
};

function kib(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 ? `${bytes} B` : `${Number((bytes / 1024).toFixed(1))} KiB`;
}

function nodeCheck(version: string): { check: Check; node: DoctorReport['node'] } {
  const supported = atLeast(version, MIN_NODE);
  const compileCache = atLeast(version, COMPILE_CACHE_NODE);
  const v = `v${version.replace(/^v/, '')}`;
  return {
    node: { version: v, supported, compileCache },
    check: {
      id: 'node',
      name: 'Node.js',
      status: supported ? 'ok' : 'fail',
      detail: supported
        ? compileCache
          ? `${v}; compile cache on`
          : `${v}; no compile cache (Node >= 22.1 starts faster)`
        : `${v}; hashcalc needs Node >= ${MIN_NODE.join('.')}`,
    },
  };
}

function configCheck(c: DoctorFindings['config']): Check {
  const where = c.path ?? 'none';
  const from = c.pathFrom === 'HASHCALC_CONFIG' ? ' (HASHCALC_CONFIG)' : '';
  if (c.path === null)
    return {
      id: 'config',
      name: 'config file',
      status: 'warn',
      detail: 'no usable home directory: no config file is read (set HASHCALC_CONFIG)',
    };
  if (c.error !== null) return { id: 'config', name: 'config file', status: 'fail', detail: c.error };
  if (!c.exists)
    return {
      id: 'config',
      name: 'config file',
      status: c.pathFrom === 'HASHCALC_CONFIG' ? 'fail' : 'ok',
      detail: `${where}${from}: not present${c.pathFrom === 'HASHCALC_CONFIG' ? '' : ' (optional; hashcalc init writes an example)'}`,
    };
  return {
    id: 'config',
    name: 'config file',
    status: 'ok',
    detail: `${where}${from}: valid, sets ${c.inputs} input${c.inputs === 1 ? '' : 's'}`,
  };
}

function cacheCheck(cache: CacheHealth | null, error: string | null): Check {
  if (error !== null) return { id: 'cache', name: 'cache', status: 'fail', detail: error };
  if (cache === null)
    return {
      id: 'cache',
      name: 'cache',
      status: 'warn',
      detail: 'no usable home directory: nothing is cached (set HASHCALC_CACHE_DIR)',
    };
  const problems = cache.files.filter((f) => f.state === 'problem');
  const present = cache.files.filter((f) => f.state === 'ok');
  if (!cache.writable)
    return {
      id: 'cache',
      name: 'cache',
      status: 'fail',
      detail: `${cache.dir}: not writable${cache.exists ? '' : ' (nor can it be created)'}; nothing can be cached`,
    };
  if (problems.length > 0)
    return {
      id: 'cache',
      name: 'cache',
      status: 'warn',
      detail: `${problems.map((f) => f.problem).join('; ')} (ignored, rewritten on the next fetch)`,
    };
  const files =
    present.length === 0
      ? cache.exists
        ? 'no cache files yet'
        : 'not created yet'
      : present.map((f) => `${f.name} ${kib(f.sizeBytes)}`).join(', ');
  return { id: 'cache', name: 'cache', status: 'ok', detail: `${cache.dir}: writable; ${files}` };
}

function proxyCheck(proxy: ProxyInUse): Check {
  if (proxy.problem !== null) return { id: 'proxy', name: 'proxy', status: 'fail', detail: proxy.problem };
  const parts: string[] = [];
  if (proxy.https) parts.push(`https via ${proxy.https}`);
  if (proxy.http && proxy.http !== proxy.https) parts.push(`http via ${proxy.http}`);
  else if (proxy.http) parts[0] = `http and https via ${proxy.http}`;
  if (proxy.noProxy) parts.push(`NO_PROXY=${proxy.noProxy}`);
  return {
    id: 'proxy',
    name: 'proxy',
    status: 'ok',
    detail:
      parts.length === 0 ? 'none (HTTPS_PROXY, HTTP_PROXY unset): direct connections' : parts.join('; '),
  };
}

export function doctorReport(f: DoctorFindings): DoctorReport {
  const node = nodeCheck(f.nodeVersion);
  const order: SourceId[] = ['mempool', 'blockchain.info', 'coingecko'];
  const sources: DoctorReport['sources'] = [];
  const sourceChecks: Check[] = [];
  for (const id of order) {
    const probe = f.sources?.find((p) => p.source === id);
    const name = SOURCE_NAMES[id];
    if (f.sources === null || !probe) {
      sources.push({ source: id, host: f.hosts[id], url: null, status: 'skip', elapsedMs: null });
      sourceChecks.push({ id, name, status: 'skip', detail: `${f.hosts[id]}: not asked (--offline)` });
      continue;
    }
    const status = probe.reached ? 'ok' : 'fail';
    sources.push({ source: id, host: probe.host, url: probe.url, status, elapsedMs: probe.elapsedMs });
    sourceChecks.push({
      id,
      name,
      status,
      detail: probe.reached
        ? `${probe.host} answered in ${probe.elapsedMs} ms (${probe.detail})`
        : `${probe.detail}; after ${probe.elapsedMs} ms`,
    });
  }
  const checks: Check[] = [
    node.check,
    configCheck(f.config),
    cacheCheck(f.cache, f.cacheError),
    proxyCheck(f.proxy),
    ...sourceChecks,
  ];
  return {
    schemaVersion: DOCUMENT_VERSIONS.doctor,
    command: 'doctor',
    ok: checks.every((c) => c.status !== 'fail'),
    checks,
    node: node.node,
    config: {
      path: f.config.path,
      pathFrom: f.config.pathFrom,
      exists: f.config.exists,
      valid: f.config.exists || f.config.error !== null ? f.config.error === null : null,
    },
    cache: f.cache
      ? {
          dir: f.cache.dir,
          exists: f.cache.exists,
          writable: f.cache.writable,
          files: f.cache.files.map((file) => ({
            name: file.name,
            state: file.state,
            sizeBytes: file.sizeBytes,
            problem: file.problem,
          })),
        }
      : { dir: null, exists: false, writable: false, files: [] },
    proxy: { http: f.proxy.http, https: f.proxy.https, noProxy: f.proxy.noProxy },
    sources,
  };
}
