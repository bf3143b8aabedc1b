/**
 * Input layers: flags > env (HASHCALC_*) > scenario file > user config file > defaults. Every value taken
 * from a lower layer is validated here with a label naming where it came from ("HASHCALC_MW",
 * "site.json: mining.poolFee"), then merged into the options the commands read, with its origin recorded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { envNameFor, type FlagDef } from './flags.js';
import type { Origin, RawOptions } from './inputs.js';
import { parseNumberFlag } from './parse.js';

export interface OriginNote {
  origin: Origin;
  /** Where the value came from: a flag, an env var, or "file: path". */
  label: string;
}

export interface LayeredInputs {
  options: RawOptions;
  /** Keyed by the commander attribute name (mw, poolFee, miner, ...); absent means a flag or a default. */
  origins: Record<string, OriginNote>;
  /** Rules from a scenario or config file (for `check`). */
  fileRules: { file: string; rules: Record<string, unknown> } | null;
}

/** The user config file: HASHCALC_CONFIG, else $XDG_CONFIG_HOME/hashcalc/config.json (~/.config on Linux). */
export function configFilePath(env: Context['env']): { path: string; explicit: boolean } {
  if (env.HASHCALC_CONFIG) return { path: env.HASHCALC_CONFIG, explicit: true };
  const base =
    env.XDG_CONFIG_HOME ||
    (process.platform === 'win32'
      ? env.APPDATA || join(homedir(), 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Preferences')
        : join(homedir(), '.config'));
  return { path: join(base, 'hashcalc', 'config.json'), explicit: false };
}

/** Strips // and /* *\/ comments outside strings, so annotated JSON files load. */
export function stripJsonComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const next = source[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else out += ch;
  }
  return out;
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
}

/** Reads and validates a scenario or config file. Errors name the file and the exact path. */
export async function loadInputFile(file: string, kind: 'scenario' | 'config'): Promise<LoadedFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new UsageError(`${kind === 'scenario' ? '--scenario' : 'config'}: cannot read '${file}': ${why}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    // Node's message may quote the text over several lines: keep the error to one line.
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
  const [{ buildScenarioSchema, scenarioKeysAt }, { closestWord }] = await Promise.all([
    import('./scenario-schema.js'),
    import('./suggest.js'),
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
  return { file, data: result.data as Record<string, unknown> };
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

function envBoolean(name: string, raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new UsageError(`${name}: expected 1/true/yes or 0/false/no, got '${raw}'`);
}

/**
 * Merge env, scenario and config values under the flags. `defs` are the numeric inputs the command takes;
 * `accepts` lists the non-numeric inputs it takes (miner, gpu, landlordPaysPower).
 */
export async function layerInputs(
  options: RawOptions,
  ctx: Context,
  defs: readonly FlagDef[],
  accepts: { miner?: boolean; gpu?: boolean; landlordPaysPower?: boolean } = {},
): Promise<LayeredInputs> {
  const merged: Record<string, unknown> = { ...options };
  const origins: Record<string, OriginNote> = {};
  const env = ctx.env;
  const unset = (key: string) =>
    merged[key] === undefined || (Array.isArray(merged[key]) && (merged[key] as unknown[]).length === 0);

  // Output and data switches from env.
  if (merged.offline !== true && env.HASHCALC_OFFLINE)
    merged.offline = envBoolean('HASHCALC_OFFLINE', env.HASHCALC_OFFLINE);

  // 1. env
  for (const def of defs) {
    const name = envNameFor(def.spec.flag);
    const raw = env[name];
    if (unset(def.key) && raw !== undefined && raw !== '') {
      merged[def.key] = parseNumberFlag(raw, def.spec, name);
      origins[def.key] = { origin: 'env', label: name };
    }
  }
  if (accepts.miner && unset('miner') && env.HASHCALC_MINER) {
    merged.miner = env.HASHCALC_MINER.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    origins.miner = { origin: 'env', label: 'HASHCALC_MINER' };
  }
  if (accepts.gpu && unset('gpu') && env.HASHCALC_GPU) {
    merged.gpu = env.HASHCALC_GPU;
    origins.gpu = { origin: 'env', label: 'HASHCALC_GPU' };
  }
  if (
    accepts.landlordPaysPower &&
    merged.landlordPaysPower === undefined &&
    env.HASHCALC_LANDLORD_PAYS_POWER
  ) {
    merged.landlordPaysPower = envBoolean('HASHCALC_LANDLORD_PAYS_POWER', env.HASHCALC_LANDLORD_PAYS_POWER);
    origins.landlordPaysPower = { origin: 'env', label: 'HASHCALC_LANDLORD_PAYS_POWER' };
  }

  // 2. scenario, then 3. config
  const files: { loaded: LoadedFile; origin: 'scenario' | 'config' }[] = [];
  if (typeof merged.scenario === 'string')
    files.push({ loaded: await loadInputFile(merged.scenario, 'scenario'), origin: 'scenario' });
  const config = configFilePath(env);
  if (config.explicit || existsSync(config.path))
    files.push({ loaded: await loadInputFile(config.path, 'config'), origin: 'config' });

  let fileRules: LayeredInputs['fileRules'] = null;
  for (const { loaded, origin } of files) {
    const { file, data } = loaded;
    for (const def of defs) {
      const raw = valueAt(data, def.path);
      if (unset(def.key) && raw !== undefined) {
        merged[def.key] = parseNumberFlag(raw, def.spec, `${file}: ${def.path}`);
        origins[def.key] = { origin, label: `${file}: ${def.path}` };
      }
    }
    const fleet = data.fleet as { model: string; count?: number }[] | undefined;
    if (accepts.miner && unset('miner') && fleet && fleet.length > 0) {
      const { findInCatalog } = await import('./inputs.js');
      const { MINERS } = await import('../catalog/miners.js');
      merged.miner = fleet.map((entry, i) => {
        const model = findInCatalog(entry.model, MINERS, `${file}: fleet[${i}].model`, 'miners');
        return entry.count === undefined ? model.id : `${model.id}:${entry.count}`;
      });
      origins.miner = { origin, label: `${file}: fleet` };
    }
    const gpu = valueAt(data, 'gpuCloud.gpu');
    if (accepts.gpu && unset('gpu') && typeof gpu === 'string') {
      merged.gpu = gpu;
      origins.gpu = { origin, label: `${file}: gpuCloud.gpu` };
    }
    const landlord = valueAt(data, 'lease.landlordPaysPower');
    if (
      accepts.landlordPaysPower &&
      merged.landlordPaysPower === undefined &&
      typeof landlord === 'boolean'
    ) {
      merged.landlordPaysPower = landlord;
      origins.landlordPaysPower = { origin, label: `${file}: lease.landlordPaysPower` };
    }
    if (!fileRules && data.rules && typeof data.rules === 'object')
      fileRules = { file, rules: data.rules as Record<string, unknown> };
  }
  return { options: merged, origins, fileRules };
}
