/**
 * `--data FILE`: a daily history an analyst supplies (an export from another provider), as
 * - CSV with a header: columns `date` (YYYY-MM-DD, UTC), `difficulty`, `avgFeesBtcPerBlock`, `btcUsd`, optional
 *   `blocks` and `heightEnd`; other columns ignored; names matched without regard to case; fields may be
 *   quoted ("..." with "" for a quote, commas and line breaks inside); or
 * - JSON lines: one object per line with the same keys (numbers, numeric strings or null).
 * JSON lines when the name ends in .jsonl, .ndjson or .json, CSV when it ends in .csv, else by the first
 * character ('{': JSON lines). At most 8 MiB.
 * Rules: every row needs a date and a difficulty (the hashprice divides by it, and it is known for every day
 * there was a chain: an empty cell is a broken export, not a gap); `avgFeesBtcPerBlock`, `btcUsd`, `blocks` and
 * `heightEnd` may be empty (or null, NaN, NA, n/a): that day has a gap there. Difficulty is at least 1 (the
 * protocol's minimum), fees 0 to 50 BTC per block (more is satoshis by mistake), prices above 0. Dates are unique;
 * rows may come in any order and are returned ascending.
 * Every error is a UsageError of one line naming the file, the line and column (or the line and the column's
 * name) and what is accepted: "days.csv:7:12: difficulty: must be positive, got "0"".
 * No zod, no undici: `history --data` must start as fast as the runtime allows.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { isDate } from './days.js';
import type { HistoryDay } from './types.js';

export const MAX_HISTORY_FILE_BYTES = 8 * 1024 * 1024;
const GENESIS_DATE = '2009-01-03';
const MAX_DIFFICULTY = 1e18;
const MAX_FEES_BTC = 50;
const MAX_USD = 1e8;
const MAX_BLOCKS = 10_000;
const MAX_HEIGHT = 10_000_000;

type Key = 'date' | 'difficulty' | 'avgFeesBtcPerBlock' | 'btcUsd' | 'blocks' | 'heightEnd';
const REQUIRED: readonly Key[] = ['date', 'difficulty', 'avgFeesBtcPerBlock', 'btcUsd'];
const KEYS: readonly Key[] = [...REQUIRED, 'blocks', 'heightEnd'];
const KEY_BY_LOWER = new Map(KEYS.map((k) => [k.toLowerCase(), k]));
const EMPTY = new Set(['', 'null', 'nan', 'na', 'n/a']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One cell: its text (or JSON value) and where it starts. */
interface Cell {
  value: unknown;
  line: number;
  /** 1-based; undefined when unknown (JSON lines whose key could not be located). */
  col: number | undefined;
}

interface Row {
  line: number;
  cells: Partial<Record<Key, Cell>>;
}

export function readHistoryFile(path: string): HistoryDay[] {
  const fail = (where: string, message: string): never => {
    throw new UsageError(`${path}${where}: ${message}`);
  };
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail('', 'is a directory, not a history file');
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown })?.code;
    return fail('', `cannot be read (${code === 'ENOENT' ? 'no such file' : String(code ?? error)})`);
  }
  if (size > MAX_HISTORY_FILE_BYTES)
    fail('', `is ${(size / 1024 / 1024).toFixed(1)} MiB, more than the 8 MiB a history file may have`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    return fail('', `cannot be read (${String(code ?? error)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lower = path.toLowerCase();
  const jsonLines =
    /\.(jsonl|ndjson|json)$/.test(lower) || (!lower.endsWith('.csv') && text.trimStart().startsWith('{'));
  const rows = jsonLines ? jsonRows(text, fail) : csvRows(text, fail);
  if (rows.length === 0)
    fail(
      '',
      jsonLines
        ? 'no rows (one JSON object per day is needed)'
        : 'no rows (a header and at least one day are needed)',
    );
  const seen = new Map<string, number>();
  const days = rows.map((row) => {
    const day = dayOf(row, fail);
    const before = seen.get(day.date);
    const cell = row.cells.date as Cell;
    if (before !== undefined)
      fail(
        `:${cell.line}${cell.col !== undefined ? `:${cell.col}` : ''}`,
        `date: ${day.date} repeats line ${before}`,
      );
    seen.set(day.date, cell.line);
    return day;
  });
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

type Fail = (where: string, message: string) => never;

// CSV ------------------------------------------------------------------------------------------------------

interface Field {
  text: string;
  line: number;
  col: number;
}

/** RFC 4180 records with their fields' positions (1-based line and column); blank lines skipped. */
function csvRecords(text: string, fail: Fail): Field[][] {
  const records: Field[][] = [];
  let record: Field[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  for (;;) {
    const field: Field = { text: '', line, col: i - lineStart + 1 };
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return fail(`:${field.line}:${field.col}`, 'a quoted field is never closed');
        for (let k = text.indexOf('\n', j); k !== -1 && k < q; k = text.indexOf('\n', k + 1)) {
          line++;
          lineStart = k + 1;
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
        return fail(`:${line}:${i - lineStart + 1}`, 'unexpected text after a closing quote');
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

function csvRows(text: string, fail: Fail): Row[] {
  const records = csvRecords(text, fail);
  const header = records[0];
  if (!header) return [];
  const columns = new Map<Key, number>();
  header.forEach((field, index) => {
    const key = KEY_BY_LOWER.get(field.text.trim().toLowerCase());
    if (!key) return;
    if (columns.has(key)) fail(`:${field.line}:${field.col}`, `column "${key}" appears twice in the header`);
    columns.set(key, index);
  });
  const headerLine = header[0]?.line ?? 1;
  for (const key of REQUIRED) {
    if (!columns.has(key)) {
      const names = header.map((f) => f.text.trim()).filter(Boolean);
      fail(
        `:${headerLine}`,
        `missing column "${key}" (the header has ${names.length > 0 ? names.join(', ') : 'no names'}; needed: ${REQUIRED.join(', ')}; optional: blocks, heightEnd)`,
      );
    }
  }
  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    const first = record[0] as Field;
    if (record.length !== header.length) {
      fail(
        `:${first.line}:${first.col}`,
        `the row has ${record.length} fields, the header ${header.length}` +
          (record.length > header.length
            ? ' (a number with a thousands separator? quote it or drop the commas)'
            : ''),
      );
    }
    const cells: Partial<Record<Key, Cell>> = {};
    for (const [key, index] of columns) {
      const field = record[index] as Field;
      cells[key] = { value: field.text, line: field.line, col: field.col };
    }
    rows.push({ line: first.line, cells });
  }
  return rows;
}

// JSON lines -----------------------------------------------------------------------------------------------

function jsonRows(text: string, fail: Fail): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = index + 1;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const col = position ? Number(position[1]) + 1 : raw.length - raw.trimStart().length + 1;
      return fail(`:${line}:${col}`, 'not valid JSON (one object per line is expected)');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      fail(`:${line}:${raw.length - raw.trimStart().length + 1}`, 'expected a JSON object (one per line)');
    const cells: Partial<Record<Key, Cell>> = {};
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      const key = KEY_BY_LOWER.get(name.toLowerCase());
      if (!key) continue;
      if (cells[key]) fail(`:${line}`, `column "${key}" appears twice`);
      cells[key] = { value, line, col: valueColumn(raw, name) };
    }
    for (const key of REQUIRED) {
      if (!cells[key]) fail(`:${line}`, `missing column "${key}" (each object needs ${REQUIRED.join(', ')})`);
    }
    rows.push({ line, cells });
  }
  return rows;
}

/** The 1-based column where the value of `"name":` starts on the line, when it can be found. */
function valueColumn(raw: string, name: string): number | undefined {
  const escaped = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\s*:\\s*`).exec(raw);
  return match ? match.index + match[0].length + 1 : undefined;
}

