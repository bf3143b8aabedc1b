/**
 * Line charts for the terminal on asciichart, sized to the width: each series is resampled to the columns
 * the plot has (the last value of each column's span), marks (the halving) are drawn under the x axis, and a
 * legend names the series. Colour only when the style has it (NO_COLOR respected upstream).
 */
import * as asciichart from 'asciichart';
import { usd } from '../report/format.js';
import type { ChartBlock } from './document.js';
import { visibleLength } from './wrap.js';

const COLORS = [asciichart.blue, asciichart.green, asciichart.magenta, asciichart.yellow, asciichart.cyan];
const LABEL_WIDTH = 9;

/** The value at the end of each of `columns` equal spans of `values` (a cumulative series keeps its shape). */
export function resample(values: readonly number[], columns: number): number[] {
  if (values.length <= columns) return [...values];
  const out: number[] = [];
  for (let c = 1; c <= columns; c++)
    out.push(values[Math.round((c * (values.length - 1)) / columns)] as number);
  out[0] = values[0] as number;
  return out;
}

export function renderChart(block: ChartBlock, width: number, color: boolean): string {
  const points = Math.max(...block.series.map((s) => s.values.length));
  // asciichart draws one column per point after a label of LABEL_WIDTH and a 2-column axis.
  const columns = Math.max(8, Math.min(points, width - LABEL_WIDTH - 3));
  const series = block.series.map((s) =>
    resample(s.values, columns).map((v) => (Number.isFinite(v) ? v : 0)),
  );
  const plot = asciichart.plot(series, {
    height: block.height ?? 10,
    colors: color ? series.map((_, i) => COLORS[i % COLORS.length]) : undefined,
    format: (x: number) => usd(x).padStart(LABEL_WIDTH),
  });
  const lines = block.title ? [block.title, plot] : [plot];
  const axisStart = LABEL_WIDTH + 2;
  const scale = (index: number) => Math.round((index * (columns - 1)) / Math.max(1, points - 1));
  if (block.marks && block.marks.length > 0) {
    let marker = ' '.repeat(axisStart + columns);
    const labels: string[] = [];
    for (const mark of block.marks) {
      const at = axisStart + scale(mark.index);
      if (at < marker.length) marker = `${marker.slice(0, at)}^${marker.slice(at + 1)}`;
      labels.push(mark.label);
    }
    lines.push(`${marker.trimEnd()} ${labels.join(', ')}`.slice(0, width));
  }
  if (block.xLabels) {
    const [first, last] = block.xLabels;
    const gap = Math.max(1, columns - first.length - last.length);
    lines.push(`${' '.repeat(axisStart)}${first}${' '.repeat(gap)}${last}`.slice(0, width));
  }
  // Without colour the lines look alike: the legend gives each series' last value to tell them apart.
  const legend = block.series.map((s, i) => {
    const line = '──';
    const last = s.values.at(-1);
    const end = color || last === undefined ? '' : ` (ends ${usd(last)})`;
    return `${color ? asciichart.colored(line, COLORS[i % COLORS.length]) : line} ${s.label}${end}`;
  });
  let row = ' '.repeat(axisStart);
  for (const item of legend) {
    if (row.trim() !== '' && visibleLength(row) + 3 + visibleLength(item) > width) {
      lines.push(row);
      row = ' '.repeat(axisStart);
    }
    row += `${row.trim() === '' ? '' : '   '}${item}`;
  }
  lines.push(row);
  return lines.join('\n');
}
