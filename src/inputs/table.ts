/**
 * The one input table: every input hashcalc takes, one row each, with its flag, env var, scenario path, what
 * it accepts, unit, default, the basis for that default and the commands that take it. The rows live in
 * src/inputs/rows/, one module per group (the group is the help section); this module puts them in order and
 * gives each its env var (HASHCALC_ + the flag in upper snake case unless the row names another, or null).
 * Help text, --explain, `assumptions` and `assumptionSources` in JSON, the scenario JSON Schema and its "did
 * you mean" keys, shell completion and the README's env-var list all derive from these rows.
 *
 * Data only (no parsing code), so the program can describe every flag without loading validation code.
 */

import { AI_ROWS } from './rows/ai.js';
import { CACHE_ROWS } from './rows/cache.js';
import { CATALOG_ROWS } from './rows/catalog.js';
import { DATA_ROWS } from './rows/data.js';
import { DEBT_ROWS } from './rows/debt.js';
import { type CommandName, envOf, type InputGroup, type InputRow } from './rows/define.js';
import { EXODUS_ROWS } from './rows/exodus.js';
import { HISTORY_ROWS } from './rows/history.js';
import { INIT_ROWS } from './rows/init.js';
import { INPUTS_ROWS } from './rows/inputs.js';
import { MINING_ROWS } from './rows/mining.js';
import { NETWORK_ROWS } from './rows/network.js';
import { OUTPUT_ROWS } from './rows/output.js';
import { POWER_ROWS } from './rows/power.js';
import { PROJECTION_ROWS } from './rows/projection.js';
import { RULES_ROWS } from './rows/rules.js';
import { SENSITIVITY_ROWS } from './rows/sensitivity.js';
import { SIMULATION_ROWS } from './rows/simulation.js';
import { SITE_ROWS } from './rows/site.js';
import { UNIVERSAL_ROWS } from './rows/universal.js';

export {
  COMMAND_NAMES,
  type CommandName,
  type InputGroup,
  type InputKind,
  type InputRow,
  OUTPUT_FORMATS,
} from './rows/define.js';

/** Every row, in the order help, --explain and the README show them. */
export const INPUT_ROWS: readonly InputRow[] = [
  ...UNIVERSAL_ROWS,
  ...OUTPUT_ROWS,
  ...INPUTS_ROWS,
  ...NETWORK_ROWS,
  ...DATA_ROWS,
  ...SITE_ROWS,
  ...MINING_ROWS,
  ...AI_ROWS,
  ...PROJECTION_ROWS,
  ...POWER_ROWS,
  ...DEBT_ROWS,
  ...SIMULATION_ROWS,
  ...SENSITIVITY_ROWS,
  ...EXODUS_ROWS,
  ...HISTORY_ROWS,
  ...RULES_ROWS,
  ...CATALOG_ROWS,
  ...CACHE_ROWS,
  ...INIT_ROWS,
].map((spec) => ({ ...spec, env: spec.env === undefined ? envOf(spec.flag) : spec.env }));

/** Help section titles, in the order they are shown. */
export const GROUP_TITLES: Record<InputGroup, string> = {
  site: 'Site:',
  mining: 'Mining:',
  ai: 'AI (lease and GPU cloud):',
  network: 'Network data (override any source):',
  data: 'Data sources (live by default; fallback: cache, then the embedded snapshot):',
  rules: 'Rules:',
  projection: 'Over the horizon (NPV, IRR, payback):',
  simulation: 'Monte Carlo (with --simulations):',
  sensitivity: 'Sensitivity:',
  exodus: 'Hashrate leaving:',
  history: 'History:',
  catalog: 'Catalog:',
  cache: 'Options:',
  init: 'Options:',
  report: 'Options:',
  universal: 'Global options:',
  output: 'Global options:',
  inputs: 'Global options:',
};

/** Commander's attribute name for a flag: '--power-price' -> 'powerPrice'. */
export function attributeOf(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const ROW_BY_ID: ReadonlyMap<string, InputRow> = new Map(INPUT_ROWS.map((r) => [r.id, r]));

export function row(id: string): InputRow {
  const found = ROW_BY_ID.get(id);
  if (!found) throw new RangeError(`no input row '${id}'`);
  return found;
}

/** The rows a command takes, in the table's order. */
export function rowsFor(command: CommandName): InputRow[] {
  return INPUT_ROWS.filter((r) => r.commands.includes(command));
}

/** The command that takes a flag, for "not used by" messages: undefined when no command knows it. */
export function rowByFlag(flag: string): InputRow | undefined {
  const long = flag.replace(/=.*$/, '');
  return INPUT_ROWS.find(
    (r) =>
      r.flag === long ||
      r.short === long ||
      (r.kind.type === 'boolean' && r.kind.negatable && `--no-${r.flag.slice(2)}` === long),
  );
}

/** Flags with no HASHCALC_* variable, and why (README lists them). */
export const NO_ENV_FLAGS: Readonly<Record<string, string>> = {
  '--json': 'HASHCALC_FORMAT=json does the same',
  '--explain': 'a per-run request',
  '--verbose': 'a per-run request',
  '--quiet': 'a per-run request',
  '--no-color': 'NO_COLOR=1 does the same (FORCE_COLOR forces colour)',
  '--help': 'a per-run request',
  '--version': 'a per-run request',
  '--force': 'init only; never from the environment, so a variable cannot overwrite files',
  '--stdout': 'init only',
  '--out': 'report only; a per-run file, never from the environment, so a variable cannot overwrite files',
  '--clear': 'cache only; never from the environment, so a variable cannot remove files',
  '--min-hashprice': 'rules live in flags or a scenario file (rules.*)',
  '--max-hashprice': 'rules live in flags or a scenario file (rules.*)',
  '--min-breakeven-power-price': 'rules live in flags or a scenario file (rules.*)',
  '--max-breakeven-power-price': 'rules live in flags or a scenario file (rules.*)',
  '--min-ratio': 'rules live in flags or a scenario file (rules.*)',
  '--max-ratio': 'rules live in flags or a scenario file (rules.*)',
  '--assert': 'rules live in flags or a scenario file (rules.*)',
};
