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

/** `columns` values, each the nearest of `values` (first to first, last to last): steps across the columns. */
export function stretch(values: readonly number[], columns: number): number[] {
  if (values.length >= columns || values.length < 2) return [...values];
  return Array.from(
    { length: columns },
    (_, c) => values[Math.round((c * (values.length - 1)) / (columns - 1))] as number,
  );
}

export function renderChart(block: ChartBlock, width: number, color: boolean): string {
  const points = Math.max(...block.series.map((s) => s.values.length));
  // asciichart draws one column per point after a label of LABEL_WIDTH and a 2-column axis.
  const columns = Math.max(8, Math.min(Math.max(points, block.minColumns ?? 0), width - LABEL_WIDTH - 3));
  const series = block.series.map((s) =>
    (s.values.length < columns ? stretch(s.values, columns) : resample(s.values, columns)).map((v) =>
      Number.isFinite(v) ? v : 0,
    ),
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

/**
 * A line chart that shows gaps as gaps: `values` (null = no data) resampled to the columns the width leaves
 * (each column the last value of its span that has one), drawn with box characters, blank where a column has
 * no data. Marks (the low, the latest) go on a line under the x axis.
 */
export function renderGapChart(
  values: readonly (number | null)[],
  options: {
    width: number;
    height: number;
    format: (n: number) => string;
    marks?: { index: number; label: string }[];
    xLabels?: [string, string];
  },
): string {
  const labelWidth = 10;
  const columns = Math.max(8, Math.min(values.length, options.width - labelWidth - 2));
  const resampled: (number | null)[] = [];
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * values.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / columns));
    let v: number | null = null;
    for (let i = from; i < to; i++)
      if (values[i] !== null && values[i] !== undefined) v = values[i] as number;
    resampled.push(v);
  }
  const finite = resampled.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '(no data to chart)';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const rows = Math.max(2, options.height);
  const rowOf = (v: number) => (max === min ? 0 : Math.round(((v - min) / (max - min)) * (rows - 1)));
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => ' '));
  for (let c = 0; c < columns; c++) {
    const v = resampled[c];
    if (v === null || v === undefined) continue;
    const r = rowOf(v);
    const prev = c > 0 ? resampled[c - 1] : null;
    if (prev === null || prev === undefined) {
      (grid[r] as string[])[c] = '•';
      continue;
    }
    const p = rowOf(prev);
    if (p === r) (grid[r] as string[])[c] = '─';
    else {
      const [lo, hi] = p < r ? [p, r] : [r, p];
      for (let k = lo + 1; k < hi; k++) (grid[k] as string[])[c] = '│';
      (grid[r] as string[])[c] = r > p ? '╭' : '╰';
      (grid[p] as string[])[c] = r > p ? '╯' : '╮';
    }
  }
  const lines: string[] = [];
  for (let r = rows - 1; r >= 0; r--) {
    const value = max === min ? min : min + ((max - min) * r) / (rows - 1);
    const label = r === rows - 1 || r === 0 || r === Math.floor((rows - 1) / 2) ? options.format(value) : '';
    lines.push(`${label.padStart(labelWidth - 1)} ┤${(grid[r] as string[]).join('')}`.trimEnd());
  }
  const at = (index: number) =>
    Math.min(columns - 1, Math.floor((index * columns) / Math.max(1, values.length)));
  if (options.marks && options.marks.length > 0) {
    let line = ' '.repeat(labelWidth + 1 + columns);
    const labels: string[] = [];
    for (const mark of options.marks) {
      const pos = labelWidth + 1 + at(mark.index);
      line = `${line.slice(0, pos)}^${line.slice(pos + 1)}`;
      labels.push(mark.label);
    }
    const text = `${line.trimEnd()} ${labels.join('; ')}`;
    if (text.length <= options.width) lines.push(text);
    else lines.push(line.trimEnd(), `${' '.repeat(labelWidth + 1)}${labels.join('; ')}`);
  }
  if (options.xLabels) {
    const [first, last] = options.xLabels;
    const gap = Math.max(1, columns - first.length - last.length);
    lines.push(`${' '.repeat(labelWidth + 1)}${first}${' '.repeat(gap)}${last}`);
  }
  return lines.map((l) => (l.length > options.width ? l.slice(0, options.width) : l)).join('\n');
}
