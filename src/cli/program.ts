/**
 * The commander wiring: every command of the registry (its spec beside its implementation) with its flags
 * from the input table (src/inputs/table.ts), help, examples and exit codes; and the mapping of errors to
 * one line and an exit code. Implementations are imported lazily, so `--help` and each command load only
 * what they need.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { type Context, terminalWidth } from '../context.js';
import { closestWord } from '../core/suggest.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE, escapeControl, UsageError } from '../errors.js';
import {
  checkControl,
  checkDashes,
  checkNegations,
  checkOnce,
  unknownEnvWarnings,
} from '../inputs/checks.js';
import {
  attributeOf,
  type CommandName,
  GROUP_TITLES,
  INPUT_ROWS,
  type InputRow,
  rowByFlag,
  rowsFor,
} from '../inputs/table.js';
import { wrapText } from '../output/wrap.js';
import type { CommandSpec } from './command-spec.js';
import { exitCodesHelp, formatHelpItem, formatHelpItemList, styleHelpUsage } from './help-layout.js';
import { COMMAND_SPECS } from './registry.js';

declare const HASHCALC_VERSION: string;
const VERSION = typeof HASHCALC_VERSION === 'string' ? HASHCALC_VERSION : '0.0.0-dev';

/** Help text of a row: what it is, its default with the basis, and its env var. */
function describe(row: InputRow): string {
  const notes: string[] = [];
  if (row.defaultValue !== undefined && typeof row.defaultValue !== 'boolean') {
    const shown = row.unit === 'ms' ? `${row.defaultValue} ms` : String(row.defaultValue);
    notes.push(`default ${shown}${row.basis ? `: ${row.basis}` : ''}`);
  }
  if (row.env) notes.push(`env ${row.env}`);
  return notes.length > 0 ? `${row.description} (${notes.join('; ')})` : row.description;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The commander options of one row (two for a negatable switch). */
export function optionsOf(row: InputRow): Option[] {
  const value = row.valueOptional ? ` [${row.valueName}]` : ` <${row.valueName}>`;
  const names = `${row.short ? `${row.short}, ` : ''}${row.flag}${row.valueName ? value : ''}`;
  const option = new Option(names, describe(row)).helpGroup(GROUP_TITLES[row.group]);
  if (
    row.kind.type === 'fleet' ||
    row.kind.type === 'ranges' ||
    (row.kind.type === 'rule' && row.kind.repeatable)
  )
    option.argParser(collect);
  if (row.kind.type === 'choice') option.choices([...row.kind.choices]);
  if (row.valueName) {
    // Every value is plain text, and a single-value flag is given once.
    const inner = option.parseArg;
    option.argParser((value: string, previous: unknown) => {
      checkControl(row.flag, value);
      checkOnce(row, value, previous);
      return inner ? inner.call(option, value, previous) : value;
    });
  }
  const options = [option];
  if (row.kind.type === 'boolean' && row.kind.negatable) {
    options.push(
      new Option(
        `--no-${row.flag.slice(2)}`,
        `the opposite of ${row.flag} (overrides env, scenario or config)`,
      ).helpGroup(GROUP_TITLES[row.group]),
    );
  }
  return options;
}

/** Words of a shell command, quotes kept together. */
function shellWords(command: string): string[] {
  return command.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [command];
}

/** An example command, continued with a backslash where it would be wider than the help. */
function exampleLines(command: string, width: number): string {
  const lines: string[] = [];
  let current = '  $';
  for (const word of shellWords(command)) {
    if (current.length + 1 + word.length + 2 > width && current.trim() !== '$') {
      lines.push(`${current} \\`);
      current = '     ';
    }
    current += ` ${word}`;
  }
  lines.push(current);
  return lines.join('\n');
}

function examples(commands: readonly string[], width: number): string {
  return `\nExamples:\n${commands.map((c) => exampleLines(c, width)).join('\n')}\n${exitCodesHelp(width)}\n`;
}

const GLOBAL_ROWS = INPUT_ROWS.filter((r) => r.global);

/** Global options a command's help shows: those it takes (the program's help shows them all). */
function globalRowUsed(command: CommandName | undefined, row: InputRow | undefined): boolean {
  if (!row || command === undefined) return true;
  return row.commands.includes(command);
}

const HELP_TOPIC = 'help';
const ROOT_FLAGS = ['--help', '--version', ...GLOBAL_ROWS.map((r) => r.flag), '--no-color'];
const SILENT: Context['stderr'] = { write: () => true, isTTY: false };

/**
 * Builds the program: every command by name, description and arguments. A command's flags and help text are
 * added when commander dispatches to it or shows its help: building all of them takes ~3 ms, on every run.
 */
export function buildProgram(
  ctx: Context,
  explainTo: Context['stderr'],
  setExitCode: (code: number) => void,
): Command {
  const width = terminalWidth(ctx);
  const program = new Command('hashcalc');
  program
    .description(
      'Bitcoin mining vs AI compute economics for a site: ASIC mining, an AI lease and a GPU cloud, side by side.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureHelp({
      showGlobalOptions: true,
      helpWidth: width,
      minWidthToWrap: 10,
      formatItem: formatHelpItem,
      formatItemList: formatHelpItemList,
      styleUsage: styleHelpUsage,
      visibleGlobalOptions(cmd: Command) {
        const name = COMMAND_SPECS.find((s) => s.name === cmd.name())?.name;
        return Help.prototype.visibleGlobalOptions
          .call(this, cmd)
          .filter((o) => globalRowUsed(name, o.long ? rowByFlag(o.long) : undefined));
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: () => {},
    })
    // Help texts as functions: laid out only when help is shown, not on every run.
    .addHelpText('after', () =>
      examples(
        [
          'npx hashcalc compare --mw 341',
          'npx hashcalc compare --mw 341 --power-price 0.035 --lease-rate 155 --json | jq .options',
          'npx hashcalc hashprice --btc-price 90000',
          'npx hashcalc mining --mw 50 --miner s21xp:8000 --miner m60s',
          'npx hashcalc catalog miners',
        ],
        width,
      ),
    );
  for (const row of GLOBAL_ROWS) for (const option of optionsOf(row)) program.addOption(option);
  program.addOption(
    new Option('--no-color', 'no colour (also NO_COLOR=1; FORCE_COLOR forces it)').helpGroup(
      'Global options:',
    ),
  );

  const specs = new Map<Command, CommandSpec>();
  const complete = (command: Command) => {
    const spec = specs.get(command);
    if (!spec) return;
    specs.delete(command);
    for (const row of rowsFor(spec.name)) {
      if (row.global) continue;
      for (const option of optionsOf(row)) command.addOption(option);
    }
    command.addHelpText(
      'after',
      () => `${examples(spec.examples, width)}${spec.more ? `\n${wrapText(spec.more, width)}\n` : ''}`,
    );
  };
  const completeAll = () => {
    for (const command of program.commands) complete(command);
  };

  for (const spec of COMMAND_SPECS) {
    const { name } = spec;
    const command = program.command(name).description(spec.description);
    for (const arg of spec.args ?? []) command.argument(arg.name, arg.description, arg.defaultValue);
    specs.set(command, spec);
    command.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      const args = received.slice(0, -2).filter((a): a is string => typeof a === 'string');
      const options = self.optsWithGlobals();
      // A global option given on the command line that this command does not use is a usage error.
      for (const row of GLOBAL_ROWS) {
        if (
          self.getOptionValueSourceWithGlobals(attributeOf(row.flag)) === 'cli' &&
          !globalRowUsed(name, row)
        )
          throw new UsageError(`${row.flag}: not used by '${name}'`);
      }
      // --quiet silences the command's notes and warnings (errors still reach the real stderr); --no-color.
      const commandCtx: Context = {
        ...ctx,
        ...(options.quiet === true ? { stderr: SILENT } : {}),
        ...(options.color === false ? { colorLevel: 0 } : {}),
      };
      // A HASHCALC_* variable hashcalc does not read (a typo, a renamed one): said, not an error.
      for (const warning of unknownEnvWarnings(ctx.env)) commandCtx.stderr.write(`hashcalc: ${warning}\n`);
      const runner = await spec.load();
      setExitCode(await runner({ name, options, args, ctx: commandCtx, explainTo, program }));
    });
  }

  // The command commander dispatches to gets its flags (completion describes them all).
  program.hook('preSubcommand', (_, sub) => {
    if (sub.name() === 'completion') completeAll();
    else complete(sub);
  });
  program.on('beforeAllHelp', (context: { error: boolean; command: Command }) => {
    if (context.command !== program) return complete(context.command);
    // The program's help shown for an error: no command, or `help` with one that does not exist.
    if (context.error) {
      const [first, topic] = program.args;
      if (first === HELP_TOPIC && topic !== undefined) {
        const guess = closestWord(
          topic,
          COMMAND_SPECS.map((s) => s.name),
        );
        throw new UsageError(
          `no command '${topic}'${guess ? `; did you mean '${guess}'?` : ''}; see 'hashcalc --help'`,
        );
      }
      throw new UsageError("missing command (e.g. compare, hashprice, check); see 'hashcalc --help'");
    }
    completeAll();
  });
  return program;
}

