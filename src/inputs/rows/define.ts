/**
 * What a row of the input table is, the helpers the row modules share and the commands' names, with named
 * lists of the commands that take the same rows. Types and data only (no parsing code).
 */
import type { NumberSpec } from '../parse.js';

export const COMMAND_NAMES = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'history',
  'exodus',
  'hashprice',
  'network',
  'compare',
  'mining',
  'ai',
  'check',
  'catalog',
  'config',
  'cache',
  'doctor',
  'init',
  'schema',
  'completion',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Every command: harmless where nothing is fetched or said. */
export const EVERY_COMMAND: readonly CommandName[] = COMMAND_NAMES;
/**
 * The commands that print a report (--json, --format): all but init, schema and completion, and `report`
 * (which writes an HTML file, --out).
 */
export const REPORTING = COMMAND_NAMES.filter(
  (name): name is Exclude<CommandName, 'init' | 'schema' | 'completion' | 'report'> =>
    name !== 'init' && name !== 'schema' && name !== 'completion' && name !== 'report',
);
/**
 * The commands that resolve inputs (--scenario, --explain): the reporting ones but those about hashcalc itself,
 * and `report`.
 */
export const TAKING_INPUTS = [
  ...REPORTING.filter(
    (name): name is Exclude<(typeof REPORTING)[number], 'catalog' | 'config' | 'cache' | 'doctor'> =>
      name !== 'catalog' && name !== 'config' && name !== 'cache' && name !== 'doctor',
  ),
  'report',
] as const satisfies readonly CommandName[];
/** The commands that read the network state (difficulty, price, fees), live or overridden. */
export const NETWORK_COMMANDS = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'exodus',
  'hashprice',
  'network',
  'compare',
  'mining',
  'check',
] as const satisfies readonly CommandName[];
/** The commands that size a site (its megawatts). */
export const SITE_COMMANDS = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'exodus',
  'compare',
  'mining',
  'ai',
  'check',
] as const satisfies readonly CommandName[];
/** The commands that run a mining site. */
export const MINING_COMMANDS = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'exodus',
  'compare',
  'mining',
  'check',
] as const satisfies readonly CommandName[];
/** The commands that run the AI options (a lease, a GPU cloud). */
export const AI_COMMANDS = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'compare',
  'ai',
  'check',
] as const satisfies readonly CommandName[];
/** The commands that run the projection over the horizon (compare and check for paybacks and breakevens). */
export const PROJECTING = [
  'project',
  'report',
  'sensitivity',
  'strategy',
  'compare',
  'check',
] as const satisfies readonly CommandName[];

/** What a row's value is, and so how it is parsed from a flag, an env var and a scenario file. */
export type InputKind =
  /** A number with a range (accepts 2.5%, 10M, 84,775 where the spec says so). */
  | { type: 'number'; spec: NumberSpec }
  /** A switch. `negatable`: a --no-FLAG form overrides env, scenario and config. */
  | { type: 'boolean'; negatable?: boolean }
  /** One of a few words. */
  | { type: 'choice'; choices: readonly string[] }
  /** A model in a catalog, matched loosely (s21xp, "S21 XP"). */
  | { type: 'model'; catalog: 'gpus' }
  /** Repeatable MODEL[:COUNT] (env: comma-separated; scenario: an array of { model, count }). */
  | { type: 'fleet' }
  /** A duration: bare numbers are `bare` units; 90s, 10m, 2h, 1d. Parsed to ms. */
  | { type: 'duration'; bare: 'ms' | 's'; minMs: number; maxMs: number; accepts: string }
  /** An http(s) base URL. */
  | { type: 'url'; example: string }
  /** A file path. */
  | { type: 'file' }
  /** A name (matched by the command against what it knows). */
  | { type: 'text' }
  /** A calendar date, YYYY-MM-DD (UTC). */
  | { type: 'date' }
  /** A threshold rule for `check`: a number, or (repeatable) rule text. */
  | { type: 'rule'; repeatable: boolean }
  /**
   * Repeatable DRIVER=LOW:HIGH (env: comma-separated; scenario: an object of driver -> [low, high]); the
   * command checks the driver names and their values.
   */
  | { type: 'ranges' };

/** The help section a flag is shown under (GROUP_TITLES); which commands take a row is its `commands`. */
export type InputGroup =
  | 'universal'
  | 'output'
  | 'inputs'
  | 'site'
  | 'mining'
  | 'ai'
  | 'network'
  | 'data'
  | 'rules'
  | 'projection'
  | 'simulation'
  | 'sensitivity'
  | 'exodus'
  | 'history'
  | 'catalog'
  | 'cache'
  | 'init'
  | 'report';

export interface InputRow {
  /** The input's name in --explain, `assumptions` and `assumptionSources`. */
  id: string;
  /** The long flag, e.g. '--mw'. */
  flag: `--${string}`;
  /** Short alias, e.g. '-q'. */
  short?: `-${string}`;
  /** Placeholder shown in help, e.g. 'MW'; absent for switches. */
  valueName?: string;
  /** The flag may be given without its value (a duration: read as 0, "the default limit"; see the row). */
  valueOptional?: boolean;
  /** HASHCALC_* variable, or null where none (README lists those). */
  env: string | null;
  /** Where the value lives in a scenario or config file, e.g. 'site.mw'; null where none. */
  path: string | null;
  group: InputGroup;
  /** The commands that take it, explicitly: any other command says "not used by" (exit 2). */
  commands: readonly CommandName[];
  kind: InputKind;
  description: string;
  /** Unit of the parsed value, for the reader. */
  unit?: string;
  /** undefined: no default (taken from the catalog entry, or none). */
  defaultValue?: number | string | boolean;
  /** Why the default is what it is; shown next to the value in output. */
  basis?: string;
  /**
   * The documented public source the basis cites, where the catalog has no figure for it (a catalog figure's
   * source comes from the catalog): `assumptionSources.<id>.sourceUrl` of the default.
   */
  sourceUrl?: string;
  /** Declared on the program (accepted before or after the command); still only for its `commands`. */
  global?: boolean;
}

/** A row as its module writes it: `env` left out is HASHCALC_ + the flag in upper snake case (envOf). */
export type RowSpec = Omit<InputRow, 'env'> & { env?: string | null };

/** The env var of a flag unless its row says otherwise: '--power-price' -> 'HASHCALC_POWER_PRICE'. */
export function envOf(flag: string): string {
  return `HASHCALC_${flag.slice(2).replace(/-/g, '_').toUpperCase()}`;
}

export const fraction = (flag: string, range: '[0,1)' | '(0,1]', example: string): InputKind => ({
  type: 'number',
  spec: {
    flag,
    accepts: `a fraction ${range === '[0,1)' ? 'from 0 to below 1' : 'above 0 up to 1'} (e.g. ${example} or ${Math.round(Number(example) * 1000) / 10}%)`,
    min: 0,
    minExclusive: range === '(0,1]',
    max: 1,
    maxExclusive: range === '[0,1)',
    percent: true,
  },
});

export const number = (spec: NumberSpec): InputKind => ({ type: 'number', spec });

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown', 'xlsx'] as const;
