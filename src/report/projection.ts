/**
 * The `project` document: per option the summary (NPV, IRR, paybacks, cash, funding, capex), the yearly and
 * monthly series, the breakevens against keeping mining, and the decision. Pure; types are the schema's.
 */
import type { BreakevensVsMining } from '../core/breakeven.js';
import { dateOf } from '../core/history.js';
import type { OptionProjection, PlanProjection, SiteProjection } from '../core/projection/index.js';
import type { OptionId } from '../core/units.js';
import type { Assumptions } from '../inputs/resolve.js';
import type { NetworkData } from '../site/network.js';
import type { DecisionFlip, SiteProjectionResult, SiteRobustness } from '../site/projection.js';
import { debtMonth, debtReport } from './debt.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import { price, usd } from './format.js';
import { withSourceFreshness } from './freshness.js';
import { OPTION_LABELS, optionName } from './labels.js';
import { networkAssumptions, networkReport } from './network.js';
import type {
  BreakevenVsMiningReport,
  ProjectedOptionReport,
  ProjectedPlanReport,
  ProjectReport,
  SimulationReport,
} from './schemas.js';
import { robustFields, robustText } from './verdict.js';

export const MONTH_MS = (365 / 12) * 86_400_000;

/** The GPU prices' dates and what they come to at go-live (the quote carried by the decline). */
export function gpuPricesAtGoLive(result: SiteProjectionResult): NonNullable<ProjectReport['gpuPrices']> {
  const { inputs } = result;
  const goLive = Math.min(inputs.conversionMonths, result.projection.months);
  const carried = (ageMonths: number) => (1 - inputs.gpuPriceDeclinePerYear) ** ((ageMonths + goLive) / 12);
  return {
    rentQuoteDate: result.gpuQuoteDates.rent,
    capexQuoteDate: result.gpuQuoteDates.capex,
    rentAtGoLiveUsdPerGpuHour: inputs.gpu.gpuUsdPerHour * carried(inputs.gpuRentQuoteAgeMonths),
    capexAtGoLiveUsdPerGpu: inputs.gpu.capexUsdPerGpu * carried(inputs.gpuCapexQuoteAgeMonths),
  };
}

export interface ProjectContext {
  network: NetworkData;
  carriedForward: ProjectReport['networkCarriedForward'];
  site: ProjectReport['site'];
  assumptions: Assumptions;
  years: number;
  /** Unix ms the projection starts (today, or --start's 1st). */
  startMs: number;
  /** --start's month, or null (today). */
  startMonth?: string | null;
  priceDeck?: ProjectReport['priceDeck'];
  gpuPrices?: ProjectReport['gpuPrices'];
  /** --plan: the plan's projection, reported beside the options. */
  plan?: PlanProjection | null;
}

/** A plan in words: each tranche's option, MW and go-live, and the MW left mining. */
export function planText(
  tranches: readonly { option: 'ai-lease' | 'gpu-cloud'; mw: number; goLiveMonth: number }[],
  siteMw: number,
): string {
  const converted = tranches.reduce((sum, t) => sum + t.mw, 0);
  const parts = tranches.map(
    (t) => `${OPTION_LABELS[t.option]} ${mwText(t.mw)} MW live month ${t.goLiveMonth}`,
  );
  const rest = siteMw - converted;
  return rest > 1e-9 * siteMw ? `${parts.join(', ')}, ${mwText(rest)} MW mining` : parts.join(', ');
}

const mwText = (mw: number) => String(Math.round(mw * 10) / 10);

/** The --plan value that gives a plan (MW to 0.1). */
export function planFlag(
  tranches: readonly { option: 'ai-lease' | 'gpu-cloud'; mw: number; goLiveMonth: number }[],
): string {
  return tranches
    .map((t) => `${t.option === 'ai-lease' ? 'lease' : 'gpu'}:${mwText(t.mw)}@${t.goLiveMonth}`)
    .join(',');
}

