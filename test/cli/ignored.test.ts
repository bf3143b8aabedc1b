/**
 * Issue 21, "nothing the user gives is silently ignored": each case is one line on stderr and exit 2 (a usage
 * error), a stated warning, or exit 1 for a runtime failure, as docs/inputs.md and the exit codes say.
 */
import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../src/cli/commands/init.js';
import { ambiguousDurationUnit } from '../../src/core/duration.js';
import { knownEnvVars, unknownEnvWarnings } from '../../src/inputs/checks.js';
import { type CliResult, runCli } from './run-cli.js';

/** One line on stderr and the exit code. */
function oneLine(result: CliResult, code: number): string {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  return lines[0] as string;
}

describe('a single-value flag given twice (item 1)', () => {
  it('--mw 1 --mw 2: exit 2 naming both values', async () => {
    const line = oneLine(await runCli(['compare', '--offline', '--mw', '1', '--mw', '2']), 2);
    expect(line).toBe("hashcalc: --mw: given twice ('1' and '2'); give it once");
  });

  it('a global one too, before and after the command (--format)', async () => {
    const line = oneLine(await runCli(['--format', 'csv', 'hashprice', '--offline', '--format', 'json']), 2);
    expect(line).toBe("hashcalc: --format: given twice ('csv' and 'json'); give it once");
  });

  it('repeatable flags stay repeatable (--miner, --range, --assert, --min-ratio)', async () => {
    const mining = await runCli([
      'mining',
      '--offline',
      '--mw',
      '20',
      '--miner',
      's21xp:3000',
      '--miner',
      'm60s',
      '--json',
    ]);
    expect(mining.code, mining.stderr).toBe(0);
    const sensitivity = await runCli([
      'sensitivity',
      '--offline',
      '--mw',
      '341',
      '--range',
      'btc-price=60k:150k',
      '--range',
      'btc-growth=-30%:50%',
      '--json',
    ]);
    expect(sensitivity.code, sensitivity.stderr).toBe(0);
    const check = await runCli([
      'check',
      '--offline',
      '--allow-stale',
      '--mw',
      '341',
      '--assert',
      'options.mining.ebitdaUsdPerYear > -1e15',
      '--assert',
      'options.mining.ebitdaUsdPerYear > -1e16',
      '--min-ratio',
      'ai-lease/mining:0.0001',
      '--min-ratio',
      'ai-lease/mining:0.00001',
    ]);
    expect(check.stderr).not.toContain('given twice');
    expect(check.code, check.stderr).toBe(0);
  });
});

