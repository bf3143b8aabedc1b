/** `exodus --pool X --require-live`: the pool analysis is required, live. */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { MEMPOOL_PATHS } from './helpers/fixtures.js';
import { type LoopbackServer, liveSources, type RouteSpec } from './helpers/server.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const live = (replace: Record<string, RouteSpec> = {}) => liveSources(servers, replace);

describe('exodus --pool with --require-live', () => {
  it('exits 1 with one line saying why when the pool shares cannot be had live', async () => {
    const { env, host } = await live({
      [MEMPOOL_PATHS.pools]: {
        status: 404,
        body: 'Not Found',
        headers: { 'content-type': 'text/plain' },
      },
    });
    const r = await runCli(
      ['exodus', '--ehs', '100', '--pool', 'foundry usa', '--require-live', '--json'],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^hashcalc: --require-live: no live pool shares \\(${host.replace(/\./g, '\\.')} .+\\)$`),
      ),
    ]);
  });

  it('runs with the pool analysis when the shares are live', async () => {
    const { env } = await live();
    const r = await runCli(
      ['exodus', '--ehs', '100', '--pool', 'foundry usa', '--require-live', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).pools.pool).toBe('Foundry USA');
  });
});
