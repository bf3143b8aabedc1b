/**
 * Property tests (fast-check): random rule trees evaluate exactly like a small reference evaluator written here
 * over the same tree, both directly and after format + parse; and the formatter round-trips every tree,
 * including ones that are well-formed but ill-typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, format, type MetricValue, parse, type RuleNode } from '../../src/rules/index.js';

const RUNS = { numRuns: 300 };

/** Metrics the generated paths refer to, including a zero (division by zero) and nulls. */
const METRICS: Record<string, MetricValue> = {
  'options.ai-lease.revenueUsdPerKwh': 0.15741,
  'options.mining.revenueUsdPerKwh': 0.099,
  'options.idle.revenueUsdPerKwh': 0,
  'network.hashpriceUsdPerPhDay': 48.2,
  'network.difficulty': 1.2e14,
  'options.gpu-cloud.paybackYears': null,
  'site.flag': true,
  'site.off': false,
  'site.unknown': null,
};
const NUMBER_PATHS = Object.keys(METRICS).filter(
  (k) => typeof METRICS[k] === 'number' || METRICS[k] === null,
);
const BOOLEAN_PATHS = ['site.flag', 'site.off', 'site.unknown'];
const table = new Map(Object.entries(METRICS));
const lookup = (p: string) => table.get(p);

// ---------------------------------------------------------------------------------------------------------
// Generators

const literal = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.1, 2.5, 1e-7, 1e21),
);

const numberLeaf: fc.Arbitrary<RuleNode> = fc.oneof(
  fc
    .record({ value: literal, percent: fc.boolean() })
    .map(({ value, percent }): RuleNode => ({ type: 'number', value: Math.abs(value), percent })),
  fc.constantFrom(...NUMBER_PATHS).map((path): RuleNode => ({ type: 'path', path })),
);

/** Well-typed numeric trees. */
const numeric: fc.Arbitrary<RuleNode> = fc.letrec<{ n: RuleNode }>((tie) => ({
  n: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLeaf,
    tie('n').map((operand): RuleNode => ({ type: 'negate', operand })),
    fc
      .record({ op: fc.constantFrom('+', '-', '*', '/' as const), left: tie('n'), right: tie('n') })
      .map((r): RuleNode => ({ type: 'arithmetic', ...r })),
  ),
})).n;

/** Well-typed boolean trees over numeric ones. */
const boolean: fc.Arbitrary<RuleNode> = fc.letrec<{ b: RuleNode }>((tie) => ({
  b: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean().map((value): RuleNode => ({ type: 'boolean', value })),
    fc.constantFrom(...BOOLEAN_PATHS).map((path): RuleNode => ({ type: 'path', path })),
    fc
      .record({
        op: fc.constantFrom('<', '<=', '>', '>=', '==', '!=' as const),
        left: numeric,
        right: numeric,
      })
      .map((r): RuleNode => ({ type: 'compare', ...r })),
    fc
      .record({ op: fc.constantFrom('==', '!=' as const), left: tie('b'), right: tie('b') })
      .map((r): RuleNode => ({ type: 'compare', ...r })),
    tie('b').map((operand): RuleNode => ({ type: 'not', operand })),
    fc
      .record({ op: fc.constantFrom('and', 'or' as const), left: tie('b'), right: tie('b') })
      .map((r): RuleNode => ({ type: 'logical', ...r })),
  ),
})).b;

/** Any syntactically valid tree, typed or not, with hyphenated and keyword-like path names. */
const anyTree: fc.Arbitrary<RuleNode> = fc.letrec<{ t: RuleNode }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLeaf,
    fc.boolean().map((value): RuleNode => ({ type: 'boolean', value })),
    fc
      .constantFrom('a', 'ai-lease', 'gpu-2.x_y', 'android', 'options.not.or', 'x-1', '_', 'TRUE')
      .map((path): RuleNode => ({ type: 'path', path })),
    tie('t').map((operand): RuleNode => ({ type: 'negate', operand })),
    tie('t').map((operand): RuleNode => ({ type: 'not', operand })),
    fc
      .record({ op: fc.constantFrom('+', '-', '*', '/' as const), left: tie('t'), right: tie('t') })
      .map((r): RuleNode => ({ type: 'arithmetic', ...r })),
    fc
      .record({
        op: fc.constantFrom('<', '<=', '>', '>=', '==', '!=' as const),
        left: tie('t'),
        right: tie('t'),
      })
      .map((r): RuleNode => ({ type: 'compare', ...r })),
    fc
      .record({ op: fc.constantFrom('and', 'or' as const), left: tie('t'), right: tie('t') })
      .map((r): RuleNode => ({ type: 'logical', ...r })),
  ),
})).t;