const USAGE_CODES = new Set([
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.invalidArgument',
  'commander.excessArguments',
  'commander.conflictingOption',
]);

/** One line for an unknown option and no command: with a suggestion. */
function unknownRootOption(unknown: string): string {
  if (unknown === '-v') return "unknown option '-v'; did you mean --version (or -V)?";
  const guess = closestWord(unknown.replace(/=.*$/, ''), ROOT_FLAGS);
  return `unknown option '${unknown}'${guess ? `; did you mean ${guess}?` : ''}; see 'hashcalc --help'`;
}

/** Run the CLI in-process: returns the exit code; writes only through ctx. */
export async function run(argv: readonly string[], ctx: Context): Promise<number> {
  let exitCode = 0;
  let dispatched: string | undefined;
  const program = buildProgram(ctx, ctx.stderr, (code) => {
    exitCode = code;
  });
  program.hook('preSubcommand', (_, sub) => {
    dispatched = sub.name();
  });
  if (argv.length === 0) {
    // The listener above completes every command; commander's Command is an EventEmitter (untyped here).
    (program as unknown as NodeJS.EventEmitter).emit('beforeAllHelp', { error: false, command: program });
    ctx.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    checkDashes(argv);
    checkNegations(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `hashcalc help [command]` asks for help (exit 0); help shown for an error is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : EXIT_USAGE;
      // An error before commander reached a command (a bad global value) names the command given.
      const name = dispatched ?? program.commands.find((c) => argv.includes(c.name()))?.name();
      const flag = /'([^']+)'/.exec(error.message)?.[1];
      if (error.code === 'commander.unknownOption' && flag) {
        if (!name) {
          ctx.stderr.write(`hashcalc: ${escapeControl(unknownRootOption(flag))}\n`);
          return EXIT_USAGE;
        }
        // A flag another command takes: say so, rather than "unknown".
        if (rowByFlag(flag)) {
          ctx.stderr.write(
            `hashcalc: ${escapeControl(flag.replace(/=.*$/, ''))}: not used by '${name}'; see 'hashcalc ${name} --help'\n`,
          );
          return EXIT_USAGE;
        }
      }
      // Commander quotes what was typed: escaped like any text from outside (one line, inert).
      const text = escapeControl(
        error.message
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\.$/, ''),
      );
      ctx.stderr.write(`hashcalc: ${text}; see 'hashcalc ${name ? `${name} ` : ''}--help'\n`);
      return USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILURE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(`hashcalc: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(
      `hashcalc: internal error: ${escapeControl(message)} (set HASHCALC_DEBUG=1 for details)\n`,
    );
    if (ctx.env.HASHCALC_DEBUG === '1' && error instanceof Error && error.stack)
      ctx.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
