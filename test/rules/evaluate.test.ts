/**
 * Evaluation semantics (null, division by zero, overflow, types), evaluateRule over a flattened report,
 * flattenMetrics and suggestMetric. Expected figures are worked by hand beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import {
  describe as describeRule,
  evaluate,
  evaluateRule,
  flattenMetrics,
  format,
  lookupFrom,
  MAX_METRIC_DEPTH,
  type MetricValue,
  parse,
  suggestMetric,
} from '../../src/rules/index.js';

/** A cut-down `hashcalc compare --json` report. */
const report = {
  network: { hashpriceUsdPerPhDay: 48.2, difficulty: 1.2e14, btcUsd: 95_000, source: 'mempool' },
  options: [
    {
      id: 'mining',
      label: 'Bitcoin mining',
      revenueUsdPerKwh: 0.099,
      ebitdaUsdPerYear: 12_500_000,
      paybackYears: 2.4,
    },
    { id: 'ai-lease', revenueUsdPerKwh: 0.15741, ebitdaUsdPerYear: 137_700_000, paybackYears: 7.3 },
    { id: 'gpu-cloud', revenueUsdPerKwh: 0.41, ebitdaUsdPerYear: -3_000_000, paybackYears: null },
    { id: 'idle', revenueUsdPerKwh: 0, ebitdaUsdPerYear: 0, paybackYears: null },
  ],
  site: { siteMw: 130, landlordPaysPower: false },
};

const metrics = flattenMetrics(report);
const lookup = lookupFrom(metrics);

describe('evaluateRule on the spec examples', () => {
  it('ratio of two options against a threshold: value is the left side, threshold the right', () => {
    const r = evaluateRule(
      'options.ai-lease.revenueUsdPerKwh / options.mining.revenueUsdPerKwh >= 2',
      lookup,
    );
    // 0.15741 / 0.099 = 1.59
    expect(r.value).toBeCloseTo(1.59, 10);
    expect(r.threshold).toBe(2);
    expect(r.passed).toBe(false); // 1.59 < 2
    expect(r.error).toBeUndefined();
    expect(r.notes).toEqual([]);
    expect(r.text).toBe('options.ai-lease.revenueUsdPerKwh / options.mining.revenueUsdPerKwh >= 2');
  });

  it('a conjunction: value is the result, threshold null', () => {
    const r = evaluateRule(
      'network.hashpriceUsdPerPhDay > 40 and options.mining.ebitdaUsdPerYear > 0',
      lookup,
    );
    // 48.2 > 40 and 12.5e6 > 0
    expect(r).toEqual({
      text: 'network.hashpriceUsdPerPhDay > 40 and options.mining.ebitdaUsdPerYear > 0',
      value: true,
      threshold: null,
      passed: true,
      notes: [],
    });
  });

  it('not of a comparison with a null payback: the comparison is false, so the rule passes, with notes', () => {
    const r = evaluateRule('not (options.gpu-cloud.paybackYears > 5)', lookup);
    expect(r.value).toBe(true);
    expect(r.passed).toBe(true);
    expect(r.notes).toEqual([
      "'options.gpu-cloud.paybackYears' is null (no value)",
      "'>' at column 37 is false because its left side is null",
    ]);
    // the formulation that makes "never pays back" fail
    const strict = evaluateRule('options.gpu-cloud.paybackYears <= 5', lookup);
    expect([strict.value, strict.threshold, strict.passed]).toEqual([null, 5, false]);
  });

  it('normalizes the text and accepts a parsed tree', () => {
    const ast = parse('options.ai-lease.paybackYears<10&&!site.landlordPaysPower');
    const r = evaluateRule(ast, lookup);
    expect(r.text).toBe('options.ai-lease.paybackYears < 10 and not site.landlordPaysPower');
    expect(r.passed).toBe(true); // 7.3 < 10 and not false
    expect(describeRule(ast)).toBe(format(ast));
  });

  it('a percent threshold', () => {
    // (0.41 - 0.15741) / 0.41 = 0.616 >= 0.5
    const r = evaluateRule(
      '(options.gpu-cloud.revenueUsdPerKwh - options.ai-lease.revenueUsdPerKwh) / options.gpu-cloud.revenueUsdPerKwh >= 50%',
      lookup,
    );
    expect(r.value).toBeCloseTo(0.616073, 6);
    expect(r.threshold).toBe(0.5);
    expect(r.passed).toBe(true);
  });

  it('a bare boolean metric is a rule; a bare number is not', () => {
    expect(evaluateRule('site.landlordPaysPower', lookup)).toMatchObject({ value: false, passed: false });
    expect(evaluateRule('not site.landlordPaysPower', lookup)).toMatchObject({ value: true, passed: true });
    expect(evaluateRule('true', lookup)).toMatchObject({ value: true, threshold: null, passed: true });
    expect(evaluateRule('site.siteMw', lookup)).toMatchObject({ value: 130, passed: false });
  });

  it('keeps the sides computed before an error', () => {
    const r = evaluateRule('site.siteMw == site.landlordPaysPower', lookup);
    expect([r.value, r.threshold, r.passed]).toEqual([130, false, false]);
    expect(r.error).toBe("--assert: '==' cannot compare a number with true/false at column 13");
  });
});