/** The plan's report: the option figures (reportOf) with its id, label, tranches and what keeps mining. */
function planReport(
  plan: PlanProjection,
  reportOf: (o: OptionProjection) => ProjectedOptionReport,
  siteMw: number,
): ProjectedPlanReport {
  // The plan's figures are an option's (its id aside): the same report, no breakevens, no loan.
  const base = reportOf({ ...plan, id: 'mining', debt: null });
  const converted = plan.tranches.reduce((sum, t) => sum + t.mw, 0);
  return {
    ...base,
    id: 'plan',
    label: 'Plan',
    text: planText(plan.tranches, siteMw),
    planFlag: planFlag(plan.tranches),
    tranches: plan.tranches.map((t) => ({
      optionId: t.option,
      mw: t.mw,
      share: t.mw / siteMw,
      goLiveMonth: t.goLiveMonth,
    })),
    miningMw: Math.max(0, siteMw - converted),
    heightNote: null,
    months: base.months.map((m) => ({ ...m, ...NO_NETWORK })),
  };
}

/** The plan against keeping mining, for the verdict's text. */
function planVerdict(plan: ProjectedPlanReport): string {
  const vs = plan.npvVsMiningUsd;
  return `the plan (${plan.text}) ${usd(plan.npvUsd)}, ${usd(Math.abs(vs))} ${vs >= 0 ? 'more' : 'less'} than keeping mining`;
}

const isoDay = dateOf;

function breakevenReport(b: BreakevensVsMining): BreakevenVsMiningReport {
  const notes: Record<string, string> = {};
  const value = (name: string, x: { value: number | null; note: string | null } | undefined) => {
    if (x?.note) notes[name] = x.note;
    return x?.value ?? null;
  };
  return {
    btcUsd: value('btcUsd', b.btcUsd),
    hashpriceUsdPerPhDay: value('hashpriceUsdPerPhDay', b.hashpriceUsdPerPhDay),
    powerUsdPerKwh: value('powerUsdPerKwh', b.powerUsdPerKwh),
    ...(b.leaseUsdPerKwMonth
      ? { leaseUsdPerKwMonth: value('leaseUsdPerKwMonth', b.leaseUsdPerKwMonth) }
      : {}),
    ...(b.gpuUsdPerHour ? { gpuUsdPerHour: value('gpuUsdPerHour', b.gpuUsdPerHour) } : {}),
    notes,
  };
}

/**
 * A payback and why it is null. The core's payback is 0 when cumulative cash is never negative; there is
 * nothing to pay back then, so the figure is null (never 0) with that reason.
 */
function payback(
  months: number | null,
  capexUsd: number,
  beyond: string,
): { months: number | null; note: string | null } {
  if (capexUsd === 0)
    return { months: null, note: 'no capex: cumulative cash is never negative, nothing to pay back' };
  if (months === null) return { months, note: beyond };
  if (months > 0) return { months, note: null };
  return {
    months: null,
    note:
      capexUsd > 0
        ? "never negative: the option's own cash pays its outlays, nothing to pay back"
        : 'no capex: cumulative cash is never negative, nothing to pay back',
  };
}

/** How the residual was valued, for the document and the footer. */
export const RESIDUAL_METHODS = {
  economic:
    'economic: an AI lease the present value of the rest of its signed term (no renewal), GPUs and miners their resale value then, a shell with no contract its salvage value',
  book: 'book: the undepreciated cost of what is held',
  none: 'none: nothing is counted at the horizon',
} as const;

