/**
 * Smoke tests of the built binary (bin/hashcalc.js -> dist/, built by test/global-setup.ts): what only a real
 * process shows. The shim starts; a closed pipe ends quietly; Ctrl-C exits 130; a failed write exits 1.
 */
import { type ChildProcess, execFileSync, type StdioOptions, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv } from '../child-env.js';

const BIN = fileURLToPath(new URL('../../bin/hashcalc.js', import.meta.url));
const scratch: string[] = [];

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * The environment of a user's shell, minus anything that changes the output (and NODE_EXTRA_CA_CERTS, which
 * only slows every start: test/child-env.ts), plus private cache/config.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'hashcalc-smoke-'));
  scratch.push(home);
  const env: NodeJS.ProcessEnv = { ...childEnv(), XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home };
  for (const key of Object.keys(env)) {
    if (/^(FORCE_COLOR|NO_COLOR|CI|HASHCALC_.*|(https?|all|no)_proxy)$/i.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(args: readonly string[], stdio: StdioOptions = 'pipe', env = cleanEnv()): Run {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const done = new Promise<Awaited<Run['done']>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hashcalc ${args.slice(0, 4).join(' ')} did not end within 10 s`));
    }, 10_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

describe('the bin shim', () => {
  it('prints the version', async () => {
    const { code, stdout, stderr } = await start(['--version']).done;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs compare --mw 341 --offline --json: one valid JSON document, exit 0', async () => {
    const { code, stdout, stderr } = await start(['compare', '--mw', '341', '--offline', '--json']).done;
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.schemaVersion).toBeTypeOf('number');
    expect(document.site.mw).toBe(341);
  });
});

describe('a closed pipe (hashcalc ... | head -c1)', () => {
  // No natural command prints more than a pipe's 64 KiB buffer (the largest, `completion fish`, is ~21 KB),
  // so a mixed fleet of 1000 miner entries makes ~230 KB of JSON: most of it is still being written when
  // the reader goes away, so the write fails with EPIPE.
  const fleet = Array.from({ length: 1000 }, () => ['--miner', 's21xp:1']).flat();

  it('exits 0 with nothing on stderr when the reader closes after the first bytes', async () => {
    const run = start(['mining', '--offline', '--quiet', '--json', ...fleet]);
    let received = 0;
    run.child.stdout?.once('data', (chunk: Buffer) => {
      received = chunk.length;
      run.child.stdout?.destroy();
    });
    const { code, signal, stderr } = await run.done;
    expect(received).toBeGreaterThan(0);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});

describe('a large output through a pipe (written straight to the descriptor, src/cli/stdio.ts)', () => {
  it('project --years 20 --json (~390 KB, six times a pipe buffer) arrives whole to a slow reader', async () => {
    const run = start(['project', '--mw', '341', '--years', '20', '--offline', '--json']);
    // Read slowly at first, so the pipe fills and the writes block.
    run.child.stdout?.pause();
    setTimeout(() => run.child.stdout?.resume(), 300);
    const { code, stdout, stderr } = await run.done;
    expect(code, stderr).toBe(0);
    expect(stdout.length).toBeGreaterThan(300_000);
    const document = JSON.parse(stdout);
    expect(document.options.map((o: { months: unknown[] }) => o.months.length)).toEqual([241, 241, 241]);
    expect(stderr).toMatch(
      /^hashcalc: offline: using the newest embedded difficulty epoch .* the embedded snapshot/,
    );
  });
});

describe('a non-blocking pipe (EAGAIN: wait and write again)', () => {
  let python = true;
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
  } catch {
    python = false;
    console.warn('smoke: python3 is not installed: the non-blocking pipe test is skipped');
  }
  it.skipIf(!python)('project --years 20 --json arrives whole through a full non-blocking pipe', () => {
    const script = fileURLToPath(new URL('./nonblocking-pipe.py', import.meta.url));
    const out = execFileSync('python3', [script, process.execPath, BIN], {
      env: cleanEnv(),
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result).toEqual({ code: 0, bytes: expect.any(Number), stderr: '', months: [241, 241, 241] });
    expect(result.bytes).toBeGreaterThan(300_000);
  });
});

describe('Ctrl-C', () => {
  let server: Server | undefined;
  const sockets = new Set<Socket>();

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('a command waiting on a server that never answers exits 130 on SIGINT', async () => {
    // A loopback server that accepts and never answers; it is every source and the proxy, so nothing leaves
    // the machine.
    let connected: () => void = () => {};
    const firstConnection = new Promise<void>((resolve) => {
      connected = resolve;
    });
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      connected();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = start(
      ['hashprice', '--mempool-url', url, '--timeout', '60000', '--json'],
      'pipe',
      cleanEnv({
        HTTP_PROXY: url,
        HTTPS_PROXY: url,
        HASHCALC_BLOCKCHAIN_INFO_URL: url,
        HASHCALC_COINGECKO_URL: url,
      }),
    );
    await firstConnection;
    run.child.kill('SIGINT');
    const { code, signal, stdout } = await run.done;
    expect({ code, signal, stdout }).toEqual({ code: 130, signal: null, stdout: '' });
  });
});

describe('a failed write to stdout', () => {
  const hasDevFull = existsSync('/dev/full');
  if (!hasDevFull) console.warn('smoke: /dev/full does not exist here: the ENOSPC write test is skipped');

  it.skipIf(!hasDevFull)('compare --json > /dev/full exits 1 with one line naming ENOSPC', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const quiet = start(
        ['compare', '--mw', '341', '--offline', '--quiet', '--json'],
        ['ignore', full, 'pipe'],
      );
      const plain = start(['compare', '--mw', '341', '--offline', '--json'], ['ignore', full, 'pipe']);
      const [q, p] = await Promise.all([quiet.done, plain.done]);
      expect({ code: q.code, stderr: q.stderr }).toEqual({
        code: 1,
        stderr: 'hashcalc: cannot write output: ENOSPC\n',
      });
      // Without --quiet the offline note comes first; the failure is still exactly one line, nothing internal.
      expect(p.code).toBe(1);
      expect(p.stderr.split('\n').filter((line) => /cannot write|internal|Error/.test(line))).toEqual([
        'hashcalc: cannot write output: ENOSPC',
      ]);
    } finally {
      closeSync(full);
    }
  });
});

describe('project --simulations on worker threads', () => {
  const args = [
    'project',
    '--mw',
    '341',
    '--offline',
    '--quiet',
    '--simulations',
    // Above IN_THREAD_PATHS (5000, src/cli/simulation-pool.ts), so the workers run: six blocks of 1000.
    '6000',
    '--seed',
    '5',
    '--json',
  ];

  it('gives byte-identical output with 1, 2 and 3 workers', async () => {
    const outputs = [];
    for (const workers of ['1', '2', '3']) {
      const { code, stdout, stderr } = await start([...args, '--workers', workers]).done;
      expect(code, stderr).toBe(0);
      expect(stderr).toBe('');
      outputs.push(stdout);
    }
    expect(JSON.parse(outputs[0] as string).simulation.paths).toBe(6000);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('stops on Ctrl-C with exit 130 and no output', async () => {
    const run = start(['project', '--mw', '341', '--offline', '--simulations', '1000000', '--json']);
    // Started: the offline note on stderr comes once the CLI runs (its Ctrl-C handler set); the workers are
    // running a moment later. (A fixed wait from the spawn failed on a loaded machine: no code cache on Node 20.)
    await new Promise((resolve) => run.child.stderr?.once('data', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    const { code, signal, stdout } = await run.done;
    expect({ code, signal, stdout }).toEqual({ code: 130, signal: null, stdout: '' });
  });
});
