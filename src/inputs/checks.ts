/**
 * Nothing the user gives is silently ignored: the checks on the command line and the environment that no
 * single row can make (a dash pasted for `--`, a switch with its own negation, a value with control
 * characters, a variable hashcalc does not read, an input with no effect beside another).
 */
import { closestWord } from '../core/suggest.js';
import { escapeControl, UsageError } from '../errors.js';
import { INPUT_ROWS, type InputRow } from './table.js';

/** Variables hashcalc reads besides the rows' own (src/inputs/rows): data sources, files, debugging. */
export const OTHER_ENV_VARS: readonly string[] = [
  'HASHCALC_CONFIG',
  'HASHCALC_CACHE_DIR',
  'HASHCALC_DEBUG',
  'HASHCALC_BLOCKCHAIN_INFO_URL',
  'HASHCALC_COINGECKO_URL',
  'HASHCALC_COINGECKO_KEY',
  // Development: the build, the test suite and the bench.
  'HASHCALC_NO_MINIFY',
  'HASHCALC_TEST_REBUILD',
  'HASHCALC_TEST_REQUIRE_LOG',
  'HASHCALC_BENCH_NODE24',
];

const PREFIX = 'HASHCALC_';

/** Every HASHCALC_* variable hashcalc reads. */
export function knownEnvVars(): string[] {
  const fromRows = INPUT_ROWS.map((r) => r.env).filter((e): e is string => e !== null);
  return [...new Set([...fromRows, ...OTHER_ENV_VARS])];
}

/** A warning (without the `hashcalc: ` prefix) for each HASHCALC_* variable hashcalc does not read. */
export function unknownEnvWarnings(env: Readonly<Record<string, string | undefined>>): string[] {
  const known = knownEnvVars();
  const knownSet = new Set(known);
  const suffixes = known.map((name) => name.slice(PREFIX.length));
  return Object.keys(env)
    .filter((name) => name.startsWith(PREFIX) && !knownSet.has(name))
    .sort()
    .map((name) => {
      const guess = closestWord(name.slice(PREFIX.length), suffixes);
      return `${name}: not a hashcalc variable, ignored${guess ? `; did you mean ${PREFIX}${guess}?` : ''}`;
    });
}

const DASHES: Readonly<Record<string, string>> = {
  '\u2013': 'an en dash',
  '\u2014': 'an em dash',
  '\u2212': 'a minus sign',
  '\u2012': 'a figure dash',
  '\u2010': 'a hyphen',
  '\u2011': 'a non-breaking hyphen',
};

/**
 * A typographic dash pasted (or autocorrected) for `--` or `-`: `–mw 341`. Only words that start with one and
 * go on with a letter; after `--` the words are arguments.
 */
export function checkDashes(argv: readonly string[]): void {
  for (const word of argv) {
    if (word === '--') return;
    const first = word[0];
    const what = first ? DASHES[first] : undefined;
    if (!what) continue;
    const name = word.replace(/^[-\u2010-\u2014\u2212]+/, '').replace(/=.*$/, '');
    if (!/^[a-z]/i.test(name)) continue;
    const guess = name.length === 1 ? `-${name}` : `--${name}`;
    throw new UsageError(`'${escapeControl(word)}': ${what}; did you mean ${guess}?`);
  }
}

/** `--x` with `--no-x` for a negatable switch: which one is meant? */
export function checkNegations(argv: readonly string[]): void {
  const words = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  for (const row of INPUT_ROWS) {
    if (row.kind.type !== 'boolean' || !row.kind.negatable) continue;
    const negation = `--no-${row.flag.slice(2)}`;
    if (words.includes(row.flag) && words.includes(negation))
      throw new UsageError(`${row.flag}: given with ${negation}; give one of them`);
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A value with control characters (a pasted newline, an escape sequence): named by its flag or variable. */
export function checkControl(label: string, value: string): void {
  if (CONTROL.test(value))
    throw new UsageError(
      `${label}: the value contains control characters ('${escapeControl(value)}'); give plain text`,
    );
}

/** Rows a flag may be given more than once for (a list). */
export function isRepeatable(row: InputRow): boolean {
  return (
    row.kind.type === 'fleet' ||
    row.kind.type === 'ranges' ||
    (row.kind.type === 'rule' && row.kind.repeatable)
  );
}

/** A single-value flag given a second time. */
export function checkOnce(row: InputRow, value: string, previous: unknown): void {
  if (previous === undefined || isRepeatable(row)) return;
  throw new UsageError(
    `${row.flag}: given twice ('${escapeControl(String(previous))}' and '${escapeControl(value)}'); give it once`,
  );
}

/**
 * Inputs with no effect beside another, as warnings: with --offline (or HASHCALC_OFFLINE) nothing is fetched,
 * so a request's flags (--mempool-url, --timeout) change nothing. Only flags are named: a variable or a file
 * may be there for other runs.
 */
export function noEffectWarnings(
  given: Readonly<Record<string, { value: unknown; origin: string; from: string }>>,
): string[] {
  const offline = given.offline;
  if (offline?.value !== true) return [];
  const warnings: string[] = [];
  for (const id of ['mempoolUrl', 'timeoutMs']) {
    const ignored = given[id];
    if (ignored?.origin === 'flag')
      warnings.push(`${ignored.from}: no effect with ${offline.from} (nothing is fetched); ignored`);
  }
  return warnings;
}
