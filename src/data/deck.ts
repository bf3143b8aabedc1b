/**
 * `--price-deck FILE`: an analyst's own monthly prices, as
 * - CSV with a header: `month` (YYYY-MM) and any of `btcUsd`, `feesBtcPerBlock`, `powerUsdPerKwh`,
 *   `gpuUsdPerHour`, `leaseUsdPerKwMonth` (names matched without regard to case; fields may be quoted); or
 * - JSON lines: one object per line with the same keys (numbers, numeric strings or null).
 * JSON lines when the name ends in .jsonl, .ndjson or .json, CSV when it ends in .csv, else by the first
 * character ('{': JSON lines). At most 1 MiB, read without blocking (a FIFO, a device or a directory is
 * refused, never waited on). Months are unique and ascending (gaps allowed: such a month continues from the
 * last one before it); an empty cell (or null, NA) says nothing for that month; an unknown column is refused
 * (a misspelt name would otherwise be silently ignored). Every error is a UsageError of one line naming the
 * file, the line and column and what is accepted, as `history --data` does (history/file.ts, whose CSV
 * tokenizer this reuses).
 */
import { ReadProblem, readFileLimited } from '../context.js';
import { DECK_COLUMNS, type DeckColumn, type DeckRow, type PriceDeck } from '../core/price-path.js';
import { UsageError } from '../errors.js';
import { csvRecords, type Field, valueColumn } from './history/file.js';

export const MAX_DECK_FILE_BYTES = 1024 * 1024;

/** Each column's range: what a row may hold, and the words of its error. */
const RANGES: Record<DeckColumn, { min: number; minExclusive: boolean; max: number; accepts: string }> = {
  btcUsd: { min: 0, minExclusive: true, max: 1e8, accepts: 'USD per BTC above 0 (e.g. 84775)' },
  feesBtcPerBlock: {
    min: 0,
    minExclusive: false,
    max: 50,
    accepts: 'BTC per block from 0 to 50 (e.g. 0.02)',
  },
  powerUsdPerKwh: { min: 0, minExclusive: false, max: 2, accepts: 'USD per kWh from 0 to 2 (e.g. 0.045)' },
  gpuUsdPerHour: { min: 0, minExclusive: true, max: 1000, accepts: 'USD per GPU-hour above 0 (e.g. 2.4)' },
  leaseUsdPerKwMonth: {
    min: 0,
    minExclusive: true,
    max: 10_000,
    accepts: 'USD per kW-month above 0 (e.g. 150)',
  },
};

const BY_LOWER = new Map<string, string>(
  ['month', ...DECK_COLUMNS].map((name) => [name.toLowerCase(), name] as const),
);
const ACCEPTED = `month and any of ${DECK_COLUMNS.join(', ')}`;
const EMPTY = new Set(['', 'null', 'nan', 'na', 'n/a']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A cell: its value and where it starts (":line:column"). */
interface Cell {
  value: unknown;
  where: string;
}

function fail(path: string, where: string, message: string): never {
  throw new UsageError(`${path}${where}: ${message}`);
}

function readBytes(path: string): string {
  try {
    return readFileLimited(path, MAX_DECK_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof ReadProblem) {
      if (error.overLimit) fail(path, '', 'is more than the 1 MiB a price deck may have');
      fail(path, '', `${error.message}: a price deck is a CSV or JSON-lines file of monthly rows`);
    }
    const code = (error as { code?: unknown })?.code;
    return fail(path, '', `cannot be read (${code === 'ENOENT' ? 'no such file' : String(code ?? error)})`);
  }
}

/** The canonical column name of a header (or key), or a usage error naming what is accepted. */
function columnOf(path: string, where: string, name: string): string {
  const known = BY_LOWER.get(name.trim().toLowerCase());
  if (!known) fail(path, where, `unknown column "${name.trim().slice(0, 60)}" (accepted: ${ACCEPTED})`);
  return known;
}

function csvCells(path: string, text: string): Map<string, Cell>[] {
  const records = csvRecords(path, text);
  const header = records[0];
  if (!header) return [];
  const names = header.map((f) => columnOf(path, `:${f.line}:${f.col}`, f.text));
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      fail(
        path,
        `:${(header[i] as Field).line}:${(header[i] as Field).col}`,
        `column "${name}" appears twice`,
      );
  });
  if (!names.includes('month'))
    fail(path, `:${(header[0] as Field).line}`, `missing column "month" (accepted: ${ACCEPTED})`);
  return records.slice(1).map((record) => {
    const first = record[0] as Field;
    if (record.length !== header.length)
      fail(
        path,
        `:${first.line}:${first.col}`,
        `the row has ${record.length} fields, the header ${header.length}`,
      );
    return new Map(
      record.map((f, i) => [names[i] as string, { value: f.text, where: `:${f.line}:${f.col}` }] as const),
    );
  });
}

