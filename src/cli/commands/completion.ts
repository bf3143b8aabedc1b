/** `completion bash|zsh|fish`: shell completion generated from the program's commands and flags. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { SCHEMA_NAMES } from './schema.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface Spec {
  name: string;
  description: string;
  flags: { long: string; description: string; takesValue: boolean; choices: readonly string[] }[];
  args: readonly string[];
}

const ARGUMENT_WORDS: Record<string, readonly string[]> = {
  catalog: ['miners', 'gpus', 'deals'],
  schema: SCHEMA_NAMES,
  completion: SHELLS,
};

function specs(program: Command): { global: Spec['flags']; commands: Spec[] } {
  const flagsOf = (command: Command) =>
    command.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({
        long: o.long as string,
        description: o.description.replace(/\s*\(default[^)]*\)/, ''),
        takesValue: o.required || o.optional,
        choices: o.argChoices ?? [],
      }));
  return {
    global: [
      ...flagsOf(program),
      { long: '--help', description: 'show help', takesValue: false, choices: [] },
    ],
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      flags: flagsOf(c),
      args: ARGUMENT_WORDS[c.name()] ?? [],
    })),
  };
}

const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

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
  const esc = (t: string) => t.replace(/[[\]:'\\]/g, '\\$&');
  const flagSpec = (f: Spec['flags'][number]) =>
    `'${f.long}[${esc(f.description)}]${f.takesValue ? `:value:${f.choices.length ? `(${f.choices.join(' ')})` : ''}` : ''}'`;
  const cases = commands
    .map((c) => {
      const args = c.args.length ? ` '1:${c.name}:(${c.args.join(' ')})'` : '';
      return `    ${c.name}) _arguments ${[...c.flags, ...global].map(flagSpec).join(' ')}${args} ;;`;
    })
    .join('\n');
  return `#compdef hashcalc
# hashcalc zsh completion: hashcalc completion zsh > "\${fpath[1]}/_hashcalc"
_hashcalc() {
  local -a commands
  commands=(${commands.map((c) => `'${c.name}:${esc(c.description)}'`).join(' ')})
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
_hashcalc "$@"
`;
}

function fish(program: Command): string {
  const { global, commands } = specs(program);
  const lines = [
    '# hashcalc fish completion: hashcalc completion fish > ~/.config/fish/completions/hashcalc.fish',
    'complete -c hashcalc -f',
  ];
  for (const c of commands)
    lines.push(`complete -c hashcalc -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`);
  for (const f of global)
    lines.push(
      `complete -c hashcalc -l ${f.long.slice(2)} -d ${quote(f.description)}${f.takesValue ? ' -r' : ''}${f.choices.length ? ` -a ${quote(f.choices.join(' '))}` : ''}`,
    );
  for (const c of commands) {
    for (const f of c.flags) {
      lines.push(
        `complete -c hashcalc -n '__fish_seen_subcommand_from ${c.name}' -l ${f.long.slice(2)} -d ${quote(f.description)}${f.takesValue ? ' -r' : ''}`,
      );
    }
    if (c.args.length)
      lines.push(
        `complete -c hashcalc -n '__fish_seen_subcommand_from ${c.name}' -a ${quote(c.args.join(' '))}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export async function runCompletion(shell: string, program: Command, ctx: Context): Promise<number> {
  const render = { bash, zsh, fish }[shell as (typeof SHELLS)[number]];
  if (!SHELLS.includes(shell as (typeof SHELLS)[number]) || !render) {
    throw new UsageError(`completion: expected one of ${SHELLS.join(', ')}, got '${shell}'`);
  }
  ctx.stdout.write(render(program));
  return 0;
}