// Values ---------------------------------------------------------------------------------------------------

function dayOf(row: Row, fail: Fail): HistoryDay {
  const at = (cell: Cell) => `:${cell.line}${cell.col !== undefined ? `:${cell.col}` : ''}`;
  const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
  const cell = (key: Key) => row.cells[key];

  /** A number, null for an empty cell, or a failure naming the column. */
  const numberOf = (key: Key, c: Cell): number | null => {
    const v = c.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v !== 'string') return fail(at(c), `${key}: expected a number, got ${shown(v)}`);
    const t = v.trim();
    if (EMPTY.has(t.toLowerCase())) return null;
    if (!NUMBER.test(t)) return fail(at(c), `${key}: expected a number, got ${shown(v)}`);
    return Number(t);
  };

  const dateCell = cell('date') as Cell;
  const date = typeof dateCell.value === 'string' ? dateCell.value.trim() : dateCell.value;
  if (typeof date !== 'string' || !isDate(date))
    fail(at(dateCell), `date: ${shown(dateCell.value)} is not a date (YYYY-MM-DD, UTC)`);
  if ((date as string) < GENESIS_DATE)
    fail(at(dateCell), `date: ${date as string} is before the genesis block (2009-01-03)`);

  const difficultyCell = cell('difficulty') as Cell;
  const difficulty = numberOf('difficulty', difficultyCell);
  if (difficulty === null)
    fail(
      at(difficultyCell),
      'difficulty: is empty (every row needs a difficulty: the hashprice divides by it)',
    );
  if ((difficulty as number) <= 0)
    fail(at(difficultyCell), `difficulty: must be positive, got ${shown(difficultyCell.value)}`);
  if ((difficulty as number) < 1 || (difficulty as number) > MAX_DIFFICULTY)
    fail(at(difficultyCell), `difficulty: ${shown(difficultyCell.value)} is out of range (1 to 1e18)`);

  const feesCell = cell('avgFeesBtcPerBlock') as Cell;
  const fees = numberOf('avgFeesBtcPerBlock', feesCell);
  if (fees !== null && fees < 0)
    fail(at(feesCell), `avgFeesBtcPerBlock: must be 0 or more (BTC per block), got ${shown(feesCell.value)}`);
  if (fees !== null && fees > MAX_FEES_BTC)
    fail(
      at(feesCell),
      `avgFeesBtcPerBlock: ${shown(feesCell.value)} BTC per block is implausible (more than ${MAX_FEES_BTC}; satoshis? the column is in BTC)`,
    );

  const usdCell = cell('btcUsd') as Cell;
  const usd = numberOf('btcUsd', usdCell);
  if (usd !== null && (usd <= 0 || usd > MAX_USD))
    fail(at(usdCell), `btcUsd: must be a price above 0 (USD per BTC), got ${shown(usdCell.value)}`);

  const whole = (key: 'blocks' | 'heightEnd', max: number): number | null => {
    const c = cell(key);
    if (!c) return null;
    const v = numberOf(key, c);
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > max))
      fail(at(c), `${key}: must be a whole number from 0 to ${max}, got ${shown(c.value)}`);
    return v;
  };

  return {
    date: date as string,
    difficulty: difficulty as number,
    avgFeesBtcPerBlock: fees,
    btcUsd: usd,
    blocks: whole('blocks', MAX_BLOCKS),
    heightEnd: whole('heightEnd', MAX_HEIGHT),
  };
}
