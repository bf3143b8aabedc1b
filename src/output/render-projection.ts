/** The `project` view: a summary per option, yearly tables, cumulative cash over the months, the decision. */
import { irrText, NA, num, percent, price, usd } from '../report/format.js';
import type { AssumptionReport, ProjectedOptionReport, ProjectReport } from '../report/schemas.js';
import { type Block, type Document, type TableCell, text } from './document.js';
import { provenanceLine } from './render-network.js';

const signed = (value: string, n: number): TableCell =>
  n < 0 ? { text: value, tone: 'bad' } : { text: value };

/** Months as "2 y 4 m" (or "7.5 m" under a year); null reads as the reason. */
function monthsText(months: number | null, beyond: string): string {
  if (months === null) return beyond;
  if (months < 12) return `${months.toFixed(1)} m`;
  const years = Math.floor(months / 12);
  const rest = Math.round(months - years * 12);
  return rest === 12 ? `${years + 1} y` : `${years} y ${rest} m`;
}

/** A payback cell: the months, "beyond N y" past the horizon, else n/a with the note's reason ("no capex"). */
function paybackCell(months: number | null, note: string | null, beyond: string): string {
  if (months !== null || note === null || note.startsWith('not paid back')) return monthsText(months, beyond);
  return `${NA} (${note.split(':')[0]?.trim() || note})`;
}

type Row = [label: string, cell: (o: ProjectedOptionReport) => string | TableCell];

function summaryRows(report: ProjectReport): Row[] {
  const beyond = `beyond ${report.horizon.years} y`;
  return [
    ['NPV', (o) => signed(usd(o.npvUsd), o.npvUsd)],
    ['NPV without residual', (o) => signed(usd(o.npvExResidualUsd), o.npvExResidualUsd)],
    ['Residual (present value)', (o) => usd(o.residualPvUsd)],
    ...(report.options.some((o) => o.years.some((y) => y.taxUsd !== undefined))
      ? [['Tax shield (present value)', (o: ProjectedOptionReport) => usd(o.taxShieldUsd ?? 0)] as Row]
      : []),
    [
      'NPV vs keeping mining',
      (o) => (o.id === 'mining' ? '' : signed(usd(o.npvVsMiningUsd), o.npvVsMiningUsd)),
    ],
    ['IRR (annual)', (o) => irrText(o.irr, o.irrNote)],
    ['Payback', (o) => paybackCell(o.paybackExResidualMonths, o.paybackNote, beyond)],
    [
      'Discounted payback',
      (o) => paybackCell(o.discountedPaybackExResidualMonths, o.discountedPaybackNote ?? null, beyond),
    ],
    ['Total cash', (o) => signed(usd(o.totalCashUsd), o.totalCashUsd)],
    ['Peak funding need', (o) => usd(o.peakFundingUsd)],
    ['Capex', (o) => usd(o.capexUsd)],
    ['Residual at horizon', (o) => usd(o.residualUsd)],
    [
      'Miners sold',
      (o) => (o.minersSoldMonth === null ? (o.id === 'mining' ? 'held' : '') : `month ${o.minersSoldMonth}`),
    ],
    ['Go-live', (o) => (o.goLiveMonth === null ? '' : `month ${o.goLiveMonth}`)],
    ['Months curtailed', (o) => String(o.curtailedMonths)],
    ...debtRows(report),
  ];
}

/** With a loan (--debt-share): the loan, equity's NPV and IRR, the lowest yearly DSCR; none without one. */
function debtRows(report: ProjectReport): Row[] {
  if (!report.options.some((o) => o.debt)) return [];
  const loan = (o: ProjectedOptionReport) => (o.debt && o.debt.amountUsd > 0 ? o.debt : null);
  return [
    ['Loan', (o) => (loan(o) ? `${usd(o.debt?.amountUsd ?? 0)} (${percent(o.debt?.share ?? 0)})` : 'none')],
    [
      'Equity NPV',
      (o) => {
        const d = loan(o);
        return d ? signed(usd(d.equityNpvUsd), d.equityNpvUsd) : '';
      },
    ],
    ['Equity IRR', (o) => (loan(o) ? irrText(o.debt?.equityIrr ?? null, o.debt?.equityIrrNote ?? null) : '')],
    [
      'Min DSCR',
      (o) => {
        const d = loan(o);
        if (!d) return '';
        if (d.minDscr === null) return `${NA} (no service in horizon)`;
        const shown = `${d.minDscr.toFixed(2)}x`;
        return d.covenantBreached ? { text: `${shown} < ${d.dscrCovenant}x`, tone: 'bad' } : shown;
      },
    ],
  ];
}