function yearsOf(
  o: OptionProjection,
  years: number,
  taxed: boolean,
  us: boolean,
): ProjectedOptionReport['years'] {
  const out: ProjectedOptionReport['years'] = Array.from({ length: years }, (_, k) => ({
    year: k + 1,
    revenueUsd: 0,
    opexUsd: 0,
    ebitdaUsd: 0,
    depreciationUsd: 0,
    ebitUsd: 0,
    capexUsd: 0,
    cashFlowUsd: 0,
    cumulativeCashUsd: 0,
    ...(taxed ? { taxUsd: 0 } : {}),
    ...(us ? { taxDepreciationUsd: 0 } : {}),
  }));
  // One pass over the months, in order: year 1 takes month 0 (today's capex) and months 1-12.
  for (const m of o.months) {
    const y = out[Math.max(0, Math.ceil(m.month / 12) - 1)];
    if (!y) continue;
    y.revenueUsd += m.revenueUsd;
    y.opexUsd += m.opexUsd;
    y.ebitdaUsd += m.ebitdaUsd;
    y.depreciationUsd += m.depreciationUsd;
    y.ebitUsd += m.ebitUsd;
    if (y.taxUsd !== undefined) y.taxUsd += m.taxUsd;
    if (y.taxDepreciationUsd !== undefined) y.taxDepreciationUsd += m.taxDepreciationUsd ?? 0;
    y.capexUsd += m.capexUsd;
    y.cashFlowUsd += m.cashFlowUsd;
    y.cumulativeCashUsd = m.cumulativeCashUsd;
  }
  return out;
}

/** A breakeven of the best AI option's own price against the next best AI option (when both are AI). */
export type FlipBetween = Pick<DecisionFlip, 'id' | 'versus' | 'value'>;

/** The input that would flip the decision, and its breakeven. */
function flipOf(
  best: ProjectedOptionReport,
  others: readonly ProjectedOptionReport[],
  current: { btcUsd: number; leaseUsdPerKwMonth: number; gpuUsdPerHour: number },
  between: FlipBetween | null,
): ProjectReport['verdict']['flip'] {
  if (between && between.id === best.id) {
    if (between.value === null) return null;
    return between.id === 'ai-lease'
      ? {
          input: 'leaseUsdPerKwMonth',
          value: between.value,
          current: current.leaseUsdPerKwMonth,
          unit: 'USD per kW-month',
        }
      : {
          input: 'gpuUsdPerHour',
          value: between.value,
          current: current.gpuUsdPerHour,
          unit: 'USD per GPU-hour',
        };
  }
  const ai =
    best.id === 'mining'
      ? [...others].sort((a, b) => b.npvUsd - a.npvUsd).find((o) => o.id !== 'mining')
      : best;
  const b = ai?.breakevenVsMining;
  if (!ai || !b) return null;
  if (ai.id === 'ai-lease' && typeof b.leaseUsdPerKwMonth === 'number')
    return {
      input: 'leaseUsdPerKwMonth',
      value: b.leaseUsdPerKwMonth,
      current: current.leaseUsdPerKwMonth,
      unit: 'USD per kW-month',
    };
  if (ai.id === 'gpu-cloud' && typeof b.gpuUsdPerHour === 'number')
    return {
      input: 'gpuUsdPerHour',
      value: b.gpuUsdPerHour,
      current: current.gpuUsdPerHour,
      unit: 'USD per GPU-hour',
    };
  if (typeof b.btcUsd === 'number')
    return { input: 'btcUsd', value: b.btcUsd, current: current.btcUsd, unit: 'USD' };
  return null;
}

/** Who wins past the breakeven: the runner-up, in every case (the flip is always against it). */
function flipWinner(runnerUp: ProjectedOptionReport): string {
  return runnerUp.id === 'mining' ? 'keeping mining' : `the ${runnerUp.label}`;
}

function flipText(flip: NonNullable<ProjectReport['verdict']['flip']>, to: string): string {
  const direction = flip.value > flip.current ? 'rises above' : 'falls below';
  const show =
    flip.input === 'btcUsd'
      ? (n: number) => usd(n)
      : flip.input === 'gpuUsdPerHour'
        ? (n: number) => `$${price(n)}/GPU-h`
        : (n: number) => `$${price(n)}/kW-month`;
  const what =
    flip.input === 'btcUsd'
      ? 'BTC'
      : flip.input === 'gpuUsdPerHour'
        ? 'the GPU-hour price'
        : 'the lease rate';
  return `${to} wins if ${what} ${direction} ${show(flip.value)} (now ${show(flip.current)})`;
}

