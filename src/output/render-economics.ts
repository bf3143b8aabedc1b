/** The side-by-side table of `compare` (and the one- or two-column tables of `mining` and `ai`). */

import { multiple, NA, num, percent, price, usd, years } from '../report/format.js';
import type { AssumptionReport as Assumption, EconomicsReport, OptionReport } from '../report/schemas.js';
import { type Document, type TableCell, text } from './document.js';
import { provenanceLine } from './render-network.js';

type Row = [label: string, cell: (o: OptionReport) => string | TableCell];

const signed = (value: string, n: number): TableCell =>
  n < 0 ? { text: value, tone: 'bad' } : { text: value };

const ROWS: Row[] = [
  ['IT load (MW)', (o) => num(o.itMw, 1)],
  ['Units', (o) => `${num(o.units)} ${o.unitLabel}`],
  ['Revenue ($/yr)', (o) => usd(o.revenueUsdPerYear)],
  ['Energy ($/yr)', (o) => usd(o.energyUsdPerYear)],
  ['Opex incl. energy ($/yr)', (o) => usd(o.opexUsdPerYear)],
  ['EBITDA ($/yr)', (o) => signed(usd(o.ebitdaUsdPerYear), o.ebitdaUsdPerYear)],
  ['Revenue ($/kWh of site)', (o) => price(o.revenueUsdPerKwh)],
  ['EBITDA ($/kWh of site)', (o) => signed(price(o.ebitdaUsdPerKwh), o.ebitdaUsdPerKwh)],
  ['Capex ($)', (o) => usd(o.capexUsd)],
  ['Payback (years)', (o) => (o.paybackYears === null ? `${NA} (EBITDA<=0)` : years(o.paybackYears))],
];

const MULTIPLE_ROWS: Row[] = [
  ['Revenue vs mining', (o) => multiple(o.revenueMultipleVsMining)],
  ['EBITDA vs mining', (o) => multiple(o.ebitdaMultipleVsMining)],
];

function value(a: Assumption | undefined, show: (v: number) => string): string {
  if (!a) return NA;
  const shown = typeof a.value === 'number' ? show(a.value) : String(a.value);
  return a.origin === 'default' ? `${shown}*` : shown;
}

/** Key assumptions, defaults marked with *. */
export function assumptionLines(report: EconomicsReport): string[] {
  const a = report.assumptionSources;
  const ids = new Set(report.options.map((o) => o.id));
  const lines = [
    `Site: ${value(a.siteMw, (v) => `${num(v, v % 1 ? 1 : 0)} MW`)} at ${value(a.powerUsdPerKwh, (v) => `$${price(v)}/kWh`)}`,
  ];
  if (ids.has('mining')) {
    const mining = report.options.find((o) => o.id === 'mining');
    lines.push(
      `Mining: ${value(a.fleet, String)}${mining?.efficiencyJPerTh ? ` (${mining.efficiencyJPerTh.toFixed(1)} J/TH)` : ''}, ` +
        `pool fee ${value(a.poolFee, percent)}, uptime ${value(a.uptime, percent)}, PUE ${value(a.pueMining, String)}, ` +
        `miners ${value(a.minerPriceUsdPerTh, (v) => `$${price(v)}`)}/TH`,
    );
  }
  if (ids.has('ai-lease')) {
    lines.push(
      `AI lease: ${value(a.leaseUsdPerKwMonth, (v) => `$${v}/kW-month`)} of IT, occupancy ${value(a.occupancy, percent)}, ` +
        `PUE ${value(a.pueAi, String)}, ${a.landlordPaysPower?.value ? 'landlord pays power' : 'tenant pays power*'}, ` +
        `other opex ${value(a.leaseOtherOpexShare, percent)}, fit-out ${value(a.fitOutUsdPerMwIt, usd)}/MW IT`,
    );
  }
  if (ids.has('gpu-cloud')) {
    lines.push(
      `GPU cloud: ${value(a.gpu, String)} at ${value(a.gpuUsdPerHour, (v) => `$${price(v)}/GPU-h`)}, ` +
        `${value(a.utilization, percent)} billed, ${value(a.kwPerGpu, (v) => v.toFixed(3))} kW/GPU, ` +
        `${value(a.gpuCapexUsdPerGpu, usd)}/GPU, other opex ${value(a.gpuOtherOpexShare, percent)}`,
    );
  }
  lines.push('* default (see --help to change; --json lists every input and its basis)');
  return lines;
}

export function economicsDocument(report: EconomicsReport, nowMs: number, _width = 100): Document {
  const options = report.options;
  const hasMining = options.some((o) => o.id === 'mining');
  const rows = [...ROWS, ...(hasMining && options.length > 1 ? MULTIPLE_ROWS : [])];
  const doc: Document = {
    blocks: [
      text(`${report.site.mw} MW site`, 'heading'),
      {
        kind: 'table',
        head: ['', ...options.map((o) => o.label)],
        rows: rows.map(([label, cell]) => [label, ...options.map(cell)]),
      },
    ],
  };
  const breakevens = options.find((o) => o.id === 'mining')?.breakevens;
  if (breakevens) {
    doc.blocks.push(
      text(
        `Mining breakevens (EBITDA = 0): power ${breakevens.powerUsdPerKwh === null ? NA : `$${price(breakevens.powerUsdPerKwh)}/kWh`}, ` +
          `hashprice ${usd(breakevens.hashpriceUsdPerPhDay)}/PH/day, BTC ${usd(breakevens.btcUsd)}`,
      ),
    );
  }
  doc.blocks.push(...assumptionLines(report).map((line) => text(line, 'dim')));
  if (report.network) doc.blocks.push(text(provenanceLine(report.network, nowMs), 'dim'));
  doc.blocks.push(text(report.verdict, 'good'));
  return doc;
}
