/**
 * Hostile input: code-like text, prototype names, huge and deeply nested expressions. Each must be rejected
 * with a RuleError (or handled) without stack overflow and without touching global state. No timing here: a
 * blow-up in the size of the input shows as a test that never ends; speed is measured outside the suite.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  evaluate,
  evaluateRule,
  flattenMetrics,
  format,
  lookupFrom,
  MAX_EXPRESSION_LENGTH,
  type MetricValue,
  parse,
  RuleError,
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

const protoNames = (o: object) => Object.getOwnPropertyNames(o).sort();
const before = {
  object: protoNames(Object.prototype),
  fn: protoNames(Function.prototype),
  array: protoNames(Array.prototype),
  map: protoNames(Map.prototype),
};

const metrics = new Map<string, MetricValue>([['options.mining.revenueUsdPerKwh', 0.099]]);
const lookup = lookupFrom(metrics);

let exitSpy: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  exitSpy = vi.spyOn(process, 'exit').mockImplementation((() => {
    throw new Error('process.exit called');
  }) as never);
});
afterAll(() => {
  exitSpy.mockRestore();
});

describe('code-like input is a parse error with a position', () => {
  it.each([
    [
      'process.exit()',
      "--assert: unexpected '(' after 'process.exit' at column 13; function calls are not supported",
      12,
    ],
    [
      'process.exit(1) > 0',
      "--assert: unexpected '(' after 'process.exit' at column 13; function calls are not supported",
      12,
    ],
    ['constructor', "--assert: 'constructor' is reserved and cannot be part of a metric path at column 1", 0],
    ['__proto__', "--assert: '__proto__' is reserved and cannot be part of a metric path at column 1", 0],
    [
      '__proto__.polluted == 1',
      "--assert: '__proto__' is reserved and cannot be part of a metric path at column 1",
      0,
    ],
    [
      "this.constructor.constructor('x')()",
      "--assert: 'constructor' is reserved and cannot be part of a metric path at column 6",
      5,
    ],
    [
      'globalThis.process.exit()',
      "--assert: unexpected '(' after 'globalThis.process.exit' at column 24; function calls are not supported",
      23,
    ],
    ['a[0]', "--assert: unexpected character '[' at column 2", 1],
    ["a['constructor']", "--assert: unexpected character '[' at column 2", 1],
    ['`\u0024{process.exit()}`', "--assert: unexpected character '`' at column 1", 0],
    ['x => 1', "--assert: unexpected '=' at column 3; use '==' to compare", 2],
    ['a; process.exit()', "--assert: unexpected character ';' at column 2", 1],
    [
      'require("fs")',
      "--assert: unexpected '(' after 'require' at column 8; function calls are not supported",
      7,
    ],
    [
      'import("fs")',
      "--assert: unexpected '(' after 'import' at column 7; function calls are not supported",
      6,
    ],
    [
      'new Function("x")',
      "--assert: unexpected 'Function' at column 5; expected an operator or the end of the expression",
      4,
    ],
    ['a = 1', "--assert: unexpected '=' at column 3; use '==' to compare", 2],
    ['a ?? b', "--assert: unexpected character '?' at column 3", 2],
    ['a ? 1 : 2', "--assert: unexpected character '?' at column 3", 2],
    ['{}', "--assert: unexpected character '{' at column 1", 0],
    ['/x/.test(a)', "--assert: expected an expression but found '/' at column 1", 0],
    ['1 + 1 /* */', "--assert: expected an expression after '/' but found '*' at column 8", 7],
    ['a\u0000', '--assert: unexpected character U+0000 at column 2', 1],
    ['\u2028', '--assert: unexpected character U+2028 at column 1', 0],
  ])('%j', (text, message, position) => {
    const e = ruleError(() => parse(text));
    expect([e.message, e.position]).toEqual([message, position]);
    expect(e.message).not.toMatch(/[\n\r\u2028]/);
    const r = evaluateRule(text, lookup);
    expect([r.passed, r.error, r.errorPosition]).toEqual([false, message, position]);
  });

  it('names that exist on Object.prototype are just unknown metrics', () => {
    for (const name of [
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__defineGetter__',
      'process.exit',
      'globalThis',
    ]) {
      expect(evaluateRule(`${name} > 0`, lookup).error).toBe(
        `--assert: unknown metric '${name}' at column 1`,
      );
    }
  });
});