describe('null, division by zero and overflow', () => {
  it('division by zero gives null, never Infinity or NaN, and the comparison is false', () => {
    const r = evaluateRule('options.mining.revenueUsdPerKwh / options.idle.revenueUsdPerKwh >= 2', lookup);
    expect([r.value, r.threshold, r.passed, r.error]).toEqual([null, 2, false, undefined]);
    expect(r.notes).toEqual([
      'division by zero at column 33 gives null',
      "'>=' at column 65 is false because its left side is null",
    ]);
    expect(evaluate(parse('0 / 0'), lookup).value).toBeNull();
    expect(evaluate(parse('-1 / 0'), lookup).value).toBeNull();
  });

  it('arithmetic with null is null; comparisons with null are false, including != and ==', () => {
    const n = 'options.idle.paybackYears';
    expect(evaluate(parse(`${n} * 2 + 1`), lookup).value).toBeNull();
    expect(evaluate(parse(`-${n}`), lookup).value).toBeNull();
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(evaluate(parse(`${n} ${op} 1`), lookup).value).toBe(false);
      expect(evaluate(parse(`1 ${op} ${n}`), lookup).value).toBe(false);
    }
    expect(evaluate(parse(`${n} == ${n}`), lookup)).toEqual({
      value: false,
      notes: [
        "'options.idle.paybackYears' is null (no value)",
        "'==' at column 27 is false because both sides are null",
      ],
    });
    // a null metric has no type, so comparing it with a boolean is allowed (and false)
    expect(evaluate(parse(`${n} == true`), lookup).value).toBe(false);
  });

  it('null where true/false is needed counts as false', () => {
    const n = 'options.idle.paybackYears';
    expect(evaluate(parse(`${n} or true`), lookup)).toEqual({
      value: true,
      notes: [
        "'options.idle.paybackYears' is null (no value)",
        "a null operand of 'or' at column 27 counts as false",
      ],
    });
    expect(evaluate(parse(`not ${n}`), lookup).value).toBe(true);
    const r = evaluateRule(n, lookup);
    expect([r.value, r.passed, r.error]).toEqual([null, false, undefined]);
    expect(r.notes).toContain('the rule gives null, which counts as false');
  });

  it('overflow gives null', () => {
    const r = evaluate(parse('1e308 * 10'), lookup);
    expect(r).toEqual({ value: null, notes: ["'*' at column 7 overflows and gives null"] });
    expect(evaluate(parse('1e308 + 1e308 > 0'), lookup).value).toBe(false);
  });

  it('treats a non-finite metric from a custom lookup as null', () => {
    const r = evaluate(parse('x > 0'), () => Number.POSITIVE_INFINITY);
    expect(r.value).toBe(false);
    expect(r.notes[0]).toBe("'x' is not a finite number and counts as null");
    expect(evaluate(parse('x + 1'), () => Number.NaN).value).toBeNull();
  });

  it('reports -0 as 0', () => {
    expect(Object.is(evaluate(parse('-0'), lookup).value, 0)).toBe(true);
    const r = evaluateRule('-0 * 5 == 0', lookup);
    expect(Object.is(r.value, 0)).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('de-duplicates notes', () => {
    const n = 'options.idle.paybackYears';
    expect(evaluate(parse(`${n} + ${n} + ${n}`), lookup).notes).toEqual([
      "'options.idle.paybackYears' is null (no value)",
    ]);
  });
});

describe('lookups never reach the prototype chain', () => {
  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'options.mining.toString', 'size'])(
    '%s is an unknown metric',
    (name) => {
      expect(evaluateRule(`${name} > 0`, lookup).error).toBe(
        `--assert: unknown metric '${name}' at column 1`,
      );
    },
  );
});

