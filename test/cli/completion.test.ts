/**
 * `completion bash|zsh|fish`: each script parses in its shell (bash -n, zsh -n, fish --no-execute), and a
 * description holding every character a shell might read as syntax reaches the shell's completion
 * machinery unchanged (zsh's _describe and _arguments stubbed to print what they receive; fish asked for its
 * completions with `complete -C`; bash's completion function run). zsh and fish are skipped, visibly, when
 * they are not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionDescription, runCompletion } from '../../src/cli/commands/completion.js';
import { buildProgram, run } from '../../src/cli/program.js';

type Ctx = Parameters<typeof run>[1];
type Call = Parameters<typeof runCompletion>[0];

/** What the program hands the completion command, for a program of our own. */
const callFor = (program: Command, shell: string, ctx: Ctx): Call => ({
  name: 'completion',
  options: {},
  args: [shell],
  ctx,
  explainTo: ctx.stderr,
  program,
});

function capture(): { ctx: Ctx; out: () => string } {
  let out = '';
  const ctx = {
    stdout: {
      write: (chunk: string) => {
        out += chunk;
        return true;
      },
    },
    stderr: { write: () => true },
    env: {},
    now: () => 0,
    colorLevel: 0,
  } as Ctx;
  return { ctx, out: () => out };
}

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const available = { bash: has('bash'), zsh: has('zsh'), fish: has('fish') };
for (const shell of ['zsh', 'fish'] as const) {
  if (!available[shell])
    console.warn(
      `completion tests: ${shell} is not installed, so its completion script is NOT checked (apt-get install ${shell})`,
    );
}

/** Every character a shell or a completion system might read as syntax. */
const HOSTILE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, meant literally
  'it\'s "quoted" [brackets] a:b (parens) {braces} $HOME ${HOME} `whoami` $(id) back\\slash \\\' 100% ; & | < > * ? ~ ! # -- end';

let dir = '';
const scripts: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' };
const hostile: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' };
/** Commands and their descriptions, as the real program declares them. */
let commandDescriptions: [string, string][] = [];

/** A program shaped like hashcalc's, every description hostile. */
function hostileProgram(): Command {
  const program = new Command('hashcalc').option('--json', HOSTILE).option('--scenario <FILE>', HOSTILE);
  program.command('trap').description(HOSTILE).option('--rate <USD>', HOSTILE).option('--flag', HOSTILE);
  return program;
}

