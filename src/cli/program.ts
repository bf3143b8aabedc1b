/**
 * The commander program: every command, flag, help text and example. Command implementations are imported
 * lazily, so `--help` and each command load only what they need.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { addDataOptions } from './data-flags.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './errors.js';
import { AI_FLAGS, type FlagDef, MINING_FLAGS, NETWORK_FLAGS, SITE_FLAGS } from './flags.js';
import type { RawOptions } from './inputs.js';

declare const HASHCALC_VERSION: string;
const VERSION = typeof HASHCALC_VERSION === 'string' ? HASHCALC_VERSION : '0.0.0-dev';

const EXIT_CODES = `
Exit codes:
  0  ok
  1  runtime or data failure
  2  usage error (bad flag, bad value, unknown model)
  3  a threshold check breached`;

function describe(def: FlagDef): string {
  if (def.defaultValue === undefined) return def.description;
  return `${def.description} (default ${def.defaultValue}: ${def.basis})`;
}

function addFlags(command: Command, defs: Record<string, FlagDef>, group: string): Command {
  for (const def of Object.values(defs))
    command.addOption(new Option(def.flags, describe(def)).helpGroup(group));
  return command;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function networkOptions(command: Command): Command {
  return addDataOptions(addFlags(command, NETWORK_FLAGS, 'Network data (override any source):'));
}

function siteOptions(command: Command): Command {
  return addFlags(command, SITE_FLAGS, 'Site:');
}

function miningOptions(command: Command): Command {
  command.addOption(
    new Option(
      '--miner <MODEL[:COUNT]>',
      'ASIC model, repeatable for a mixed fleet; without a count the site is filled (default: Antminer S21 XP)',
    )
      .argParser(collect)
      .helpGroup('Mining:'),
  );
  return addFlags(command, MINING_FLAGS, 'Mining:');
}

function aiOptions(command: Command): Command {
  command.addOption(
    new Option(
      '--gpu <MODEL>',
      'GPU model for the GPU cloud (default: h100; see `hashcalc catalog gpus`)',
    ).helpGroup('AI:'),
  );
  command.addOption(
    new Option(
      '--landlord-pays-power',
      "the landlord, not the tenant, pays for the leased load's power",
    ).helpGroup('AI:'),
  );
  command.addOption(
    new Option(
      '--no-landlord-pays-power',
      'the tenant pays (the default; overrides env, scenario or config)',
    ).helpGroup('AI:'),
  );
  return addFlags(command, AI_FLAGS, 'AI:');
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_CODES}\n`;
}

type Runner = (options: RawOptions) => Promise<number>;

/**
 * Builds the program. `only`: the command about to run; the others are declared by name and description
 * alone. Omit it (help, completion, an unknown command) to define every command fully.
 */
