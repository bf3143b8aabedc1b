import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/output/json.js';

describe('toJson', () => {
  it('writes one document, NaN and Infinity as null, with a final newline', () => {
    const text = toJson({
      a: Number.NaN,
      b: Number.POSITIVE_INFINITY,
      c: [1, Number.NEGATIVE_INFINITY],
      d: 2.5,
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ a: null, b: null, c: [1, null], d: 2.5 });
  });
});
