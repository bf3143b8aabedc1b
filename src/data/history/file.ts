/**
 * `--data FILE`: a daily history an analyst supplies (an export from another provider), as
 * - CSV with a header: columns `date` (YYYY-MM-DD, UTC), `difficulty`, `avgFeesBtcPerBlock`, `btcUsd`, optional
 *   `blocks` and `heightEnd`; other columns ignored; names matched without regard to case; fields may be
 *   quoted ("..." with "" for a quote, commas and line breaks inside); or
 * - JSON lines: one object per line with the same keys (numbers, numeric strings or null).
 * JSON lines when the name ends in .jsonl, .ndjson or .json, CSV when it ends in .csv, else by the first
 * character ('{': JSON lines). At most 8 MiB, counted as read; `-` is standard input (same limit).
 * Rules: every row needs a date and a difficulty (the hashprice divides by it, and it is known for every day
 * there was a chain: an empty cell is a broken export, not a gap); `avgFeesBtcPerBlock`, `btcUsd`, `blocks` and
 * `heightEnd` may be empty (or null, NaN, NA, n/a): that day has a gap there. Difficulty is at least 1 (the
 * protocol's minimum), fees 0 to 50 BTC per block (more is satoshis by mistake), prices above 0. Dates are unique;
 * rows may come in any order and are returned ascending.
 * Every error is a UsageError of one line naming the file, the line and column (or the line and the column's
 * name) and what is accepted: "days.csv:7:12: difficulty: must be positive, got "0"".
 * No zod, no undici: `history --data` must start as fast as the runtime allows.
 */
import { type Context, ReadProblem, readFileLimited, readStdinLimited } from '../../context.js';
import { isDate } from '../../core/days.js';
import { UsageError } from '../../errors.js';
import type { HistoryDay } from './types.js';

export const MAX_HISTORY_FILE_BYTES = 8 * 1024 * 1024;
const GENESIS_DATE = '2009-01-03';
const MAX_DIFFICULTY = 1e18;
const MAX_FEES_BTC = 50;
const MAX_USD = 1e8;
const MAX_BLOCKS = 10_000;
const MAX_HEIGHT = 10_000_000;

const KEYS = ['date', 'difficulty', 'avgFeesBtcPerBlock', 'btcUsd', 'blocks', 'heightEnd'] as const;
const DATE = 0;
const DIFFICULTY = 1;
const FEES = 2;
const USD = 3;
const BLOCKS = 4;
const HEIGHT_END = 5;
const REQUIRED_COUNT = 4;
const REQUIRED = KEYS.slice(0, REQUIRED_COUNT);
const KEY_BY_LOWER = new Map<string, number>(KEYS.map((k, i) => [k.toLowerCase(), i]));
const EMPTY = new Set(['', 'null', 'nan', 'na', 'n/a']);
/** Unambiguous (`\d+(\.\d*)?`, not `\d+\.?\d*`): a long run of digits is matched or refused in linear time. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * One row: its values by KEYS index (undefined: no such column) and where each starts, found only when an
 * error needs it (a class, not closures: a 3-year file is read on a command's critical path, cold).
 */
interface Row {
  readonly line: number;
  value(k: number): unknown;
  /** ":line:column", or ":line" when the column cannot be located. */
  where(k: number): string;
}

/** A CSV line without quotes, split on commas. */
class SplitRow implements Row {
  constructor(
    readonly line: number,
    private readonly fields: string[],
    private readonly index: readonly number[],
  ) {}
  value(k: number): unknown {
    const i = this.index[k] as number;
    return i < 0 ? undefined : this.fields[i];
  }
  where(k: number): string {
    let col = 1;
    const end = this.index[k] as number;
    for (let i = 0; i < end; i++) col += (this.fields[i] as string).length + 1;
    return `:${this.line}:${col}`;
  }
}

/** A CSV record from the quote-aware tokenizer. */
class FieldRow implements Row {
  constructor(
    readonly line: number,
    private readonly fields: Field[],
    private readonly index: readonly number[],
  ) {}
  value(k: number): unknown {
    const i = this.index[k] as number;
    return i < 0 ? undefined : (this.fields[i] as Field).text;
  }
  where(k: number): string {
    const field = this.fields[this.index[k] as number] as Field;
    return `:${field.line}:${field.col}`;
  }
}

