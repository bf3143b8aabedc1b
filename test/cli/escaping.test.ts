/**
 * Text from outside reaches the terminal, CSV and markdown harmless: server strings (pool names, error
 * bodies), env values and URLs have their control characters escaped, spreadsheet formulas are neutralized
 * and HTML is shown as text. A password in a URL is never echoed.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { printNotes } from '../../src/cli/commands/shared.js';
import { CliError, escapeControl, UsageError } from '../../src/errors.js';
import { toCsv } from '../../src/output/csv.js';
import { text } from '../../src/output/document.js';
import { renderMarkdown } from '../../src/output/markdown.js';
import { renderTerminal } from '../../src/output/render-terminal.js';
import { loadStyle } from '../../src/output/style.js';
import { MEMPOOL_PATHS } from '../data/helpers/fixtures.js';
import { type LoopbackServer, liveSources, type RouteSpec, startServer } from '../data/helpers/server.js';
import { cliContext, cliEnv, runCli } from './run-cli.js';

const ESC = '\u001b';
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const live = async (replace: Record<string, RouteSpec> = {}) => (await liveSources(servers, replace)).env;

/** Every line of stderr is one of ours. */
const ourLines = (stderr: string) =>
  stderr
    .trimEnd()
    .split('\n')
    .every((l) => l.startsWith('hashcalc: '));

describe('escapeControl', () => {
  it('shows control characters, C1 controls and bidi overrides as escapes, idempotently', () => {
    expect(escapeControl(`a\nb\r\tc${ESC}[2Jd\u009be\u202ef\u0000`)).toBe(
      'a\\nb\\r\\tc\\x1b[2Jd\\x9be\\u202ef\\x00',
    );
    expect(escapeControl(escapeControl(`x${ESC}y\n`))).toBe('x\\x1by\\n');
    expect(escapeControl('line one\nline two', true)).toBe('line one\nline two');
    expect(escapeControl('plain C:\\path é 中')).toBe('plain C:\\path é 中');
  });

  it('an error is one line whatever its message quotes', () => {
    const error = new UsageError(`--mw: expected a number, got '1\nhashcalc: forged ${ESC}]0;title\u0007'`);
    expect(error.message).toBe("--mw: expected a number, got '1\\nhashcalc: forged \\x1b]0;title\\x07'");
    expect(new CliError('a\rb', 1).message).toBe('a\\rb');
  });

  it('a note is one line on stderr, its control characters escaped', () => {
    const { ctx, stderr } = cliContext([], cliEnv());
    printNotes(ctx, [`pool 'x\nhashcalc: all good${ESC}[31m'`]);
    expect(stderr()).toBe("hashcalc: pool 'x\\nhashcalc: all good\\x1b[31m'\n");
  });
});

