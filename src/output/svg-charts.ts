/**
 * SVG charts for the board report, drawn from the report documents: scales and shapes from d3-scale and
 * d3-shape (DOM-free geometry; docs/decisions/report-charts.md), the markup written here. Every chart has a
 * title, a text alternative (<title>/<desc>, role="img"), axis labels with units, and series told apart by
 * dash pattern and direct labels as well as colour (greyscale printing, colour blindness).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Okabe-Ito hues with distinct lightness and dashes: apart in greyscale and for colour-blind readers. */
export const SERIES_STYLES = [
  { colour: '#000000', dash: '', width: 2.5 },
  { colour: '#D55E00', dash: '9 4', width: 2.5 },
  { colour: '#0072B2', dash: '2 3', width: 3 },
  { colour: '#009E73', dash: '14 4 3 4', width: 2.5 },
  { colour: '#CC79A7', dash: '4 2', width: 2 },
] as const;

export interface Series {
  label: string;
  values: readonly number[];
}

export interface ChartText {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
}

const W = 720;
const H = 340;
const M = { top: 30, right: 130, bottom: 48, left: 78 };

function open(text: ChartText, height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${text.id}-t ${text.id}-d" class="chart" id="${text.id}"><title id="${text.id}-t">${escapeHtml(text.title)}</title><desc id="${text.id}-d">${escapeHtml(text.description)}</desc>`;
}

const n = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);

function axisLabels(text: ChartText, height = H): string {
  return `<text class="axis-label" x="${M.left + (W - M.left - M.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(text.xLabel)}</text><text class="axis-label" transform="translate(16 ${M.top + (height - M.top - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(text.yLabel)}</text>`;
}

export interface Marker {
  x: number;
  label: string;
}

/**
 * Lines over months 0..N, with optional vertical markers (the halvings) and a zero line. The x axis is
 * numbered by month unless `xTicks` labels it (e.g. each January by its year).
 */
export function lineChart(
  text: ChartText,
  series: readonly Series[],
  format: (v: number) => string,
  marker?: Marker | readonly Marker[] | null,
  xTicks?: readonly Marker[],
): string {
  const count = Math.max(1, ...series.map((s) => s.values.length));
  const all = series.flatMap((s) => s.values.filter(Number.isFinite));
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const x = scaleLinear()
    .domain([0, count - 1 || 1])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice()
    .range([H - M.bottom, M.top]);
  let svg = open(text);
  for (const t of y.ticks(6))
    svg += `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${M.left - 6}" y="${n(y(t)) + 4}" text-anchor="end">${escapeHtml(format(t))}</text>`;
  const ticks =
    xTicks ??
    x
      .ticks(Math.min(10, count))
      .filter(Number.isInteger)
      .map((t) => ({ x: t, label: String(t) }));
  for (const t of ticks)
    svg += `<text class="tick" x="${n(x(t.x))}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`;
  svg += `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${n(y(0))}" y2="${n(y(0))}"/>`;
  const markers: readonly Marker[] = marker == null ? [] : 'x' in marker ? [marker] : marker;
  for (const m of markers)
    if (m.x >= 0 && m.x <= count - 1)
      svg += `<line class="marker" x1="${n(x(m.x))}" x2="${n(x(m.x))}" y1="${M.top}" y2="${H - M.bottom}"/><text class="marker-label" x="${n(x(m.x)) + 4}" y="${M.top - 8}">${escapeHtml(m.label)}</text>`;
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v));
  const ends: { y: number; label: string; colour: string }[] = [];
  series.forEach((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
    const d = (path(s.values as number[]) ?? '').replace(/(\d+\.\d{2})\d+/g, '$1');
    svg += `<path d="${d}" fill="none" stroke="${style.colour}" stroke-width="${style.width}" stroke-dasharray="${style.dash}"/>`;
    const last = s.values[s.values.length - 1] ?? 0;
    ends.push({ y: y(last), label: s.label, colour: style.colour });
  });
  // Direct labels at the line ends, nudged apart.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1] as (typeof ends)[number];
    const cur = ends[i] as (typeof ends)[number];
    if (cur.y - prev.y < 14) cur.y = prev.y + 14;
  }
  for (const e of ends)
    svg += `<text class="series-label" x="${W - M.right + 6}" y="${n(e.y) + 4}" fill="${e.colour}">${escapeHtml(e.label)}</text>`;
  return `${svg + axisLabels(text)}</svg>`;
}