function jsonCells(path: string, text: string): Map<string, Cell>[] {
  const rows: Map<string, Cell>[] = [];
  text.split('\n').forEach((line, i) => {
    const raw = line.replace(/\r$/, '');
    if (raw.trim() === '') return;
    const at = `:${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      fail(path, `${at}:1`, 'not valid JSON (one object per line is expected)');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      fail(path, `${at}:1`, 'expected a JSON object (one per line)');
    const cells = new Map<string, Cell>();
    for (const [key, value] of Object.entries(data as object)) {
      const col = valueColumn(raw, key);
      const where = col === undefined ? at : `${at}:${col}`;
      const name = columnOf(path, where, key);
      if (cells.has(name)) fail(path, where, `column "${name}" appears twice`);
      cells.set(name, { value, where });
    }
    if (!cells.has('month')) fail(path, at, `missing column "month" (each object needs month)`);
    rows.push(cells);
  });
  return rows;
}

const shown = (value: unknown) =>
  typeof value === 'string'
    ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
    : JSON.stringify(value);

function numberOf(path: string, column: DeckColumn, cell: Cell): number | null {
  const v = typeof cell.value === 'string' ? cell.value.trim() : cell.value;
  if (v === null || v === undefined || (typeof v === 'string' && EMPTY.has(v.toLowerCase()))) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v) ? Number(v) : Number.NaN;
  const range = RANGES[column];
  const inRange =
    Number.isFinite(n) && (range.minExclusive ? n > range.min : n >= range.min) && n <= range.max;
  if (!inRange) fail(path, cell.where, `${column}: expected ${range.accepts}, got ${shown(cell.value)}`);
  return n;
}

/** Reads and checks a price deck (see the module); exit 2 with the file, line and column on any bad row. */
export function readPriceDeck(path: string): PriceDeck {
  let text = readBytes(path);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lower = path.toLowerCase();
  const jsonLines =
    /\.(jsonl|ndjson|json)$/.test(lower) || (!lower.endsWith('.csv') && text.trimStart().startsWith('{'));
  const cells = jsonLines ? jsonCells(path, text) : csvCells(path, text);
  if (cells.length === 0)
    fail(path, '', `no rows (a header and at least one month are needed: ${ACCEPTED}, one row a month)`);
  const columns = new Set<DeckColumn>();
  const rows: DeckRow[] = [];
  const seen = new Map<string, string>();
  for (const row of cells) {
    const cell = row.get('month') as Cell;
    const month = typeof cell.value === 'string' ? cell.value.trim() : cell.value;
    if (typeof month !== 'string' || !MONTH.test(month))
      fail(
        path,
        cell.where,
        `month: expected a calendar month YYYY-MM (e.g. 2027-01), got ${shown(cell.value)}`,
      );
    const before = seen.get(month);
    if (before !== undefined) fail(path, cell.where, `month: ${month} repeats the row at ${before.slice(1)}`);
    const previous = rows.at(-1);
    if (previous && previous.month > month)
      fail(
        path,
        cell.where,
        `month: ${month} follows ${previous.month} (rows must be in ascending order of month)`,
      );
    seen.set(month, cell.where);
    const values: DeckRow['values'] = {};
    for (const column of DECK_COLUMNS) {
      const given = row.get(column);
      if (!given) continue;
      columns.add(column);
      const value = numberOf(path, column, given);
      if (value !== null) values[column] = value;
    }
    rows.push({ month, values });
  }
  if (columns.size === 0) fail(path, ':1', `no price column (accepted: ${ACCEPTED})`);
  return { path, columns: DECK_COLUMNS.filter((c) => columns.has(c)), rows };
}