describe('the terminal and markdown renderers', () => {
  it('the terminal shows escapes, never the control characters, in text, cells and heads', async () => {
    const style = await loadStyle(0);
    const out = await renderTerminal(
      {
        blocks: [
          text(`first${ESC}[2J\nsecond`),
          {
            kind: 'table',
            head: ['Name', `B${ESC}`],
            rows: [
              [`a${ESC}[8m`, '1'],
              ['b\r', '2'],
            ],
          },
        ],
      },
      style,
      80,
    );
    expect(out).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(out).toContain('first\\x1b[2J\nsecond');
    expect(out).toContain('a\\x1b[8m');
    expect(out).toContain('b\\r');
  });

  it('markdown shows HTML as text in text and in cells', () => {
    const out = renderMarkdown({
      blocks: [
        text('<script>alert(1)</script> & more'),
        { kind: 'table', head: ['Name', 'x'], rows: [['<img src=x onerror=alert(1)>', '1']] },
      ],
    });
    expect(out).not.toMatch(/<|>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('CSV', () => {
  it('neutralizes a text cell a spreadsheet would read as a formula; numbers stay numbers', () => {
    const out = toCsv([
      { name: '=HYPERLINK("http://x","y")', a: '+1+2', b: '-2+3', c: '@SUM(A1)', d: -5, e: '-0.5', f: 'ok' },
    ]);
    expect(out.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+1+2,'-2+3,'@SUM(A1),-5,-0.5,ok`);
  });
});

describe('the CLI', () => {
  it('a pool name from the server cannot forge a line or change the terminal (exodus)', async () => {
    const pools = JSON.parse(readFileSync('fixtures/mempool/pools-1w.json', 'utf8'));
    pools.pools[0].name = `Evil\nhashcalc: all clear ${ESC}[2J<b>&`;
    const env = await live({
      [MEMPOOL_PATHS.pools]: {
        status: 200,
        body: JSON.stringify(pools),
        headers: { 'content-type': 'application/json' },
      },
    });
    const table = await runCli(['exodus', '--ehs', '10'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('top pool Evil\\nhashcalc: all clear \\x1b[2J<b>&');
    expect(table.stdout).not.toMatch(/^hashcalc:/m);
    expect(table.stdout).not.toContain(ESC);
    const markdown = await runCli(['exodus', '--ehs', '10', '--format', 'markdown'], env);
    expect(markdown.stdout).toContain('Evil\\\\nhashcalc: all clear \\\\x1b[2J&lt;b&gt;&amp;');
  });

  it('an error body from the server is escaped in the note', async () => {
    const env = await live({
      [MEMPOOL_PATHS.pools]: { status: 500, body: `oops\nhashcalc: forged${ESC}[2J` },
    });
    const { code, stderr } = await runCli(['exodus', '--ehs', '10'], env);
    expect(code).toBe(0);
    expect(stderr).not.toContain(ESC);
    expect(ourLines(stderr), stderr).toBe(true);
  });

  it('an env value with a newline and an escape is one line on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['mining', '--offline'], {
      HASHCALC_MW: `5\nhashcalc: forged${ESC}[2J`,
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('5\\nhashcalc: forged\\x1b[2J');
  });

  it('refuses credentials in a URL in one line, never printing the password', async () => {
    const { code, stdout, stderr } = await runCli([
      'network',
      '--mempool-url',
      'https://alice:s3cret@mempool.example',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "hashcalc: --mempool-url: credentials in URLs are not supported (user:password@ left out here); got 'https://mempool.example'\n",
    );
    const bad = await runCli(['network', '--mempool-url', 'https://alice:s3cret@mempool.example/?q=1']);
    expect(bad.stderr).not.toContain('s3cret');
    const env = await runCli(['network'], { HASHCALC_COINGECKO_URL: 'https://bob:hunter2@cg.example' });
    expect(env.code).toBe(2);
    expect(env.stderr).not.toContain('hunter2');
    expect(env.stderr).toMatch(/HASHCALC_COINGECKO_URL: credentials in URLs are not supported/);
  });
});

describe('proxies', () => {
  it('an invalid proxy URL is one line naming the variable, exit 2, before anything is fetched', async () => {
    for (const args of [['network'], ['history'], ['exodus', '--ehs', '10']]) {
      const { code, stdout, stderr } = await runCli(args, {
        HTTPS_PROXY: 'not a url',
        https_proxy: undefined,
      });
      expect(code, `${args}: ${stderr}`).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        "hashcalc: HTTPS_PROXY: expected a proxy URL such as http://proxy.example:3128, got 'not a url'\n",
      );
    }
    const lower = await runCli(['network'], { https_proxy: 'ftp://u:hunter2@proxy' });
    expect(lower.code).toBe(2);
    expect(lower.stderr).toBe(
      "hashcalc: https_proxy: expected a proxy URL such as http://proxy.example:3128, got 'ftp://proxy'\n",
    );
    // --offline fetches nothing: the variable is not read.
    expect((await runCli(['network', '--offline'], { HTTPS_PROXY: 'not a url' })).code).toBe(0);
  });

  it('a failure through a proxy names the variable and its value, never the password', async () => {
    const closed = await startServer({});
    const port = new URL(closed.url).port;
    await closed.close(); // nothing listens there now: the proxy refuses the connection
    const { code, stderr } = await runCli(['network', '--timeout', '5s'], {
      HTTPS_PROXY: `http://bob:hunter2@127.0.0.1:${port}`,
      https_proxy: undefined,
      NO_PROXY: undefined,
      no_proxy: undefined,
    });
    expect(code).toBe(0); // the embedded snapshot, said on stderr
    expect(stderr).toContain(
      `mempool.space, blockchain.info, api.coingecko.com, api.blockchain.info refused the connection (through the proxy HTTPS_PROXY=http://127.0.0.1:${port})`,
    );
    expect(stderr).not.toContain('hunter2');
  });
});

describe("commander's own errors", () => {
  it('an unknown option or command holding control characters is one inert line (exit 2)', async () => {
    for (const args of [
      ['compare', '--offline', `--mw\u001b[2J`],
      ['compare', '--offline', `--bogus\nhashcalc: forged`],
      [`comp\u001b[31mare`],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr.includes(ESC)).toBe(false);
    }
  });
});