/** The loan's terms, when there is one. */
function debtLine(report: ProjectReport): string[] {
  const a = report.assumptionSources;
  if (!report.options.some((o) => o.debt)) return [];
  const pct = (v: number) => percent(v);
  const rate = a.debtReference
    ? `${mark(a.debtReference, pct)} + ${mark(a.debtSpread, pct)}`
    : mark(a.debtRate, pct);
  return [
    `Debt: ${rate}/yr nominal (monthly /12), fee ${mark(a.debtFee, pct)}, ${mark(a.debtAmortization)} over ${mark(a.debtTermYears)} y after ${mark(a.debtGraceMonths)} months of grace from go-live, interest in the build ${mark(a.interestDuringConstruction)}; equity at ${mark(a.costOfEquity, pct)}; DSCR = (EBITDA - tax) / debt service per year, covenant ${mark(a.dscrCovenant)}x; a balance left at the horizon repaid from its cash`,
  ];
}

function yearlyTable(o: ProjectedOptionReport): Block[] {
  // Tax columns only when taxed: today's pre-tax table unchanged.
  const taxed = o.years.some((y) => y.taxUsd !== undefined);
  const us = o.years.some((y) => y.taxDepreciationUsd !== undefined);
  return [
    text(`${o.label}, by year (USD; year 1 includes today's capex; the last year the residual value)`),
    {
      kind: 'table',
      head: [
        'Year',
        'Revenue',
        'Opex',
        'EBITDA',
        'Depr.',
        ...(us ? ['Tax depr.'] : []),
        ...(taxed ? ['Tax'] : []),
        'Capex',
        'Cash flow',
        'Cumulative',
      ],
      rows: o.years.map((y) => [
        `Year ${y.year}`,
        usd(y.revenueUsd),
        usd(y.opexUsd),
        signed(usd(y.ebitdaUsd), y.ebitdaUsd),
        usd(y.depreciationUsd),
        ...(us ? [usd(y.taxDepreciationUsd ?? 0)] : []),
        ...(taxed ? [usd(y.taxUsd ?? 0)] : []),
        usd(y.capexUsd),
        signed(usd(y.cashFlowUsd), y.cashFlowUsd),
        signed(usd(y.cumulativeCashUsd), y.cumulativeCashUsd),
      ]),
      stack: 'rows',
    },
  ];
}

function mark(a: AssumptionReport | undefined, show: (v: number) => string = String): string {
  if (!a) return NA;
  const shown = typeof a.value === 'number' ? show(a.value) : String(a.value);
  return `${shown}${a.origin === 'default' ? '*' : ''}${a.overdue ? '!' : ''}`;
}

/** The tax line: pre-tax (said), the flat rate, or the US model's settings. */
function taxText(report: ProjectReport): string {
  const a = report.assumptionSources;
  const pct = (v: number) => percent(v);
  if (a.tax?.value === 'us')
    return `US: federal ${mark(a.taxRate, pct)} + state ${mark(a.stateTaxRate, pct)} (deductible) on each 12-month tax year, MACRS (miners, GPUs 5-year; fit-out ${mark(a.fitOutClasses)}, half-year / 39-year mid-month), bonus ${mark(a.bonusDepreciation, (v) => pct(v))}, NOLs carried forward up to ${mark(a.nolLimit, pct)} of income; NPV and IRR after tax`;
  const rate = a.taxRate?.value;
  return typeof rate === 'number' && rate > 0
    ? `${mark(a.taxRate, pct)} on positive EBIT month by month (NPV and IRR after tax)`
    : `${mark(a.taxRate, pct)} (pre-tax; --tax us for the US model)`;
}