/** A JSON object on one line; `names` are its own spellings of the keys. */
class JsonRow implements Row {
  constructor(
    readonly line: number,
    private readonly raw: string,
    private readonly data: Record<string, unknown>,
    private readonly names: readonly (string | undefined)[],
  ) {}
  value(k: number): unknown {
    const name = this.names[k];
    return name === undefined ? undefined : this.data[name];
  }
  where(k: number): string {
    const name = this.names[k];
    const col = name === undefined ? undefined : valueColumn(this.raw, name);
    return col === undefined ? `:${this.line}` : `:${this.line}:${col}`;
  }
}

function usage(path: string, where: string, message: string): never {
  throw new UsageError(`${path}${where}: ${message}`);
}

/** Why the bytes could not be had, in the words of this file's errors. */
function readFailure(path: string, error: unknown): never {
  if (error instanceof UsageError) throw error;
  if (error instanceof ReadProblem) {
    const size = error.overLimit?.sizeBytes;
    if (error.overLimit)
      usage(
        path,
        '',
        `is ${size == null ? 'more than' : `${(size / 1024 / 1024).toFixed(1)} MiB, more than`} the 8 MiB a history file may have`,
      );
    if (error.message.startsWith('is a directory')) usage(path, '', 'is a directory, not a history file');
    usage(path, '', `${error.message} (use - to read standard input)`);
  }
  const code = (error as { code?: unknown })?.code;
  return usage(path, '', `cannot be read (${code === 'ENOENT' ? 'no such file' : String(code ?? error)})`);
}

/**
 * `--data FILE`, or `-` for standard input: at most MAX_HISTORY_FILE_BYTES either way (counted as read; a
 * pipe, device or socket given by name is refused, never waited on).
 */
export async function readHistoryData(path: string, stdin?: Context['stdin']): Promise<HistoryDay[]> {
  if (path !== '-') return readHistoryFile(path);
  let text: string;
  try {
    text = (await readStdinLimited(stdin, MAX_HISTORY_FILE_BYTES)).toString('utf8');
  } catch (error) {
    return readFailure('standard input', error);
  }
  return historyFromText('standard input', text);
}

export function readHistoryFile(path: string): HistoryDay[] {
  let text: string;
  try {
    text = readFileLimited(path, MAX_HISTORY_FILE_BYTES).toString('utf8');
  } catch (error) {
    return readFailure(path, error);
  }
  return historyFromText(path, text);
}

function historyFromText(path: string, source: string): HistoryDay[] {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lower = path.toLowerCase();
  const jsonLines =
    /\.(jsonl|ndjson|json)$/.test(lower) || (!lower.endsWith('.csv') && text.trimStart().startsWith('{'));
  const rows = jsonLines
    ? jsonRows(path, text)
    : text.includes('"')
      ? quotedCsvRows(path, text)
      : splitCsvRows(path, text);
  if (rows.length === 0)
    usage(
      path,
      '',
      jsonLines
        ? 'no rows (one JSON object per day is needed)'
        : 'no rows (a header and at least one day are needed)',
    );
  const seen = new Map<string, number>();
  const days: HistoryDay[] = new Array(rows.length);
  let sorted = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const day = dayOf(path, row);
    const before = seen.get(day.date);
    if (before !== undefined) usage(path, row.where(DATE), `date: ${day.date} repeats line ${before}`);
    seen.set(day.date, row.line);
    if (i > 0 && (days[i - 1] as HistoryDay).date > day.date) sorted = false;
    days[i] = day;
  }
  return sorted ? days : days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

// CSV ------------------------------------------------------------------------------------------------------

/** Column index (in the file) of each key, -1 when absent; fails on a missing or repeated column. */
function headerIndex(
  path: string,
  names: readonly string[],
  line: number,
  colOf: (i: number) => number,
): number[] {
  const index = KEYS.map(() => -1);
  names.forEach((name, i) => {
    const k = KEY_BY_LOWER.get(name.trim().toLowerCase());
    if (k === undefined) return;
    if (index[k] !== -1)
      usage(path, `:${line}:${colOf(i)}`, `column "${KEYS[k]}" appears twice in the header`);
    index[k] = i;
  });
  for (let k = 0; k < REQUIRED_COUNT; k++) {
    if (index[k] === -1) {
      const shown = names.map((n) => n.trim()).filter(Boolean);
      usage(
        path,
        `:${line}`,
        `missing column "${KEYS[k]}" (the header has ${shown.length > 0 ? shown.join(', ') : 'no names'}; needed: ${REQUIRED.join(', ')}; optional: blocks, heightEnd)`,
      );
    }
  }
  return index;
}

