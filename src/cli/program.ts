/**
 * The commander program: every command declared from the input table (src/inputs/table.ts), with help,
 * examples and exit codes. Command implementations are imported lazily, so `--help` and each command load
 * only what they need; only the command being run has its flags built.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { type Context, terminalWidth } from '../context.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE, UsageError } from '../errors.js';
import { closestWord } from '../inputs/suggest.js';
import {
  attributeOf,
  COMMAND_NAMES,
  type CommandName,
  GROUP_TITLES,
  INPUT_ROWS,
  type InputRow,
  rowByFlag,
  rowsFor,
} from '../inputs/table.js';
import { wrapText } from '../output/wrap.js';
import type { CommandCall } from './command-call.js';

declare const HASHCALC_VERSION: string;
const VERSION = typeof HASHCALC_VERSION === 'string' ? HASHCALC_VERSION : '0.0.0-dev';

const EXIT_CODES = `
Exit codes:
  0  ok
  1  runtime or data failure (a failed write to stdout included)
  2  usage error: a bad flag or value, an unknown model, a flag the command
     does not use
  3  a threshold check breached`;

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
  const names = `${row.short ? `${row.short}, ` : ''}${row.flag}${row.valueName ? ` <${row.valueName}>` : ''}`;
  const option = new Option(names, describe(row)).helpGroup(GROUP_TITLES[row.group]);
  if (
    row.kind.type === 'fleet' ||
    row.kind.type === 'ranges' ||
    (row.kind.type === 'rule' && row.kind.repeatable)
  )
    option.argParser(collect);
  if (row.kind.type === 'choice') option.choices([...row.kind.choices]);
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

function examples(commands: string[], width: number): string {
  return `\nExamples:\n${commands.map((c) => exampleLines(c, width)).join('\n')}\n${EXIT_CODES}\n`;
}

interface CommandSpec {
  description: string;
  examples: string[];
  /** Extra help text after the examples (wrapped to the terminal). */
  more?: string;
  args?: { name: string; description: string; defaultValue?: string }[];
  load: () => Promise<(call: CommandCall) => Promise<number>>;
}

