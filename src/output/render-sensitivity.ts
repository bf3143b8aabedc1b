/**
 * The `sensitivity` view: per AI option a tornado of its NPV minus keeping mining's at each driver's low and
 * high (bars sorted by swing, the base and zero marked, laid out for the width), or with --grid a table of
 * that difference over two drivers with the break-even frontier marked.
 */

import { percent, usd } from '../report/format.js';
import { OPTION_LABELS } from '../report/labels.js';
import type { SensitivityReport } from '../report/sensitivity-schema.js';
import { driverValue } from '../report/verdict.js';
import { type Block, type Document, type TableCell, text } from './document.js';
import { provenanceLine } from './render-network.js';

type Driver = SensitivityReport['drivers'][number];
type AiId = Driver['options'][number]['id'];

export { driverValue };

const LOW = '▒';
const HIGH = '█';
const BASE = '│';
const ZERO = '┊';

function tornadoLines(report: SensitivityReport, id: AiId, width: number): string[] {
  const base = report.base.options.find((o) => o.id === id)?.npvVsMiningUsd ?? 0;
  const bars = report.drivers
    .map((d) => ({ d, o: d.options.find((o) => o.id === id) }))
    .filter((b): b is { d: Driver; o: Driver['options'][number] } => b.o !== undefined)
    .sort((a, b) => b.o.swingUsd - a.o.swingUsd);
  const labels = bars.map(({ d }) => d.id);
  const ranges = bars.map(({ d }) => `${driverValue(d.id, d.lowValue)} .. ${driverValue(d.id, d.highValue)}`);
  const values = bars.map(({ o }) => `${usd(o.lowNpvDeltaUsd)} / ${usd(o.highNpvDeltaUsd)}`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  // Narrow terminals drop the ranges column, then the values, before the bars get under 10 columns.
  let rangeWidth = Math.max(...ranges.map((r) => r.length));
  let valueWidth = Math.max(...values.map((v) => v.length));
  if (width - labelWidth - rangeWidth - valueWidth - 6 < 10) rangeWidth = -2;
  if (width - labelWidth - rangeWidth - valueWidth - 6 < 10) valueWidth = -2;
  const barWidth = Math.max(10, width - labelWidth - rangeWidth - valueWidth - 6);
  const all = [0, base, ...bars.flatMap(({ o }) => [o.lowNpvDeltaUsd, o.highNpvDeltaUsd])];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const col = (x: number) =>
    Math.min(barWidth - 1, Math.max(0, Math.round(((x - lo) / span) * (barWidth - 1))));
  const baseCol = col(base);
  const zeroCol = col(0);
  const lines = bars.map(({ o }, k) => {
    const cells: string[] = Array.from({ length: barWidth }, (_, c) => (c === zeroCol ? ZERO : ' '));
    const paint = (to: number, mark: string) => {
      const end = col(to);
      const [a, b] = end < baseCol ? [end, baseCol - 1] : [baseCol + 1, end];
      for (let c = a; c <= b; c++) cells[c] = mark;
    };
    paint(o.lowNpvDeltaUsd, LOW);
    paint(o.highNpvDeltaUsd, HIGH);
    cells[baseCol] = BASE;
    const range = rangeWidth < 0 ? '' : `${(ranges[k] as string).padEnd(rangeWidth)}  `;
    const value = valueWidth < 0 ? '' : `  ${(values[k] as string).padStart(valueWidth)}`;
    return `${(labels[k] as string).padEnd(labelWidth)}  ${range}${cells.join('')}${value}`.trimEnd();
  });
  const axis = `${' '.repeat(labelWidth + rangeWidth + 4)}${usd(lo)}${' '.repeat(Math.max(1, barWidth - usd(lo).length - usd(hi).length))}${usd(hi)}`;
  const legend =
    rangeWidth < 0
      ? bars.flatMap(({ d }, k) => [
          ...(`  ${d.id}: ${ranges[k]}`.length <= width
            ? [`  ${d.id}: ${ranges[k]}`]
            : [`  ${d.id}:`, `    ${ranges[k]}`]),
          ...(valueWidth < 0 ? [`    NPV difference ${values[k]}`] : []),
        ])
      : [];
  return [...lines, axis, ...legend];
}

function tornadoBlocks(report: SensitivityReport, width: number): Block[] {
  const blocks: Block[] = [];
  for (const id of ['ai-lease', 'gpu-cloud'] as const) {
    const base = report.base.options.find((o) => o.id === id)?.npvVsMiningUsd ?? 0;
    blocks.push(
      text(
        `${OPTION_LABELS[id]} minus keeping mining, NPV over ${report.horizon.years} years: base ${usd(base)}`,
        'heading',
      ),
      { kind: 'pre', lines: tornadoLines(report, id, width) },
    );
  }
  blocks.push(
    text(
      `${LOW} driver at its low, ${HIGH} at its high; ${BASE} the base, ${ZERO} zero (the AI option worth as much as mining); values: NPV difference at low / high`,
      'dim',
    ),
  );
  return blocks;
}

function gridBlocks(report: SensitivityReport, width: number): Block[] {
  const grid = report.grid;
  if (!grid) return [];
  const blocks: Block[] = [];
  for (const o of grid.options) {
    blocks.push(
      text(
        `${OPTION_LABELS[o.id]} minus keeping mining, NPV over ${report.horizon.years} years, by ${grid.y.id} (rows) and ${grid.x.id} (columns)`,
        'heading',
      ),
    );
    const cellWidth = 9;
    const fits = (grid.x.values.length + 1) * (cellWidth + 2) <= width;
    if (fits) {
      blocks.push({
        kind: 'table',
        head: [`${grid.y.id} \\ ${grid.x.id}`, ...grid.x.values.map((v) => driverValue(grid.x.id, v))],
        rows: grid.y.values.map((yv, j) => [
          driverValue(grid.y.id, yv),
          ...grid.x.values.map((_, i): TableCell => {
            const v = o.npvDeltaUsd[j]?.[i] as number;
            const edge = o.frontier[j]?.[i] === true;
            return { text: `${usd(v)}${edge ? '*' : ' '}`, tone: v >= 0 ? 'good' : 'bad' };
          }),
        ]),
        stack: 'rows',
      });
    } else {
      // Too many columns for numbers: one character a cell.
      const label = (v: number) => driverValue(grid.y.id, v);
      const labelWidth = Math.max(...grid.y.values.map((v) => label(v).length));
      const lines = grid.y.values.map(
        (yv, j) =>
          `${label(yv).padStart(labelWidth)} ${grid.x.values
            .map((_, i) => {
              const v = o.npvDeltaUsd[j]?.[i] as number;
              return o.frontier[j]?.[i] ? '*' : v >= 0 ? '+' : '·';
            })
            .join('')}`,
      );
      const first = driverValue(grid.x.id, grid.x.values[0] as number);
      const last = driverValue(grid.x.id, grid.x.values.at(-1) as number);
      lines.push(
        `${' '.repeat(labelWidth + 1)}${first}${' '.repeat(Math.max(1, grid.x.values.length - first.length - last.length))}${last}`,
      );
      blocks.push({ kind: 'pre', lines });
    }
  }
  blocks.push(
    text(
      `* the break-even frontier (the sign changes next to the cell)${(grid.x.values.length + 1) * 11 > width ? '; + the AI option worth more than mining, · less' : ''}; --format csv or --json for every cell`,
      'dim',
    ),
  );
  return blocks;
}

export function sensitivityDocument(report: SensitivityReport, width = 100): Document {
  const blocks: Block[] = [
    text(`${report.site.mw} MW site: what moves the decision over ${report.horizon.years} years`, 'heading'),
    {
      kind: 'table',
      head: ['Base NPV', ...report.base.options.map((o) => OPTION_LABELS[o.id])],
      rows: [
        ['NPV', ...report.base.options.map((o) => usd(o.npvUsd))],
        [
          'vs keeping mining',
          ...report.base.options.map((o) => (o.id === 'mining' ? '' : usd(o.npvVsMiningUsd))),
        ],
      ],
      stack: 'columns',
    },
    ...(report.grid ? gridBlocks(report, width) : tornadoBlocks(report, width)),
    text(
      `Ranges: base -/+ ${percent(report.swing)} of each driver (a driver at 0 moves by -/+ ${percent(report.swing)})${
        report.drivers.some((d) => d.range === 'record')
          ? `; ${report.drivers
              .filter((d) => d.range === 'record')
              .map((d) => d.id)
              .join(', ')} over the range contracts have, whatever the swing`
          : ''
      }${
        report.drivers.some((d) => d.range === 'given')
          ? `; given with --range: ${report.drivers
              .filter((d) => d.range === 'given')
              .map((d) => d.id)
              .join(', ')}`
          : ''
      }; every other input at its base; ${report.evaluations} projections run`,
      'dim',
    ),
    text(provenanceLine(report.network, Date.parse(report.horizon.startDate)), 'dim'),
    text(report.verdict.text),
  ];
  return { blocks };
}