export interface Bar {
  label: string;
  low: number;
  high: number;
  lowText: string;
  highText: string;
}

/**
 * A tornado: per driver, a bar from the base outcome to its low input's and one to its high input's; a dashed
 * line at zero (the tie) when it is in view.
 */
export function tornadoChart(
  text: ChartText,
  bars: readonly Bar[],
  base: number,
  format: (v: number) => string,
  zeroLabel: string,
): string {
  const height = Math.max(160, M.top + M.bottom + bars.length * 26);
  const left = 200;
  const right = 30;
  const all = [base, ...bars.flatMap((b) => [b.low, b.high])];
  const x = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(0, ...all)])
    .nice()
    .range([left, W - right]);
  const y = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([M.top, height - M.bottom])
    .padding(0.25);
  let svg = open(text, height);
  for (const t of x.ticks(6))
    svg += `<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${M.top}" y2="${height - M.bottom}"/><text class="tick" x="${n(x(t))}" y="${height - M.bottom + 16}" text-anchor="middle">${escapeHtml(format(t))}</text>`;
  bars.forEach((b, i) => {
    const top = y(String(i)) ?? 0;
    const bh = y.bandwidth();
    const x0 = x(base);
    const lowW = Math.abs(x(b.low) - x0);
    const highW = Math.abs(x(b.high) - x0);
    // The low input's outcome: hatched light bar; the high input's: solid dark bar (tell apart without colour).
    svg += `<rect class="bar-low" x="${n(Math.min(x(b.low), x0))}" y="${n(top)}" width="${n(lowW)}" height="${n(bh / 2)}"><title>${escapeHtml(`${b.label}, low input: ${b.lowText}`)}</title></rect>`;
    svg += `<rect class="bar-high" x="${n(Math.min(x(b.high), x0))}" y="${n(top + bh / 2)}" width="${n(highW)}" height="${n(bh / 2)}"><title>${escapeHtml(`${b.label}, high input: ${b.highText}`)}</title></rect>`;
    svg += `<text class="tick" x="${left - 6}" y="${n(top + bh / 2 + 4)}" text-anchor="end">${escapeHtml(b.label)}</text>`;
  });
  svg += `<line class="axis" x1="${n(x(base))}" x2="${n(x(base))}" y1="${M.top}" y2="${height - M.bottom}"/>`;
  svg += `<line class="marker" x1="${n(x(0))}" x2="${n(x(0))}" y1="${M.top}" y2="${height - M.bottom}"/><text class="marker-label" x="${n(x(0)) - 4}" y="${M.top - 6}" text-anchor="end">${escapeHtml(zeroLabel)}</text>`;
  svg += `<rect class="bar-low" x="${W - right - 200}" y="8" width="14" height="10"/><text class="tick" x="${W - right - 182}" y="17">low input</text><rect class="bar-high" x="${W - right - 100}" y="8" width="14" height="10"/><text class="tick" x="${W - right - 82}" y="17">high input</text>`;
  return `${svg}<text class="axis-label" x="${left + (W - right - left) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(text.xLabel)}</text></svg>`;
}

/** A histogram from bin edges and counts. */
export function histogramChart(
  text: ChartText,
  edges: readonly number[],
  counts: readonly number[],
  format: (v: number) => string,
): string {
  const lo = edges[0] ?? 0;
  const hi = edges[edges.length - 1] ?? 1;
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .nice()
    .range([H - M.bottom, M.top]);
  let svg = open(text);
  for (const t of y.ticks(5))
    svg += `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${M.left - 6}" y="${n(y(t)) + 4}" text-anchor="end">${t}</text>`;
  for (const t of x.ticks(6))
    svg += `<text class="tick" x="${n(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(format(t))}</text>`;
  counts.forEach((c, i) => {
    const a = x(edges[i] ?? lo);
    const b = x(edges[i + 1] ?? hi);
    svg += `<rect class="bar-high" x="${n(a)}" y="${n(y(c))}" width="${n(Math.max(0.5, b - a - 1))}" height="${n(y(0) - y(c))}"/>`;
  });
  if (lo < 0 && hi > 0)
    svg += `<line class="marker" x1="${n(x(0))}" x2="${n(x(0))}" y1="${M.top}" y2="${H - M.bottom}"/>`;
  return `${svg + axisLabels(text)}</svg>`;
}