describe('flattenMetrics', () => {
  it('keys arrays of objects by id and leaves strings out', () => {
    expect(Object.fromEntries(metrics)).toEqual({
      'network.hashpriceUsdPerPhDay': 48.2,
      'network.difficulty': 1.2e14,
      'network.btcUsd': 95_000,
      'options.mining.revenueUsdPerKwh': 0.099,
      'options.mining.ebitdaUsdPerYear': 12_500_000,
      'options.mining.paybackYears': 2.4,
      'options.ai-lease.revenueUsdPerKwh': 0.15741,
      'options.ai-lease.ebitdaUsdPerYear': 137_700_000,
      'options.ai-lease.paybackYears': 7.3,
      'options.gpu-cloud.revenueUsdPerKwh': 0.41,
      'options.gpu-cloud.ebitdaUsdPerYear': -3_000_000,
      'options.gpu-cloud.paybackYears': null,
      'options.idle.revenueUsdPerKwh': 0,
      'options.idle.ebitdaUsdPerYear': 0,
      'options.idle.paybackYears': null,
      'site.siteMw': 130,
      'site.landlordPaysPower': false,
    });
  });

  it('never traverses or produces __proto__, constructor or prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "a": {"prototype": 1, "ok": 2},' +
        ' "list": [{"id": "__proto__", "x": 1}, {"id": "constructor", "x": 2}, {"id": "good", "__proto__": {"y": 3}, "x": 4}]}',
    );
    expect(Object.fromEntries(flattenMetrics(hostile))).toEqual({ 'a.ok': 2, 'list.good.x': 4 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads only own enumerable data properties and never calls getters', () => {
    let called = false;
    const base = { inherited: 1 };
    const o = Object.create(base) as Record<string, unknown>;
    o.own = 2;
    Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
    Object.defineProperty(o, 'getter', {
      enumerable: true,
      get() {
        called = true;
        return 4;
      },
    });
    expect(Object.fromEntries(flattenMetrics(o))).toEqual({ own: 2 });
    expect(called).toBe(false);
  });

  it('leaves out what the grammar cannot address, and keeps the first of repeated ids', () => {
    const o = {
      'bad key': 1,
      '1st': 2,
      'trailing-': 3,
      'a.b': 4,
      ok_key: 5,
      nums: [1, 2, 3],
      mixed: [
        { id: 'x', v: 1 },
        { v: 2 },
        { id: 7, v: 3 },
        { id: 'bad id', v: 4 },
        { id: 'x', v: 5 },
        [{ id: 'y' }],
      ],
      deep: { er: { than: { that: true } } },
      nothing: undefined,
      fn: () => 1,
      inf: Number.POSITIVE_INFINITY,
    };
    expect(Object.fromEntries(flattenMetrics(o))).toEqual({
      ok_key: 5,
      'mixed.x.v': 1,
      'deep.er.than.that': true,
      inf: null,
    });
  });

  it('returns an empty table for non-objects and top-level arrays', () => {
    for (const v of [null, undefined, 1, 'x', true, [{ id: 'a', v: 1 }]])
      expect(flattenMetrics(v).size).toBe(0);
  });

  it('survives cycles and stops at the depth limit', () => {
    const cyclic: Record<string, unknown> = { v: 1 };
    cyclic.self = cyclic;
    cyclic.list = [{ id: 'me', back: cyclic, w: 2 }];
    expect(Object.fromEntries(flattenMetrics(cyclic))).toEqual({ v: 1, 'list.me.w': 2 });

    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 1000; i++) deep = { n: deep };
    const flat = flattenMetrics(deep);
    expect(flat.size).toBe(0);
    let shallow: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < MAX_METRIC_DEPTH - 1; i++) shallow = { n: shallow };
    expect([...flattenMetrics(shallow).values()]).toEqual([1]);
  });
});

describe('suggestMetric', () => {
  const known = [...metrics.keys()];

  it('finds the closest path by edit distance, best first', () => {
    expect(suggestMetric('options.minig.revenueUsdPerKwh', known)).toEqual([
      'options.mining.revenueUsdPerKwh',
    ]);
    expect(suggestMetric('options.ai_lease.paybackYears', known)).toEqual(['options.ai-lease.paybackYears']);
    expect(suggestMetric('network.hashpriceusdperphday', known)).toEqual(['network.hashpriceUsdPerPhDay']);
    expect(suggestMetric('options.gpu-cloud.revenueUsdPerKwh2', known)[0]).toBe(
      'options.gpu-cloud.revenueUsdPerKwh',
    );
  });

  it('finds a path that only lacks its prefix', () => {
    expect(suggestMetric('hashpriceUsdPerPhDay', known)).toEqual(['network.hashpriceUsdPerPhDay']);
  });

  it('returns at most max, and nothing when nothing is close', () => {
    expect(suggestMetric('options.mining.paybackYear', known, 1)).toEqual(['options.mining.paybackYears']);
    expect(suggestMetric('site.xyz', known)).toEqual([]);
    expect(suggestMetric('q', [])).toEqual([]);
  });

  it('answers for a long path against many candidates', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `options.o${i}.revenueUsdPerKwh`);
    expect(suggestMetric('x'.repeat(4000), many)).toEqual([]);
    expect(suggestMetric('options.o12.revenueUsdPerKw', many)[0]).toBe('options.o12.revenueUsdPerKwh');
  });
});

describe('lookupFrom', () => {
  it('answers undefined for unknown paths and the stored value otherwise', () => {
    const m = new Map<string, MetricValue>([
      ['a', 1],
      ['b', null],
    ]);
    const l = lookupFrom(m);
    expect([l('a'), l('b'), l('c'), l('__proto__')]).toEqual([1, null, undefined, undefined]);
  });
});
