/** The terminal chart's column mapping: long series resampled, short ones stretched into steps. */
import { describe, expect, it } from 'vitest';
import { renderChart, resample, stretch } from '../../src/output/chart.js';

describe('terminal chart columns', () => {
  it('stretches a short series into steps, each column the nearest point', () => {
    // 3 points over 5 columns: column c shows point round(c x 2 / 4): 0, round(0.5) = 1, 1, round(1.5) = 2, 2.
    expect(stretch([1, 2, 3], 5)).toEqual([1, 2, 2, 3, 3]);
    expect(stretch([7], 5)).toEqual([7]);
    expect(stretch([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });

  it('resamples a long series to the end of each span, keeping the first', () => {
    // 5 points over 2 columns: the first point, then point round(2 x 4 / 2) = 4.
    expect(resample([1, 2, 3, 4, 5], 2)).toEqual([1, 5]);
  });

  it('draws minColumns columns for a short series, within the width', () => {
    const chart = (width: number) =>
      renderChart(
        { kind: 'chart', series: [{ label: 'a', values: [0, 1, 2] }], minColumns: 40, height: 3 },
        width,
        false,
      ).split('\n');
    // The plot's first row: a label of 9, the axis, then one character per column.
    const plotWidth = (lines: string[]) => Math.max(...lines.slice(0, 4).map((l) => l.trimEnd().length));
    expect(plotWidth(chart(80))).toBeGreaterThanOrEqual(9 + 2 + 39);
    expect(Math.max(...chart(30).map((l) => l.length))).toBeLessThanOrEqual(30);
  });
});