const SPECS: Record<CommandName, CommandSpec> = {
  history: {
    description:
      "Hashprice history: daily USD and BTC per PH/s, the low and high, averages, year to date, a chart, a miner's margin",
    examples: [
      'npx hashcalc history',
      'npx hashcalc history --period 3y --json | jq .stats',
      'npx hashcalc history --since 2025-01-01 --miner s21xp --power-price 0.05',
      'npx hashcalc history --data my-export.csv --format csv',
      'npx hashcalc history --offline --period all',
    ],
    more: "Hashprice per day from the same difficulty-based formula as the live value: 86400 x 1e15 / (difficulty x 2^32) x (subsidy + fees per block), at the day's price; a halving day blends the two subsidies by its blocks. Live days come from a mempool instance and are cached (later runs fetch only the days since); --data reads a CSV (date, difficulty, avgFeesBtcPerBlock, btcUsd, optional blocks) or JSON lines; offline with no cache, the embedded difficulty epochs give the BTC hashprice excluding fees. Gaps stay gaps.",
    load: async () => (await import('./commands/history.js')).runHistory,
  },
  exodus: {
    description:
      'If hashrate leaves for AI: the retarget delay, the difficulty change, the uplift for those who stay, pool concentration',
    examples: [
      'npx hashcalc exodus --mw 341',
      'npx hashcalc exodus --ehs 50 --blocks-into-epoch 1008',
      'npx hashcalc exodus --announced --mw 100 --miner s21xp',
      'npx hashcalc exodus --ehs 30 --pool foundryusa --mempool-url http://umbrel.local:3006 --json',
    ],
    more: "Hashprice is difficulty-based: the miners who stay earn the same per PH/s until the retarget (blocks just come slower), then more by the inverse of the difficulty change. The retarget follows Bitcoin Core's rule: the span of 2015 intervals against 2016 x 600 s, clamped to 4x. Pool shares are the last week's blocks from the mempool instance.",
    load: async () => (await import('./commands/exodus.js')).runExodus,
  },
  project: {
    description:
      'Decisions over time: NPV, IRR, payback and cash per option over the years, the halving included',
    examples: [
      'npx hashcalc project --mw 341 --years 5',
      'npx hashcalc project --mw 341 --years 10 --difficulty-growth 2% --btc-growth 15% --discount-rate 12%',
      'npx hashcalc project --mw 100 --fleet new --conversion-months 18 --gpu-price-decline 30%',
      "npx hashcalc project --mw 341 --json | jq '.options[] | {id, npvUsd, irr, paybackMonths}'",
      'npx hashcalc project --mw 341 --format csv > months.csv',
      "npx hashcalc project --mw 341 --simulations 100000 --json | jq '.simulation.options[] | {id, probabilityBeatsMining}'",
    ],
    more: "Conventions: monthly steps of a twelfth of a 365-day year; each month's cash lands at its end; capex when spent (month 0 is today); NPV discounts month m by (1 + rate)^(-m/12) with month 0 undiscounted (numpy-financial, not Excel); IRR is annualized as (1 + monthly IRR)^12 - 1 and, when several rates solve it, the one closest to 0 is reported. The chain is simulated by difficulty epochs (Bitcoin Core's retarget rule), so the halving lands on its block. With --simulations N: a Monte Carlo of BTC/USD (geometric Brownian motion), the network hashrate (correlated with BTC) and GPU rent, month by month over the same flows: NPV mean and percentiles per option, the chance each AI option beats keeping mining, the chance of never paying back; the same --seed gives the same figures with any --workers.",
    load: async () => (await import('./commands/project.js')).runProject,
  },
  sensitivity: {
    description:
      'What would have to be true: each driver low and high (tornado), or two drivers over a grid, as NPV vs mining',
    examples: [
      'npx hashcalc sensitivity --mw 341',
      'npx hashcalc sensitivity --mw 341 --swing 30% --range btc-growth=-30%:50%',
      'npx hashcalc sensitivity --mw 341 --grid btc-price,gpu-hour-price --steps 11',
      "npx hashcalc sensitivity --mw 341 --json | jq '.drivers[] | {id, lowValue, highValue}'",
      'npx hashcalc sensitivity --mw 341 --grid btc-price,lease-rate --format csv > grid.csv',
    ],
    more: "Drivers (named by their flags): btc-price, btc-growth, difficulty-growth, power-price, lease-rate, lease-escalator, gpu-hour-price, gpu-price-decline, utilization, gpu-capex, fit-out, conversion-months, discount-rate. Each is set to its low and its high with every other input at its base, and the whole projection is rerun: the bars are each AI option's NPV minus keeping mining's, sorted by how far they move it. A grid marks with * the cells next to a change of sign: the break-even frontier.",
    load: async () => (await import('./commands/sensitivity.js')).runSensitivity,
  },
  hashprice: {
    description: 'Hashprice now: USD and BTC per PH/s per day from difficulty, subsidy, fees and BTC price',
    examples: [
      'npx hashcalc hashprice',
      'npx hashcalc hashprice --difficulty 149.30T --btc-price 90k --json',
    ],
    load: async () => (await import('./commands/hashprice.js')).runHashprice,
  },
  network: {
    description:
      'Network state: height, difficulty, hashrate, price, fees, hashprice, next retarget and halving',
    examples: [
      'npx hashcalc network',
      'npx hashcalc network --mempool-url http://umbrel.local:3006',
      'npx hashcalc network --json',
    ],
    load: async () => (await import('./commands/network.js')).runNetwork,
  },
  compare: {
    description: 'Mining vs AI lease vs GPU cloud for one site, side by side, per kWh and per year',
    examples: [
      'npx hashcalc compare --mw 341',
      'npx hashcalc compare --mw 341 --power-price 0.045 --miner s21xp --gpu b200 --utilization 80%',
      'npx hashcalc compare --mw 100 --lease-rate 180 --pue-ai 1.25 --landlord-pays-power',
      "npx hashcalc compare --mw 341 --json | jq '.options[] | {id, ebitdaUsdPerKwh}'",
    ],
    load: async () => (await import('./commands/economics.js')).runEconomics,
  },
  mining: {
    description: 'ASIC mining economics for a site: revenue, energy, EBITDA, breakevens',
    examples: [
      'npx hashcalc mining --mw 100',
      'npx hashcalc mining --mw 20 --miner "S21 XP:3000" --miner m60s --pool-fee 2%',
      'npx hashcalc mining --mw 100 --power-price 0.06 --btc-price 120k --json',
    ],
    load: async () => (await import('./commands/economics.js')).runEconomics,
  },
  ai: {
    description: 'AI economics for a site: a wholesale lease of IT load and a self-run GPU cloud',
    examples: [
      'npx hashcalc ai --mw 100',
      'npx hashcalc ai --mw 100 --gpu gb200 --gpu-hour-price 9 --utilization 0.9',
    ],
    load: async () => (await import('./commands/economics.js')).runEconomics,
  },
  check: {
    description: 'Evaluate threshold rules on the compare figures: exit 0 all pass, 3 any breached (for CI)',
    examples: [
      'npx hashcalc check --min-hashprice 40',
      'npx hashcalc check --mw 341 --min-ratio ai-lease/mining:2 --format markdown >> "$GITHUB_STEP_SUMMARY"',
      "npx hashcalc check --assert 'options.gpu-cloud.paybackYears < 4 and network.hashpriceUsdPerPhDay > 30'",
      'npx hashcalc check --scenario site.json --json',
    ],
    more: "Metrics (paths for --assert): network.<field> (hashpriceUsdPerPhDay, btcUsd, difficulty, ...), site.mw, assumptions.<input>, options.<mining|ai-lease|gpu-cloud>.<field> (revenueUsdPerKwh, ebitdaUsdPerYear, paybackYears, breakevens.powerUsdPerKwh, ...): see 'hashcalc compare --json'. Operators: + - * / < <= > >= == != and or not, parentheses, 2.5% for 0.025. A null metric (e.g. payback never reached) makes a comparison fail.",
    load: async () => (await import('./commands/check.js')).runCheck,
  },
  catalog: {
    description:
      'List the data hashcalc uses, each figure with its public source and date: miners, gpus, deals, conversions, defaults',
    examples: [
      'npx hashcalc catalog miners',
      'npx hashcalc catalog gpus --json',
      'npx hashcalc catalog deals',
      'npx hashcalc catalog conversions',
      'npx hashcalc catalog --stale 180d',
    ],
    more: 'With --stale DURATION (and no kind): exit 3 when any dated figure is older than that, listing them; 0 otherwise.',
    args: [{ name: '[kind]', description: 'miners, gpus, deals, conversions or defaults' }],
    load: async () => (await import('./commands/catalog.js')).runCatalog,
  },
  init: {
    description:
      'Write an annotated example scenario file and its JSON Schema (never overwrites without --force)',
    examples: [
      'npx hashcalc init',
      'npx hashcalc init site.json && npx hashcalc compare --scenario site.json',
    ],
    args: [{ name: '[file]', description: 'scenario file to write', defaultValue: 'hashcalc-scenario.json' }],
    load: async () => (await import('./commands/init.js')).runInit,
  },
  schema: {
    description: "Print the JSON Schema of a command's --json output (for validation and editor completion)",
    examples: [
      'npx hashcalc schema compare > compare.schema.json',
      'npx hashcalc schema hashprice | jq .properties',
    ],
    args: [
      {
        name: '<name>',
        description:
          'project, sensitivity, history, exodus, hashprice, network, compare, mining, ai, catalog, check (outputs) or scenario (the input file)',
      },
    ],
    load: async () => (await import('./commands/schema.js')).runSchema,
  },
  completion: {
    description: 'Print a shell completion script: bash, zsh or fish',
    examples: [
      'eval "$(npx hashcalc completion bash)"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown to the user
      'npx hashcalc completion zsh > "${fpath[1]}/_hashcalc"',
      'npx hashcalc completion fish > ~/.config/fish/completions/hashcalc.fish',
    ],
    args: [{ name: '<shell>', description: 'bash, zsh or fish' }],
    load: async () => (await import('./commands/completion.js')).runCompletion,
  },
};