const NO_NETWORK = { difficulty: null, networkHashrateEhs: null, hashpriceUsdPerPhDay: null };

export function projectReport(
  context: ProjectContext,
  projection: SiteProjection,
  breakevens: Partial<Record<OptionId, BreakevensVsMining>>,
  between: FlipBetween | null,
  current: { btcUsd: number; leaseUsdPerKwMonth: number; gpuUsdPerHour: number },
  robustness: SiteRobustness,
  simulation?: SimulationReport,
): ProjectReport {
  const mining = projection.options.find((o) => o.id === 'mining') as OptionProjection;
  // Every option has the same months: each month's date once, not once per option.
  const dates = Array.from({ length: projection.months + 1 }, (_, m) =>
    isoDay(context.startMs + m * MONTH_MS),
  );
  // The network each month, for mining's months (month 0: today's; an AI option runs no chain: null).
  const chainMonths = projection.chain.months;
  const firstChain = chainMonths[0];
  const networkAt = (m: number) => {
    const c = chainMonths[m - 1];
    if (m === 0 && firstChain)
      return {
        difficulty: context.network.snapshot.difficulty.value,
        networkHashrateEhs: context.network.figures.impliedHashrateEhs,
        hashpriceUsdPerPhDay: projection.hashpriceUsdPerPhDayToday,
      };
    return c
      ? {
          difficulty: c.difficulty,
          networkHashrateEhs: c.networkHashrateEhs,
          hashpriceUsdPerPhDay: c.hashpriceUsdPerPhDay,
        }
      : NO_NETWORK;
  };
  const us = context.assumptions.tax?.value === 'us';
  const taxed = us || Number(context.assumptions.taxRate?.value ?? 0) > 0;
  const reportOf = (o: OptionProjection): ProjectedOptionReport => {
    const b = breakevens[o.id];
    // Payback never counts the residual value (paybackMonths and discountedPaybackMonths, deprecated, do).
    const notCounted = '(the residual value is not counted)';
    const simple = payback(
      o.paybackMonths,
      o.capexUsd,
      `not paid back within ${context.years} years ${notCounted}`,
    );
    const discounted = payback(
      o.discountedPaybackMonths,
      o.capexUsd,
      `not paid back within ${context.years} years once cash flows are discounted at the discount rate ${notCounted}`,
    );
    const counting = payback(o.paybackCountingResidualMonths, o.capexUsd, '');
    const countingDiscounted = payback(o.discountedPaybackCountingResidualMonths, o.capexUsd, '');
    return {
      id: o.id,
      label: OPTION_LABELS[o.id],
      npvUsd: o.npvUsd,
      npvVsMiningUsd: o.npvUsd - mining.npvUsd,
      irr: o.irr,
      irrNote: o.irrNote,
      taxShieldUsd: o.taxShieldUsd,
      npvExResidualUsd: o.npvExResidualUsd,
      residualPvUsd: o.residualPvUsd,
      paybackMonths: counting.months,
      discountedPaybackMonths: countingDiscounted.months,
      paybackExResidualMonths: simple.months,
      discountedPaybackExResidualMonths: discounted.months,
      discountedPaybackNote: discounted.note,
      paybackNote: simple.note,
      totalCashUsd: o.totalCashUsd,
      peakFundingUsd: o.peakFundingUsd,
      capexUsd: o.capexUsd,
      residualUsd: o.residualUsd,
      minersSoldMonth: o.minersSoldMonth,
      fleetPurchases: o.fleetPurchases,
      curtailedMonths: o.curtailedMonths,
      energyUsd: o.energyUsd,
      gridChargesUsd: o.gridChargesUsd,
      goLiveMonth: o.goLiveMonth,
      annualDiscountRate: o.annualDiscountRate,
      ...(o.saleMonth !== null ? { saleMonth: o.saleMonth } : {}),
      ...(o.saleUsd !== null ? { saleUsd: o.saleUsd } : {}),
      ...(b ? { breakevenVsMining: breakevenReport(b) } : {}),
      heightNote: o.months.some((m) => m.heightBlocks === null)
        ? o.id === 'mining'
          ? 'a month has no expected height'
          : o.id === 'sell'
            ? 'a sale mines until it: months[].heightBlocks is null after'
            : 'an AI option runs no chain: months[].heightBlocks is for mining only'
        : null,
      debt: o.debt ? debtReport(o.debt) : null,
      years: yearsOf(o, context.years, taxed, us),
      months: o.months.map((m) => ({
        month: m.month,
        date: dates[m.month] ?? isoDay(context.startMs + m.month * MONTH_MS),
        heightBlocks: m.heightBlocks,
        revenueUsd: m.revenueUsd,
        opexUsd: m.opexUsd,
        ebitdaUsd: m.ebitdaUsd,
        depreciationUsd: m.depreciationUsd,
        ebitUsd: m.ebitUsd,
        taxUsd: m.taxUsd,
        ...(m.taxDepreciationUsd === undefined
          ? {}
          : {
              taxDepreciationUsd: m.taxDepreciationUsd,
              nolBalanceUsd: m.nolBalanceUsd ?? 0,
              taxableGainUsd: m.taxableGainUsd ?? 0,
            }),
        capexUsd: m.capexUsd,
        otherCashUsd: m.otherCashUsd,
        cashFlowUsd: m.cashFlowUsd,
        cumulativeCashUsd: m.cumulativeCashUsd,
        curtailed: m.curtailed,
        ...(o.id === 'mining' || (o.id === 'sell' && m.heightBlocks !== null)
          ? networkAt(m.month)
          : NO_NETWORK),
        ...(o.debt ? debtMonth(o.debt, m.month) : {}),
      })),
    };
  };
  const options: ProjectedOptionReport[] = projection.options.map(reportOf);
  const plan = context.plan ? planReport(context.plan, reportOf, context.site.mw) : undefined;
  const ranked = [...options].sort((a, b) => b.npvUsd - a.npvUsd);
  const best = ranked[0] as ProjectedOptionReport;
  const runnerUp = ranked[1] as ProjectedOptionReport;
  const flip = flipOf(best, options, current, between);
  const margin = best.npvUsd - runnerUp.npvUsd;
  const Best = optionName(best.id).replace(/^./, (c) => c.toUpperCase());
  const head =
    best.id === 'mining'
      ? `Keeping mining has the highest NPV over ${context.years} years: ${usd(best.npvUsd)}, ${usd(margin)} more than ${optionName(runnerUp.id)} (${usd(runnerUp.npvUsd)})`
      : `${Best} has the highest NPV over ${context.years} years: ${usd(best.npvUsd)}, ${usd(best.npvVsMiningUsd)} more than keeping mining (${usd(mining.npvUsd)})${runnerUp.id !== 'mining' ? `; ${optionName(runnerUp.id)} ${usd(runnerUp.npvUsd)}` : ''}`;
  const halving = projection.chain.halvingMonth;
  const leaning = residualLeaning(options);
  // With a simulation: the share of its paths on which the first beats the second.
  const simulatedShareFirst = simulation?.options.find((o) => o.id === best.id)?.probabilityBeats?.[
    runnerUp.id
  ];
  const robust = robustFields(robustness, simulatedShareFirst);
  const text = robustText(
    robust,
    { best: best.id, runnerUp: runnerUp.id, marginUsd: margin, years: context.years },
    flip ? `${head}; ${flipText(flip, flipWinner(runnerUp))}` : head,
  );
  return {
    schemaVersion: DOCUMENT_VERSIONS.project,
    command: 'project',
    network: networkReport(context.network),
    networkCarriedForward: context.carriedForward,
    site: context.site,
    horizon: {
      years: context.years,
      months: projection.months,
      startDate: isoDay(context.startMs),
      startMonth: context.startMonth ?? null,
      halvingHeight: projection.chain.halvingHeight,
      halvingMonth: halving,
      halvingDate: halving === null ? null : isoDay(context.startMs + halving * MONTH_MS),
    },
    assumptions: Object.fromEntries(Object.entries(context.assumptions).map(([k, a]) => [k, a.value])),
    assumptionSources: {
      ...withSourceFreshness(context.assumptions, context.startMs),
      ...networkAssumptions(context.network.snapshot),
    },
    priceDeck: context.priceDeck ?? null,
    options,
    ...(plan ? { plan } : {}),
    verdict: {
      bestOptionId: best.id,
      basis: 'npv',
      npvUsd: best.npvUsd,
      marginUsd: margin,
      runnerUpId: runnerUp.id,
      flip,
      ...robust,
      text: `${text}${leaning}${plan ? `; ${planVerdict(plan)}` : ''}`,
    },
    residualMethod: residualMethodText(context.assumptions),
    ...(context.gpuPrices ? { gpuPrices: context.gpuPrices } : {}),
    ...(simulation ? { simulation } : {}),
  };
}