function fieldCountError(path: string, where: string, got: number, want: number): never {
  return usage(
    path,
    where,
    `the row has ${got} fields, the header ${want}` +
      (got > want ? ' (a number with a thousands separator? quote it or drop the commas)' : ''),
  );
}

const blank = (line: string) => line.length === 0 || line.trim() === '';

/** The common case: no quote anywhere, so a record is a line and a field what lies between commas. */
function splitCsvRows(path: string, text: string): Row[] {
  const lines = text.split('\n');
  let h = 0;
  while (h < lines.length && blank(lines[h] as string)) h++;
  if (h >= lines.length) return [];
  const strip = (line: string) => (line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
  const names = strip(lines[h] as string).split(',');
  const index = headerIndex(path, names, h + 1, (i) =>
    names.slice(0, i).reduce((c, n) => c + n.length + 1, 1),
  );
  const rows: Row[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const line = strip(lines[i] as string);
    if (blank(line)) continue;
    const fields = line.split(',');
    if (fields.length !== names.length) fieldCountError(path, `:${i + 1}:1`, fields.length, names.length);
    rows.push(new SplitRow(i + 1, fields, index));
  }
  return rows;
}

export interface Field {
  text: string;
  line: number;
  col: number;
}

/** RFC 4180 records with their fields' positions (1-based line and column); blank lines skipped. */
export function csvRecords(path: string, text: string): Field[][] {
  const records: Field[][] = [];
  let record: Field[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  // The next line break at or after the scan (-1: none), kept across fields: searching afresh from each
  // quoted field would read the rest of a long line again for every field on it (quadratic).
  let nextBreak = text.indexOf('\n');
  for (;;) {
    const field: Field = { text: '', line, col: i - lineStart + 1 };
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return usage(path, `:${field.line}:${field.col}`, 'a quoted field is never closed');
        if (nextBreak !== -1 && nextBreak < j) nextBreak = text.indexOf('\n', j);
        while (nextBreak !== -1 && nextBreak < q) {
          line++;
          lineStart = nextBreak + 1;
          nextBreak = text.indexOf('\n', nextBreak + 1);
        }
        field.text += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          field.text += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      const c = text.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13)
        return usage(path, `:${line}:${i - lineStart + 1}`, 'unexpected text after a closing quote');
    } else {
      let j = i;
      for (let c = text.charCodeAt(j); j < n && c !== 44 && c !== 10 && c !== 13; c = text.charCodeAt(++j));
      field.text = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i < n && text.charCodeAt(i) === 44) {
      i++;
      continue;
    }
    // End of the record: a line break or the end of the text.
    if (!(record.length === 1 && (record[0] as Field).text.trim() === '')) records.push(record);
    record = [];
    if (i >= n) break;
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    lineStart = i;
    if (i >= n) break;
  }
  return records;
}

function quotedCsvRows(path: string, text: string): Row[] {
  const records = csvRecords(path, text);
  const header = records[0];
  if (!header) return [];
  const index = headerIndex(
    path,
    header.map((f) => f.text),
    header[0]?.line ?? 1,
    (i) => (header[i] as Field).col,
  );
  const rows: Row[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as Field[];
    const first = record[0] as Field;
    if (record.length !== header.length)
      fieldCountError(path, `:${first.line}:${first.col}`, record.length, header.length);
    rows.push(new FieldRow(first.line, record, index));
  }
  return rows;
}

// JSON lines -----------------------------------------------------------------------------------------------

function jsonRows(path: string, text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (blank(raw)) continue;
    const line = i + 1;
    const indent = raw.length - raw.trimStart().length + 1;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      const position = /position (\d+)/.exec(error instanceof Error ? error.message : String(error));
      usage(
        path,
        `:${line}:${position ? Number(position[1]) + 1 : indent}`,
        'not valid JSON (one object per line is expected)',
      );
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      usage(path, `:${line}:${indent}`, 'expected a JSON object (one per line)');
    const names: (string | undefined)[] = KEYS.map(() => undefined);
    for (const name of Object.keys(data as object)) {
      const k = KEY_BY_LOWER.get(name.toLowerCase());
      if (k === undefined) continue;
      if (names[k] !== undefined) usage(path, `:${line}`, `column "${KEYS[k]}" appears twice`);
      names[k] = name;
    }
    for (let k = 0; k < REQUIRED_COUNT; k++) {
      if (names[k] === undefined)
        usage(path, `:${line}`, `missing column "${KEYS[k]}" (each object needs ${REQUIRED.join(', ')})`);
    }
    rows.push(new JsonRow(line, raw, data as Record<string, unknown>, names));
  }
  return rows;
}

