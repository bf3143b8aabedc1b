/**
 * Input layers: flags > env (HASHCALC_*) > scenario file > user config file > defaults. Each value is parsed
 * once, here, by its row's kind, with a label naming where it came from ("--mw", "HASHCALC_MW",
 * "site.json: mining.poolFee"), and kept with that origin. Defaults are applied later (resolve.ts), where a
 * catalog entry may supply them.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { GPUS } from '../catalog/gpus.js';
import { MINERS } from '../catalog/miners.js';
import type { GpuModel, MinerModel } from '../catalog/types.js';
import {
  type Context,
  homeDirectory,
  NO_HOME_NOTE,
  ReadProblem,
  readFileLimited,
  readStdinLimited,
} from '../context.js';
import { ambiguousDurationUnit, parseDurationMs } from '../core/duration.js';
import { UsageError } from '../errors.js';
import { findInCatalog } from './catalog-ref.js';
import { checkControl, noEffectWarnings } from './checks.js';
import { parseInputJson } from './input-json.js';
import { baseUrl, parseModelCount, parseNumberFlag } from './parse.js';
import { attributeOf, type CommandName, type InputRow, rowsFor } from './table.js';

export type GivenOrigin = 'flag' | 'env' | 'scenario' | 'config';
export type Origin = GivenOrigin | 'default' | 'catalog';

/** A value given by the user, parsed, with where it came from. */
export interface Given<T = unknown> {
  value: T;
  origin: GivenOrigin;
  /** The flag, env var or "file: path" it came from. */
  from: string;
  /** The text as given, for messages (--max-age 10m). */
  text?: string;
}

export interface FleetEntry {
  model: MinerModel;
  count: number | null;
}

export interface LayeredInputs {
  /** By row id: every input the user gave, parsed. Absent: take the default. */
  given: Readonly<Record<string, Given>>;
  /** Rules from the first scenario or config file that has a `rules` block (for `check`). */
  fileRules: { file: string; rules: Record<string, unknown> } | null;
  /** Lines for stderr (no usable home directory, ...); the command decides whether to print them. */
  notes: string[];
}

/** Largest scenario or config file read; larger is a usage error, never a long parse. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/** The user config file: HASHCALC_CONFIG, else $XDG_CONFIG_HOME/hashcalc/config.json (~/.config on Linux). */
export function configFilePath(
  env: Context['env'],
  platform: string = process.platform,
): { path: string; explicit: boolean } | null {
  if (env.HASHCALC_CONFIG) return { path: env.HASHCALC_CONFIG, explicit: true };
  const xdg = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;
  if (xdg) return { path: join(xdg, 'hashcalc', 'config.json'), explicit: false };
  const home = homeDirectory(env, platform);
  if (!home) return null;
  const base =
    platform === 'win32'
      ? env.APPDATA || join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Preferences')
        : join(home, '.config');
  return { path: join(base, 'hashcalc', 'config.json'), explicit: false };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

interface LoadedFile {
  file: string;
  data: Record<string, unknown>;
  /** The folder its relative paths (history.data) resolve from; null: the current one (standard input). */
  dir: string | null;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'is a directory'
      : code === 'EACCES'
        ? 'permission denied'
        : String(code ?? error);
}

/**
 * Reads and validates a scenario or config file: at most MAX_INPUT_FILE_BYTES (counted as read: a pipe,
 * device or socket is refused, never waited on), `-` for standard input (a scenario only), JSON with comments
 * (and trailing commas), errors naming the file and line:column, or the exact key path. `label` names where
 * the path came from (--scenario, HASHCALC_SCENARIO, HASHCALC_CONFIG, config).
 */
export async function loadInputFile(
  file: string,
  kind: 'scenario' | 'config',
  options: { label?: string; stdin?: Context['stdin'] } = {},
): Promise<LoadedFile> {
  const label = options.label ?? (kind === 'scenario' ? '--scenario' : 'config');
  const fromStdin = file === '-' && kind === 'scenario';
  const shown = fromStdin ? 'standard input' : `'${file}'`;
  let text: string;
  try {
    const bytes = fromStdin
      ? await readStdinLimited(options.stdin, MAX_INPUT_FILE_BYTES)
      : readFileLimited(file, MAX_INPUT_FILE_BYTES);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ReadProblem && error.overLimit) {
      const size = error.overLimit.sizeBytes;
      throw new UsageError(
        `${label}: ${shown} is ${size === null ? 'more than 1 MiB' : `${(size / 1048576).toFixed(1)} MiB`}; input files are limited to 1 MiB`,
      );
    }
    if (error instanceof ReadProblem)
      throw new UsageError(
        `${label}: cannot read ${shown}: ${error.message}${kind === 'scenario' && !error.message.startsWith('is a directory') ? ' (use - to read standard input)' : ''}`,
      );
    throw new UsageError(`${label}: cannot read ${shown}: ${readError(error)}`);
  }
  return fromStdin
    ? parseInputText('standard input', text, null)
    : parseInputText(file, text, dirname(resolvePath(file)));
}