function assumptionLines(report: ProjectReport): string[] {
  const a = report.assumptionSources;
  const pct = (v: number) => percent(v);
  return [
    `Horizon ${mark(a.years)} years from ${report.horizon.startDate}, discount rate ${mark(a.discountRate, pct)}, tax ${taxText(report)}, residual ${mark(a.residual)}${a.residual?.value === 'economic' ? ` (lease: the rest of its term; GPUs, miners: resale; shell ${mark(a.salvageUsdPerMwIt, (v) => usd(v))}/MW IT)` : ''}; payback without the residual`,
    `Chain: network ${a.network?.value === 'trend' ? `trend, difficulty growth ${mark(a.difficultyGrowthPerMonth, pct)}/month${a.network.origin === 'default' ? ' (selected by --difficulty-growth)' : ''}` : `${mark(a.network)} (fleets switch off below their power cost, deploy while new machines pay back; npm run backtest)`}, BTC ${mark(a.btcGrowthPerYear, pct)}/yr, fees ${mark(a.feesGrowthPerYear, pct)}/yr; next halving at block ${num(report.horizon.halvingHeight)}${report.horizon.halvingDate ? ` ~${report.horizon.halvingDate}` : ' (beyond the horizon)'}`,
    `Mining: ${mark(a.fleet)} fleet ${mark(a.fleetOwnership)}, life ${mark(a.minerLifeYears)} y from its model year then ${mark(a.minerEnd)} if a new fleet pays, used ${mark(a.minerResaleUsdPerTh, (v) => `$${price(v)}`)}/TH today (moving with the hashprice); curtailed in months it loses money, sold when selling is worth more`,
    `Conversion: go-live after ${mark(a.conversionMonths)} months (fit-out spread over them; the site ${a.idleDuringBuild?.value ? 'idle' : 'mining'} meanwhile), ramp ${mark(a.rampMonths)} months`,
    `AI lease: ${mark(a.leaseUsdPerKwMonth, (v) => `$${price(v)}`)}/kW-month, escalator ${mark(a.leaseEscalatorPerYear, pct)}/yr, term ${mark(a.leaseTermYears)} y; fit-out life ${mark(a.fitOutLifeYears)} y`,
    `GPU cloud: ${mark(a.gpu)} at ${mark(a.gpuUsdPerHour, (v) => `$${price(v)}`)}/GPU-h${report.gpuPrices ? ` (quote of ${report.gpuPrices.rentQuoteDate ?? 'today'}; $${price(report.gpuPrices.rentAtGoLiveUsdPerGpuHour)} at go-live)` : ''}, rent and price decline ${mark(a.gpuPriceDeclinePerYear, pct)}/yr, life ${mark(a.gpuLifeYears)} y (then today's equivalent at today's quote)`,
    ...valueLines(report),
    ...debtLine(report),
    '* default (see --help; --json lists every input with its basis); ! its source is past its refresh cadence (hashcalc catalog --stale)',
  ];
}

/** Each option's own discount rate (when one was given) and the sale (when there is one). */
function valueLines(report: ProjectReport): string[] {
  const lines: string[] = [];
  const rated = report.options.filter((o) => o.annualDiscountRate !== undefined);
  if (rated.some((o) => o.annualDiscountRate !== report.assumptions.discountRate))
    lines.push(
      `Discount rates by option: ${rated.map((o) => `${o.label} ${percent(o.annualDiscountRate as number)}`).join(', ')}`,
    );
  const sale = report.options.find((o) => o.id === 'sell');
  if (sale)
    lines.push(
      `Sale: the site with its miners for ${usd(sale.saleUsd)} (--sell-per-mw ${mark(report.assumptionSources.sellPerMw)} per MW of grid power) at month ${sale.saleMonth ?? 0}, mining until then`,
    );
  return lines;
}

/**
 * The BTC breakeven with today's hashprice at that price: what hashprice would be today at that BTC price,
 * not a hashprice that would hold over the horizon.
 */
function btcBreakeven(b: NonNullable<ProjectedOptionReport['breakevenVsMining']>): string {
  if (b.btcUsd === null) return `BTC ${NA}`;
  const hashprice = b.hashpriceUsdPerPhDay === null ? NA : `${usd(b.hashpriceUsdPerPhDay)}/PH/day`;
  return `BTC ${usd(b.btcUsd)} (today's hashprice at that BTC price: ${hashprice})`;
}

function breakevenLines(report: ProjectReport): string[] {
  const lines: string[] = [];
  for (const o of report.options) {
    const b = o.breakevenVsMining;
    if (!b) continue;
    const own =
      o.id === 'ai-lease'
        ? `lease ${b.leaseUsdPerKwMonth == null ? NA : `$${price(b.leaseUsdPerKwMonth)}/kW-month`}`
        : `GPU-hour ${b.gpuUsdPerHour == null ? NA : `$${price(b.gpuUsdPerHour)}`}`;
    lines.push(
      `${o.label} = keeping mining (NPV) at: ${own}, ${btcBreakeven(b)}, power ${b.powerUsdPerKwh === null ? NA : `$${price(b.powerUsdPerKwh)}/kWh`}`,
    );
  }
  return lines;
}