/** The 1-based column where the value of `"name":` starts on the line, when it can be found. */
export function valueColumn(raw: string, name: string): number | undefined {
  const escaped = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\s*:\\s*`).exec(raw);
  return match ? match.index + match[0].length + 1 : undefined;
}

// Values ---------------------------------------------------------------------------------------------------

/** A value as a message shows it: long text cut short, and an array or object named, never stringified whole. */
const shown = (value: unknown) =>
  typeof value === 'string'
    ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object' && value !== null
        ? 'an object'
        : JSON.stringify(value);

/** A number, null for an empty cell (or an absent optional column), or a usage error naming the column. */
function numberAt(path: string, row: Row, k: number): number | null {
  const v = row.value(k);
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string')
    return usage(path, row.where(k), `${KEYS[k]}: expected a number, got ${shown(v)}`);
  if (NUMBER.test(v)) return Number(v);
  const t = v.trim();
  if (NUMBER.test(t)) return Number(t);
  if (EMPTY.has(t.toLowerCase())) return null;
  return usage(path, row.where(k), `${KEYS[k]}: expected a number, got ${shown(v)}`);
}

function wholeAt(path: string, row: Row, k: number, max: number): number | null {
  const v = numberAt(path, row, k);
  if (v !== null && (!Number.isInteger(v) || v < 0 || v > max))
    usage(
      path,
      row.where(k),
      `${KEYS[k]}: must be a whole number from 0 to ${max}, got ${shown(row.value(k))}`,
    );
  return v;
}

function dayOf(path: string, row: Row): HistoryDay {
  const rawDate = row.value(DATE);
  const date = typeof rawDate === 'string' ? rawDate.trim() : rawDate;
  if (typeof date !== 'string' || !isDate(date))
    return usage(path, row.where(DATE), `date: ${shown(rawDate)} is not a date (YYYY-MM-DD, UTC)`);
  if (date < GENESIS_DATE)
    usage(path, row.where(DATE), `date: ${date} is before the genesis block (2009-01-03)`);

  const difficulty = numberAt(path, row, DIFFICULTY);
  if (difficulty === null)
    return usage(
      path,
      row.where(DIFFICULTY),
      'difficulty: is empty (every row needs a difficulty: the hashprice divides by it)',
    );
  if (difficulty <= 0)
    usage(path, row.where(DIFFICULTY), `difficulty: must be positive, got ${shown(row.value(DIFFICULTY))}`);
  if (difficulty < 1 || difficulty > MAX_DIFFICULTY)
    usage(
      path,
      row.where(DIFFICULTY),
      `difficulty: ${shown(row.value(DIFFICULTY))} is out of range (1 to 1e18)`,
    );

  const fees = numberAt(path, row, FEES);
  if (fees !== null && fees < 0)
    usage(
      path,
      row.where(FEES),
      `avgFeesBtcPerBlock: must be 0 or more (BTC per block), got ${shown(row.value(FEES))}`,
    );
  if (fees !== null && fees > MAX_FEES_BTC)
    usage(
      path,
      row.where(FEES),
      `avgFeesBtcPerBlock: ${shown(row.value(FEES))} BTC per block is implausible (more than ${MAX_FEES_BTC}; satoshis? the column is in BTC)`,
    );

  const usd = numberAt(path, row, USD);
  if (usd !== null && (usd <= 0 || usd > MAX_USD))
    usage(
      path,
      row.where(USD),
      `btcUsd: must be a price above 0 (USD per BTC), got ${shown(row.value(USD))}`,
    );

  return {
    date,
    difficulty,
    avgFeesBtcPerBlock: fees,
    btcUsd: usd,
    blocks: wholeAt(path, row, BLOCKS, MAX_BLOCKS),
    heightEnd: wholeAt(path, row, HEIGHT_END, MAX_HEIGHT),
  };
}
