/** `completion bash|zsh|fish`: shell completion generated from the program's commands and flags. */
import type { Command } from 'commander';
import { GPUS } from '../../catalog/gpus.js';
import { MINERS } from '../../catalog/miners.js';
import { DRIVER_IDS } from '../../core/risk/sensitivity.js';
import { UsageError } from '../../errors.js';
import { COMMAND_NAMES, OUTPUT_FORMATS, rowByFlag } from '../../inputs/table.js';
import { CATALOG_KINDS } from '../../report/catalog.js';
import { SCHEMA_NAMES } from '../../report/documents.js';
import type { CommandCall } from '../command-call.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface Flag {
  long: string;
  description: string;
  /** The value's name in help (`<USD>` -> USD); undefined for a switch. */
  value: string | undefined;
  /** The words its value may be: its choices, else catalog ids, drivers or formats. */
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

/** The values a flag without choices takes: model ids, sensitivity drivers, formats. */
const VALUE_WORDS: Record<string, readonly string[]> = {
  '--miner': MINERS.map((m) => m.id),
  '--gpu': GPUS.map((g) => g.id),
  '--grid': DRIVER_IDS,
  '--range': DRIVER_IDS.map((d) => `${d}=`),
  '--format': OUTPUT_FORMATS,
};

/** One line: help text may wrap, a completion description may not. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A flag's help line, one line, its default's basis left out (a completion menu is one line per flag) but the
 * default itself and the env var kept: "lease rate ... (default 138; env HASHCALC_LEASE_RATE)". The
 * parenthesis is matched as a whole, nested ones included.
 */
export function completionDescription(help: string): string {
  const text = oneLine(help);
  const start = text.indexOf('(default');
  if (start < 0) return text;
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')' && --depth === 0) break;
  }
  if (depth !== 0) return text; // unbalanced: shown whole rather than cut
  const inside = text.slice(start + 1, end);
  const value = /^default(?::\s*|\s+)?([^:;]*)/.exec(inside)?.[1]?.trim();
  const env = /;\s*(env [^;]+)$/.exec(inside)?.[1]?.trim();
  const kept = [value ? `default ${value}` : 'default', env].filter(Boolean).join('; ');
  return `${text.slice(0, start)}(${kept})${text.slice(end + 1)}`;
}

/** Root flags a command accepts: those of no input row (--help) and those whose row names the command. */
const accepts = (command: string, flag: Flag) => {
  if (flag.long === '--version') return false;
  if (!(COMMAND_NAMES as readonly string[]).includes(command)) return true;
  return rowByFlag(flag.long)?.commands.includes(command as never) ?? true;
};

function specs(program: Command): { global: Flag[]; commands: Spec[] } {
  const flagsOf = (command: Command): Flag[] =>
    command.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({
        long: o.long as string,
        description: completionDescription(o.description),
        value: o.required || o.optional ? valueName(o.flags) : undefined,
        choices: o.argChoices ?? VALUE_WORDS[o.long as string] ?? [],
      }));
  const global: Flag[] = [
    ...flagsOf(program),
    { long: '--help', description: 'show help', value: undefined, choices: [] },
  ];
  return {
    global,
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: oneLine(c.description()),
      // Only what the command accepts: its own flags and the root flags it uses (a flag it does not use is exit 2).
      flags: [...flagsOf(c), ...global.filter((f) => accepts(c.name(), f))],
      args: ARGUMENT_WORDS[c.name()] ?? [],
    })),
  };
}

/** Every flag that takes a value, once (the same flag takes the same values in every command). */
function valueFlags(global: Flag[], commands: Spec[]): Flag[] {
  const byLong = new Map<string, Flag>();
  for (const f of [...global, ...commands.flatMap((c) => c.flags)])
    if (f.value && !byLong.has(f.long)) byLong.set(f.long, f);
  return [...byLong.values()];
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
    .map((c) => `    ${c.name}) words=${quote([...c.flags.map((f) => f.long), ...c.args].join(' '))} ;;`)
    .join('\n');
  const globalValues = global.filter((f) => f.value).map((f) => f.long);
  const values = valueFlags(global, commands)
    .map((f) =>
      isFile(f)
        ? `    ${f.long}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`
        : f.choices.length
          ? `    ${f.long}) words=${quote(f.choices.join(' '))} ;;`
          : `    ${f.long}) COMPREPLY=(); return ;;`,
    )
    .join('\n');
  return `# hashcalc bash completion: eval "$(hashcalc completion bash)" in ~/.bashrc
_hashcalc() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" words command="" i
  # The command is the first word that is not a root flag (nor a root flag's value): hashcalc --offline compare
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${globalValues.join('|') || '--'}) ((i++)) ;;
      -*) ;;
      *) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
    '') words=${quote([...commands.map((c) => c.name), ...global.map((f) => f.long)].join(' '))} ;;
${cases}
    *) words='--help' ;;
  esac
  case "$prev" in
${values}
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
      return `    ${c.name}) _arguments ${c.flags.map(flagSpec).join(' ')}${args} ;;`;
    })
    .join('\n');
  return `#compdef hashcalc
# hashcalc zsh completion: hashcalc completion zsh > "\${fpath[1]}/_hashcalc" (or source it after compinit)
_hashcalc() {
  local -a commands
  commands=(${commands.map((c) => quote(`${c.name}:${zshEscape(c.description)}`)).join(' ')})
  # The command is the first word that is not a root flag (nor its value): hashcalc --offline compare
  local i=2
  while (( i < CURRENT )); do
    case $words[i] in
      ${
        global
          .filter((f) => f.value)
          .map((f) => f.long)
          .join('|') || '--'
      }) (( i += 2 )) ;;
      -*) (( i++ )) ;;
      *) break ;;
    esac
  done
  if (( i >= CURRENT )); then
    if [[ $words[CURRENT] == -* ]]; then
      _arguments ${global.map(flagSpec).join(' ')}
    else
      _describe 'command' commands
    fi
    return
  fi
  local command=$words[i]
  shift $(( i - 1 )) words; (( CURRENT -= i - 1 ))
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
  for (const f of global) lines.push(`complete -c hashcalc -n __fish_use_subcommand ${flagLine(f)}`);
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