const shellEnv = () => ({ ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir });
function sh(shell: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(shell, args, { env: shellEnv(), encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hashcalc-completion-'));
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const real = capture();
    expect(await run(['completion', shell], real.ctx)).toBe(0);
    scripts[shell] = join(dir, `hashcalc.${shell}`);
    writeFileSync(scripts[shell], real.out());
    const trap = capture();
    expect(await runCompletion(callFor(hostileProgram(), shell, trap.ctx))).toBe(0);
    hostile[shell] = join(dir, `hostile.${shell}`);
    writeFileSync(hostile[shell], trap.out());
  }
  const { ctx } = capture();
  commandDescriptions = buildProgram(ctx, ctx.stderr, () => {}).commands.map((c) => [
    c.name(),
    c.description(),
  ]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** zsh's completion helpers strip one backslash before any character. */
const zshUnescape = (text: string) => text.replace(/\\(.)/g, '$1');

describe('bash', () => {
  it.skipIf(!available.bash)('the script parses (bash -n)', () => {
    const { status, out } = sh('bash', ['-n', scripts.bash]);
    expect(status, out).toBe(0);
    expect(sh('bash', ['-n', hostile.bash]).status).toBe(0);
  });

  it.skipIf(!available.bash)('completes commands and their arguments', () => {
    const complete = (...words: string[]) =>
      sh('bash', [
        '-c',
        `source "$0"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _hashcalc; printf '%s\\n' "\${COMPREPLY[@]}"`,
        scripts.bash,
      ]).out.trim();
    expect(complete('hashcalc', 'sch')).toBe('schema');
    expect(complete('hashcalc', 'catalog', '').split('\n')).toEqual(
      expect.arrayContaining(['miners', 'deals']),
    );
    expect(complete('hashcalc', 'compare', '--format', 'm')).toBe('markdown');
  });

  it.skipIf(!available.bash)(
    'completes after leading root flags, only the flags a command accepts, and values',
    () => {
      const complete = (...words: string[]) =>
        sh('bash', [
          '-c',
          `source "$0"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _hashcalc; printf '%s\\n' "\${COMPREPLY[@]}"`,
          scripts.bash,
        ]).out.trim();
      expect(complete('hashcalc', '--offline', 'comp').split('\n')).toEqual(['compare', 'completion']);
      expect(complete('hashcalc', '--format', 'json', 'net')).toBe('network');
      expect(complete('hashcalc', '--offline', 'compare', '--m')).toContain('--miner\n');
      // schema takes no --format, --scenario or --mw: it is not offered them.
      expect(complete('hashcalc', 'schema', '--').split('\n').sort()).toEqual(
        ['--help', '--no-color', '--offline', '--quiet'].sort(),
      );
      expect(complete('hashcalc', 'compare', '--miner', 'antminer-s21-xp-')).toBe('antminer-s21-xp-hyd');
      expect(complete('hashcalc', 'compare', '--gpu', 'h')).toBe('h100\nh200');
      expect(complete('hashcalc', 'sensitivity', '--grid', 'btc-')).toBe('btc-price\nbtc-growth');
      expect(complete('hashcalc', 'sensitivity', '--range', 'lease-r')).toBe('lease-rate=');
      expect(complete('hashcalc', 'compare', '--mw', '')).toBe(''); // a number: no flags offered as its value
    },
  );
});

describe('descriptions', () => {
  it('keep the default and the env var, drop the basis, and cut no nested parenthesis', () => {
    expect(
      completionDescription(
        'lease rate per kW-month of critical IT load (default 138: year-1 rent: median miner-to-AI lease $155/kW-month of IT on average (9 leases, 2024-26) less a 2.5%/yr escalator over 10 years; env HASHCALC_LEASE_RATE)',
      ),
    ).toBe('lease rate per kW-month of critical IT load (default 138; env HASHCALC_LEASE_RATE)');
    expect(
      completionDescription('miner capex in USD per TH/s (default: catalog price, else $15.5) (env X)'),
    ).toBe('miner capex in USD per TH/s (default catalog price, else $15.5) (env X)');
    expect(completionDescription('no default here (env HASHCALC_POOL)')).toBe(
      'no default here (env HASHCALC_POOL)',
    );
  });

  it.skipIf(!available.fish)('every flag: balanced parentheses and its env var, in every command', () => {
    const lines = readFileSync(scripts.fish, 'utf8').split('\n');
    const descriptions = lines.flatMap((l) => /-l (\S+) -d '((?:\\.|[^'\\])*)'/.exec(l)?.slice(1, 3) ?? []);
    expect(descriptions.length).toBeGreaterThan(100);
    for (let i = 0; i < descriptions.length; i += 2) {
      const [flag, text] = [descriptions[i] as string, descriptions[i + 1] as string];
      let depth = 0;
      for (const ch of text) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
      expect(depth, `--${flag}: ${text}`).toBe(0);
      if (text.includes('(default') && !['help', 'version'].includes(flag))
        expect(text, `--${flag}`).toMatch(/env HASHCALC_[A-Z_]+\)|env: /);
    }
  });
});