const GLOBAL_ROWS = INPUT_ROWS.filter((r) => r.global);

/** Global options a command's help shows: those it takes (the program's help shows them all). */
function globalRowUsed(command: CommandName | undefined, row: InputRow | undefined): boolean {
  if (!row || command === undefined) return true;
  return row.commands.includes(command);
}

/**
 * Builds the program. `only`: the command about to run; the others are declared by name and description
 * alone. Omit it (help, completion, an unknown command) to define every command fully.
 */
export function buildProgram(
  ctx: Context,
  explainTo: Context['stderr'],
  setExitCode: (code: number) => void,
  only?: string,
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
      minWidthToWrap: 20,
      visibleGlobalOptions(cmd: Command) {
        const name = COMMAND_NAMES.find((n) => n === cmd.name());
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

  for (const name of COMMAND_NAMES) {
    const spec = SPECS[name];
    const command = program.command(name).description(spec.description);
    if (only !== undefined && only !== name) continue;
    for (const arg of spec.args ?? []) command.argument(arg.name, arg.description, arg.defaultValue);
    for (const row of rowsFor(name)) {
      if (row.global) continue;
      for (const option of optionsOf(row)) command.addOption(option);
    }
    command.addHelpText(
      'after',
      () => `${examples(spec.examples, width)}${spec.more ? `\n${wrapText(spec.more, width)}\n` : ''}`,
    );
    command.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      const args = received.slice(0, -2).filter((a): a is string => typeof a === 'string');
      // A global option given on the command line that this command does not use is a usage error.
      for (const row of GLOBAL_ROWS) {
        if (
          self.getOptionValueSourceWithGlobals(attributeOf(row.flag)) === 'cli' &&
          !globalRowUsed(name, row)
        )
          throw new UsageError(`${row.flag}: not used by '${name}'`);
      }
      const runner = await spec.load();
      setExitCode(await runner({ name, options: self.optsWithGlobals(), args, ctx, explainTo, program }));
    });
  }
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