type Simulation = NonNullable<ProjectReport['simulation']>;

const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One option's NPV quantiles on a shared axis: ─ p5 to p95, █ p25 to p75, │ the median. */
function boxLine(
  npv: Simulation['options'][number]['npvUsd'],
  col: (x: number) => number,
  width: number,
): string {
  const cells = Array.from({ length: width }, () => ' ');
  for (let c = col(npv.p5); c <= col(npv.p95); c++) cells[c] = '─';
  for (let c = col(npv.p25); c <= col(npv.p75); c++) cells[c] = '█';
  cells[col(npv.p50)] = '│';
  return cells.join('').trimEnd();
}

function simulationBlocks(report: ProjectReport, width: number): Block[] {
  const sim = report.simulation;
  if (!sim) return [];
  const label = (id: string) => report.options.find((o) => o.id === id)?.label ?? id;
  const m = sim.model;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: [string, (o: Simulation['options'][number]) => string | TableCell][] = [
    ['NPV mean', (o) => signed(usd(o.npvUsd.mean), o.npvUsd.mean)],
    ['  standard error', (o) => usd(o.npvUsd.standardError)],
    ['NPV p5', (o) => signed(usd(o.npvUsd.p5), o.npvUsd.p5)],
    ['NPV p25', (o) => signed(usd(o.npvUsd.p25), o.npvUsd.p25)],
    ['NPV median', (o) => signed(usd(o.npvUsd.p50), o.npvUsd.p50)],
    ['NPV p75', (o) => signed(usd(o.npvUsd.p75), o.npvUsd.p75)],
    ['NPV p95', (o) => signed(usd(o.npvUsd.p95), o.npvUsd.p95)],
    ['P(beats keeping mining)', (o) => (o.id === 'mining' ? '' : pct(o.probabilityBeatsMining))],
    ['P(never pays back)', (o) => pct(o.probabilityNoPayback)],
    ...(sim.options.some((o) => o.probabilityDscrBelowOne !== undefined)
      ? ([
          [
            'P(min DSCR < 1.0)',
            (o) => (o.probabilityDscrBelowOne === undefined ? '' : pct(o.probabilityDscrBelowOne)),
          ],
          [
            'P(min DSCR < covenant)',
            (o) => (o.probabilityDscrBelowCovenant === undefined ? '' : pct(o.probabilityDscrBelowCovenant)),
          ],
        ] as typeof rows)
      : []),
  ];
  const names = sim.options.map((o) => label(o.id));
  const nameWidth = Math.max(...names.map((n) => n.length));
  const axisWidth = Math.max(20, Math.min(80, width - nameWidth - 2));
  const lo = Math.min(...sim.options.map((o) => o.npvUsd.p5));
  const hi = Math.max(...sim.options.map((o) => o.npvUsd.p95));
  const span = hi - lo || 1;
  const col = (x: number) =>
    Math.min(axisWidth - 1, Math.max(0, Math.round(((x - lo) / span) * (axisWidth - 1))));
  const boxes = sim.options.map(
    (o, k) => `${(names[k] as string).padEnd(nameWidth)}  ${boxLine(o.npvUsd, col, axisWidth)}`,
  );
  const axis = `${' '.repeat(nameWidth + 2)}${usd(lo)}${' '.repeat(Math.max(1, axisWidth - usd(lo).length - usd(hi).length))}${usd(hi)}`;
  const lefts = sim.options.map((o) => usd(o.histogram.binEdgesUsd[0]));
  const leftWidth = Math.max(...lefts.map((l) => l.length));
  const rights = sim.options.map((o) => usd(o.histogram.binEdgesUsd.at(-1)));
  const room = width - nameWidth - leftWidth - Math.max(...rights.map((r) => r.length)) - 4;
  const sparks = sim.options.map((o, k) => {
    // Adjacent bins merged when the terminal is narrower than the bins.
    const group = Math.max(1, Math.ceil(o.histogram.counts.length / Math.max(1, room)));
    const counts: number[] = [];
    o.histogram.counts.forEach((c, i) => {
      const j = Math.floor(i / group);
      counts[j] = (counts[j] ?? 0) + c;
    });
    const top = Math.max(...counts, 1);
    const bars = counts
      .map((c) => (c === 0 ? ' ' : (SPARK[Math.min(7, Math.floor((c / top) * 7.999))] as string)))
      .join('');
    return `${(names[k] as string).padEnd(nameWidth)}  ${(lefts[k] as string).padStart(leftWidth)} ${bars} ${rights[k]}`;
  });
  const btc = sim.btcUsdAtHorizon;
  return [
    text(
      `Monte Carlo: ${num(sim.paths)} paths, seed ${sim.seed}: BTC vol ${percent(m.btcVolPerYear)}/yr, --btc-growth its ${m.btcDrift ?? 'mean'} path (--btc-drift), difficulty vol ${percent(m.difficultyVolPerYear)}/yr (correlation with BTC ${m.difficultyBtcCorrelation}), GPU rent vol ${percent(m.gpuPriceVolPerYear)}/yr`,
      'heading',
    ),
    {
      kind: 'table',
      head: ['', ...names],
      rows: rows.map(([name, cell]) => [name, ...sim.options.map(cell)]),
      stack: 'columns',
    },
    text('NPV over the paths, one axis: ─ p5 to p95, █ p25 to p75, │ median'),
    { kind: 'pre', lines: [...boxes, axis] },
    text('Histograms of NPV, each option from its 1st to its 99th percentile:'),
    { kind: 'pre', lines: sparks },
    text(
      `BTC at the horizon: median ${usd(btc.p50)}, p5 ${usd(btc.p5)}, p95 ${usd(btc.p95)}, mean ${usd(btc.mean)}; quantiles within 0.1% (fixed-memory sketch; --json says how)`,
      'dim',
    ),
  ];
}