// ---------------------------------------------------------------------------------------------------------
// Reference evaluator: the documented semantics, written independently and as plainly as possible.

type Ref = number | boolean | null;

function ref(node: RuleNode): Ref {
  switch (node.type) {
    case 'number':
      return node.percent ? node.value / 100 : node.value;
    case 'boolean':
      return node.value;
    case 'path': {
      const v = METRICS[node.path];
      if (v === undefined) throw new Error(`reference: no metric ${node.path}`);
      return v;
    }
    case 'negate': {
      const x = ref(node.operand);
      return x === null ? null : -(x as number);
    }
    case 'arithmetic': {
      const l = ref(node.left) as number | null;
      const r = ref(node.right) as number | null;
      if (l === null || r === null) return null;
      if (node.op === '/' && r === 0) return null;
      let v: number;
      if (node.op === '+') v = l + r;
      else if (node.op === '-') v = l - r;
      else if (node.op === '*') v = l * r;
      else v = l / r;
      return Number.isFinite(v) ? v : null;
    }
    case 'compare': {
      const l = ref(node.left);
      const r = ref(node.right);
      if (l === null || r === null) return false;
      if (node.op === '<') return l < r;
      if (node.op === '<=') return l <= r;
      if (node.op === '>') return l > r;
      if (node.op === '>=') return l >= r;
      if (node.op === '==') return l === r;
      return l !== r;
    }
    case 'not':
      return !(ref(node.operand) === true);
    case 'logical': {
      const l = ref(node.left) === true;
      const r = ref(node.right) === true;
      return node.op === 'and' ? l && r : l || r;
    }
  }
}

const plain = (v: Ref): Ref => (v === 0 ? 0 : v);

// ---------------------------------------------------------------------------------------------------------

describe('evaluate agrees with the reference evaluator', () => {
  it('on random arithmetic trees, directly and after format + parse', () => {
    fc.assert(
      fc.property(numeric, (tree) => {
        const expected = plain(ref(tree));
        const direct = evaluate(tree, lookup);
        expect(direct.error).toBeUndefined();
        expect(direct.value).toBe(expected);
        const reparsed = evaluate(parse(format(tree)), lookup);
        expect(reparsed.error).toBeUndefined();
        expect(reparsed.value).toBe(expected);
        if (typeof direct.value === 'number') expect(Number.isFinite(direct.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('on random boolean trees, directly and after format + parse', () => {
    fc.assert(
      fc.property(boolean, (tree) => {
        const expected = ref(tree);
        const direct = evaluate(tree, lookup);
        expect(direct.error).toBeUndefined();
        expect(direct.value).toBe(expected);
        expect(evaluate(parse(format(tree)), lookup).value).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('format', () => {
  it('round-trips every tree: parse(format(ast)) deep-equals ast', () => {
    fc.assert(
      fc.property(anyTree, (tree) => {
        const text = format(tree);
        expect(parse(text)).toEqual(tree);
        // and formatting is idempotent
        expect(format(parse(text))).toBe(text);
      }),
      RUNS,
    );
  });

  it('never lets evaluation throw on any tree: a value or a one-line error', () => {
    fc.assert(
      fc.property(anyTree, (tree) => {
        const r = evaluate(tree, (p) => (p.startsWith('a') ? true : p === '_' ? null : 2));
        if (r.error !== undefined) {
          expect(r.value).toBeNull();
          expect(r.error).not.toContain('\n');
        } else if (typeof r.value === 'number') {
          expect(Number.isFinite(r.value)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
