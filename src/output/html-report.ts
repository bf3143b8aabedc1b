/**
 * The board report: one self-contained HTML file (inline CSS and SVG, no script, no request when opened) from
 * the board document, in the order a board reads: the decision, the options (a plan and the sale among them),
 * the best plan (strategy's document), cumulative cash, the tornado, the simulation, the network, the hashprice
 * history, the yearly tables, the assumptions, the sources, the data's dates and the methods.
 * Every text from data is escaped. Renders only: the figures come from the documents.
 */
import { type BoardReport, driverTitle } from '../report/board.js';
import { grouped, irrText, percent, usd } from '../report/format.js';
import { OPTION_LABELS } from '../report/labels.js';
import type { ProjectedOptionReport, ProjectedPlanReport, ProjectReport } from '../report/schemas.js';
import type { StrategyReport } from '../report/strategy-schema.js';
import { driverValue } from '../report/verdict.js';
import { escapeHtml as e, histogramChart, lineChart, SERIES_STYLES, tornadoChart } from './svg-charts.js';

export const REPORT_SECTIONS = [
  ['decision', 'The decision'],
  ['options', 'The options side by side'],
  ['plans', 'The best plan'],
  ['cash', 'Cumulative cash by month'],
  ['tornado', 'What moves the answer'],
  ['simulation', 'The simulation'],
  ['network', "The network's projected difficulty and hashprice"],
  ['history', 'Hashprice history'],
  ['years', 'Year by year'],
  ['assumptions', 'Assumptions'],
  ['sources', 'Sources and the date of every piece of data'],
  ['methods', 'Methods'],
] as const;

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#111;background:#fff;margin:0}
main{max-width:960px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:0 0 10px;border-bottom:2px solid #111;padding-bottom:4px}
h3{font-size:16px;margin:16px 0 6px}
section{margin:28px 0}
.meta{color:#444;font-size:13px}
.verdict{border:2px solid #111;padding:12px 16px;font-size:17px}
.verdict strong{font-size:20px}
.badge{display:inline-block;border:1.5px solid #111;padding:1px 8px;font-weight:600;font-size:13px;margin-left:6px}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #bbb;padding:4px 6px;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
td.text,th.text{text-align:left;overflow-wrap:anywhere}
table.fixed{table-layout:fixed}
table.fixed td,table.fixed th{overflow-wrap:anywhere}
thead th{border-bottom:2px solid #111}
figure{margin:12px 0}
figcaption{font-size:13px;color:#333}
.chart-title{font-weight:700;font-size:14px;margin:0 0 2px}
svg.chart{width:100%;height:auto;max-width:720px;display:block}
svg .grid{stroke:#ddd;stroke-width:1}
svg .axis{stroke:#111;stroke-width:1.2}
svg .marker{stroke:#555;stroke-width:1.5;stroke-dasharray:5 3}
svg .marker-label{font-size:12px;fill:#333}
svg .tick{font-size:11px;fill:#222}
svg .axis-label{font-size:12px;fill:#111;font-weight:600}
svg .series-label{font-size:12px;font-weight:700}
svg .bar-low{fill:#E69F00;stroke:#111;stroke-width:.8}
svg .bar-high{fill:#0072B2;stroke:#111;stroke-width:.8}
a{color:#0b4f8a;overflow-wrap:anywhere}
.flag{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.note{font-size:13px;color:#333}
.data-note{font-size:13px;border-left:4px solid #111;padding:2px 8px;margin:6px 0}
@page{size:auto;margin:14mm}
@media print{
 body{font-size:11pt}
 main{max-width:none;padding:0}
 section{break-before:page;margin:0}
 section#decision{break-before:auto}
 figure,svg,.verdict,tr{break-inside:avoid}
 h2,h3{break-after:avoid}
 a{color:#000}
 .table-wrap{overflow:visible}
}
`;

const fmtUsd = (v: number) => usd(v);
/** A payback: months, or why there is none ("nothing to pay back" for an option with no outlay). */
const months = (m: number | null | undefined, note?: string | null) =>
  m != null
    ? `${Math.round(m)} months`
    : note && /nothing to pay back|no capex|no outlay/i.test(note)
      ? 'no outlay'
      : 'not within the horizon';

function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  textCols: number[] = [],
  widths?: readonly string[],
): string {
  const cell = (c: string, i: number, tag: string) =>
    `<${tag}${textCols.includes(i) ? ' class="text"' : ''}>${c}</${tag}>`;
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}">`).join('')}</colgroup>` : '';
  return `<div class="table-wrap"><table${widths ? ' class="fixed"' : ''}>${cols}<thead><tr>${head.map((h, i) => cell(e(h), i, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => cell(c, i, 'td')).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/** A chart in a figure, its title shown above it (the SVG's own title is already escaped). */
function figure(svg: string, caption = ''): string {
  const title = /<title id="[^"]+">([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
  return `<figure><div class="chart-title">${title}</div>${svg}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function section(id: string, body: string): string {
  const title = REPORT_SECTIONS.find(([s]) => s === id)?.[1] ?? id;
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>${body}</section>`;
}

function decision(r: BoardReport): string {
  const p = r.project;
  const v = p.verdict;
  const label = (id: string) => p.options.find((o) => o.id === id)?.label ?? id;
  const sure = v.robust
    ? '<span class="badge">Clear</span> no plausible change of a decisive driver changes the ranking'
    : '<span class="badge">Too close to call</span> a plausible change of a driver below changes the ranking';
  const best = p.options.find((o) => o.id === v.bestOptionId);
  const residualCaveat =
    best && best.npvExResidualUsd < 0 && best.residualPvUsd > 0
      ? `<p>Its lead rests on the residual value at the horizon: without it, its NPV is <strong>${e(usd(best.npvExResidualUsd))}</strong>${best.paybackExResidualMonths == null ? ', and it does not pay back within the horizon' : ''}.</p>`
      : '';
  const flips = v.flips ?? [];
  const flipRows = flips.map((f) => [
    e(driverTitle(f.driver)),
    e(driverValue(f.driver, f.value)),
    e(driverValue(f.driver, f.baseValue)),
    e(`${driverValue(f.driver, f.low)} to ${driverValue(f.driver, f.high)}`),
    e(label(f.toOptionId)),
  ]);
  return section(
    'decision',
    `<div class="verdict"><p><strong>${e(label(v.bestOptionId))}</strong> leads with an NPV of <strong>${e(usd(v.npvUsd))}</strong>, ${e(usd(v.marginUsd))} above ${e(label(v.runnerUpId))}, over ${p.horizon.years} years.</p><p>${sure}.</p>${residualCaveat}</div>
<p>${e(v.text.replace(/ \(verdict\.flips\)/g, ' (below)'))}</p>
${flips.length ? `<h3>What flips it</h3>${table(['Driver', 'Flips at', 'Now', 'Plausible range', 'Then leads'], flipRows)}` : '<p>No driver within its plausible range changes the ranking.</p>'}`,
  );
}

/** The options side by side, and a plan (--plan) after them: the options table's columns, the cash chart's lines. */
function columns(p: ProjectReport): (ProjectedOptionReport | ProjectedPlanReport)[] {
  return [...p.options, ...(p.plan ? [p.plan] : [])];
}

function optionsSection(r: BoardReport): string {
  const o = columns(r.project);
  const plan = r.project.plan;
  const row = (name: string, f: (x: ProjectedOptionReport | ProjectedPlanReport) => string) => [
    e(name),
    ...o.map((x) => e(f(x))),
  ];
  return section(
    'options',
    table(
      ['', ...o.map((x) => x.label)],
      [
        row('NPV', (x) => usd(x.npvUsd)),
        row('NPV vs keeping mining', (x) => usd(x.npvVsMiningUsd)),
        row('NPV without the residual', (x) => usd(x.npvExResidualUsd)),
        row('IRR', (x) => irrText(x.irr, x.irrNote)),
        row('Payback', (x) => months(x.paybackExResidualMonths, x.paybackNote)),
        row('Discounted payback', (x) =>
          months(x.discountedPaybackExResidualMonths, x.discountedPaybackNote ?? x.paybackNote),
        ),
        row('Payback counting the residual', (x) => months(x.paybackMonths, x.paybackNote)),
        row('Residual at the horizon', (x) => usd(x.residualUsd)),
        row('Capex over the horizon', (x) => usd(x.capexUsd)),
        row('Peak funding', (x) => usd(x.peakFundingUsd)),
        row('Total cash', (x) => usd(x.totalCashUsd)),
      ],
    ) +
      (plan
        ? `<p class="note">Plan (<span class="flag">--plan ${e(plan.planFlag)}</span>): ${e(plan.text)}.</p>`
        : '') +
      `<p class="note">Residual valued: ${e(r.project.residualMethod)}. Paybacks count operating and capital cash only, unless stated.</p>`,
  );
}

/** A line chart's legend: each series' line style (as drawn, in order) and its label. */
function legend(labels: readonly string[]): string {
  return labels
    .map((label, i) => {
      const s = SERIES_STYLES[i % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
      return `<svg width="34" height="10" aria-hidden="true"><line x1="0" x2="34" y1="5" y2="5" stroke="${s.colour}" stroke-width="${s.width}" stroke-dasharray="${s.dash}"/></svg> ${e(label)}`;
    })
    .join(' &nbsp; ');
}

const planFlagText = (p: { planFlag: string }) => (p.planFlag ? `--plan ${p.planFlag}` : 'keep mining');
const pureName = (id: string) =>
  id === 'mining'
    ? 'Keeping mining'
    : id === 'sell'
      ? 'Selling the site'
      : `The pure ${OPTION_LABELS[id as keyof typeof OPTION_LABELS] ?? id}`;

/** The NPV frontier: the best plan's NPV at each AI share, keeping mining's as a level line. */
function frontierChart(s: StrategyReport): string {
  const mining = s.pureOptions.find((o) => o.id === 'mining');
  const shares = s.frontier.map((p) => percent(p.aiShare));
  const bestAt = s.frontier.findIndex((p) => p.aiShare === s.best.aiShare);
  return lineChart(
    {
      id: 'chart-frontier',
      title: 'NPV frontier: the best plan at each AI share of the site (USD)',
      description: `The best plan's NPV at each AI share: ${s.frontier.map((p, i) => `${shares[i]} ${usd(p.npvUsd)}`).join(', ')}${mining ? `; keeping mining ${usd(mining.npvUsd)}` : ''}; the best at ${percent(s.best.aiShare)}.`,
      xLabel: 'AI share of the site (% of its MW converted)',
      yLabel: 'NPV (USD)',
    },
    [
      { label: 'Best at the share', values: s.frontier.map((p) => p.npvUsd) },
      ...(mining ? [{ label: 'Keeping mining', values: s.frontier.map(() => mining.npvUsd) }] : []),
    ],
    fmtUsd,
    bestAt >= 0 ? { x: bestAt, label: `best: ${shares[bestAt]}` } : null,
    shares.map((label, x) => ({ x, label })),
  );
}

function plans(r: BoardReport): string {
  const s = r.strategy;
  const note = r.strategyNote ? `<p class="note">${e(r.strategyNote)}</p>` : '';
  if (!s) return section('plans', note);
  const b = s.best;
  const mining = s.pureOptions.find((o) => o.id === 'mining');
  const keep = b.tranches.length === 0;
  const head = keep
    ? `<p><strong>Keeping mining all ${e(String(s.site.mw))} MW is best</strong>: no plan on the grid that converts part or all of the site to AI beats it (NPV <strong>${e(usd(b.npvUsd))}</strong>).</p>`
    : `<p><strong>${e(b.text)}</strong> (<span class="flag">${e(planFlagText(b))}</span>): NPV <strong>${e(usd(b.npvUsd))}</strong>, ${e(usd(b.npvVsMiningUsd))} ${b.npvVsMiningUsd >= 0 ? 'more' : 'less'} than keeping mining.</p>`;
  const sale = s.sale;
  const sold = sale?.beatsBestPlan
    ? `<p>But <strong>selling the site</strong> at ${e(usd(sale.usdPerMw))}/MW ${sale.month === 0 ? 'today' : `in month ${sale.month}`} is worth more: NPV <strong>${e(usd(sale.npvUsd))}</strong>, ${e(usd(sale.vsBestPlanUsd))} above ${keep ? 'keeping mining' : 'the best plan'}.</p>`
    : '';
  const figures =
    b.npvExResidualUsd === null
      ? []
      : [
          ['NPV without the residual', usd(b.npvExResidualUsd)],
          ['IRR', irrText(b.irr, b.irrNote)],
          ['Payback', months(b.paybackExResidualMonths)],
          ['Discounted payback', months(b.discountedPaybackExResidualMonths)],
          ['Capex over the horizon', usd(b.capexUsd)],
          ['Peak funding', usd(b.peakFundingUsd)],
        ];
  // When keeping mining is best, its row against itself says nothing.
  const versus = s.pureOptions
    .filter((o) => !(keep && o.id === 'mining'))
    .map((o) => [
      e(pureName(o.id)),
      e(usd(o.npvUsd)),
      e(`${o.bestPlanMarginUsd >= 0 ? '+' : ''}${usd(o.bestPlanMarginUsd)}`),
    ]);
  const byOption = s.bestByOption.map((o) => [
    e(OPTION_LABELS[o.optionId]),
    `${e(o.plan.text)}<br><span class="flag">${e(planFlagText(o.plan))}</span>`,
    e(usd(o.plan.npvUsd)),
    e(usd(o.plan.npvVsMiningUsd)),
  ]);
  const w = s.waiting;
  const waitRow = (label: string, p: StrategyReport['waiting']['now'], vsNow: boolean) =>
    p === null
      ? [e(label), 'none on the grid', '', '']
      : [
          e(label),
          `<span class="flag">${e(planFlagText(p))}</span>`,
          e(usd(p.npvUsd)),
          e(vsNow && p.valueOfWaitingUsd !== null ? usd(p.valueOfWaitingUsd) : ''),
        ];
  const waiting = table(
    ['Plans whose first build starts', 'Best plan', 'NPV', 'Value of waiting'],
    [
      waitRow('Now (month 0)', w.now, false),
      waitRow(`After the halving (month ${w.afterHalvingStartMonth ?? '-'} or later)`, w.afterHalving, true),
      waitRow('In a year (month 12 or later)', w.inAYear, true),
    ],
  );
  const frontierRows = s.frontier.map((p) => [
    e(percent(p.aiShare)),
    `<span class="flag">${e(planFlagText(p))}</span>`,
    e(usd(p.npvUsd)),
    e(usd(p.npvVsMiningUsd)),
  ]);
  return section(
    'plans',
    `<div class="verdict">${head}${sold}</div>
<p>${e(s.verdict.text)}.</p>
${table(['Against', 'Its NPV', `${keep ? 'Keeping mining' : 'The best plan'} ahead by`], versus)}
${
  figures.length
    ? `<h3>The best plan's figures</h3>${table(
        ['Figure', 'Best plan'],
        figures.map((row) => row.map(e)),
      )}`
    : ''
}
<h3>The best plan per AI option</h3>${table(['Option', 'Plan', 'NPV', 'vs keeping mining'], byOption, [1])}
<h3>The NPV frontier</h3>${figure(
      frontierChart(s),
      `${legend(['Best at the share', ...(mining ? ['Keeping mining'] : [])])}. Each point: the highest NPV of the plans that convert that share of the site (0%: keep mining). Dashed vertical line: the best share.`,
    )}${table(['AI share', 'Best plan at that share', 'NPV', 'vs keeping mining'], frontierRows, [1])}
<h3>The value of waiting</h3>${waiting}<p class="note">Value of waiting: the best plan starting later minus the best starting now; negative, waiting costs that much.</p>
<h3>How it searched</h3><p class="note">${e(s.search.text)}. The same search as <span class="flag">hashcalc strategy</span>, which ranks the plans by their NPV (its <span class="flag">--simulations N</span> ranks the best 5 by mean NPV over N simulated paths).</p>${note}`,
  );
}

function cash(r: BoardReport): string {
  const p = r.project;
  const h = p.horizon;
  const lines = columns(p);
  const chart = lineChart(
    {
      id: 'chart-cash',
      title: 'Cumulative cash by month, per option (USD)',
      description: `Cumulative cash of ${lines.map((o) => `${o.label} ending at ${usd(o.months.at(-1)?.cumulativeCashUsd)}`).join(', ')}, over ${h.months} months${h.halvingMonth != null ? `; the halving in month ${h.halvingMonth.toFixed(1)} (${h.halvingDate})` : ''}.`,
      xLabel: `Month from ${h.startDate}`,
      yLabel: 'Cumulative cash (USD)',
    },
    lines.map((o) => ({ label: o.label, values: o.months.map((m) => m.cumulativeCashUsd) })),
    fmtUsd,
    h.halvingMonth != null ? { x: h.halvingMonth, label: `halving ${h.halvingDate ?? ''}` } : null,
  );
  return section(
    'cash',
    figure(
      chart,
      `${legend(lines.map((o) => o.label))}. Cash lands at each month's end; the step in the last month is the residual value at the horizon, counted as cash. Dashed vertical line: the halving.`,
    ),
  );
}

function tornado(r: BoardReport): string {
  const p = r.project;
  const s = r.sensitivity;
  const ai = p.options
    .filter((o) => o.id === 'ai-lease' || o.id === 'gpu-cloud')
    .sort((a, b) => b.npvUsd - a.npvUsd)[0];
  if (!ai) return section('tornado', '<p>No AI option to compare.</p>');
  const base = s.base.options.find((o) => o.id === ai.id)?.npvVsMiningUsd ?? 0;
  const bars = s.drivers
    .map((d) => ({ d, o: d.options.find((x) => x.id === ai.id) }))
    .filter((x) => x.o && x.o.swingUsd > 0)
    .sort((a, b) => (b.o?.swingUsd ?? 0) - (a.o?.swingUsd ?? 0))
    .slice(0, 12)
    .map(({ d, o }) => ({
      id: d.id,
      label: driverTitle(d.id),
      low: o?.lowNpvDeltaUsd ?? 0,
      high: o?.highNpvDeltaUsd ?? 0,
      lowText: `${driverValue(d.id, d.lowValue)}: ${usd(o?.lowNpvDeltaUsd)}`,
      highText: `${driverValue(d.id, d.highValue)}: ${usd(o?.highNpvDeltaUsd)}`,
    }));
  const chart = tornadoChart(
    {
      id: 'chart-tornado',
      title: `${ai.label}'s NPV minus keeping mining's, each driver at its low and high (USD)`,
      description: `Base ${usd(base)}. ${bars.map((b) => `${b.label}: ${b.lowText}; ${b.highText}`).join('. ')}.`,
      xLabel: `${ai.label} NPV minus mining NPV (USD)`,
      yLabel: 'Driver',
    },
    bars,
    base,
    fmtUsd,
    'tie with mining',
  );
  const rows = bars.map((b, i) => {
    const d = s.drivers.find((x) => x.id === b.id);
    return [
      e(b.label),
      e(d ? `${driverValue(d.id, d.lowValue)} to ${driverValue(d.id, d.highValue)}` : ''),
      e(usd(b.low)),
      e(usd(b.high)),
      String(i + 1),
    ];
  });
  return section(
    'tornado',
    `${figure(chart, `Solid line: the base case (${e(usd(base))}); dashed: where it ties with keeping mining. Light bars: each driver at its low input; dark bars: at its high input; the others at their base. Ranges: the sensitivity swing (the verdict above tests each driver's plausible range).`)}${table(['Driver', 'Range', 'At low', 'At high', 'Rank'], rows)}`,
  );
}

function simulation(r: BoardReport): string {
  const sim = r.project.simulation;
  if (!sim)
    return section(
      'simulation',
      '<p>Not run: give <span class="flag">--simulations N</span> for the distributions of NPV (a Monte Carlo of BTC/USD, the network and GPU rent).</p>',
    );
  const label = (id: string) => r.project.options.find((o) => o.id === id)?.label ?? id;
  const charts = sim.options
    .map((o) =>
      histogramChart(
        {
          id: `chart-sim-${o.id}`,
          title: `${label(o.id)}: NPV over ${sim.paths} paths (USD)`,
          description: `${label(o.id)} NPV: p5 ${usd(o.npvUsd.p5)}, median ${usd(o.npvUsd.p50)}, p95 ${usd(o.npvUsd.p95)}; beats mining on ${percent(o.probabilityBeatsMining)} of paths.`,
          xLabel: 'NPV (USD)',
          yLabel: 'Paths',
        },
        o.histogram.binEdgesUsd,
        o.histogram.counts,
        fmtUsd,
      ),
    )
    .map((c) => figure(c, 'Dashed line: NPV of zero.'))
    .join('');
  const rows = sim.options.map((o) => [
    e(label(o.id)),
    e(usd(o.npvUsd.p5)),
    e(usd(o.npvUsd.p50)),
    e(usd(o.npvUsd.mean)),
    e(usd(o.npvUsd.p95)),
    e(o.id === 'mining' ? '' : percent(o.probabilityBeatsMining)),
    e(percent(o.probabilityNoPayback)),
  ]);
  return section(
    'simulation',
    `<p>${e(`${sim.paths.toLocaleString('en-US')} paths, seed ${sim.seed}: ${sim.model.description}.`)}</p>${table(['Option', 'p5', 'Median', 'Mean', 'p95', 'Beats mining', 'Never pays back'], rows)}${charts}`,
  );
}

function network(r: BoardReport): string {
  const mining = r.project.options.find((o) => o.id === 'mining');
  if (!mining) return section('network', '<p>No mining option.</p>');
  const h = r.project.horizon;
  const marker =
    h.halvingMonth != null ? { x: h.halvingMonth, label: `halving ${h.halvingDate ?? ''}` } : null;
  const ms = mining.months;
  const diff = lineChart(
    {
      id: 'chart-difficulty',
      title: 'Projected network difficulty (trillions)',
      description: `Difficulty from ${((ms[0]?.difficulty ?? 0) / 1e12).toFixed(1)} T to ${((ms.at(-1)?.difficulty ?? 0) / 1e12).toFixed(1)} T over ${h.months} months.`,
      xLabel: `Month from ${h.startDate}`,
      yLabel: 'Difficulty (T)',
    },
    [{ label: 'Difficulty', values: ms.map((m) => (m.difficulty ?? Number.NaN) / 1e12) }],
    (v) => `${Math.round(v)} T`,
    marker,
  );
  const hp = lineChart(
    {
      id: 'chart-hashprice',
      title: 'Projected hashprice (USD per PH/s per day)',
      description: `Hashprice from $${(ms[0]?.hashpriceUsdPerPhDay ?? 0).toFixed(2)} to $${(ms.at(-1)?.hashpriceUsdPerPhDay ?? 0).toFixed(2)} per PH/s per day over ${h.months} months; the halving halves the subsidy.`,
      xLabel: `Month from ${h.startDate}`,
      yLabel: 'USD per PH/s per day',
    },
    [{ label: 'Hashprice', values: ms.map((m) => m.hashpriceUsdPerPhDay ?? Number.NaN) }],
    (v) => `$${v.toFixed(0)}`,
    marker,
  );
  return section(
    'network',
    `${figure(diff)}${figure(hp)}<p class="note">Starting from ${e(r.project.network.source)} data of ${e(r.project.network.asOf.slice(0, 10))}; the next halving at block ${h.halvingHeight}${h.halvingDate ? `, about ${e(h.halvingDate)}` : ''}.</p>`,
  );
}

function history(r: BoardReport): string {
  const h = r.hashpriceHistory;
  if (!h)
    return section(
      'history',
      '<p>No history data: give <span class="flag">--data FILE</span> (the daily data of <span class="flag">hashcalc history</span>).</p>',
    );
  const ms = h.months;
  const first = ms[0] as (typeof ms)[number];
  const last = ms.at(-1) as (typeof ms)[number];
  const hp = (v: number) => `$${v.toFixed(v < 100 ? 1 : 0)}`;
  const by = (pick: (a: number, b: number) => boolean) =>
    ms.reduce((best, m) => (pick(m.hashpriceUsdPerPhDay, best.hashpriceUsdPerPhDay) ? m : best), first);
  const high = by((a, b) => a > b);
  const low = by((a, b) => a < b);
  const halvings = ms.flatMap((m, i) => (m.halvingDate ? [{ i, date: m.halvingDate }] : []));
  const feesExcluded = ms.every((m) => !m.feesIncluded);
  const fromFile = h.source === 'file';
  const chart = lineChart(
    {
      id: 'chart-history',
      title: `Hashprice at each month's end, ${first.month} to ${last.month} (USD per PH/s per day)`,
      description: `Monthly hashprice from ${hp(first.hashpriceUsdPerPhDay)} (${first.month}) to ${hp(last.hashpriceUsdPerPhDay)} (${last.month}); high ${hp(high.hashpriceUsdPerPhDay)} (${high.month}), low ${hp(low.hashpriceUsdPerPhDay)} (${low.month})${halvings.length ? `; halvings about ${halvings.map((x) => x.date).join(' and ')}` : ''}${feesExcluded ? '; fees excluded' : ''}.`,
      xLabel: 'Month (ticks at January)',
      yLabel: 'USD per PH/s per day',
    },
    [{ label: 'Hashprice', values: ms.map((m) => m.hashpriceUsdPerPhDay) }],
    (v) => `$${v.toFixed(0)}`,
    halvings.map((x) => ({ x: x.i, label: `halving ${x.date.slice(0, 7)}` })),
    ms.flatMap((m, i) => (m.month.endsWith('-01') ? [{ x: i, label: m.month.slice(0, 4) }] : [])),
  );
  const mon = (m: { month: string }) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
      Number(m.month.slice(5)) - 1
    ] ?? m.month;
  // The text alternative as a table: each year's low, high and year-end figure.
  const yearsSeen = [...new Set(ms.map((m) => m.month.slice(0, 4)))];
  const rows = yearsSeen.map((y) => {
    const of = ms.filter((m) => m.month.startsWith(y));
    const lo = of.reduce((a, m) => (m.hashpriceUsdPerPhDay < a.hashpriceUsdPerPhDay ? m : a));
    const hi = of.reduce((a, m) => (m.hashpriceUsdPerPhDay > a.hashpriceUsdPerPhDay ? m : a));
    const end = of.at(-1) as (typeof ms)[number];
    return [
      y,
      e(`${hp(lo.hashpriceUsdPerPhDay)} (${mon(lo)})`),
      e(`${hp(hi.hashpriceUsdPerPhDay)} (${mon(hi)})`),
      e(`${hp(end.hashpriceUsdPerPhDay)} (${mon(end)})`),
      e(`$${grouped(end.btcUsd, 0)}`),
      e(`${(end.difficulty / 1e12).toFixed(1)} T`),
    ];
  });
  const how = fromFile
    ? `From the daily data of ${h.sources.join('; ')}: each month's last day with a price, its fees counted where the file gives them.`
    : `From the embedded data: the difficulty in force at each month's end and the height (for the subsidy) from the difficulty epochs, times BTC/USD at the month's close. Fees are not embedded: the figures count the subsidy alone (fees were 0.5% of the reward in the 2026-01 snapshot, more in busy months); give <span class="flag">--data FILE</span> for a file's daily data with fees.`;
  const sourceList = fromFile
    ? ''
    : `<p class="note">Sources: ${h.sources.map((t) => e(t)).join('; ')}. Links: ${h.links.map(link).join(', ')}. Data from ${e(first.date)} to ${e(last.date)}.</p>`;
  return section(
    'history',
    `${figure(chart, `Hashprice = 86,400 s × 10<sup>15</sup> H/s ÷ (difficulty × 2<sup>32</sup>) × (subsidy + fees) × BTC/USD, at each month's last day. ${halvings.length === 1 ? `Dashed vertical line: the halving (about ${e(halvings[0]?.date ?? '')}, dated by block height)` : halvings.length > 1 ? `Dashed vertical lines: the halvings (about ${e(halvings.map((x) => x.date).join(' and '))}, dated by block height)` : 'No halving in the period'}.`)}<p class="note">${fromFile ? e(how) : how}</p>${table(['Year', 'Low (month)', 'High (month)', 'Year end (month)', 'BTC/USD then', 'Difficulty then'], rows)}${sourceList}`,
  );
}

function years(r: BoardReport): string {
  const body = r.project.options
    .map(
      (o) =>
        `<h3>${e(o.label)}</h3>${table(
          ['Year', 'Revenue', 'Opex', 'EBITDA', 'Capex', 'Cash flow', 'Cumulative'],
          o.years.map((y) =>
            [
              String(y.year),
              y.revenueUsd,
              y.opexUsd,
              y.ebitdaUsd,
              y.capexUsd,
              y.cashFlowUsd,
              y.cumulativeCashUsd,
            ].map((v) => (typeof v === 'string' ? v : e(usd(v)))),
          ),
        )}`,
    )
    .join('');
  return section('years', body);
}

function link(url: string): string {
  return /^https?:\/\//.test(url) ? `<a href="${e(url)}">${e(url)}</a>` : e(url);
}

/** A source link that names its site ('hashrateindex.com'): short on screen, followable on paper via the sources. */
function hostLink(url: string): string {
  let host = url;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {}
  return `<a href="${e(url)}">${e(host)}</a>`;
}

function assumptions(r: BoardReport): string {
  const rows = r.sources.map((s) => [
    e(s.id),
    e(s.value),
    e(s.origin),
    `${e(s.basis)}${s.url ? `${s.basis ? ' ' : ''}(source: ${hostLink(s.url)})` : ''}`,
    e(`${s.asOf ?? ''}${s.overdue ? ' (due for refresh)' : ''}`),
  ]);
  // Fixed widths, the basis widest: long ids and values wrap instead of squeezing the basis (in print above all).
  return section(
    'assumptions',
    table(['Input', 'Value', 'Origin', 'Basis', 'Dated'], rows, [0, 3], ['23%', '14%', '10%', '42%', '11%']),
  );
}

function sources(r: BoardReport): string {
  const p = r.project;
  const net = Object.entries(p.network.provenance ?? {}).map(([k, v]) => [
    e(k),
    e(String(v.source)),
    e(String(v.asOf ?? '').slice(0, 10)),
    e(String(v.basis ?? '')),
  ]);
  const linked = r.sources
    .filter((s) => s.links.length > 0)
    .map((s) => [e(s.id), e(s.asOf ?? ''), s.links.map(link).join('<br>')]);
  const h = r.hashpriceHistory;
  const historySources = h
    ? `<h3>Hashprice history</h3><p>${e(h.sources.join('; '))}${h.links.length ? `: ${h.links.map(link).join(', ')}` : ''}. Days ${e(h.months[0]?.date ?? '')} to ${e(h.months.at(-1)?.date ?? '')}.</p>`
    : '';
  return section(
    'sources',
    `<h3>Network data</h3>${table(['Figure', 'Source', 'As of', 'Basis'], net, [3])}${historySources}<h3>Catalog and default figures</h3>${table(['Input', 'Dated', 'Source'], linked, [2])}<p class="note">Report generated ${e(r.generatedAt)} by hashcalc ${e(r.version)}; the projection starts ${e(p.horizon.startDate)}.</p>`,
  );
}

function methods(r: BoardReport): string {
  const p = r.project;
  return section(
    'methods',
    `<h3>Conventions</h3><p>Monthly steps of a twelfth of a 365-day year; each month's cash lands at its end; capex when spent (month 0 is today). NPV discounts month m by (1 + rate)^(-m/12), month 0 undiscounted (numpy-financial). IRR is annualized as (1 + monthly IRR)^12 - 1. Paybacks never count the residual; NPV is shown with and without it. Amounts in US dollars, nominal.</p>
<h3>Model</h3><p>Mining revenue follows the chain simulated by difficulty epochs (Bitcoin Core's retarget rule), so the halving lands on its block (${p.horizon.halvingHeight}); the network's fleets switch off when they stop earning their power and arrive while new machines pay back. The AI lease earns a contracted rent per kW of IT load after its conversion; the GPU cloud rents GPU-hours at a price declining from its quote's date. The verdict is clear only when no decisive driver across its plausible range changes the ranking.</p>
<h3>Not modelled</h3><ul><li>Counterparty and execution risk of a lease or a GPU cloud (tenant default, unsold hours, delays) beyond what utilization, occupancy and the conversion time say.</li><li>Financing beyond the stated loans: no refinancing, revolver, cash sweep or covenant enforcement (a breach is flagged, not acted on).</li><li>Prices beyond the stated growth: no forecast of BTC, fees or power; the halving stays on its schedule in a simulation.</li><li>The site: one power envelope; no demand-response revenue, grid-connection cost, or land and building value beyond the residual.</li><li>Tax beyond the stated rates and rules. The figures are estimates from public sources: check them against the site's own contracts. The full model: hashcalc's docs/model.md.</li></ul>`,
  );
}

/** The whole report as one HTML document. */
export function renderHtmlReport(r: BoardReport): string {
  const p = r.project;
  const title = `${p.site.mw} MW site: mining or AI compute`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title><style>${CSS}</style></head>
<body><main>
<header><h1>${e(title)}</h1><p class="meta">${e(`${p.horizon.years}-year projection from ${p.horizon.startDate}; power at $${p.site.powerUsdPerKwh}/kWh; network data: ${r.networkDates.map((d) => `${d.label} ${d.date}`).join(', ')} (${p.network.source}). Generated ${r.generatedAt.slice(0, 10)} by hashcalc ${r.version}.`)}</p>${r.dataNotes.map((t) => `<p class="data-note">${e(t)}</p>`).join('')}</header>
${decision(r)}
${optionsSection(r)}
${plans(r)}
${cash(r)}
${tornado(r)}
${simulation(r)}
${network(r)}
${history(r)}
${years(r)}
${assumptions(r)}
${sources(r)}
${methods(r)}
</main></body></html>
`;
}