export function projectDocument(report: ProjectReport, width = 100): Document {
  // A plan (--plan) is shown beside the options: its figures are an option's.
  const options: ProjectedOptionReport[] = report.plan
    ? [...report.options, report.plan as unknown as ProjectedOptionReport]
    : report.options;
  const blocks: Block[] = [
    text(`${report.site.mw} MW site over ${report.horizon.years} years`, 'heading'),
    ...(report.plan ? [text(`Plan: ${report.plan.text}`)] : []),
    {
      kind: 'table',
      head: ['', ...options.map((o) => o.label)],
      rows: summaryRows(report).map(([label, cell]) => [label, ...options.map(cell)]),
      stack: 'columns',
    },
    ...options.flatMap(yearlyTable),
    {
      kind: 'chart',
      title: 'Cumulative cash by month',
      series: options.map((o) => ({ label: o.label, values: o.months.map((m) => m.cumulativeCashUsd) })),
      marks:
        report.horizon.halvingMonth === null
          ? []
          : [
              {
                index: Math.round(report.horizon.halvingMonth),
                label: `halving ~${report.horizon.halvingDate}`,
              },
            ],
      xLabels: [report.horizon.startDate, options[0]?.months.at(-1)?.date ?? ''],
    },
    ...breakevenLines(report).map((line) => text(line)),
    ...simulationBlocks(report, width),
    ...assumptionLines(report).map((line) => text(line, 'dim')),
    text(provenanceLine(report.network, Date.parse(report.horizon.startDate)), 'dim'),
  ];
  if (report.networkCarriedForward) {
    const c = report.networkCarriedForward;
    blocks.push(
      text(
        `Network data of ${c.fromAsOf.slice(0, 10)} carried to today: +${num(c.blocksAdded)} blocks at 600 s to height ${num(c.heightBlocks)}; difficulty, price and fees as of then`,
        'dim',
      ),
    );
  }
  blocks.push(text(report.verdict.text, 'good'));
  const sim = report.simulation;
  if (sim) {
    const label = (id: string) => report.options.find((o) => o.id === id)?.label ?? id;
    const bestMean = [...sim.options].sort((a, b) => b.npvUsd.mean - a.npvUsd.mean)[0];
    const chances = sim.options
      .filter((o) => o.id !== 'mining')
      .map(
        (o) =>
          `${o.id === 'sell' ? 'selling the site' : `the ${label(o.id)}`} beats keeping mining on ${(o.probabilityBeatsMining * 100).toFixed(1)}%`,
      )
      .join(', ');
    const best =
      bestMean === undefined
        ? ''
        : `; the highest mean NPV: ${bestMean.id === 'mining' ? 'keeping mining' : bestMean.id === 'sell' ? 'selling the site' : `the ${label(bestMean.id)}`} (${usd(bestMean.npvUsd.mean)})`;
    blocks.push(text(`Over ${num(sim.paths)} simulated paths: ${chances}${best}`, 'good'));
  }
  return { blocks };
}