/** The residual rule, or the exit value given (--residual cap-rate:R, multiple:X, per-mw:USD, per-it-mw:USD). */
function residualMethodText(assumptions: Assumptions): string {
  const rule = String(assumptions.residual?.value ?? 'economic');
  if (rule === 'book' || rule === 'none' || rule === 'economic') return RESIDUAL_METHODS[rule];
  const [method = '', value = ''] = rule.split(':');
  const what =
    method === 'cap-rate'
      ? `the last 12 months' EBITDA over a cap rate of ${value}`
      : method === 'multiple'
        ? `${value} times the last 12 months' EBITDA`
        : method === 'per-mw'
          ? `${value} USD per MW of the site's grid power`
          : `${value} USD per MW of the option's IT load`;
  return `${rule}: an exit value of the whole site (its equipment included, pre-tax, never below 0), ${what}, for every option (a sale holds nothing at the horizon)`;
}

/** "; ... rests on its residual value" for options whose residual is more than half of their NPV. */
export function residualLeaning(
  options: readonly Pick<ProjectedOptionReport, 'label' | 'npvUsd' | 'residualPvUsd'>[],
): string {
  const leaning = options.filter((o) => o.residualPvUsd > 0 && o.residualPvUsd > Math.abs(o.npvUsd) / 2);
  if (leaning.length === 0) return '';
  const parts = leaning.map(
    (o) =>
      `the ${o.label}'s NPV of ${usd(o.npvUsd)} counts ${usd(o.residualPvUsd)} of residual value (${usd(o.npvUsd - o.residualPvUsd)} without it)`,
  );
  return `; ${parts.join('; ')}`;
}

