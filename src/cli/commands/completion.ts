/** `completion bash|zsh|fish`: shell completion generated from the program's commands and flags. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { CATALOG_KINDS } from '../../report/catalog.js';
import { SCHEMA_NAMES } from '../../report/documents.js';
import type { CommandCall } from '../command-call.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface Flag {
  long: string;
  description: string;
  /** The value's name in help (`<USD>` -> USD); undefined for a switch. */
  value: string | undefined;
  choices: readonly string[];
}

interface Spec {
  name: string;
  description: string;
  flags: Flag[];
  args: readonly string[];
}

const ARGUMENT_WORDS: Record<string, readonly string[]> = {
  catalog: CATALOG_KINDS,
  schema: SCHEMA_NAMES,
  completion: SHELLS,
};

/** `--miner <MODEL[:COUNT]>` -> MODEL[:COUNT] */
const valueName = (flags: string) => {
  const match = /<([^>]+)>|\[([^\]]+)\]/.exec(flags);
  return match?.[1] ?? match?.[2] ?? 'value';
};

/** One line: help text may wrap, a completion description may not. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function specs(program: Command): { global: Flag[]; commands: Spec[] } {
  const flagsOf = (command: Command): Flag[] =>
    command.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({
        long: o.long as string,
        description: oneLine(o.description.replace(/\s*\(default[^)]*\)/, '')),
        value: o.required || o.optional ? valueName(o.flags) : undefined,
        choices: o.argChoices ?? [],
      }));
  return {
    global: [
      ...flagsOf(program),
      { long: '--help', description: 'show help', value: undefined, choices: [] },
    ],
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: oneLine(c.description()),
      flags: flagsOf(c),
      args: ARGUMENT_WORDS[c.name()] ?? [],
    })),
  };
}

/**
 * Quoting. Descriptions hold quotes, brackets, colons, parentheses, `$` and backticks; each shell sees them as
 * plain text:
 * - bash and zsh: POSIX single quotes, where nothing is special; a quote closes, is escaped and reopens.
 * - fish: single quotes, where only `\` and `'` are special, each escaped with a backslash.
 * - zsh's _arguments and _describe then read `[`, `]`, `:` and `\` as syntax: a backslash makes each literal
 *   (and is not shown).
 */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;
const zshEscape = (text: string) => text.replace(/[[\]:\\]/g, '\\$&');
const isFile = (f: Flag) => f.value === 'FILE';

function bash(program: Command): string {
  const { global, commands } = specs(program);
  const cases = commands
    .map((c) => {
      const words = [...c.flags.map((f) => f.long), ...global.map((f) => f.long), ...c.args].join(' ');
      return `    ${c.name}) words=${quote(words)} ;;`;
    })
    .join('\n');
  return `# hashcalc bash completion: eval "$(hashcalc completion bash)" in ~/.bashrc
_hashcalc() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    words=${quote([...commands.map((c) => c.name), ...global.map((f) => f.long)].join(' '))}
  else
    case "\${COMP_WORDS[1]}" in
${cases}
    *) words=${quote(global.map((f) => f.long).join(' '))} ;;
    esac
  fi
  case "\${COMP_WORDS[COMP_CWORD-1]}" in
    --format) words='table json csv markdown' ;;
    --scenario) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _hashcalc hashcalc
`;
}

function zsh(program: Command): string {
  const { global, commands } = specs(program);
  const action = (f: Flag) => (f.choices.length ? `(${f.choices.join(' ')})` : isFile(f) ? '_files' : '');
  const flagSpec = (f: Flag) =>
    quote(
      `${f.long}[${zshEscape(f.description)}]${f.value ? `:${zshEscape(f.value.toLowerCase())}:${action(f)}` : ''}`,
    );
  const cases = commands
    .map((c) => {
      const args = c.args.length ? ` ${quote(`1:${c.name}:(${c.args.join(' ')})`)}` : '';
      return `    ${c.name}) _arguments ${[...c.flags, ...global].map(flagSpec).join(' ')}${args} ;;`;
    })
    .join('\n');
  return `#compdef hashcalc
# hashcalc zsh completion: hashcalc completion zsh > "\${fpath[1]}/_hashcalc" (or source it after compinit)
_hashcalc() {
  local -a commands
  commands=(${commands.map((c) => quote(`${c.name}:${zshEscape(c.description)}`)).join(' ')})
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=$words[2]
  shift words; (( CURRENT-- ))
  case $command in
${cases}
  esac
}
if [ "\${funcstack[1]}" = _hashcalc ]; then
  _hashcalc "$@"
else
  compdef _hashcalc hashcalc
fi
`;
}

function fish(program: Command): string {
  const { global, commands } = specs(program);
  const lines = [
    '# hashcalc fish completion: hashcalc completion fish > ~/.config/fish/completions/hashcalc.fish',
    'complete -c hashcalc -f',
  ];
  for (const c of commands)
    lines.push(`complete -c hashcalc -n __fish_use_subcommand -a ${c.name} -d ${fishQuote(c.description)}`);
  const flagLine = (f: Flag) =>
    `-l ${f.long.slice(2)} -d ${fishQuote(f.description)}${f.value ? (isFile(f) ? ' -r -F' : ' -x') : ''}${f.choices.length ? ` -a ${fishQuote(f.choices.join(' '))}` : ''}`;
  for (const f of global) lines.push(`complete -c hashcalc ${flagLine(f)}`);
  for (const c of commands) {
    for (const f of c.flags) {
      lines.push(`complete -c hashcalc -n '__fish_seen_subcommand_from ${c.name}' ${flagLine(f)}`);
    }
    if (c.args.length)
      lines.push(
        `complete -c hashcalc -n '__fish_seen_subcommand_from ${c.name}' -a ${fishQuote(c.args.join(' '))}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export async function runCompletion(call: CommandCall): Promise<number> {
  const { program, ctx } = call;
  const shell = call.args[0] ?? '';
  const render = { bash, zsh, fish }[shell as (typeof SHELLS)[number]];
  if (!SHELLS.includes(shell as (typeof SHELLS)[number]) || !render) {
    throw new UsageError(`completion: expected one of ${SHELLS.join(', ')}, got '${shell}'`);
  }
  ctx.stdout.write(render(program));
  return 0;
}