/** A scenario or config file's text, checked and validated; `file` names it in messages. */
async function parseInputText(file: string, text: string, dir: string | null): Promise<LoadedFile> {
  const data = await parseInputJson(file, text.replace(/^\uFEFF/, ''));
  const [{ buildScenarioSchema, scenarioKeysAt }, { closestWord }] = await Promise.all([
    import('./scenario-schema.js'),
    import('../core/suggest.js'),
  ]);
  const result = buildScenarioSchema().safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new UsageError(`${file}: invalid`);
    const path = formatPath(issue.path);
    const where = path || '(top level)';
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const key = String(issue.keys[0]);
      const guess = closestWord(key, scenarioKeysAt(issue.path));
      message = `${path ? `${path}: ` : ''}unknown key '${key}'${guess ? `; did you mean '${guess}'?` : ''}`;
    } else if (issue.code === 'invalid_type') {
      message = `${where}: expected ${issue.expected}`;
    } else if (issue.code === 'invalid_union') {
      message = `${where}: expected a number, or text such as "2.5%" or "10M"`;
    } else if (issue.code === 'too_small') {
      message = `${where}: must be above 0`;
    } else {
      message = `${where}: ${issue.message}`;
    }
    throw new UsageError(`${file}: ${message}`);
  }
  return { file, data: result.data as Record<string, unknown>, dir };
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  let node: unknown = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

export function envBoolean(name: string, raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new UsageError(`${name}: expected 1/true/yes or 0/false/no, got '${raw}'`);
}

type Layer = 'flag' | 'env' | 'file';

