/**
 * Rule language: lexing, precedence, associativity and the normalizing formatter. Expected values are worked
 * by hand in the comment beside each case, with the grouping a wrong precedence would give for contrast.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  format,
  type MetricValue,
  nodePosition,
  parse,
  type RuleNode,
  tokenize,
} from '../../src/rules/index.js';

const noMetrics = (): undefined => undefined;

function value(text: string, metrics: Record<string, MetricValue> = {}): MetricValue {
  const table = new Map(Object.entries(metrics));
  const r = evaluate(parse(text), (p) => table.get(p));
  expect(r.error).toBeUndefined();
  return r.value;
}

const num = (v: number, percent = false): RuleNode => ({ type: 'number', value: v, percent });
const path = (p: string): RuleNode => ({ type: 'path', path: p });

describe('numbers', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['007', 7],
    ['2.5', 2.5],
    ['1e6', 1_000_000],
    ['1E+2', 100],
    ['1.5e-3', 0.0015],
    ['2.5%', 0.025], // 2.5 / 100
    ['50% * 4', 2], // 0.5 * 4
    ['1e2%', 1], // 100 / 100
  ])('%s = %s', (text, expected) => {
    expect(value(text)).toBeCloseTo(expected, 12);
  });

  it('keeps the written number and the percent flag in the tree', () => {
    expect(parse('2.5%')).toEqual(num(2.5, true));
    expect(parse('1.50')).toEqual(num(1.5));
  });
});

describe('identifiers and paths', () => {
  it('takes hyphens inside names and dots between segments', () => {
    expect(parse('options.ai-lease.revenueUsdPerKwh')).toEqual(path('options.ai-lease.revenueUsdPerKwh'));
    expect(parse('_x.y_1.gpu-2')).toEqual(path('_x.y_1.gpu-2'));
    expect(parse('a-b-c')).toEqual(path('a-b-c'));
  });

  it('reads a hyphen with a space on either side as minus', () => {
    const minus: RuleNode = { type: 'arithmetic', op: '-', left: path('a'), right: path('b') };
    expect(parse('a - b')).toEqual(minus);
    expect(parse('a- b')).toEqual(minus);
    expect(parse('a -b')).toEqual(minus);
    // a--b: the first '-' is not between two identifier characters, so it is a - (-b)
    expect(parse('a--b')).toEqual({
      type: 'arithmetic',
      op: '-',
      left: path('a'),
      right: { type: 'negate', operand: path('b') },
    });
    // x-1 is a name by the rule "between two identifier characters"; x - 1 subtracts
    expect(parse('x-1')).toEqual(path('x-1'));
    expect(value('x - 1', { x: 5, 'x-1': 100 })).toBe(4);
    expect(value('x-1', { x: 5, 'x-1': 100 })).toBe(100);
  });

  it('treats keywords as keywords only as whole words', () => {
    expect(parse('true')).toEqual({ type: 'boolean', value: true });
    expect(parse('android')).toEqual(path('android'));
    expect(parse('options.not.x')).toEqual(path('options.not.x'));
    expect(parse('notx')).toEqual(path('notx'));
  });

  it('accepts all ASCII whitespace between tokens', () => {
    expect(value(' \t1\n+\r\n2 ')).toBe(3);
  });
});

describe('tokens', () => {
  it('records 0-based positions', () => {
    const tokens = tokenize('a>=2 && !b');
    expect(tokens.map((t) => [t.kind, t.pos])).toEqual([
      ['path', 0],
      ['op', 1],
      ['number', 3],
      ['op', 5],
      ['op', 8],
      ['path', 9],
      ['eof', 10],
    ]);
  });

  it('records node positions: literals at their start, operators at the operator', () => {
    const ast = parse('a + 2 * b');
    expect(nodePosition(ast)).toBe(2);
    if (ast.type !== 'arithmetic' || ast.right.type !== 'arithmetic') throw new Error('shape');
    expect(nodePosition(ast.left)).toBe(0);
    expect(nodePosition(ast.right)).toBe(6);
    expect(nodePosition(ast.right.right)).toBe(8);
    expect(nodePosition({ type: 'boolean', value: true })).toBeUndefined();
  });
});

describe('arithmetic precedence and associativity', () => {
  it.each([
    ['2 + 3 * 4', 14], // 2 + 12; (2 + 3) * 4 would be 20
    ['(2 + 3) * 4', 20],
    ['10 - 4 - 3', 3], // (10 - 4) - 3; right-assoc would be 10 - 1 = 9
    ['64 / 4 / 2', 8], // (64 / 4) / 2; right-assoc would be 64 / 2 = 32
    ['10 - 2 - 3 * 2 / 4', 6.5], // 10 - 2 - ((3 * 2) / 4) = 8 - 1.5
    ['2 * 3 / 4 * 8', 12], // ((2 * 3) / 4) * 8 = 1.5 * 8
    ['-2 * 3', -6],
    ['2 * -3', -6],
    ['- 3 - 2', -5], // (-3) - 2
    ['--3', 3], // -(-3)
    ['-(2 + 3) * 2', -10], // (-5) * 2
    ['8 - -2', 10],
    ['1 - 2 + 3', 2], // (1 - 2) + 3; 1 - (2 + 3) would be -4
  ])('%s = %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('comparison and logic precedence', () => {
  it.each([
    ['1 + 2 < 4', true], // (1 + 2) < 4
    ['2 * 3 >= 6', true],
    ['1 != 2', true],
    ['(1 < 2) == true', true],
    ['(1 > 2) != (3 > 4)', false], // false != false
    ['true or false and false', true], // true or (false and false); left-to-right would be false
    ['false and true or true', true], // (false and true) or true
    ['false and (true or true)', false],
    ['not false and false', false], // (not false) and false; not (false and false) would be true
    ['not 1 > 2', true], // not (1 > 2)
    ['not not true', true],
    ['! true || true', true], // (!true) || true
    ['!(true || true)', false],
    ['1 < 2 && 3 < 4 || 5 < 4', true], // (true && true) || false
    ['false or false or true', true],
    ['true and true and false', false],
  ])('%s is %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('groups and/or to the left', () => {
    expect(parse('a or b or c')).toEqual({
      type: 'logical',
      op: 'or',
      left: { type: 'logical', op: 'or', left: path('a'), right: path('b') },
      right: path('c'),
    });
  });

  it('reads the spec examples', () => {
    expect(parse('options.ai-lease.revenueUsdPerKwh / options.mining.revenueUsdPerKwh >= 2')).toEqual({
      type: 'compare',
      op: '>=',
      left: {
        type: 'arithmetic',
        op: '/',
        left: path('options.ai-lease.revenueUsdPerKwh'),
        right: path('options.mining.revenueUsdPerKwh'),
      },
      right: num(2),
    });
    expect(parse('not (options.gpu-cloud.paybackYears > 5)')).toEqual({
      type: 'not',
      operand: { type: 'compare', op: '>', left: path('options.gpu-cloud.paybackYears'), right: num(5) },
    });
  });

  it('evaluates literals without metrics', () => {
    expect(evaluate(parse('1 < 2'), noMetrics)).toEqual({ value: true, notes: [] });
  });
});

describe('format', () => {
  it.each([
    ['a&&b', 'a and b'],
    ['a||b', 'a or b'],
    ['!x', 'not x'],
    ['not a > 5', 'not (a > 5)'],
    ['not (a > 5)', 'not (a > 5)'],
    ['not (a and b)', 'not (a and b)'],
    ['!!x', 'not not x'],
    ['(a + b) * c', '(a + b) * c'],
    ['a + (b + c)', 'a + (b + c)'],
    ['(a + b) + c', 'a + b + c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['a / (b * c)', 'a / (b * c)'],
    ['((a))', 'a'],
    ['- -3', '-(-3)'],
    ['-(a + b)', '-(a + b)'],
    ['-(not x)', '-(not x)'],
    ['a * -b', 'a * -b'],
    ['a - -b', 'a - -b'],
    ['1.50', '1.5'],
    ['2.5%', '2.5%'],
    ['1e21', '1e+21'],
    ['0.0000001', '1e-7'],
    ['x>=2', 'x >= 2'],
    ['(a < b) == (c < d)', '(a < b) == (c < d)'],
    ['a and (b or c)', 'a and (b or c)'],
    ['(a and b) or c', 'a and b or c'],
    ['1 == (a or b)', '1 == (a or b)'],
    ['TRUE', 'TRUE'], // a metric path, not the literal
    [
      'options.ai-lease.revenueUsdPerKwh/options.mining.revenueUsdPerKwh>=2',
      'options.ai-lease.revenueUsdPerKwh / options.mining.revenueUsdPerKwh >= 2',
    ],
  ])('%s -> %s', (text, expected) => {
    const ast = parse(text);
    expect(format(ast)).toBe(expected);
    expect(parse(format(ast))).toEqual(ast);
  });

  it('refuses a tree with a negative or non-finite literal, which the parser never builds', () => {
    expect(() => format(num(-1))).toThrow(/non-negative/);
    expect(() => format(num(Number.POSITIVE_INFINITY))).toThrow(/finite/);
  });
});