/** Flags before a `--` terminator. */
export function argvFlags(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** Root options that take a value: the word after them is not a command. */
const ROOT_VALUE_OPTIONS = new Set(GLOBAL_ROWS.filter((r) => r.valueName).map((r) => r.flag as string));

/** The first word that is not a flag or a root option's value: the command, if any. */
function firstWord(argv: readonly string[]): string | undefined {
  const flags = argvFlags(argv);
  for (let i = 0; i < flags.length; i++) {
    const arg = flags[i] as string;
    if (ROOT_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The command a run is for, if the first word names one (completion and help need every command). */
function commandToRun(argv: readonly string[]): CommandName | undefined {
  const word = firstWord(argv);
  return COMMAND_NAMES.find((n) => n === word && n !== 'completion');
}

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);
const ROOT_FLAGS = ['--help', '--version', ...GLOBAL_ROWS.map((r) => r.flag), '--no-color'];

/** One line for a word that is not a command and no flag that helps: with a suggestion. */
function missingCommand(argv: readonly string[]): string {
  const unknown = argvFlags(argv).find(
    (a) =>
      a.startsWith('-') &&
      !ROOT_FLAGS.includes(a.replace(/=.*$/, '')) &&
      a !== '-q' &&
      a !== '-h' &&
      a !== '-V',
  );
  if (unknown === '-v') return "hashcalc: unknown option '-v'; did you mean --version (or -V)?";
  if (unknown) {
    const guess = closestWord(unknown.replace(/=.*$/, ''), ROOT_FLAGS);
    return `hashcalc: unknown option '${unknown}'${guess ? `; did you mean ${guess}?` : ''}; see 'hashcalc --help'`;
  }
  return "hashcalc: missing command (e.g. compare, hashprice, check); see 'hashcalc --help'";
}

/** Run the CLI in-process: returns the exit code; writes only through ctx. */
export async function run(argv: readonly string[], ctx: Context): Promise<number> {
  let exitCode = 0;
  // --quiet silences notes and warnings from commands; errors below still go to the real stderr.
  const flags = argvFlags(argv);
  const quiet = flags.includes('--quiet') || flags.includes('-q');
  const commandCtx: Context = quiet ? { ...ctx, stderr: { write: () => true, isTTY: false } } : ctx;
  const target = commandToRun(argv);
  const program = buildProgram(
    commandCtx,
    ctx.stderr,
    (code) => {
      exitCode = code;
    },
    target,
  );
  if (argv.length === 0) {
    ctx.stdout.write(program.helpInformation());
    return 0;
  }
  const word = firstWord(argv);
  // `hashcalc help foo`: one line, not the whole help on stderr.
  if (word === 'help') {
    const topic = argvFlags(argv)[argvFlags(argv).indexOf('help') + 1];
    if (topic !== undefined && !COMMAND_NAMES.some((n) => n === topic)) {
      const guess = closestWord(topic, [...COMMAND_NAMES]);
      ctx.stderr.write(
        `hashcalc: no command '${topic}'${guess ? `; did you mean '${guess}'?` : ''}; see 'hashcalc --help'\n`,
      );
      return EXIT_USAGE;
    }
  }
  if (word === undefined && !argvFlags(argv).some((a) => HELP_OR_VERSION.has(a))) {
    ctx.stderr.write(`${missingCommand(argv)}\n`);
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `hashcalc help [command]` asks for help (exit 0); help shown for an error is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : EXIT_USAGE;
      const name = target ?? program.commands.find((c) => argv.includes(c.name()))?.name();
      // A flag another command takes: say so, rather than "unknown".
      if (error.code === 'commander.unknownOption' && name) {
        const flag = /'([^']+)'/.exec(error.message)?.[1];
        const known = flag ? rowByFlag(flag) : undefined;
        if (flag && known) {
          ctx.stderr.write(
            `hashcalc: ${flag.replace(/=.*$/, '')}: not used by '${name}'; see 'hashcalc ${name} --help'\n`,
          );
          return EXIT_USAGE;
        }
      }
      const text = error.message
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\.$/, '');
      ctx.stderr.write(`hashcalc: ${text}; see 'hashcalc ${name ? `${name} ` : ''}--help'\n`);
      return USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILURE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(`hashcalc: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`hashcalc: internal error: ${message} (set HASHCALC_DEBUG=1 for details)\n`);
    if (ctx.env.HASHCALC_DEBUG === '1' && error instanceof Error && error.stack)
      ctx.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
