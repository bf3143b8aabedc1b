/** readHistoryFile: CSV and JSON lines, every error one line with the file, line and column. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHistoryFile } from '../../../src/data/history/file.js';
import { UsageError } from '../../../src/errors.js';
import { tempDir } from '../helpers/context.js';

const dir = tempDir('hashcalc-history-file-');
let n = 0;
function file(text: string, ext = 'csv'): string {
  const path = join(dir, `days-${++n}.${ext}`);
  writeFileSync(path, text);
  return path;
}

function errorOf(path: string): string {
  try {
    readHistoryFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('no error');
}

const HEADER = 'date,difficulty,avgFeesBtcPerBlock,btcUsd';

describe('CSV', () => {
  it('reads the columns, ignores extra ones, allows quotes and empty cells, sorts by date', () => {
    const path = file(
      '\ufeffDate,note,difficulty,avgFeesBtcPerBlock,btcUsd,blocks\r\n' +
        '2025-11-22,"a ""quoted"", note",149301205959699.9,0.02126,84775,143\r\n' +
        '2025-11-21,"two\nlines",152271405447597.38,,84948,\r\n' +
        '\r\n' +
        '2025-11-23,x,1.5e14,0.02,NaN,150\r\n',
    );
    expect(readHistoryFile(path)).toEqual([
      {
        date: '2025-11-21',
        difficulty: 152271405447597.38,
        avgFeesBtcPerBlock: null,
        btcUsd: 84948,
        blocks: null,
        heightEnd: null,
      },
      {
        date: '2025-11-22',
        difficulty: 149301205959699.9,
        avgFeesBtcPerBlock: 0.02126,
        btcUsd: 84775,
        blocks: 143,
        heightEnd: null,
      },
      {
        date: '2025-11-23',
        difficulty: 1.5e14,
        avgFeesBtcPerBlock: 0.02,
        btcUsd: null,
        blocks: 150,
        heightEnd: null,
      },
    ]);
  });

  it('reads an optional heightEnd column', () => {
    const path = file(`${HEADER},heightEnd\n2024-04-20,88104191118793.16,0.57,64940,840160\n`);
    expect(readHistoryFile(path)[0]?.heightEnd).toBe(840160);
  });

  it('reads the 3-year series of fixtures/history', () => {
    const path = fileURLToPath(new URL('../../../fixtures/history/three-years.csv', import.meta.url));
    const days = readHistoryFile(path);
    expect(days).toHaveLength(1096);
    expect(days[0]?.date).toBe('2022-12-01');
    expect(days.at(-1)?.date).toBe('2025-11-30');
  });

  it('reads a large file (3 years of days with quoted fields, CSV and JSON lines)', () => {
    const rows: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 3 * 365 + 1; i++) {
      const date = new Date(Date.UTC(2022, 11, 1) + i * 86_400_000).toISOString().slice(0, 10);
      rows.push(
        `${date},"${(36e12 + i * 1e11).toFixed(2)}",0.0${(i % 90) + 10},"${17000 + i * 60}",${140 + (i % 9)}`,
      );
      lines.push(
        JSON.stringify({ date, difficulty: 36e12 + i * 1e11, avgFeesBtcPerBlock: 0.02, btcUsd: 17000 + i }),
      );
    }
    const csv = file(`${HEADER},blocks\n${rows.join('\n')}\n`);
    const jsonl = file(`${lines.join('\n')}\n`, 'jsonl');
    for (const path of [csv, jsonl]) {
      expect(readHistoryFile(path)).toHaveLength(1096);
    }
  });
});

describe('JSON lines', () => {
  it('reads one object per line with the same keys (numbers, numeric strings, null)', () => {
    const path = file(
      '{"date":"2025-11-21","difficulty":152271405447597.38,"avgFeesBtcPerBlock":0.0241,"btcUsd":84948,"blocks":151}\n' +
        '\n' +
        '{"date":"2025-11-20","difficulty":"152271405447597.38","avgFeesBtcPerBlock":null,"btcUsd":null,"extra":1}\r\n',
      'jsonl',
    );
    expect(readHistoryFile(path)).toEqual([
      {
        date: '2025-11-20',
        difficulty: 152271405447597.38,
        avgFeesBtcPerBlock: null,
        btcUsd: null,
        blocks: null,
        heightEnd: null,
      },
      {
        date: '2025-11-21',
        difficulty: 152271405447597.38,
        avgFeesBtcPerBlock: 0.0241,
        btcUsd: 84948,
        blocks: 151,
        heightEnd: null,
      },
    ]);
  });

  it('is recognised by its first character when the name says nothing', () => {
    const path = file(
      '{"date":"2025-11-21","difficulty":1e14,"avgFeesBtcPerBlock":0.02,"btcUsd":84948}\n',
      'txt',
    );
    expect(readHistoryFile(path)).toHaveLength(1);
  });
});

describe('errors: one line naming the file, the line and the column', () => {
  it.each([
    [
      'a missing column',
      `date,difficulty,avgFeesBtcPerBlock\n2025-11-21,1e14,0.02\n`,
      'csv',
      ':1: missing column "btcUsd" (the header has date, difficulty, avgFeesBtcPerBlock; needed: date, difficulty, avgFeesBtcPerBlock, btcUsd; optional: blocks, heightEnd)',
    ],
    [
      'a non-date',
      `${HEADER}\n2025-11-21,1e14,0.02,84948\n2025-11-31,1e14,0.02,84948\n`,
      'csv',
      ':3:1: date: "2025-11-31" is not a date (YYYY-MM-DD, UTC)',
    ],
    [
      'a date in another form',
      `${HEADER}\n21/11/2025,1e14,0.02,84948\n`,
      'csv',
      ':2:1: date: "21/11/2025" is not a date (YYYY-MM-DD, UTC)',
    ],
    [
      'a zero difficulty',
      `${HEADER}\n2025-11-21,0,0.02,84948\n`,
      'csv',
      ':2:12: difficulty: must be positive, got "0"',
    ],
    [
      'a negative difficulty',
      `${HEADER}\n2025-11-21, -5e13 ,0.02,84948\n`,
      'csv',
      ':2:12: difficulty: must be positive, got " -5e13 "',
    ],
    [
      'an empty difficulty',
      `${HEADER}\n2025-11-21,,0.02,84948\n`,
      'csv',
      ':2:12: difficulty: is empty (every row needs a difficulty: the hashprice divides by it)',
    ],
    [
      'a duplicated date',
      `${HEADER}\n2025-11-21,1e14,0.02,84948\n2025-11-22,1e14,0.02,84948\n"2025-11-21",1e14,0.02,84948\n`,
      'csv',
      ':4:1: date: 2025-11-21 repeats line 2',
    ],
    ['no rows', `${HEADER}\n\n`, 'csv', ': no rows (a header and at least one day are needed)'],
    ['an empty file', '', 'csv', ': no rows (a header and at least one day are needed)'],
    [
      'fees in satoshis',
      `${HEADER}\n2025-11-21,1e14,2410000,84948\n`,
      'csv',
      ':2:17: avgFeesBtcPerBlock: "2410000" BTC per block is implausible (more than 50; satoshis? the column is in BTC)',
    ],
    [
      'a price of 0',
      `${HEADER}\n2025-11-21,1e14,0.02,0\n`,
      'csv',
      ':2:22: btcUsd: must be a price above 0 (USD per BTC), got "0"',
    ],
    [
      'text for a number',
      `${HEADER}\n2025-11-21,1e14,0.02,$84948\n`,
      'csv',
      ':2:22: btcUsd: expected a number, got "$84948"',
    ],
    [
      'a fractional block count',
      `${HEADER},blocks\n2025-11-21,1e14,0.02,84948,143.5\n`,
      'csv',
      ':2:28: blocks: must be a whole number from 0 to 10000, got "143.5"',
    ],
    [
      'a thousands separator',
      `${HEADER}\n2025-11-21,1e14,0.02,84,948\n`,
      'csv',
      ':2:1: the row has 5 fields, the header 4 (a number with a thousands separator? quote it or drop the commas)',
    ],
    [
      'an unclosed quote',
      `${HEADER}\n2025-11-21,"1e14,0.02,84948\n`,
      'csv',
      ':2:12: a quoted field is never closed',
    ],
    [
      'text after a quote',
      `${HEADER}\n2025-11-21,"1e14"x,0.02,84948\n`,
      'csv',
      ':2:18: unexpected text after a closing quote',
    ],
    [
      'a column twice',
      `date,difficulty,avgFeesBtcPerBlock,btcUsd,Date\n2025-11-21,1e14,0.02,84948,x\n`,
      'csv',
      ':1:43: column "date" appears twice in the header',
    ],
    [
      'a date before the genesis block',
      `${HEADER}\n2008-12-31,1,0,1\n`,
      'csv',
      ':2:1: date: 2008-12-31 is before the genesis block (2009-01-03)',
    ],
    [
      'JSON lines: a missing column',
      '{"date":"2025-11-21","difficulty":1e14,"btcUsd":84948}\n',
      'jsonl',
      ':1: missing column "avgFeesBtcPerBlock" (each object needs date, difficulty, avgFeesBtcPerBlock, btcUsd)',
    ],
    [
      'JSON lines: a zero difficulty',
      '{"date":"2025-11-21","avgFeesBtcPerBlock":0.02,"btcUsd":84948,"difficulty":0}\n',
      'jsonl',
      ':1:76: difficulty: must be positive, got 0',
    ],
    [
      'JSON lines: a non-date',
      '{"date":"2025-1-21","difficulty":1e14,"avgFeesBtcPerBlock":0.02,"btcUsd":84948}\n',
      'jsonl',
      ':1:9: date: "2025-1-21" is not a date (YYYY-MM-DD, UTC)',
    ],
    [
      'JSON lines: a duplicated date',
      '{"date":"2025-11-21","difficulty":1e14,"avgFeesBtcPerBlock":0.02,"btcUsd":84948}\n{"date":"2025-11-21","difficulty":1e14,"avgFeesBtcPerBlock":0.02,"btcUsd":84948}\n',
      'jsonl',
      ':2:9: date: 2025-11-21 repeats line 1',
    ],
    [
      'JSON lines: broken JSON',
      '{"date":"2025-11-21","difficulty":1e14,}\n',
      'jsonl',
      ':1:40: not valid JSON (one object per line is expected)',
    ],
    ['JSON lines: not an object', '[1,2]\n', 'jsonl', ':1:1: expected a JSON object (one per line)'],
    ['JSON lines: no rows', '\n\n', 'jsonl', ': no rows (one JSON object per day is needed)'],
  ])('%s', (_name, text, ext, expected) => {
    const path = file(text, ext);
    expect(errorOf(path)).toBe(`${path}${expected}`);
  });

  it('a file that is missing, a directory, or over 8 MiB', () => {
    const missing = join(dir, 'nope.csv');
    expect(errorOf(missing)).toBe(`${missing}: cannot be read (no such file)`);
    expect(errorOf(dir)).toBe(`${dir}: is a directory, not a history file`);
    const big = file(`${HEADER}\n${'2025-11-21,1e14,0.02,84948\n'.repeat(330_000)}`);
    expect(errorOf(big)).toBe(`${big}: is 8.5 MiB, more than the 8 MiB a history file may have`);
  });
});
