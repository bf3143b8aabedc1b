import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/output/render-network-command.js';

describe('sparkline', () => {
  it('places each value between the low and the high, a gap as a space', () => {
    // 30 -> the lowest bar, 44 -> the highest, 37 -> halfway: round(0.5 x 7) = 4th of 0..7 ('▅')
    expect(sparkline([30, 37, null, 44])).toBe('▁▅ █');
  });

  it('a flat or empty series', () => {
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([null])).toBe('');
  });
});