describe('zsh', () => {
  // _describe prints the array it is given, _arguments its specs; compdef (used when sourced) does nothing.
  const stubs =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh syntax
    '_describe() { print -rl -- "${(@P)2}" }; _arguments() { print -rl -- "$@" }; compdef() { :; }; source "$1"';
  const describeAt = (script: string) =>
    sh('zsh', ['-f', '-c', `${stubs}; words=(hashcalc ''); CURRENT=2; _hashcalc`, 'zsh', script]);
  const argumentsOf = (script: string, command: string) =>
    sh('zsh', ['-f', '-c', `${stubs}; words=(hashcalc ${command} --); CURRENT=3; _hashcalc`, 'zsh', script]);

  it.skipIf(!available.zsh)('the script parses (zsh -n)', () => {
    const { status, out } = sh('zsh', ['-n', scripts.zsh]);
    expect(status, out).toBe(0);
    const trap = sh('zsh', ['-n', hostile.zsh]);
    expect(trap.status, trap.out).toBe(0);
  });

  it.skipIf(!available.zsh)('every command description reaches _describe unchanged', () => {
    const { status, out } = describeAt(scripts.zsh);
    expect(status, out).toBe(0);
    // name:description, a literal colon escaped in the description.
    const items = out.trimEnd().split('\n');
    expect(items.map((item) => zshUnescape(item))).toEqual(commandDescriptions.map(([n, d]) => `${n}:${d}`));
    expect(items.every((item) => !/(^|[^\\]):/.test(item.slice(item.indexOf(':') + 1)))).toBe(true);
  });

  it.skipIf(!available.zsh)(
    'a hostile description survives as a command, a switch and a flag with a value',
    () => {
      const commands = describeAt(hostile.zsh);
      expect(commands.status, commands.out).toBe(0);
      expect(zshUnescape(commands.out.trimEnd())).toBe(`trap:${HOSTILE}`);
      const specs = argumentsOf(hostile.zsh, 'trap');
      expect(specs.status, specs.out).toBe(0);
      // --flag[desc] and --rate[desc]:usd: with [, ], : and \ escaped inside the brackets.
      const parsed = specs.out
        .trimEnd()
        .split('\n')
        .map((spec) => /^(--[a-z-]+)\[((?:\\.|[^\]\\])*)\](.*)$/.exec(spec));
      expect(parsed.every(Boolean), specs.out).toBe(true);
      const byFlag = Object.fromEntries(parsed.map((m) => [m?.[1], [zshUnescape(m?.[2] ?? ''), m?.[3]]]));
      expect(byFlag['--flag']).toEqual([HOSTILE, '']);
      expect(byFlag['--rate']).toEqual([HOSTILE, ':usd:']);
      expect(byFlag['--scenario']).toEqual([HOSTILE, ':file:_files']);
      expect(byFlag['--json']).toEqual([HOSTILE, '']);
    },
  );

  it.skipIf(!available.zsh)('gives each command its flags and its argument words', () => {
    const { out } = argumentsOf(scripts.zsh, 'catalog');
    expect(out).toContain('1:catalog:(miners gpus deals conversions valuations defaults)');
    const compare = argumentsOf(scripts.zsh, 'compare').out;
    expect(compare).toMatch(/^--format\[.+\]:format:\(table json csv markdown xlsx\)$/m);
    expect(compare).toMatch(/^--mw\[/m);
    expect(compare).toContain(':model\\[\\:count\\]:(antminer-s19j-pro antminer-s19-xp ');
    expect(compare).toMatch(
      /^--lease-rate\[lease rate per kW-month of critical IT load \(default 138; env HASHCALC_LEASE_RATE\)\]/m,
    );
    expect(argumentsOf(scripts.zsh, 'schema').out).not.toMatch(/^--(format|scenario|mw)\[/m);
  });

  it.skipIf(!available.zsh)('finds the command after leading root flags', () => {
    const at = (...words: string[]) =>
      sh('zsh', [
        '-f',
        '-c',
        `${stubs}; words=(hashcalc ${words.join(' ')}); CURRENT=${words.length + 1}; _hashcalc`,
        'zsh',
        scripts.zsh,
      ]).out;
    expect(at('--offline', "''")).toContain('compare:');
    expect(at('--format', 'json', 'compare', '--')).toMatch(/^--mw\[/m);
    expect(at('--offline', 'schema', '--')).not.toMatch(/^--mw\[/m);
  });
});

describe('fish', () => {
  const complete = (script: string, line: string) =>
    sh('fish', ['--no-config', '-c', `source $argv[1]; complete -C $argv[2]`, script, line]);

  it.skipIf(!available.fish)('the script parses (fish --no-execute)', () => {
    const { status, out } = sh('fish', ['--no-execute', scripts.fish]);
    expect(status, out).toBe(0);
    const trap = sh('fish', ['--no-execute', hostile.fish]);
    expect(trap.status, trap.out).toBe(0);
  });

  it.skipIf(!available.fish)('every command description reaches fish unchanged', () => {
    const { status, out } = complete(scripts.fish, 'hashcalc ');
    expect(status, out).toBe(0);
    const lines = out.trimEnd().split('\n');
    for (const [name, description] of commandDescriptions) expect(lines).toContain(`${name}\t${description}`);
  });

  it.skipIf(!available.fish)('a hostile description survives as a command and as flags', () => {
    const commands = complete(hostile.fish, 'hashcalc ');
    expect(commands.status, commands.out).toBe(0);
    expect(commands.out.trimEnd()).toBe(`trap\t${HOSTILE}`);
    const flags = complete(hostile.fish, 'hashcalc trap --')
      .out.trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('--help\t'))
      .sort();
    expect(flags).toEqual(['--flag', '--json', '--rate', '--scenario'].map((f) => `${f}\t${HOSTILE}`));
  });

  it.skipIf(!available.fish)('completes the values of a flag with choices, and no files there', () => {
    const { out } = complete(scripts.fish, 'hashcalc compare --format ');
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['csv', 'json', 'markdown', 'table', 'xlsx']);
  });

  it.skipIf(!available.fish)('after a leading root flag; model ids; only the flags a command accepts', () => {
    const words = (line: string) =>
      complete(scripts.fish, line)
        .out.trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(words('hashcalc --offline comp')).toEqual(['compare', 'completion']);
    expect(words('hashcalc compare --gpu h')).toEqual(['h100', 'h200']);
    expect(words('hashcalc compare --miner whatsminer-m5')).toEqual(['whatsminer-m50s']);
    expect(words('hashcalc schema --').sort()).toEqual(['--help', '--no-color', '--offline', '--quiet']);
  });
});

it('the completion command rejects an unknown shell with a usage error', async () => {
  const { ctx } = capture();
  await expect(runCompletion(callFor(new Command('hashcalc'), 'powershell', ctx))).rejects.toThrow(
    /expected one of/,
  );
});
