import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/output/document.js';
import { drawGrid } from '../../src/output/grid.js';
import { fitWidths, gridWidth, layoutTable, type Paint } from '../../src/output/table.js';
import { visibleLength, wrapLine } from '../../src/output/wrap.js';

const plain = (_tone: unknown, text: string) => text;
function render(block: TableBlock, width: number, paint: Paint = plain, bold: Paint = plain): string {
  const laid = layoutTable(block, width, paint, bold);
  return laid.kind === 'grid' ? drawGrid(laid.grid) : laid.text;
}
const widest = (text: string) => Math.max(...text.split('\n').map(visibleLength));

const options: TableBlock = {
  kind: 'table',
  head: ['', 'Mining', 'AI lease'],
  rows: [
    ['Revenue ($/yr)', '$296M', '$472M'],
    ['Opex incl. energy ($/yr)', '$117M', '$70.8M'],
    ['Units', '89,097 miners', '262,308 kW leased'],
  ],
  stack: 'columns',
};

describe('table layout', () => {
  it('draws the grid at its natural width when it fits', () => {
    const out = render(options, 100);
    // 24 + 13 + 17 columns of content, 1 space of padding each side, 4 borders
    expect(widest(out)).toBe(gridWidth([24, 13, 17]));
    expect(out.split('\n')[0]).toBe(`┌${'─'.repeat(26)}┬${'─'.repeat(15)}┬${'─'.repeat(19)}┐`);
    expect(out).toContain('│ Revenue ($/yr)           │         $296M │             $472M │');
  });

  it('wraps a text column at word boundaries before giving up the grid; numbers never wrap', () => {
    const out = render(options, 60);
    expect(widest(out)).toBeLessThanOrEqual(60);
    expect(out).toContain('│ Opex incl. energy    │         $117M │            $70.8M │');
    expect(out).toContain('│ ($/yr)               │               │                   │');
    expect(out).toContain('262,308 kW leased');
  });

  it('prints one block per data column when the grid cannot fit', () => {
    const out = render(options, 50);
    expect(out).not.toMatch(/[┌│]/);
    expect(out).toBe(
      [
        'Mining',
        '  Revenue ($/yr)            $296M',
        '  Opex incl. energy ($/yr)  $117M',
        '  Units                     89,097 miners',
        '',
        'AI lease',
        '  Revenue ($/yr)            $472M',
        '  Opex incl. energy ($/yr)  $70.8M',
        '  Units                     262,308 kW leased',
        '',
      ].join('\n'),
    );
    // Narrower still: labels wrap, then values go under their labels; nothing is wider than the width.
    expect(render(options, 40)).toContain('  Opex incl. energy    $117M\n  ($/yr)\n');
    for (const width of [20, 30, 40]) expect(widest(render(options, width))).toBeLessThanOrEqual(width);
  });

  it('prints one block per row for a record table, and never cuts a kept column', () => {
    const block: TableBlock = {
      kind: 'table',
      head: ['Model', 'id', 'TH/s', 'basis'],
      rows: [['Whatsminer M30S++', 'whatsminer-m30s-plus-plus', '112', 'secondary']],
      keepColumns: [1],
    };
    expect(render(block, 100)).toContain('│ Whatsminer M30S++ │ whatsminer-m30s-plus-plus │');
    const narrow = render(block, 40);
    expect(narrow).toBe(
      ['Whatsminer M30S++', '  id: whatsminer-m30s-plus-plus', '  TH/s: 112  basis: secondary', ''].join(
        '\n',
      ),
    );
  });

  it('leaves out a droppable column to keep the grid, before stacking', () => {
    const block: TableBlock = {
      kind: 'table',
      head: ['Model', 'id', 'TH/s'],
      rows: [['Antminer S21 XP Hyd', 'antminer-s21-xp-hyd', '473']],
      keepColumns: [1],
      dropColumns: [0],
      align: ['left', 'left'],
    };
    expect(render(block, 100)).toContain('│ Antminer S21 XP Hyd │ antminer-s21-xp-hyd │  473 │');
    const dropped = render(block, 30);
    expect(dropped).toContain('│ antminer-s21-xp-hyd │  473 │');
    expect(dropped).not.toContain('Antminer S21 XP Hyd');
    expect(render(block, 20)).toContain('Antminer S21 XP Hyd'); // stacked: every column again
  });

  it('says which columns it left out, under the grid, within the width', () => {
    const block: TableBlock = {
      kind: 'table',
      head: ['Name', 'id', 'On-demand', 'TH/s'],
      rows: [['Antminer S21 XP Hyd', 'antminer-s21-xp-hyd', 'yes, from the maker', '473']],
      keepColumns: [1],
      dropColumns: [2, 0],
      align: ['left', 'left', 'left'],
    };
    expect(render(block, 100)).not.toContain('left out');
    const dropped = render(block, 36);
    expect(dropped).toContain('│ antminer-s21-xp-hyd │  473 │');
    expect(dropped.split('\n').slice(-3).join('\n')).toBe(
      '(columns left out to fit 36 columns:\nOn-demand, Name; widen the terminal\nor use --format csv)',
    );
    expect(widest(dropped)).toBeLessThanOrEqual(36);
    const dim = render(block, 36, (tone, text) => (tone === 'dim' ? `<${text}>` : text));
    expect(dim).toContain('<(columns left out to fit 36 columns:>');
  });

  it('stacks a grid that would wrap into a tall, hard-to-read table', () => {
    const block: TableBlock = {
      kind: 'table',
      numeric: false,
      head: ['', 'Value', 'Source'],
      rows: [
        ['Height', '924,700', 'snapshot of 2025-11-22, 374 days old'],
        ['Difficulty', '152.27T', 'snapshot of 2025-11-22, 374 days old'],
      ],
    };
    const out = render(block, 40);
    expect(out).not.toContain('│');
    expect(out).toContain('Height\n  Value: 924,700\n  Source: snapshot of 2025-11-22, 374\n    days old');
    expect(widest(out)).toBeLessThanOrEqual(40);
  });

  it('gives up the widest column first and never goes below a floor', () => {
    expect(fitWidths([20, 10], [12, 10], 40)).toEqual([20, 10]);
    expect(fitWidths([20, 10], [12, 10], 30)).toEqual([13, 10]);
    expect(fitWidths([20, 10], [12, 10], 28)).toBeNull();
  });
});