export function buildProgram(ctx: Context, setExitCode: (code: number) => void, only?: string): Command {
  const program = new Command('hashcalc');
  program
    .description(
      'Bitcoin mining vs AI compute economics for a site: ASIC mining, an AI lease and a GPU cloud, side by side.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--json', 'print one JSON document (stable field names, units in names); same as --format json')
    .addOption(new Option('--format <FORMAT>', 'output format').choices(['table', 'json', 'csv', 'markdown']))
    .option('--no-color', 'no colour (also NO_COLOR=1; FORCE_COLOR forces it)')
    .option('--offline', 'use no network: cache, then the embedded snapshot')
    .option('--scenario <FILE>', 'read inputs from a scenario file (flags override it; see hashcalc init)')
    .option(
      '--explain',
      'list every input, its value and where it came from (flag, env, scenario, config, default) on stderr',
    )
    .option('-q, --quiet', 'no notes or warnings on stderr (errors still)')
    .option('--verbose', 'more detail on stderr (implies --explain)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: () => {},
    })
    .addHelpText(
      'after',
      examples([
        'hashcalc compare --mw 341',
        'hashcalc compare --mw 341 --power-price 0.035 --lease-rate 155 --json | jq .options',
        'hashcalc hashprice --btc-price 90000',
        'hashcalc mining --mw 50 --miner s21xp:8000 --miner m60s',
        'hashcalc catalog miners',
      ]),
    );

  const action = (runner: Runner) => async (_options: unknown, command: Command) => {
    setExitCode(await runner(command.optsWithGlobals() as RawOptions));
  };

  /**
   * Each command is declared with its name and description; its flags, help and action are defined only when
   * it is the command being run (or for help and completion, which show them all): a run builds one command.
   */
  const declare = (name: string, description: string, define: (command: Command) => void) => {
    const command = program.command(name).description(description);
    if (only === undefined || only === name) define(command);
  };

  declare(
    'hashprice',
    'Hashprice now: USD and BTC per PH/s per day from difficulty, subsidy, fees and BTC price',
    (command) => {
      networkOptions(
        command.addHelpText(
          'after',
          examples(['hashcalc hashprice', 'hashcalc hashprice --difficulty 149.30T --btc-price 90k --json']),
        ),
      ).action(action(async (o) => (await import('./commands/hashprice.js')).runHashprice(o, ctx)));
    },
  );

  declare(
    'network',
    'Network state: height, difficulty, hashrate, price, fees, hashprice, next retarget and halving',
    (command) => {
      networkOptions(
        command.addHelpText(
          'after',
          examples([
            'hashcalc network',
            'hashcalc network --mempool-url http://umbrel.local:3006',
            'hashcalc network --json',
          ]),
        ),
      ).action(action(async (o) => (await import('./commands/network.js')).runNetwork(o, ctx)));
    },
  );

  const economics = (name: 'mining' | 'ai' | 'compare', description: string, lines: string[]) =>
    declare(name, description, (command) => {
      let defined = siteOptions(command.addHelpText('after', examples(lines)));
      if (name !== 'ai') defined = miningOptions(defined);
      if (name !== 'mining') defined = aiOptions(defined);
      networkOptions(defined).action(
        action(async (o) => (await import('./commands/economics.js')).runEconomics(name, o, ctx)),
      );
    });
  economics('compare', 'Mining vs AI lease vs GPU cloud for one site, side by side, per kWh and per year', [
    'hashcalc compare --mw 341',
    'hashcalc compare --mw 341 --power-price 0.045 --miner s21xp --gpu b200 --utilization 80%',
    'hashcalc compare --mw 100 --lease-rate 180 --pue-ai 1.25 --landlord-pays-power',
    "hashcalc compare --mw 341 --json | jq '.options[] | {id, revenueUsdPerKwh}'",
  ]);
  economics('mining', 'ASIC mining economics for a site: revenue, energy, EBITDA, breakevens', [
    'hashcalc mining --mw 100',
    'hashcalc mining --mw 20 --miner "S21 XP:3000" --miner m60s --pool-fee 2%',
    'hashcalc mining --mw 100 --power-price 0.06 --btc-price 120k --json',
  ]);
  economics('ai', 'AI economics for a site: a wholesale lease of IT load and a self-run GPU cloud', [
    'hashcalc ai --mw 100',
    'hashcalc ai --mw 100 --gpu gb200 --gpu-hour-price 9 --utilization 0.9',
  ]);

  declare(
    'check',
    'Evaluate threshold rules on the compare figures: exit 0 all pass, 3 any breached (for CI)',
    (command) => {
      const rule = (flags: string, description: string, repeatable = false) => {
        const option = new Option(flags, description).helpGroup('Rules:');
        command.addOption(repeatable ? option.argParser(collect) : option);
      };
      rule('--min-hashprice <USD_PER_PH_DAY>', 'fail when hashprice is below');
      rule('--max-hashprice <USD_PER_PH_DAY>', 'fail when hashprice is above');
      rule(
        '--min-breakeven-power-price <USD_PER_KWH>',
        'fail when the mining breakeven power price is below',
      );
      rule(
        '--max-breakeven-power-price <USD_PER_KWH>',
        'fail when the mining breakeven power price is above',
      );
      rule(
        '--min-ratio <A/B:X>',
        'fail when revenue per kWh of option A over B is below X (e.g. ai-lease/mining:2); repeatable',
        true,
      );
      rule('--max-ratio <A/B:X>', 'fail when the ratio is above X; repeatable', true);
      rule(
        '--assert <EXPR>',
        'fail unless EXPR holds, e.g. "options.mining.ebitdaUsdPerYear > 0"; repeatable',
        true,
      );
      command.addHelpText(
        'after',
        `${examples([
          'hashcalc check --min-hashprice 40',
          'hashcalc check --mw 341 --min-ratio ai-lease/mining:2 --format markdown >> "$GITHUB_STEP_SUMMARY"',
          "hashcalc check --assert 'options.gpu-cloud.paybackYears < 4 and network.hashpriceUsdPerPhDay > 30'",
          'hashcalc check --scenario site.json --json',
        ])}
Metrics (paths for --assert): network.<field> (hashpriceUsdPerPhDay, btcUsd, difficulty, ...), site.mw,
assumptions.<input>, options.<mining|ai-lease|gpu-cloud>.<field> (revenueUsdPerKwh, ebitdaUsdPerYear,
paybackYears, breakevens.powerUsdPerKwh, ...): see 'hashcalc compare --json'. Operators: + - * / < <= > >= == !=
and or not, parentheses, 2.5% for 0.025. A null metric (e.g. payback never reached) makes a comparison fail.
`,
      );
      networkOptions(miningOptions(aiOptions(siteOptions(command)))).action(
        action(async (o) => (await import('./commands/check.js')).runCheck(o, ctx)),
      );
    },
  );

  declare('catalog', 'List the data hashcalc uses, with sources: miners, gpus or deals', (command) => {
    command
      .argument('<kind>', 'miners, gpus or deals')
      .addHelpText(
        'after',
        examples(['hashcalc catalog miners', 'hashcalc catalog gpus --json', 'hashcalc catalog deals']),
      )
      .action(async (kind: string, _options: unknown, self: Command) => {
        const { runCatalog } = await import('./commands/catalog.js');
        setExitCode(await runCatalog(kind, self.optsWithGlobals() as RawOptions, ctx));
      });
  });

  declare(
    'init',
    'Write an annotated example scenario file and its JSON Schema (never overwrites without --force)',
    (command) => {
      command
        .argument('[file]', 'scenario file to write', 'hashcalc-scenario.json')
        .option('--force', 'overwrite existing files')
        .option('--stdout', 'print the example instead of writing files')
        .addHelpText(
          'after',
          examples(['hashcalc init', 'hashcalc init site.json && hashcalc compare --scenario site.json']),
        )
        .action(async (file: string, _options: unknown, self: Command) => {
          const { runInit } = await import('./commands/init.js');
          setExitCode(await runInit(file, self.optsWithGlobals() as RawOptions, ctx));
        });
    },
  );

  declare(
    'schema',
    "Print the JSON Schema of a command's --json output (for validation and editor completion)",
    (command) => {
      command
        .argument(
          '<name>',
          'hashprice, network, compare, mining, ai, catalog, check (outputs) or scenario (the input file)',
        )
        .addHelpText(
          'after',
          examples([
            'hashcalc schema compare > compare.schema.json',
            'hashcalc schema hashprice | jq .properties',
          ]),
        )
        .action(async (name: string) => {
          setExitCode(await (await import('./commands/schema.js')).runSchema(name, ctx));
        });
    },
  );

  declare('completion', 'Print a shell completion script: bash, zsh or fish', (command) => {
    command
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        examples([
          'eval "$(hashcalc completion bash)"',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown to the user
          'hashcalc completion zsh > "${fpath[1]}/_hashcalc"',
          'hashcalc completion fish > ~/.config/fish/completions/hashcalc.fish',
        ]),
      )
      .action(async (shell: string) => {
        setExitCode(await (await import('./commands/completion.js')).runCompletion(shell, program, ctx));
      });
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

/** Flags before a `--` terminator. */
export function argvFlags(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

const COMMAND_NAMES = [
  'hashprice',
  'network',
  'compare',
  'mining',
  'ai',
  'check',
  'catalog',
  'init',
  'schema',
  'completion',
];

/** The command a run is for: the first word that is not a flag, if it names a command (completion needs all). */
/** Root options that take a value: the word after them is not a command. */
const ROOT_VALUE_OPTIONS = new Set(['--format', '--scenario']);

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
function commandToRun(argv: readonly string[]): string | undefined {
  const word = firstWord(argv);
  return word && word !== 'completion' && COMMAND_NAMES.includes(word) ? word : undefined;
}

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

/** Run the CLI in-process: returns the exit code; writes only through ctx. */
export async function run(argv: readonly string[], ctx: Context): Promise<number> {
  let exitCode = 0;
  // --quiet silences notes and warnings from commands; errors below still go to the real stderr.
  const flags = argvFlags(argv);
  const quiet = flags.includes('--quiet') || flags.includes('-q');
  const commandCtx: Context = quiet ? { ...ctx, stderr: { write: () => true, isTTY: false } } : ctx;
  const program = buildProgram(
    commandCtx,
    (code) => {
      exitCode = code;
    },
    commandToRun(argv),
  );
  if (argv.length === 0) {
    ctx.stdout.write(program.helpInformation());
    return 0;
  }
  if (firstWord(argv) === undefined && !argvFlags(argv).some((a) => HELP_OR_VERSION.has(a))) {
    ctx.stderr.write("hashcalc: missing command (e.g. compare, hashprice, check); see 'hashcalc --help'\n");
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
      const text = error.message
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\.$/, '');
      const name = program.commands.find((c) => argv.includes(c.name()))?.name();
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
