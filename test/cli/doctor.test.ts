/**
 * `hashcalc doctor`: in-process with undici's MockAgent replaying the API fixtures at the real hosts (never the
 * internet), injected through the Context as every CLI test injects a dispatcher. Elapsed times are not asserted.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { doctorReport } from '../../src/report/doctor.js';
import { doctorOutputSchema } from '../../src/report/doctor-schema.js';
import {
  blockchainInfoRoutes,
  coingeckoRoutes,
  MEMPOOL_PATHS,
  mempoolRoutes,
} from '../data/helpers/fixtures.js';
import { errorWithCode, type MockSources, mockSources } from '../data/helpers/mock-sources.js';
import { hang, type LoopbackServer, startServer } from '../data/helpers/server.js';
import { cliContext, cliEnv } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hashcalc-doctor-'));
let mocks: MockSources | undefined;
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await mocks?.close();
  mocks = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** No proxy from the developer's shell: loopback servers are asked directly. */
const NO_PROXIES = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => /^(https?|no)_proxy$/i.test(k))
    .map((k) => [k, undefined]),
) as Record<string, undefined>;

async function doctor(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  sources?: MockSources,
) {
  const t = cliContext(['doctor', ...args], cliEnv(env), sources ? { dispatcher: sources.agent } : {});
  const code = await run(['doctor', ...args], t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

async function doctorJson(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  sources?: MockSources,
) {
  const result = await doctor([...args, '--json'], env, sources);
  return { ...result, report: doctorOutputSchema.parse(JSON.parse(result.stdout)) };
}

const check = (report: { checks: { id: string; status: string; detail: string }[] }, id: string) =>
  report.checks.find((c) => c.id === id);

describe('hashcalc doctor', () => {
  it('reaches every source through the injected dispatcher: every check passes (exit 0)', async () => {
    mocks = mockSources();
    const { code, report } = await doctorJson([], {}, mocks);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual([
      'node',
      'config',
      'cache',
      'proxy',
      'mempool',
      'blockchain.info',
      'coingecko',
    ]);
    expect(report.checks.map((c) => c.status)).not.toContain('fail');
    for (const id of ['mempool', 'blockchain.info', 'coingecko'])
      expect(check(report, id)?.status).toBe('ok');
    expect(check(report, 'mempool')?.detail).toMatch(/^mempool\.space answered in \d+ ms \(height [\d,]+\)$/);
    expect(check(report, 'coingecko')?.detail).toContain('api.coingecko.com answered');
    expect(report.sources.map((s) => s.host)).toEqual([
      'mempool.space',
      'blockchain.info',
      'api.coingecko.com',
    ]);
    expect(report.sources.every((s) => typeof s.elapsedMs === 'number')).toBe(true);
    // One request each, through the data layer's client.
    expect(mocks.calls['mempool:tip-height']).toBe(1);
    expect(mocks.calls['blockchain.info:getblockcount']).toBe(1);
    expect(mocks.calls['coingecko:simple-price']).toBe(1);
    expect(mocks.total()).toBe(3);
    expect(check(report, 'node')).toMatchObject({ status: 'ok' });
    expect(check(report, 'node')?.detail).toMatch(/^v\d+\.\d+\.\d+; (compile cache on|no compile cache)/);
    expect(check(report, 'config')?.detail).toContain('not present');
    expect(check(report, 'proxy')?.detail).toContain('none');
  });

  it('fails when one source is down, with its line (exit 1)', async () => {
    mocks = mockSources({ 'mempool:tip-height': { error: errorWithCode('ECONNREFUSED') } });
    const { code, report } = await doctorJson([], {}, mocks);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(check(report, 'mempool')).toMatchObject({ status: 'fail' });
    expect(check(report, 'mempool')?.detail).toMatch(/^mempool\.space refused the connection/);
    expect(check(report, 'blockchain.info')?.status).toBe('ok');
    expect(check(report, 'coingecko')?.status).toBe('ok');
    // The table says which line failed.
    mocks = mockSources({ 'mempool:tip-height': { error: errorWithCode('ECONNREFUSED') } });
    const table = await doctor([], { COLUMNS: '240' }, mocks);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/FAIL\s+│\s+mempool\s+│\s+mempool\.space refused the connection/);
    expect(table.stdout).toContain('1 check failed');
  });

  it('asks the mempool instance given by --mempool-url, and an answer that is not the API fails', async () => {
    mocks = mockSources();
    mocks.agent
      .get('http://umbrel.local:3006')
      .intercept({ path: '/api/blocks/tip/height', method: 'GET' })
      .reply(200, '<html>Umbrel</html>', { headers: { 'content-type': 'text/html' } });
    const { code, report } = await doctorJson(['--mempool-url', 'http://umbrel.local:3006'], {}, mocks);
    expect(code).toBe(1);
    expect(check(report, 'mempool')?.detail).toMatch(/^umbrel\.local:3006 sent an HTML page/);
    expect(report.sources[0]?.url).toBe('http://umbrel.local:3006/api/blocks/tip/height');
  });

  it('asks loopback servers through the production dispatcher, within --timeout', async () => {
    const mempool = await startServer({ ...mempoolRoutes(), [MEMPOOL_PATHS.tip]: hang });
    const bci = await startServer(blockchainInfoRoutes());
    const cg = await startServer(coingeckoRoutes());
    servers.push(mempool, bci, cg);
    // Long enough for the healthy loopback servers to answer on a loaded machine; the hung one still times out.
    const { code, report } = await doctorJson(['--mempool-url', mempool.url, '--timeout', '1500'], {
      ...NO_PROXIES,
      HASHCALC_BLOCKCHAIN_INFO_URL: bci.url,
      HASHCALC_COINGECKO_URL: cg.url,
    });
    expect(code).toBe(1);
    expect(check(report, 'mempool')).toMatchObject({ status: 'fail' });
    expect(check(report, 'mempool')?.detail).toMatch(new RegExp(`^${mempool.host} timed out after 1500 ms`));
    expect(check(report, 'blockchain.info')?.status).toBe('ok');
    expect(check(report, 'coingecko')?.status).toBe('ok');
    expect(bci.count('/q/getblockcount')).toBe(1);
  });

  it('skips the sources with --offline, and says so', async () => {
    mocks = mockSources();
    const { code, report } = await doctorJson(['--offline'], {}, mocks);
    expect(code).toBe(0);
    expect(mocks.total()).toBe(0);
    for (const id of ['mempool', 'blockchain.info', 'coingecko']) {
      expect(check(report, id)?.status).toBe('skip');
      expect(check(report, id)?.detail).toContain('not asked (--offline)');
    }
    expect(report.sources.every((s) => s.elapsedMs === null)).toBe(true);
  });

  it('fails a corrupt config file as a check, not a usage error (exit 1)', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{ "site": { "powerUsdPerKwh": ');
    const { code, report, stderr } = await doctorJson(['--offline'], { HASHCALC_CONFIG: file });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(check(report, 'config')?.status).toBe('fail');
    expect(check(report, 'config')?.detail).toContain(file);
    expect(report.config).toMatchObject({
      path: file,
      pathFrom: 'HASHCALC_CONFIG',
      exists: true,
      valid: false,
    });
  });

  it('warns about a corrupt cache file, read without trusting it', async () => {
    const cache = join(dir, 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'network.json'), 'not json');
    const { code, report } = await doctorJson(['--offline'], { HASHCALC_CACHE_DIR: cache });
    expect(code).toBe(0);
    expect(check(report, 'cache')).toMatchObject({ status: 'warn' });
    expect(check(report, 'cache')?.detail).toContain('is corrupt (not JSON)');
    expect(report.cache.files[0]).toMatchObject({ name: 'network.json', state: 'problem', sizeBytes: 8 });
    expect(report.cache.writable).toBe(true);
  });

  it('names the proxy in use, never its password', async () => {
    const { stdout, code } = await doctor(['--offline', '--format', 'csv'], {
      HTTPS_PROXY: 'http://user:s3cret@proxy.example:3128',
      NO_PROXY: 'localhost',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('https via HTTPS_PROXY=http://proxy.example:3128');
    expect(stdout).toContain('NO_PROXY=localhost');
    expect(stdout).not.toContain('s3cret');
    expect(stdout.split('\r\n')[0]).toBe('id,name,status,detail,elapsedMs');
  });

  it('fails a Node below 20.18 and says whether the compile cache is on', () => {
    const node = (nodeVersion: string) =>
      doctorReport({
        nodeVersion,
        config: { path: null, pathFrom: 'none', exists: false, error: null, inputs: 0 },
        cache: null,
        cacheError: null,
        proxy: { http: null, https: null, noProxy: null, problem: null },
        sources: null,
        hosts: {
          mempool: 'mempool.space',
          'blockchain.info': 'blockchain.info',
          coingecko: 'api.coingecko.com',
        },
      }).checks[0];
    expect(node('20.17.0')).toMatchObject({
      status: 'fail',
      detail: 'v20.17.0; hashcalc needs Node >= 20.18',
    });
    expect(node('20.18.0')).toMatchObject({
      status: 'ok',
      detail: 'v20.18.0; no compile cache (Node >= 22.1 starts faster)',
    });
    expect(node('22.1.0')).toMatchObject({ status: 'ok', detail: 'v22.1.0; compile cache on' });
  });
});