describe('grid drawing (cli-table3 at our widths)', () => {
  const bold: Paint = (_tone, text) => `\u001b[1m${text}\u001b[22m`;
  const paint: Paint = (tone, text) => (tone === 'bad' ? `\u001b[31m${text}\u001b[39m` : text);

  it('draws borders, one rule under the heading and none between rows; numbers right-aligned', () => {
    const block: TableBlock = {
      kind: 'table',
      head: ['', 'Mining', 'AI lease'],
      rows: [
        ['Revenue', '$296M', '$472M'],
        ['Opex', '$117M', '$70.8M'],
      ],
    };
    expect(render(block, 100)).toBe(
      [
        '┌─────────┬────────┬──────────┐',
        '│         │ Mining │ AI lease │',
        '├─────────┼────────┼──────────┤',
        '│ Revenue │  $296M │    $472M │',
        '│ Opex    │  $117M │   $70.8M │',
        '└─────────┴────────┴──────────┘',
      ].join('\n'),
    );
  });

  it('pads wrapped cells line by line, top-aligned, at the widths the layout chose', () => {
    const block: TableBlock = {
      kind: 'table',
      numeric: false,
      head: ['Rule', 'From'],
      rows: [['hashprice at least 40 dollars', 'flag --min-hashprice']],
    };
    // Natural widths 29 and 20 take 56 columns; at 45 the widest gives up columns first, then both: 19 and 19.
    expect(render(block, 45)).toBe(
      [
        '┌─────────────────────┬─────────────────────┐',
        '│ Rule                │ From                │',
        '├─────────────────────┼─────────────────────┤',
        '│ hashprice at least  │ flag                │',
        '│ 40 dollars          │ --min-hashprice     │',
        '└─────────────────────┴─────────────────────┘',
      ].join('\n'),
    );
  });

  it('measures colour codes as taking no columns; headings bold but the first; cells by tone', () => {
    const block: TableBlock = {
      kind: 'table',
      numeric: false,
      head: ['Result', 'Rule'],
      rows: [[{ text: 'FAIL', tone: 'bad' }, 'ratio']],
    };
    expect(render(block, 100, paint, bold)).toBe(
      [
        '┌────────┬───────┐',
        '│ Result │ \u001b[1mRule\u001b[22m  │',
        '├────────┼───────┤',
        '│ \u001b[31mFAIL\u001b[39m   │ ratio │',
        '└────────┴───────┘',
      ].join('\n'),
    );
  });

  it('keeps the rule under the heading of a table without rows, and draws empty columns', () => {
    expect(render({ kind: 'table', head: ['id', '', 'TH/s'], rows: [] }, 100)).toBe(
      ['┌────┬──┬──────┐', '│ id │  │ TH/s │', '├────┼──┼──────┤', '└────┴──┴──────┘'].join('\n'),
    );
  });
});

describe('wrapLine', () => {
  it('wraps at spaces, keeps a line its own indent, and never cuts a long word', () => {
    expect(wrapLine('alpha beta gamma delta', 11)).toBe('alpha beta\n  gamma\n  delta');
    expect(wrapLine('  h100: kW DGX H100 10.2 kW', 16)).toBe('  h100: kW DGX\n    H100 10.2 kW');
    expect(wrapLine('whatsminer-m30s-plus-plus x', 10)).toBe('whatsminer-m30s-plus-plus\n  x');
  });
});
