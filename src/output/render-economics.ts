/** The side-by-side table of `compare` (and the one- or two-column tables of `mining` and `ai`). */

import {
  hashrateThs,
  irrText,
  multiple,
  NA,
  num,
  percent,
  price,
  significant,
  usd,
  years,
} from '../report/format.js';
import type { AssumptionReport as Assumption, EconomicsReport, OptionReport } from '../report/schemas.js';
import { type Document, type TableBlock, type TableCell, text } from './document.js';
import { provenanceLine } from './render-network.js';

type Row = [label: string, cell: (o: OptionReport) => string | TableCell];

const signed = (value: string, n: number): TableCell =>
  n < 0 ? { text: value, tone: 'bad' } : { text: value };

/**
 * A payback (or capex / year-1 EBITDA) cell, from its note ("reason: detail"): a figure when there is no note,
 * "beyond 30 y" when it outlasts the assets or "beyond 5 y" the horizon, else n/a with the reason ("n/a (no
 * capex)", "n/a (EBITDA <= 0)").
 */
export function paybackText(o: Pick<OptionReport, 'paybackYears' | 'paybackNote'>): string {
  if (o.paybackNote === null) return years(o.paybackYears);
  const reason = o.paybackNote.split(':')[0]?.trim() || o.paybackNote;
  if (reason.startsWith('beyond')) return reason.replace(/ years?$/, ' y');
  const horizon = /^not paid back within the (\d+)-year horizon/.exec(reason);
  if (horizon) return `beyond ${horizon[1]} y`;
  return `${NA} (${reason})`;
}

const ROWS: Row[] = [
  ['IT load (MW)', (o) => significant(o.itMw, 4)],
  ['Units', (o) => `${num(o.units)} ${o.unitLabel}`],
  ['Revenue ($/yr)', (o) => usd(o.revenueUsdPerYear)],
  ['Energy ($/yr)', (o) => usd(o.energyUsdPerYear)],
  ['Opex incl. energy ($/yr)', (o) => usd(o.opexUsdPerYear)],
  ['EBITDA ($/yr)', (o) => signed(usd(o.ebitdaUsdPerYear), o.ebitdaUsdPerYear)],
  ['Revenue ($/kWh of site)', (o) => price(o.revenueUsdPerKwh)],
  ['EBITDA ($/kWh of site)', (o) => signed(price(o.ebitdaUsdPerKwh), o.ebitdaUsdPerKwh)],
  ['Capex ($)', (o) => usd(o.capexUsd)],
  // Not a payback: today's EBITDA, no horizon (compare's "Payback" row is the one over the years).
  [
    'Capex / year-1 EBITDA (years)',
    (o) =>
      paybackText({ paybackYears: o.capexOverYear1EbitdaYears, paybackNote: o.capexOverYear1EbitdaNote }),
  ],
];

/** compare's rows over the horizon (the same projection as `project`). */
function horizonRows(years: number): Row[] {
  return [
    [`Depreciation ($/yr)`, (o) => usd(o.depreciationUsdPerYear)],
    [`EBIT ($/yr)`, (o) => signed(usd(o.ebitUsdPerYear), o.ebitUsdPerYear ?? 0)],
    [`NPV over ${years} y`, (o) => signed(usd(o.npvUsd), o.npvUsd ?? 0)],
    ['NPV without residual', (o) => signed(usd(o.npvExResidualUsd), o.npvExResidualUsd ?? 0)],
    ['Residual (present value)', (o) => usd(o.residualPvUsd)],
    [
      'NPV vs keeping mining',
      (o) => (o.id === 'mining' ? '' : signed(usd(o.npvVsMiningUsd), o.npvVsMiningUsd ?? 0)),
    ],
    ['IRR (annual)', (o) => irrText(o.irr, o.irrNote)],
    [
      'Payback (years)',
      (o) => paybackText({ paybackYears: o.paybackExResidualYears ?? null, paybackNote: o.paybackNote }),
    ],
  ];
}

