/**
 * Every RuleError the rule language produces: exact one-line message and 0-based position
 * (the message shows column = position + 1).
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateRule,
  MAX_EXPRESSION_LENGTH,
  type MetricValue,
  parse,
  RuleError,
  tokenize,
} from '../../src/rules/index.js';

function ruleError(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw new Error(`expected a RuleError, got ${String(e)}`);
  }
  throw new Error('expected a RuleError, but nothing was thrown');
}

function parseError(text: string): { message: string; position: number } {
  const e = ruleError(() => parse(text));
  return { message: e.message, position: e.position };
}

describe('RuleError', () => {
  it('is an Error with a name, a position, the bare detail and the label', () => {
    const e = ruleError(() => parse('a >='));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RuleError');
    expect(e.position).toBe(4);
    expect(e.detail).toBe("expected an expression after '>='");
    expect(e.label).toBe('--assert');
    expect(e.hint).toBeUndefined();
    expect(e.message).not.toContain('\n');
  });

  it('matches the shape in the spec: column 42 for an expression of 41 characters ending in >=', () => {
    const text = 'network.hashpriceUsdPerPhDay + 1.5 * 9 >=';
    expect(text.length).toBe(41);
    expect(parseError(text)).toEqual({
      message: "--assert: expected an expression after '>=' at column 42",
      position: 41,
    });
  });

  it('takes another label, or none', () => {
    expect(ruleError(() => parse('1 +', { label: '--fail-if' })).message).toBe(
      "--fail-if: expected an expression after '+' at column 4",
    );
    expect(ruleError(() => parse('1 +', { label: '' })).message).toBe(
      "expected an expression after '+' at column 4",
    );
  });
});

describe('lexer errors', () => {
  it.each([
    ['a = 1', "--assert: unexpected '=' at column 3; use '==' to compare", 2],
    ['a & b', "--assert: unexpected '&' at column 3; use 'and' or '&&'", 2],
    ['a | b', "--assert: unexpected '|' at column 3; use 'or' or '||'", 2],
    [
      'a % 2',
      "--assert: unexpected '%' at column 3; a percent sign must directly follow a number, as in '2.5%'",
      2,
    ],
    [
      '5 %',
      "--assert: unexpected '%' at column 3; a percent sign must directly follow a number, as in '2.5%'",
      2,
    ],
    [
      '2.5%%',
      "--assert: unexpected '%' at column 5; a percent sign must directly follow a number, as in '2.5%'",
      4,
    ],
    ['x > .5', "--assert: unexpected '.' at column 5; write a leading zero, as in '0.5'", 4],
    ['a . b', "--assert: unexpected '.' at column 3", 2],
    ['a ^ 2', "--assert: unexpected character '^' at column 3", 2],
    ["a == 'x'", "--assert: unexpected character ''' at column 6", 5],
    ['a == "x"', "--assert: unexpected character '\"' at column 6", 5],
    ['a ; b', "--assert: unexpected character ';' at column 3", 2],
    ['a\u00a0> 1', '--assert: unexpected character U+00A0 at column 2', 1],
    ['é > 1', '--assert: unexpected character U+00E9 at column 1', 0],
    ['x > 1.', "--assert: expected a digit after '.' in number '1.' at column 7", 6],
    ['x > 1.e5', "--assert: expected a digit after '.' in number '1.' at column 7", 6],
    ['x > 1e', "--assert: expected exponent digits in number '1e' at column 7", 6],
    ['x > 1e+', "--assert: expected exponent digits in number '1e+' at column 8", 7],
    ['x > 2abc', "--assert: invalid number '2abc' at column 5", 4],
    ['x > 1.2.3', "--assert: invalid number '1.2.3' at column 5", 4],
    ['x > 5%5', "--assert: invalid number '5%5' at column 5", 4],
    ['x > 1e999', "--assert: number '1e999' is out of range at column 5", 4],
    [
      'a.',
      "--assert: expected a name after '.' in 'a.' at column 3; each path segment starts with a letter or _",
      2,
    ],
    [
      'options.1x',
      "--assert: expected a name after '.' in 'options.' at column 9; each path segment starts with a letter or _",
      8,
    ],
    ['constructor', "--assert: 'constructor' is reserved and cannot be part of a metric path at column 1", 0],
    ['a.__proto__.b', "--assert: '__proto__' is reserved and cannot be part of a metric path at column 3", 2],
    ['x.prototype', "--assert: 'prototype' is reserved and cannot be part of a metric path at column 3", 2],
  ])('%j', (text, message, position) => {
    expect(parseError(text)).toEqual({ message, position });
  });

  it('rejects a non-string', () => {
    const e = ruleError(() => tokenize(42 as unknown as string));
    expect([e.message, e.position]).toEqual(['--assert: expression must be a string at column 1', 0]);
  });

  it('rejects an expression longer than the limit, pointing at the first character past it', () => {
    const text = `${'1 + '.repeat(1250)}1`;
    expect(parseError(text)).toEqual({
      message: `--assert: expression too long (max ${MAX_EXPRESSION_LENGTH} characters, got 5001) at column 4097`,
      position: 4096,
    });
  });

  it('quotes at most 60 characters of a long name', () => {
    const name = 'n'.repeat(100);
    expect(parseError(`1 ${name}`).message).toBe(
      `--assert: unexpected '${'n'.repeat(59)}…' at column 3; expected an operator or the end of the expression`,
    );
  });
});

describe('parser errors', () => {
  it.each([
    ['', '--assert: empty expression at column 1', 0],
    ['   ', '--assert: empty expression at column 4', 3],
    ['a >=', "--assert: expected an expression after '>=' at column 5", 4],
    ['a > 1 and', "--assert: expected an expression after 'and' at column 10", 9],
    ['-', "--assert: expected an expression after '-' at column 2", 1],
    ['a >= and b', "--assert: expected an expression after '>=' but found 'and' at column 6", 5],
    ['and b', "--assert: expected an expression but found 'and' at column 1", 0],
    ['* 2', "--assert: expected an expression but found '*' at column 1", 0],
    ['a > )', "--assert: expected an expression after '>' but found ')' at column 5", 4],
    [
      'a == not b',
      "--assert: expected an expression after '==' but found 'not' at column 6; wrap the negation in parentheses, as in '(not x)'",
      5,
    ],
    [
      '-!a',
      "--assert: expected an expression after '-' but found '!' at column 2; wrap the negation in parentheses, as in '(not x)'",
      1,
    ],
    [
      '1 * +2',
      "--assert: expected an expression after '*' but found '+' at column 5; there is no unary plus",
      4,
    ],
    ['+2', "--assert: expected an expression but found '+' at column 1; there is no unary plus", 0],
    ['1 2', "--assert: unexpected '2' at column 3; expected an operator or the end of the expression", 2],
    ['a b', "--assert: unexpected 'b' at column 3; expected an operator or the end of the expression", 2],
    [
      'true false',
      "--assert: unexpected 'false' at column 6; expected an operator or the end of the expression",
      5,
    ],
    ['(1 2)', "--assert: unexpected '2' at column 4; expected an operator or ')'", 3],
    [
      'a not b',
      "--assert: unexpected 'not' at column 3; expected an operator or the end of the expression",
      2,
    ],
    ['1 !', "--assert: unexpected '!' at column 3; expected an operator or the end of the expression", 2],
    ['a > 1)', "--assert: unmatched ')' at column 6", 5],
    [')', "--assert: expected an expression but found ')' at column 1", 0],
    ['(a > 1', "--assert: unclosed '(' at column 1; add a matching ')'", 0],
    ['x * ((a + 1)', "--assert: unclosed '(' at column 5; add a matching ')'", 4],
    ['()', "--assert: empty parentheses '()' at column 2", 1],
    ['a > ( )', "--assert: empty parentheses '()' at column 7", 6],
    [
      '1 < 2 < 3',
      "--assert: comparisons cannot be chained ('<' after a comparison) at column 7; combine them with 'and', as in 'a < b and b < c'",
      6,
    ],
    [
      '(a == b != c)',
      "--assert: comparisons cannot be chained ('!=' after a comparison) at column 9; combine them with 'and', as in 'a < b and b < c'",
      8,
    ],
    ['f(1)', "--assert: unexpected '(' after 'f' at column 2; function calls are not supported", 1],
    ['(a.b(1))', "--assert: unexpected '(' after 'a.b' at column 5; function calls are not supported", 4],
    ['1 (2)', "--assert: unexpected '(' at column 3; expected an operator or the end of the expression", 2],
  ])('%j', (text, message, position) => {
    expect(parseError(text)).toEqual({ message, position });
  });

  it('rejects nesting deeper than 64 at the token that goes past it', () => {
    // 64 levels parse
    expect(() => parse(`${'('.repeat(64)}1${')'.repeat(64)}`)).not.toThrow();
    expect(() => parse(`${'-'.repeat(64)}1`)).not.toThrow();
    expect(parseError(`${'('.repeat(65)}1${')'.repeat(65)}`)).toEqual({
      message: '--assert: expression nested too deeply (max 64 levels) at column 65',
      position: 64,
    });
    expect(parseError(`${'-'.repeat(65)}1`)).toEqual({
      message: '--assert: expression nested too deeply (max 64 levels) at column 65',
      position: 64,
    });
    expect(parseError(`${'not '.repeat(65)}true`)).toEqual({
      message: '--assert: expression nested too deeply (max 64 levels) at column 257',
      position: 256,
    });
    // parentheses, minus and not count together: 32 x "(-" is 64 levels, one more "!" is 65
    expect(() => parse(`${'(-'.repeat(32)}1${')'.repeat(32)}`)).not.toThrow();
    expect(parseError(`${'(-'.repeat(32)}!1${')'.repeat(32)}`).position).toBe(64);
  });
});

describe('evaluation errors', () => {
  const table = new Map<string, MetricValue>([
    ['options.mining.revenueUsdPerKwh', 0.099],
    ['options.mining.viable', true],
    ['label', 'text' as unknown as MetricValue],
  ]);
  const lookup = (p: string) => table.get(p);

  it.each([
    ['options.foo.bar > 1', "--assert: unknown metric 'options.foo.bar' at column 1", 0],
    [
      '1 + -options.mining.viable > 0',
      "--assert: '-' needs a number, but its operand is true/false at column 5",
      4,
    ],
    [
      'options.mining.viable + 1 > 0',
      "--assert: '+' needs numbers, but its left operand is true/false at column 23",
      22,
    ],
    ['2 * true > 0', "--assert: '*' needs numbers, but its right operand is true/false at column 3", 2],
    [
      'options.mining.viable < 1',
      "--assert: '<' needs numbers, but its left side is true/false at column 23",
      22,
    ],
    ['1 >= true', "--assert: '>=' needs numbers, but its right side is true/false at column 3", 2],
    ['true > false', "--assert: '>' needs numbers, but its left side is true/false at column 6", 5],
    ['options.mining.viable == 1', "--assert: '==' cannot compare a number with true/false at column 23", 22],
    ['1 != (1 < 2)', "--assert: '!=' cannot compare a number with true/false at column 3", 2],
    [
      'not options.mining.revenueUsdPerKwh',
      "--assert: 'not' needs true/false, but got a number at column 1",
      0,
    ],
    ['true and 1', "--assert: 'and' needs true/false, but got a number at column 6", 5],
    ['(1 / 0) or true', "--assert: 'or' needs true/false, but got a number at column 9", 8],
    ['label > 1', "--assert: metric 'label' has an unsupported value of type string at column 1", 0],
    [
      'options.mining.revenueUsdPerKwh * 2',
      "--assert: the rule gives a number, not true/false at column 1; add a comparison, as in '... >= 2'",
      0,
    ],
  ])('%j', (text, message, position) => {
    const r = evaluateRule(text, lookup);
    expect([r.error, r.errorPosition, r.passed]).toEqual([message, position, false]);
  });

  it('reports an unknown metric even when the other side of and/or already decides (no short-circuit)', () => {
    expect(evaluateRule('false and nope > 1', lookup).error).toBe(
      "--assert: unknown metric 'nope' at column 11",
    );
    expect(evaluateRule('true or nope > 1', lookup).error).toBe(
      "--assert: unknown metric 'nope' at column 9",
    );
  });

  it('suggests close metric names when the known paths are given', () => {
    const r = evaluateRule('options.minig.revenueUsdPerKwh > 0', lookup, { knownPaths: table.keys() });
    expect(r.error).toBe(
      "--assert: unknown metric 'options.minig.revenueUsdPerKwh' at column 1; did you mean 'options.mining.revenueUsdPerKwh'?",
    );
    const none = evaluateRule('zzz > 0', lookup, { knownPaths: table.keys() });
    expect(none.error).toBe("--assert: unknown metric 'zzz' at column 1");
  });

  it('evaluate() returns the same messages with a position, and throws nothing', () => {
    expect(evaluate(parse('x + 1'), lookup)).toEqual({
      value: null,
      error: "--assert: unknown metric 'x' at column 1",
      position: 0,
      notes: [],
    });
    expect(evaluate(parse('x + 1', { label: '' }), lookup, { label: '' }).error).toBe(
      "unknown metric 'x' at column 1",
    );
  });

  it('evaluateRule returns parse errors instead of throwing, with the input as text', () => {
    expect(evaluateRule('a >=', lookup)).toEqual({
      text: 'a >=',
      value: null,
      threshold: null,
      passed: false,
      error: "--assert: expected an expression after '>=' at column 5",
      errorPosition: 4,
      notes: [],
    });
  });

  it('lets an exception thrown by the lookup itself propagate', () => {
    const boom = () => {
      throw new TypeError('lookup failed');
    };
    expect(() => evaluateRule('a > 1', boom)).toThrow(TypeError);
    expect(() => evaluate(parse('a > 1'), boom)).toThrow(TypeError);
  });
});
