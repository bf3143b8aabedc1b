/**
 * The input table and the defects a new user hit (issue: "make the house ready"): each test here failed on
 * the code before the fix.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirectory } from '../../src/data/cache.js';
import { inputsMarkdown } from '../../src/inputs/docs.js';
import { configFilePath } from '../../src/inputs/layers.js';
import { COMMAND_NAMES, INPUT_ROWS, NO_ENV_FLAGS, rowsFor } from '../../src/inputs/table.js';
import { economicsOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

const INPUTS_DOC = readFileSync(new URL('../../docs/inputs.md', import.meta.url), 'utf8');

function dir(prefix = 'hashcalc-house-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('the input table', () => {
  it('has one row per flag, env var and scenario path', () => {
    const unique = (values: (string | null)[]) => {
      const present = values.filter((v): v is string => v !== null);
      expect(new Set(present).size, present.join(' ')).toBe(present.length);
    };
    unique(INPUT_ROWS.map((r) => r.flag));
    unique(INPUT_ROWS.map((r) => r.env));
    unique(INPUT_ROWS.map((r) => r.path));
    unique(INPUT_ROWS.map((r) => r.id));
  });

  it('gives every flag an env var, or says why it has none', () => {
    for (const row of INPUT_ROWS) {
      if (row.env) expect(row.env).toMatch(/^HASHCALC_[A-Z_]+$/);
      else expect(NO_ENV_FLAGS[row.flag], `${row.flag} has an env var or a reason for none`).toBeDefined();
    }
  });

  it("docs/inputs.md's table is the one made from the table (npm run docs)", () => {
    expect(INPUTS_DOC).toContain(inputsMarkdown());
    for (const row of INPUT_ROWS) {
      const line = INPUTS_DOC.split('\n').find((l) => new RegExp(`^\\| \`(-\\w, )?${row.flag}[ \`]`).test(l));
      expect(line, row.flag).toContain(row.env ? `\`${row.env}\`` : 'none:');
    }
  });

  it("builds each command's flags from its rows, each shown once in help", async () => {
    for (const name of COMMAND_NAMES) {
      const { code, stdout } = await runCli([name, '--help']);
      expect(code).toBe(0);
      for (const row of rowsFor(name)) {
        const shown = stdout
          .split('\n')
          .filter((line) => new RegExp(`^ {2}(-\\w, )?${row.flag}( |,|$)`).test(line));
        expect(shown, `${name} --help shows ${row.flag} once`).toHaveLength(1);
      }
    }
  });

  it('the scenario JSON Schema has every row with a scenario path', async () => {
    const { stdout } = await runCli(['schema', 'scenario']);
    const schema = JSON.parse(stdout) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    for (const row of INPUT_ROWS.filter((r) => r.path)) {
      const [section = '', field] = (row.path as string).split('.');
      const node = schema.properties[section];
      expect(node, row.path ?? '').toBeDefined();
      if (field) expect(node?.properties?.[field], row.path ?? '').toBeDefined();
    }
  });
});

describe('a command accepts only the inputs it uses', () => {
  it.each([
    [['ai', '--btc-price', '100k'], "hashcalc: --btc-price: not used by 'ai'"],
    [['ai', '--require-live'], "hashcalc: --require-live: not used by 'ai'"],
    [['catalog', 'miners', '--scenario', 'x.json'], "hashcalc: --scenario: not used by 'catalog'"],
    [['schema', 'compare', '--format', 'csv'], "hashcalc: --format: not used by 'schema'"],
    [['mining', '--gpu', 'h100'], "hashcalc: --gpu: not used by 'mining'"],
    [['hashprice', '--mw', '5'], "hashcalc: --mw: not used by 'hashprice'"],
  ])('%j', async (args, line) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr.startsWith(line), stderr).toBe(true);
  });

  it('still takes --offline everywhere (harmless where nothing is fetched)', async () => {
    expect((await runCli(['catalog', 'gpus', '--offline', '--json'])).code).toBe(0);
    expect((await runCli(['ai', '--offline', '--json'])).code).toBe(0);
  });
});

describe('env vars are parsed, never ignored', () => {
  it.each([
    ['HASHCALC_TIMEOUT', 'abc'],
    ['HASHCALC_MAX_AGE', 'soon'],
    ['HASHCALC_MAX_DIVERGENCE', '300%'],
    ['HASHCALC_MEMPOOL_URL', 'ftp://x'],
    ['HASHCALC_REFRESH', 'maybe'],
  ])('%s=%s exits 2 naming the variable', async (name, value) => {
    const { code, stderr } = await runCli(['hashprice', '--offline'], { [name]: value });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toContain(`${name}:`);
  });

  it('HASHCALC_TIMEOUT=2s is taken as 2000 ms', async () => {
    const { code, stderr } = await runCli(['hashprice', '--offline', '--explain', '--json'], {
      HASHCALC_TIMEOUT: '2s',
    });
    expect(code, stderr).toBe(0);
  });
});

describe('help and usage lines', () => {
  it('`help foo` is one line with a suggestion, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['help', 'compar']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toEqual([
      "hashcalc: no command 'compar'; did you mean 'compare'?; see 'hashcalc --help'",
    ]);
  });

  it('`help compare` shows the help, exit 0', async () => {
    const { code, stdout } = await runCli(['help', 'compare']);
    expect(code).toBe(0);
    expect(stdout).toContain('--mw');
  });

  it.each([
    [['--hlep'], 'did you mean --help?'],
    [['-v'], 'did you mean --version'],
  ])('%j says what it meant', async (args, hint) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toContain(hint);
    expect(stderr).not.toContain('missing command');
  });

  it('every help page fits 100 columns when not on a terminal, and COLUMNS=80 when set', async () => {
    for (const name of [...COMMAND_NAMES, undefined]) {
      for (const [env, width] of [[{}, 100] as const, [{ COLUMNS: '80' }, 80] as const]) {
        const { stdout } = await runCli(name ? [name, '--help'] : ['--help'], env);
        for (const line of stdout.split('\n'))
          expect(line.length, `${name ?? 'hashcalc'} --help at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('lists --offline once in a command help', async () => {
    const { stdout } = await runCli(['compare', '--help']);
    expect(stdout.match(/--offline/g)).toHaveLength(1);
  });

  it('-q --explain still prints what was asked for', async () => {
    const { code, stderr } = await runCli(['compare', '--offline', '--json', '-q', '--explain']);
    expect(code).toBe(0);
    expect(stderr).toContain('Inputs (value <- where it came from):');
    expect(stderr).not.toContain('offline: using');
  });
});

describe('numbers are numbers in JSON', () => {
  it('assumptions.minerPriceUsdPerTh is a number, for one model and (weighted by TH/s) for a mixed fleet', async () => {
    const one = economicsOutputSchema.parse(
      JSON.parse((await runCli(['mining', '--offline', '--json'])).stdout),
    );
    expect(one.assumptions.minerPriceUsdPerTh).toBe(25.7);
    const { stdout } = await runCli([
      'mining',
      '--offline',
      '--json',
      '--mw',
      '10',
      '--miner',
      's21xp:1000',
      '--miner',
      'm60s',
    ]);
    const mixed = economicsOutputSchema.parse(JSON.parse(stdout));
    const mining = mixed.options[0];
    expect(typeof mixed.assumptions.minerPriceUsdPerTh).toBe('number');
    // capex / hashrate: the fleet's own figures, recomputed here.
    const fleet = mining?.fleet ?? [];
    const capex = fleet.reduce((s, f) => s + (f.capexUsd ?? 0), 0);
    const ths = fleet.reduce((s, f) => s + f.hashrateThs, 0);
    expect(mixed.assumptions.minerPriceUsdPerTh).toBeCloseTo(capex / ths, 9);
    expect(mining?.capexUsd).toBeCloseTo(capex, 3);
    // S21 XP: 1000 x 270 TH/s x $25.7; the M60S has no quote of its own: its band's price (air-cooled, <19 J/TH,
    // the S21 XP's index quote of 2025-11-03), dated.
    expect(fleet[0]?.capexUsd).toBeCloseTo(1000 * 270 * 25.7, 3);
    expect(fleet[1]?.priceUsdPerTh).toBe(25.7);
    expect(fleet[1]?.priceBasis).toBe('catalog, 2025-11-03');
  });
});

describe('without a usable home directory', () => {
  it.each([[''], ['relative/home'], [undefined]])(
    'HOME=%j: no config path and no cache directory at all',
    (home) => {
      const env = home === undefined ? {} : { HOME: home };
      // Before: join('', '.config', ...) -> a path relative to the current directory, which a repo controls.
      expect(configFilePath(env, 'linux')).toBeNull();
      expect(cacheDirectory(env, 'linux')).toBeNull();
      expect(configFilePath({ HOME: '/home/u' }, 'linux')?.path).toBe('/home/u/.config/hashcalc/config.json');
    },
  );

  it('says so once, and still answers', async () => {
    const { code, stdout, stderr } = await runCli(['mining', '--json'], {
      HOME: '',
      XDG_CONFIG_HOME: '',
      XDG_CACHE_HOME: '',
      HASHCALC_CACHE_DIR: '',
      HASHCALC_OFFLINE: '1',
    });
    expect(code, stderr).toBe(0);
    expect(economicsOutputSchema.parse(JSON.parse(stdout)).assumptions.siteMw).toBe(100);
    expect(stderr.split('\n').filter((l) => l.includes('no usable home directory'))).toHaveLength(1);
  });
});

describe('input files', () => {
  it('refuses a file over 1 MiB at once, in one line', async () => {
    const file = join(dir(), 'big.json');
    // 50 MiB, sparse: the size is what is refused, before anything is read.
    writeFileSync(file, '{"$comment":"');
    truncateSync(file, 50 * 1024 * 1024);
    const { code, stderr } = await runCli(['compare', '--offline', '--scenario', file]);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toEqual([
      `hashcalc: --scenario: '${file}' is 50.0 MiB; input files are limited to 1 MiB`,
    ]);
  });

  it('reads JSON with comments and trailing commas', async () => {
    const file = join(dir(), 'site.jsonc');
    writeFileSync(file, '// a site\n{\n  "site": { "mw": 42, /* MW */ },\n}\n');
    const { code, stdout, stderr } = await runCli(['mining', '--offline', '--json', '--scenario', file]);
    expect(code, stderr).toBe(0);
    expect(economicsOutputSchema.parse(JSON.parse(stdout)).assumptions.siteMw).toBe(42);
  });

  it('names line and column of a syntax error in the original text', async () => {
    const file = join(dir(), 'site.json');
    writeFileSync(file, '{\n  // comment\n  "site": { "mw": 4 2 }\n}\n');
    const { code, stderr } = await runCli(['mining', '--offline', '--scenario', file]);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toEqual([`hashcalc: ${file}: not valid JSON at line 3, column 21: expected ','`]);
  });
});
