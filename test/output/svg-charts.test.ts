/** The board report's SVG charts: text alternatives, dimensions, escaping, series told apart without colour. */
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  histogramChart,
  lineChart,
  SERIES_STYLES,
  tornadoChart,
} from '../../src/output/svg-charts.js';

const text = {
  id: 'c1',
  title: 'Cash <by> month & "more"',
  description: "Lines of <script>alert('x')</script>",
  xLabel: 'Month',
  yLabel: 'USD',
};
const fmt = (v: number) => `$${v}`;

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('lineChart', () => {
  const svg = lineChart(
    text,
    [
      { label: 'Mining', values: [0, 10, 20, 30] },
      { label: 'GPU <cloud>', values: [0, -50, -20, 40] },
    ],
    fmt,
    { x: 1.5, label: 'halving 2028-04-12' },
  );
  it('is an image with a title and a description (escaped), and a size', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c1-t c1-d"/);
    expect(svg).toMatch(/viewBox="0 0 720 340" width="720" height="340"/);
    expect(svg).toContain('<title id="c1-t">Cash &lt;by&gt; month &amp; &quot;more&quot;</title>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script');
  });
  it('labels its axes and its series, and marks the halving', () => {
    expect(svg).toContain('>Month</text>');
    expect(svg).toContain('>USD</text>');
    expect(svg).toContain('>GPU &lt;cloud&gt;</text>');
    expect(svg).toContain('halving 2028-04-12');
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
  });
  it('tells series apart by dash pattern and weight as well as colour (greyscale printing)', () => {
    const dashes = new Set(SERIES_STYLES.map((s) => s.dash));
    expect(dashes.size).toBe(SERIES_STYLES.length);
    expect(svg).toContain(`stroke-dasharray="${SERIES_STYLES[1].dash}"`);
  });
  it('draws no NaN coordinates for missing values', () => {
    const gaps = lineChart(text, [{ label: 'A', values: [1, Number.NaN, 3] }], fmt);
    expect(gaps).not.toContain('NaN');
  });
  it('marks several halvings and labels the x axis as told (years), dropping a marker out of range', () => {
    const months = Array.from({ length: 25 }, (_, i) => i);
    const years = lineChart(
      text,
      [{ label: 'Hashprice', values: months }],
      fmt,
      [
        { x: 4, label: 'halving 2020-05' },
        { x: 20, label: 'halving <2021-09>' },
        { x: 30, label: 'out of range' },
      ],
      [
        { x: 1, label: '2020' },
        { x: 13, label: '2021' },
      ],
    );
    expect(years.match(/<line class="marker"/g)).toHaveLength(2);
    expect(years).toContain('halving 2020-05');
    expect(years).toContain('halving &lt;2021-09&gt;');
    expect(years).not.toContain('out of range');
    // x from 78 to 590 over months 0..24: month 1 at 78 + 512/24 = 99.3, month 13 at 78 + 13 x 21.33 = 355.3.
    expect(years).toContain('<text class="tick" x="99.3" y="308" text-anchor="middle">2020</text>');
    expect(years).toContain('<text class="tick" x="355.3" y="308" text-anchor="middle">2021</text>');
    // Only the given ticks: no month numbers on the x axis.
    expect(years).not.toMatch(/text-anchor="middle">\d{1,2}<\/text>/);
  });
});

describe('tornadoChart', () => {
  const svg = tornadoChart(
    { ...text, id: 't' },
    [
      { label: 'GPU-hour price', low: -100, high: 200, lowText: 'low', highText: 'high' },
      { label: 'Power', low: 40, high: 60, lowText: 'low', highText: 'high' },
    ],
    50,
    fmt,
    'tie with mining',
  );
  it('draws two bars per driver with their text alternatives, and the tie', () => {
    expect(svg.match(/<rect class="bar-low" x="[\d.]+" y="[\d.]+" width="[\d.]+"/g)?.length).toBe(3);
    expect(svg).toContain('<title>GPU-hour price, low input: low</title>');
    expect(svg).toContain('tie with mining');
    expect(svg).not.toContain('NaN');
    expect(svg).toMatch(/height="(\d+)"/);
  });
});

describe('histogramChart', () => {
  it('draws one bar per bin on its edges', () => {
    const svg = histogramChart({ ...text, id: 'h' }, [-10, 0, 10, 20], [5, 10, 2], fmt);
    expect(svg.match(/<rect class="bar-high"/g)).toHaveLength(3);
    expect(svg).toContain('class="marker"');
    expect(svg).not.toContain('NaN');
  });
});