/**
 * The `project` document of a site's projection (src/site/projection.ts); with a simulation, the document's
 * simulation section, and the verdict counts the share of its paths on which the first beats the second.
 */
export function projectionReport(
  result: SiteProjectionResult,
  assumptions: Assumptions,
  simulation?: SimulationReport,
): ProjectReport {
  const carried = result.carriedForward;
  return projectReport(
    {
      network: result.network,
      carriedForward: carried
        ? {
            fromAsOf: new Date(carried.fromAsOfMs).toISOString(),
            blocksAdded: carried.blocksAdded,
            heightBlocks: carried.heightBlocks,
          }
        : null,
      site: result.site,
      assumptions,
      years: result.years,
      startMs: result.startMs,
      startMonth: result.startMonth,
      priceDeck: result.deck,
      gpuPrices: gpuPricesAtGoLive(result),
      plan: result.plan,
    },
    result.projection,
    result.breakevens,
    result.flip,
    result.current,
    result.robustness,
    simulation,
  );
}

/** CSV: the monthly series, one record per option and month. */
export function projectCsvRecords(report: ProjectReport): Record<string, string | number | boolean | null>[] {
  const shown: { id: string; months: ProjectedOptionReport['months'] }[] = [
    ...report.options,
    ...(report.plan ? [report.plan] : []),
  ];
  return shown.flatMap((o) => o.months.map((m) => ({ option: o.id, ...m })));
}