const MULTIPLE_ROWS: Row[] = [
  ['Revenue vs mining', (o) => multiple(o.revenueMultipleVsMining)],
  ['EBITDA vs mining', (o) => multiple(o.ebitdaMultipleVsMining)],
];

function value(a: Assumption | undefined, show: (v: number) => string): string {
  if (!a) return NA;
  const shown = typeof a.value === 'number' ? show(a.value) : String(a.value);
  return `${shown}${a.origin === 'default' ? '*' : ''}${a.overdue ? '!' : ''}`;
}

/** "tenant pays power*": who pays, marked as a default only when it is one. */
function whoPaysPower(a: Assumption | undefined): string {
  if (!a) return `power: ${NA}`;
  return `${a.value === true ? 'landlord' : 'tenant'} pays power${a.origin === 'default' ? '*' : ''}`;
}

const options = (report: EconomicsReport) => report.options;

/** Today's figures of a sale are not figures: nothing runs after it (only the MW sold is shown). */
const today =
  (cell: Row[1]): Row[1] =>
  (o) =>
    o.id === 'sell' ? '' : cell(o);

/** Key assumptions, defaults marked with *. */
export function assumptionLines(report: EconomicsReport): string[] {
  const a = report.assumptionSources;
  const ids = new Set(report.options.map((o) => o.id));
  const lines = [
    `Site: ${value(a.siteMw, (v) => `${significant(v, 6)} MW`)} at ${value(a.powerUsdPerKwh, (v) => `$${price(v)}/kWh`)}`,
  ];
  if (ids.has('mining')) {
    const mining = report.options.find((o) => o.id === 'mining');
    lines.push(
      `Mining: ${value(a.fleet, String)}${mining?.efficiencyJPerTh ? ` (${mining.efficiencyJPerTh.toFixed(1)} J/TH)` : ''}, ` +
        `pool fee ${value(a.poolFee, percent)}, uptime ${value(a.uptime, percent)}, PUE ${value(a.pueMining, String)}, ` +
        `miners ${value(a.minerPriceUsdPerTh, (v) => `$${price(v)}`)}/TH` +
        // Shown when there is any, so that output at the default (none) stays as it was.
        (a.miningOpexUsdPerMwh?.value
          ? `, other opex ${value(a.miningOpexUsdPerMwh, (v) => `$${significant(v, 6)}`)}/MWh`
          : ''),
    );
  }
  if (ids.has('ai-lease')) {
    lines.push(
      `AI lease: ${value(a.leaseUsdPerKwMonth, (v) => `$${significant(v, 6)}/kW-month`)} of IT, occupancy ${value(a.occupancy, percent)}, ` +
        `PUE ${value(a.pueAi, String)}, ${whoPaysPower(a.landlordPaysPower)}, ` +
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
  if (report.horizon) {
    const pct = (v: number) => percent(v);
    lines.push(
      `Over ${value(a.years, String)} years from ${report.horizon.startDate} at ${value(a.discountRate, pct)} (payback and NPV; the halving ~${report.horizon.halvingDate ?? 'beyond'}): ` +
        `difficulty ${value(a.difficultyGrowthPerMonth, pct)}/month, BTC ${value(a.btcGrowthPerYear, pct)}/yr, fleet ${value(a.fleetOwnership, String)}, ` +
        `go-live after ${value(a.conversionMonths, String)} months, lease +${value(a.leaseEscalatorPerYear, pct)}/yr, GPU rent -${value(a.gpuPriceDeclinePerYear, pct)}/yr, ` +
        `GPU life ${value(a.gpuLifeYears, String)} y (see hashcalc project)`,
    );
    const own = [
      ['mining', a.discountRateMining],
      ['AI lease', a.discountRateLease],
      ['GPU cloud', a.discountRateGpu],
    ] as const;
    if (own.some(([, r]) => r && r.origin !== 'default'))
      lines.push(
        `Discount rates by option: ${own.map(([name, r]) => `${name} ${value(r, pct)}`).join(', ')} (a sale at mining's)`,
      );
    const sale = options(report).find((o) => o.id === 'sell');
    if (sale)
      lines.push(
        `Sale: the site with its miners for ${usd(sale.saleUsd)} (--sell-per-mw ${value(a.sellPerMw, String)} x ${significant(report.site.mw, 6)} MW of grid power) at month ${sale.saleMonth ?? 0}, mining until then`,
      );
  }
  lines.push(
    '* default (see --help to change; --json lists every input and its basis); ! its source is past its refresh cadence (hashcalc catalog --stale)',
  );
  return lines;
}

/** A mixed fleet, model by model: units, hashrate, price per TH/s and where that price came from. */
export function fleetTable(mining: OptionReport | undefined): TableBlock | null {
  const fleet = mining?.fleet;
  if (!fleet || fleet.length < 2) return null;
  return {
    kind: 'table',
    head: ['Mining fleet', 'units', 'hashrate', '$/TH', 'capex', 'price basis'],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows: fleet.map((m) => [
      m.name,
      num(m.units),
      hashrateThs(m.hashrateThs),
      m.priceUsdPerTh === undefined ? NA : `$${price(m.priceUsdPerTh)}`,
      usd(m.capexUsd),
      m.priceBasis ?? NA,
    ]),
  };
}

export function economicsDocument(report: EconomicsReport, nowMs: number, _width = 100): Document {
  const options = report.options;
  const hasMining = options.some((o) => o.id === 'mining');
  const base = ROWS;
  const rows = [
    ...base.map(([label, cell]): Row => [label, label === 'Units' ? cell : today(cell)]),
    ...(report.horizon ? horizonRows(report.horizon.years) : []),
    ...(hasMining && options.length > 1
      ? MULTIPLE_ROWS.map(([label, cell]): Row => [label, today(cell)])
      : []),
  ];
  const doc: Document = {
    blocks: [
      text(`${significant(report.site.mw, 6)} MW site`, 'heading'),
      {
        kind: 'table',
        head: ['', ...options.map((o) => o.label)],
        rows: rows.map(([label, cell]) => [label, ...options.map(cell)]),
        stack: 'columns',
      },
    ],
  };
  const fleet = fleetTable(options.find((o) => o.id === 'mining'));
  if (fleet) doc.blocks.push(fleet);
  const breakevens = options.find((o) => o.id === 'mining')?.breakevens;
  if (breakevens) {
    doc.blocks.push(
      text(
        `Mining breakevens (EBITDA = 0): power ${breakevens.powerUsdPerKwh === null ? NA : `$${price(breakevens.powerUsdPerKwh)}/kWh`}, ` +
          `hashprice ${usd(breakevens.hashpriceUsdPerPhDay)}/PH/day, BTC ${usd(breakevens.btcUsd)}`,
      ),
    );
  }
  const plan = report.plan;
  if (plan) {
    const payback = (y: number | null) => (y === null ? `beyond ${report.horizon?.years ?? ''} y` : years(y));
    doc.blocks.push(
      text(
        `Plan (${plan.text}): NPV ${usd(plan.npvUsd)} (${plan.npvVsMiningUsd >= 0 ? '+' : ''}${usd(plan.npvVsMiningUsd)} vs keeping mining), ` +
          `without residual ${usd(plan.npvExResidualUsd)}, IRR ${irrText(plan.irr, plan.irrNote)}, payback ${payback(plan.paybackExResidualYears)}, ` +
          `peak funding ${usd(plan.peakFundingUsd)}`,
      ),
    );
  }
  doc.blocks.push(...assumptionLines(report).map((line) => text(line, 'dim')));
  if (report.network) doc.blocks.push(text(provenanceLine(report.network, nowMs), 'dim'));
  doc.blocks.push(text(typeof report.verdict === 'string' ? report.verdict : report.verdict.text, 'good'));
  return doc;
}