/** Parses one raw value by its row's kind; `label` names where it came from. */
function parseValue(row: InputRow, raw: unknown, label: string, layer: Layer): unknown {
  const kind = row.kind;
  switch (kind.type) {
    case 'number':
      return parseNumberFlag(raw, kind.spec, label);
    case 'boolean':
      if (layer === 'env') return envBoolean(label, String(raw));
      return raw === true;
    case 'choice': {
      const text = String(raw);
      if (!kind.choices.includes(text))
        throw new UsageError(`${label}: expected one of ${kind.choices.join(', ')}, got '${text}'`);
      return text;
    }
    case 'model':
      return findInCatalog(String(raw), GPUS, label, 'gpus') satisfies GpuModel;
    case 'fleet': {
      if (layer === 'file') {
        return (raw as { model: string; count?: number }[]).map(
          (entry, i): FleetEntry => ({
            model: findInCatalog(entry.model, MINERS, `${label}[${i}].model`, 'miners'),
            count: entry.count ?? null,
          }),
        );
      }
      return repeated(raw, layer, label).map((text): FleetEntry => {
        const spec = parseModelCount(text, label);
        return { model: findInCatalog(spec.model, MINERS, label, 'miners'), count: spec.count };
      });
    }
    case 'duration': {
      // A flag given without its value (valueOptional): 0, which the command reads as its default limit.
      if (raw === true) return 0;
      const text = String(raw);
      const unit = ambiguousDurationUnit(text);
      if (unit)
        throw new UsageError(
          `${label}: '${text}' is ambiguous ('${unit}': months or minutes?); expected ${kind.accepts}, with m or min for minutes`,
        );
      const ms = parseDurationMs(text, kind.bare);
      if (!Number.isFinite(ms) || ms < kind.minMs || ms > kind.maxMs)
        throw new UsageError(`${label}: expected ${kind.accepts}, got '${text}'`);
      return ms;
    }
    case 'url':
      return baseUrl(String(raw), label, kind.example);
    case 'file':
    case 'text': {
      // An empty name given on purpose is a mistake (a variable that expanded to nothing), never "none".
      const text = String(raw);
      if (text.trim() === '')
        throw new UsageError(`${label}: expected ${kind.type === 'file' ? 'a file name' : 'a name'}, got ''`);
      return text;
    }
    case 'date': {
      const text = String(raw).trim();
      const ms = Date.parse(`${text}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
        !Number.isFinite(ms) ||
        new Date(ms).toISOString().slice(0, 10) !== text
      )
        throw new UsageError(`${label}: expected a date YYYY-MM-DD (UTC), got '${text}'`);
      return text;
    }
    case 'rule':
      return raw;
    case 'ranges':
      return rangeTexts(raw, label, layer);
  }
}

/** A driver's range as given: its name and the low and high texts, checked by the command. */
export interface RangeText {
  driver: string;
  low: string;
  high: string;
  /** The flag or file key it came from, for errors. */
  from: string;
}

/** DRIVER=LOW:HIGH texts (flags, env) or a scenario object of driver -> [low, high] or "LOW:HIGH". */
function rangeTexts(raw: unknown, label: string, layer: Layer): RangeText[] {
  // By hand, not by a regex with lazy groups around `\s*:\s*`, which took minutes on a long run of spaces.
  const parse = (text: string, from: string): RangeText => {
    const fail = (): never => {
      throw new UsageError(`${from}: expected DRIVER=LOW:HIGH (e.g. btc-price=60k:150k), got '${text}'`);
    };
    if (/[\n\r\u2028\u2029]/.test(text)) fail();
    const equals = text.indexOf('=');
    const driver = equals < 0 ? '' : text.slice(0, equals).trim();
    if (!/^[a-z][a-z-]*$/.test(driver)) fail();
    const rest = text.slice(equals + 1).trimStart();
    const colon = rest.indexOf(':', 1);
    const low = colon < 0 ? '' : rest.slice(0, colon).trim();
    const high = colon < 0 ? '' : rest.slice(colon + 1).trim();
    if (!low || !high) fail();
    return { driver, low, high, from };
  };
  if (layer === 'file') {
    return Object.entries(raw as Record<string, unknown>).map(([driver, value]) => {
      const from = `${label}.${driver}`;
      if (Array.isArray(value) && value.length === 2)
        return { driver, low: String(value[0]), high: String(value[1]), from };
      if (typeof value === 'string') return parse(`${driver}=${value}`, from);
      throw new UsageError(`${from}: expected [low, high] or "LOW:HIGH"`);
    });
  }
  return repeated(raw, layer, label).map((t) => parse(t, label));
}

/** A repeatable flag's values: the flag's list, or an env var's comma-separated items (none empty). */
function repeated(raw: unknown, layer: Layer, label: string): string[] {
  if (layer !== 'env') return raw as string[];
  const items = String(raw)
    .split(',')
    .map((t) => t.trim());
  if (items.some((t) => t === ''))
    throw new UsageError(
      `${label}: an empty entry in '${String(raw)}'; separate the entries with single commas (e.g. s21xp:5000,m60s)`,
    );
  return items;
}

const isUnset = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * Merge flags, env, scenario and config values for the rows a command takes. `flags` are commander's parsed
 * options (attribute names); only flags given on the command line are present there.
 */
export async function layerInputs(
  rows: readonly InputRow[],
  flags: Readonly<Record<string, unknown>>,
  env: Context['env'],
  stdin?: Context['stdin'],
): Promise<LayeredInputs> {
  const given: Record<string, Given> = {};
  const notes: string[] = [];

  // 1. flags, 2. env
  for (const row of rows) {
    const raw = flags[attributeOf(row.flag)];
    if (!isUnset(raw)) {
      given[row.id] = {
        value: parseValue(row, raw, row.flag, 'flag'),
        origin: 'flag',
        from: row.flag,
        ...(typeof raw === 'string' ? { text: raw } : {}),
      };
      continue;
    }
    const fromEnv = row.env ? env[row.env] : undefined;
    if (row.env && fromEnv !== undefined && fromEnv !== '') {
      checkControl(row.env, fromEnv);
      given[row.id] = {
        value: parseValue(row, fromEnv, row.env, 'env'),
        origin: 'env',
        from: row.env,
        text: fromEnv,
      };
    }
  }

  // A flag with no effect beside another (--timeout with --offline): said, not silently dropped.
  notes.push(...noEffectWarnings(given));

  // 3. scenario, 4. config: only for commands that take inputs from files.
  const takesFiles = rows.some((r) => r.id === 'scenario');
  const files: { loaded: LoadedFile; origin: 'scenario' | 'config' }[] = [];
  if (takesFiles) {
    const scenario = given.scenario as Given<string> | undefined;
    if (scenario?.value)
      files.push({
        loaded: await loadInputFile(scenario.value, 'scenario', { label: scenario.from, stdin }),
        origin: 'scenario',
      });
    const config = configFilePath(env);
    if (!config) notes.push(NO_HOME_NOTE);
    else if (config.explicit || exists(config.path))
      files.push({
        loaded: await loadInputFile(config.path, 'config', {
          label: config.explicit ? 'HASHCALC_CONFIG' : 'config',
        }),
        origin: 'config',
      });
  }

  let fileRules: LayeredInputs['fileRules'] = null;
  for (const { loaded, origin } of files) {
    const { file, data } = loaded;
    for (const row of rows) {
      if (!row.path || row.kind.type === 'rule') continue;
      const raw = valueAt(data, row.path);
      if (isUnset(raw)) continue;
      const from = `${file}: ${row.path}`;
      const known = given[row.id];
      if (known && row.kind.type === 'ranges') {
        // Ranges merge driver by driver: a later (higher) layer's range for a driver replaces this one's.
        const lower = parseValue(row, raw, from, 'file') as RangeText[];
        given[row.id] = { ...known, value: [...lower, ...(known.value as RangeText[])] };
        continue;
      }
      // Parsed even when a flag or env (or the scenario, for the config) gives it: a bad value in a file is an
      // error whatever overrides it today.
      let value = parseValue(row, raw, from, 'file');
      if (known) continue;
      // A path in a file is relative to that file's folder, not to wherever hashcalc runs.
      if (row.kind.type === 'file' && loaded.dir && value !== '-' && !isAbsolute(value as string))
        value = join(loaded.dir, value as string);
      given[row.id] = {
        value,
        origin,
        from,
        ...(typeof raw === 'string' ? { text: raw } : {}),
      };
    }
    if (!fileRules && data.rules && typeof data.rules === 'object')
      fileRules = { file, rules: data.rules as Record<string, unknown> };
  }
  return { given, fileRules, notes };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A command's inputs from plain values, for the library: `{ mw: 341, powerPrice: '3.5c' }` as if given as
 * flags (keys are the flags' camelCase names; values as a flag takes them, or numbers), then the env given
 * (none by default), a `scenario` file when one is named, and the defaults.
 */
export async function inputsFor(
  command: CommandName,
  values: Readonly<Record<string, string | number | boolean | readonly string[]>>,
  env: Context['env'] = {},
): Promise<LayeredInputs> {
  return layerInputs(rowsFor(command), values, env);
}