describe('a switch with its negation (item 2)', () => {
  it('--landlord-pays-power with --no-landlord-pays-power: exit 2', async () => {
    const line = oneLine(
      await runCli([
        'compare',
        '--offline',
        '--mw',
        '5',
        '--landlord-pays-power',
        '--no-landlord-pays-power',
      ]),
      2,
    );
    expect(line).toBe(
      'hashcalc: --landlord-pays-power: given with --no-landlord-pays-power; give one of them',
    );
  });

  it('--no-x alone still overrides the environment', async () => {
    const r = await runCli(['project', '--offline', '--mw', '5', '--no-idle-during-build', '--json'], {
      HASHCALC_IDLE_DURING_BUILD: '1',
    });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('a flag with no effect in its context (item 3)', () => {
  it('--timeout and --mempool-url with --offline: a warning each, and the run goes on', async () => {
    const r = await runCli([
      'hashprice',
      '--offline',
      '--timeout',
      '5s',
      '--mempool-url',
      'http://127.0.0.1:9',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'hashcalc: --mempool-url: no effect with --offline (nothing is fetched); ignored\n',
    );
    expect(r.stderr).toContain(
      'hashcalc: --timeout: no effect with --offline (nothing is fetched); ignored\n',
    );
  });

  it('names HASHCALC_OFFLINE when --offline came from it; says nothing of a variable --offline makes moot', async () => {
    const r = await runCli(['history', '--timeout', '5s', '--json'], { HASHCALC_OFFLINE: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('hashcalc: --timeout: no effect with HASHCALC_OFFLINE (nothing is fetched)');
    const quiet = await runCli(['hashprice', '--offline', '--json'], { HASHCALC_TIMEOUT: '5s' });
    expect(quiet.stderr).not.toContain('no effect');
  });

  it('init --force with --stdout: exit 2', async () => {
    const line = oneLine(await runCli(['init', '--force', '--stdout']), 2);
    expect(line).toBe('hashcalc: --force: no effect with --stdout (no file is written); give one of them');
  });
});

describe('the environment (item 4)', () => {
  it('an unknown HASHCALC_* variable: a warning with the closest known one, exit 0', async () => {
    const r = await runCli(['hashprice', '--offline', '--json'], { HASHCALC_MINERS: 's21xp' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'hashcalc: HASHCALC_MINERS: not a hashcalc variable, ignored; did you mean HASHCALC_MINER?\n',
    );
  });

  it('--quiet silences it; variables hashcalc reads are not warned about', async () => {
    const quiet = await runCli(['hashprice', '--offline', '--json', '--quiet'], { HASHCALC_MINERS: 'x' });
    expect(quiet.stderr).toBe('');
    for (const name of [
      'HASHCALC_CACHE_DIR',
      'HASHCALC_DEBUG',
      'HASHCALC_CONFIG',
      'HASHCALC_BLOCKCHAIN_INFO_URL',
      'HASHCALC_COINGECKO_URL',
      'HASHCALC_COINGECKO_KEY',
      'HASHCALC_FORMAT',
      'HASHCALC_MW',
      'HASHCALC_SCENARIO',
      'HASHCALC_DIFFICULTY_CORRELATION',
      'HASHCALC_RANGES',
    ])
      expect(knownEnvVars()).toContain(name);
    expect(unknownEnvWarnings({ HASHCALC_MW: '5', PATH: '/bin', HASHCALC_DEBUG: '1' })).toEqual([]);
  });

  it('an empty entry in a list variable: exit 2 naming it', async () => {
    const line = oneLine(
      await runCli(['mining', '--offline', '--mw', '5'], { HASHCALC_MINER: 's21xp,,m60s' }),
      2,
    );
    expect(line).toBe(
      "hashcalc: HASHCALC_MINER: an empty entry in 's21xp,,m60s'; separate the entries with single commas (e.g. s21xp:5000,m60s)",
    );
  });
});

describe('an ambiguous duration unit (item 5)', () => {
  it('--max-age 1M: months or minutes? exit 2 with what is accepted', async () => {
    const line = oneLine(await runCli(['hashprice', '--offline', '--max-age', '1M']), 2);
    expect(line).toBe(
      "hashcalc: --max-age: '1M' is ambiguous ('M': months or minutes?); expected a duration of at least 1 s (e.g. 90s, 10m, 2h, 1d), with m or min for minutes",
    );
  });

  it('names the variable; 10m, 1min and 500ms still read', async () => {
    const line = oneLine(await runCli(['hashprice', '--offline'], { HASHCALC_MAX_AGE: '3M' }), 2);
    expect(line).toMatch(/^hashcalc: HASHCALC_MAX_AGE: '3M' is ambiguous/);
    expect(ambiguousDurationUnit('10m')).toBeUndefined();
    expect(ambiguousDurationUnit('1min')).toBeUndefined();
    expect(ambiguousDurationUnit('500MS')).toBeUndefined();
    expect(ambiguousDurationUnit('1h 2M')).toBe('M');
  });
});

describe('history: which days (item 6)', () => {
  it('--since with --period: exit 2, give one', async () => {
    const line = oneLine(
      await runCli(['history', '--offline', '--since', '2024-01-01', '--period', '90d']),
      2,
    );
    expect(line).toBe(
      'hashcalc: --since: given with --period 90d; give one of them (--since, with --until, or --period)',
    );
  });

  it('--since from a flag beats HASHCALC_PERIOD (a higher layer), as for any input', async () => {
    const r = await runCli(
      ['history', '--offline', '--since', '2024-01-01', '--until', '2024-03-01', '--json'],
      {
        HASHCALC_PERIOD: '30d',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).period.from).toBe('2024-01-01');
  });

  it('a date before the genesis block: exit 2', async () => {
    const line = oneLine(await runCli(['history', '--offline', '--since', '2008-10-31']), 2);
    expect(line).toBe(
      'hashcalc: --since: 2008-10-31 is before the genesis block (2009-01-03); give a date from 2009-01-03',
    );
  });

  it('a range with no data: exit 1 with one line, no empty table', async () => {
    const r = await runCli(['history', '--offline', '--since', '2040-01-01', '--until', '2040-02-01']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /\nhashcalc: history: no data from 2040-01-01 to 2040-02-01 \(the embedded epochs end \d{4}-\d{2}-\d{2}\)\n$/,
    );
  });
});

describe('pasted dashes and control characters (item 7)', () => {
  it("'–mw': an en dash; did you mean --mw?", async () => {
    const line = oneLine(await runCli(['compare', '\u2013mw', '341']), 2);
    expect(line).toBe("hashcalc: '\u2013mw': an en dash; did you mean --mw?");
  });

  it('an em dash too', async () => {
    const line = oneLine(await runCli(['compare', '--offline', '\u2014offline']), 2);
    expect(line).toBe("hashcalc: '\u2014offline': an em dash; did you mean --offline?");
  });

  it('control characters in a value: exit 2 naming the flag, escaped', async () => {
    const line = oneLine(await runCli(['compare', '--offline', '--mw', '3\u001b[2J41']), 2);
    expect(line).toBe(
      "hashcalc: --mw: the value contains control characters ('3\\x1b[2J41'); give plain text",
    );
  });

  it('control characters in a variable: exit 2 naming it', async () => {
    const line = oneLine(await runCli(['hashprice', '--offline'], { HASHCALC_BTC_PRICE: '90000\n' }), 2);
    expect(line).toBe(
      "hashcalc: HASHCALC_BTC_PRICE: the value contains control characters ('90000\\n'); give plain text",
    );
  });
});

describe('exit codes mean what the contract says (item 8)', () => {
  it('init on a full disk (ENOSPC, as writing to /dev/full): exit 1, one line naming the file', () => {
    const error = writeFailure(
      'site.json',
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
    );
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe("init: cannot write 'site.json': no space left on the device");
    expect(writeFailure('site.json', Object.assign(new Error('EIO'), { code: 'EIO' })).exitCode).toBe(1);
  });

  it('a directory that does not exist stays a usage error (exit 2)', async () => {
    const line = oneLine(await runCli(['init', '/nonexistent-hashcalc-dir/site.json']), 2);
    expect(line).toBe(
      "hashcalc: init: cannot write '/nonexistent-hashcalc-dir/site.json': no such directory",
    );
  });
});

describe('an empty file name is a mistake, never "none"', () => {
  it('--scenario, --data and init with an empty name: exit 2 naming it', async () => {
    const scenario = await runCli(['compare', '--offline', '--scenario', '']);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toBe("hashcalc: --scenario: expected a file name, got ''\n");
    const data = await runCli(['history', '--offline', '--data', '']);
    expect(data.code).toBe(2);
    expect(data.stderr).toBe("hashcalc: --data: expected a file name, got ''\n");
    const init = await runCli(['init', '']);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe("hashcalc: init: expected a file name, got ''\n");
  });
});