describe('size and depth limits', () => {
  it(`rejects a 10 KB expression with "expression too long (max ${MAX_EXPRESSION_LENGTH} characters)"`, () => {
    const text = 'options.mining.revenueUsdPerKwh + '.repeat(300).concat('1 > 0');
    expect(text.length).toBeGreaterThan(10_000);
    const e = ruleError(() => parse(text));
    expect(e?.message).toBe(
      `--assert: expression too long (max 4096 characters, got ${text.length}) at column 4097`,
    );
  });

  it('rejects 10000 opening parentheses without stack overflow', () => {
    const text = '('.repeat(10_000);
    const e = ruleError(() => parse(text));
    expect(e?.message).toMatch(/^--assert: expression too long \(max 4096 characters, got 10000\)/);
  });

  it.each([
    ['4000 opening parentheses', `${'('.repeat(4000)}1${')'.repeat(4000)}`.slice(0, 4096), 64],
    ['4000 unary minus', `${'-'.repeat(4000)}1`, 64],
    ['1000 nots', `${'not '.repeat(1000)}true`, 256],
    ['1000 bangs', `${'!'.repeat(1000)}true`, 64],
    ['interleaved', `${'(!(-'.repeat(1000)}1`, 64],
  ])(
    'rejects %s within the length limit by depth (max 64), without stack overflow',
    (_name, text, position) => {
      const e = ruleError(() => parse(text));
      expect(e?.message).toBe(
        `--assert: expression nested too deeply (max 64 levels) at column ${position + 1}`,
      );
      expect(e?.position).toBe(position);
    },
  );

  it('parses and evaluates a maximal flat expression', () => {
    // 1 + 1 + ... (2048 ones) = 2048, exactly 4095 characters
    const sum = Array.from({ length: 2048 }, () => '1').join('+');
    expect(sum.length).toBe(4095);
    expect(evaluate(parse(sum), lookup).value).toBe(2048);
    // the left-deep tree formats without stack trouble; spaced out, it is past the length limit
    expect(format(parse(sum))).toBe(Array.from({ length: 2048 }, () => '1').join(' + '));
    const shorter = Array.from({ length: 1000 }, () => '1').join('+');
    expect(parse(format(parse(shorter)))).toEqual(parse(shorter));

    const conj = Array.from({ length: 585 }, () => '1<2').join('&&'); // 585 * 5 - 2 = 2923 characters
    expect(evaluateRule(conj, lookup)).toMatchObject({ value: true, passed: true });
  });

  it('lexes a maximal path and a maximal hyphenated name', () => {
    const longPath = Array.from({ length: 1300 }, () => 'ab').join('.');
    const hyphens = `a${'-a'.repeat(2047)}`;
    expect(evaluateRule(`${longPath} > 0`, lookup).error).toMatch(/^--assert: unknown metric 'ab\.ab/);
    expect(parse(hyphens)).toEqual({ type: 'path', path: hyphens });
    expect(ruleError(() => parse(`${hyphens}-`)).message).toMatch(/expected an expression after '-'/);
  });

  it('keeps messages short even for huge tokens', () => {
    const e = ruleError(() => parse(`1 ${'9'.repeat(3000)}`));
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('random input', () => {
  it('any string either parses or throws a RuleError; never another error', () => {
    const alphabet = fc.constantFrom(
      ...'()+-*/<>=!&|%._ aZ09e\t'.split(''),
      'and ',
      'or ',
      'not ',
      'true',
      'false',
      'ai-lease',
      '__proto__',
      'constructor',
      '1e6',
      '2.5%',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          let ast: ReturnType<typeof parse>;
          try {
            ast = parse(text);
          } catch (e) {
            expect(e).toBeInstanceOf(RuleError);
            const { position } = e as RuleError;
            expect(Number.isInteger(position) && position >= 0 && position <= text.length).toBe(true);
            return;
          }
          // whatever parses also formats, round-trips, and evaluates without throwing
          expect(parse(format(ast))).toEqual(ast);
          const r = evaluateRule(ast, () => 1);
          expect(typeof r.passed).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('no global side effects', () => {
  it('flattening hostile JSON does not pollute prototypes', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"x":{"__proto__":{"polluted":true}}}',
    );
    expect(flattenMetrics(hostile).size).toBe(0);
  });

  it('leaves Object, Function, Array and Map prototypes unchanged and never calls process.exit', () => {
    expect(protoNames(Object.prototype)).toEqual(before.object);
    expect(protoNames(Function.prototype)).toEqual(before.fn);
    expect(protoNames(Array.prototype)).toEqual(before.array);
    expect(protoNames(Map.prototype)).toEqual(before.map);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(exitSpy).not.toHaveBeenCalled();
  });
});
