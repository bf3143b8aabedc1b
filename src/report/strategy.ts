/** The `strategy` document from the plan search (src/site/strategy.ts): types are the schema's. Pure. */

import { dateOf } from '../core/history.js';
import type { ScoredPlan } from '../core/projection/index.js';
import type { SimulationResult } from '../core/risk/simulation.js';
import type { Assumptions } from '../inputs/resolve.js';
import type { NetworkData } from '../site/network.js';
import type { StrategyResult } from '../site/strategy.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import { percent, usd } from './format.js';
import { OPTION_LABELS } from './labels.js';
import { networkReport } from './network.js';
import { MONTH_MS, planFlag, planText } from './projection.js';
import type { ProjectedOptionReport } from './schemas.js';
import type { StrategyReport } from './strategy-schema.js';

export interface StrategyContext {
  network: NetworkData;
  site: StrategyReport['site'];
  years: number;
  startMs: number;
  assumptions: Assumptions;
  /** --sell-per-mw: the sale of the site (its price per grid MW, month and catalog mark); absent: none. */
  sale?: { usdPerMw: number; month: number; markId: string | null } | null;
}

type PlanEntry = StrategyReport['frontier'][number];

/** What a driver's flag is called, for the verdict (its id is its flag's name). */
const flagOf = (id: string) => `--${id}`;

/** The Monte Carlo of the best plans (site/strategy.ts strategySimulationPlan), as the document states it. */
export interface StrategySimulation {
  result: SimulationResult;
  plans: readonly ScoredPlan[];
}

export function strategyReport(
  context: StrategyContext,
  result: StrategyResult,
  simulation?: StrategySimulation,
): StrategyReport {
  const { search } = result;
  const siteMw = context.site.mw;
  const mining = search.miningNpvUsd;
  const entry = (p: ScoredPlan): PlanEntry => {
    const converted = p.plan.tranches.reduce((sum, t) => sum + t.mw, 0);
    return {
      text: p.plan.tranches.length === 0 ? `keep mining all ${siteMw} MW` : planText(p.plan.tranches, siteMw),
      tranches: p.plan.tranches.map((t) => ({
        optionId: t.option,
        mw: t.mw,
        share: t.mw / siteMw,
        goLiveMonth: t.goLiveMonth,
      })),
      miningMw: Math.max(0, siteMw - converted),
      planFlag: planFlag(p.plan.tranches),
      aiShare: p.aiShare,
      firstStartMonth: p.firstStartMonth,
      npvUsd: p.npvUsd,
      npvVsMiningUsd: p.npvUsd - mining,
    };
  };
  const best = search.best;
  const figures = result.bestProjection;
  const now = result.waiting.now;
  const waiting = (p: ScoredPlan | null) =>
    p === null ? null : { ...entry(p), valueOfWaitingUsd: now === null ? null : p.npvUsd - now.npvUsd };
  const grid = result.grid;
  const conversion = Math.round(
    Number(context.assumptions.conversionMonths?.value ?? grid.startMonths[0] ?? 0),
  );
  const searchText =
    `${search.evaluated} plans: the AI share from 0 to 100% in steps of ${percent(grid.shareStep)}, ` +
    `1 to ${grid.maxPhases} tranches, each an AI lease or a GPU cloud, each build starting in month ${grid.startMonths.join(', ')} ` +
    `(every 6 months, month 12 and the first after the halving) and going live ${conversion} months later within the horizon; ` +
    (search.method === 'linear'
      ? "pre-tax, each plan's NPV is the MW-weighted sum of its parts' NPVs (exact: the flows are linear in MW)"
      : "taxed, each plan's combined flows taxed and discounted");
  const pureOptions = result.pure.map((o) => ({
    id: o.id,
    npvUsd: o.npvUsd,
    bestPlanMarginUsd: best.npvUsd - o.npvUsd,
  }));
  const bestEntry = entry(best);
  // The sale is not a plan's option: the best plan is compared with it on its own (the verdict's lead).
  const bestPure = [...pureOptions].filter((o) => o.id !== 'sell').sort((a, b) => b.npvUsd - a.npvUsd)[0];
  const sale = saleEntry(context, result, best.npvUsd);
  const name = (id: string) =>
    id === 'mining' ? 'keeping mining' : `the pure ${OPTION_LABELS[id as 'ai-lease']}`;
  const { robustness } = result;
  const flipsText = robustness.flips
    .slice(0, 3)
    .map(
      (f) =>
        `${flagOf(f.id)} at its ${f.end} end hands it to ${f.toId === 'mining' ? 'keeping mining' : 'the plan'}`,
    )
    .join('; ');
  const head =
    best.plan.tranches.length === 0
      ? `Keeping mining all ${siteMw} MW has the highest NPV on the grid over ${context.years} years: ${usd(best.npvUsd)}`
      : `The best plan over ${context.years} years: ${bestEntry.text}, NPV ${usd(best.npvUsd)}, ${usd(best.npvUsd - mining)} more than keeping mining` +
        (bestPure ? `, ${usd(best.npvUsd - bestPure.npvUsd)} more than ${name(bestPure.id)}` : '');
  const sure = robustness.robust
    ? 'no decisive driver in its plausible range changes that'
    : `too close to call: ${flipsText}${robustness.flips.length > 3 ? ` and ${robustness.flips.length - 3} more (robustness.flips)` : ''}`;
  const later = result.waiting.afterHalving;
  const waitText =
    now && later
      ? `; waiting until after the halving (build from month ${later.firstStartMonth}) ${later.npvUsd >= now.npvUsd ? 'adds' : 'costs'} ${usd(Math.abs(later.npvUsd - now.npvUsd))} against the best plan starting now`
      : '';
  const saleText =
    sale === null
      ? ''
      : `selling the site at ${usd(sale.usdPerMw)}/MW ${sale.month === 0 ? 'today' : `in month ${sale.month}`} (NPV ${usd(sale.npvUsd)})`;
  const simulated = simulation ? simulatedPlans(simulation, entry) : undefined;
  const top = simulated?.plans[0];
  const simulatedText = top
    ? `; over ${simulated.paths} simulated paths the highest mean NPV is ${top.planFlag} (${usd(top.meanNpvUsd)}; beats keeping mining on ${(top.probabilityBeatsMining * 100).toFixed(1)}%)`
    : '';
  return {
    schemaVersion: DOCUMENT_VERSIONS.strategy,
    command: 'strategy',
    network: networkReport(context.network),
    site: context.site,
    horizon: {
      years: context.years,
      months: result.months,
      startDate: new Date(context.startMs).toISOString().slice(0, 10),
      halvingMonth: result.halvingMonth,
    },
    assumptions: Object.fromEntries(Object.entries(context.assumptions).map(([k, a]) => [k, a.value])),
    assumptionSources: context.assumptions,
    search: {
      shareStep: grid.shareStep,
      maxPhases: grid.maxPhases,
      startMonths: grid.startMonths,
      startStepMonths: 6,
      conversionMonths: conversion,
      options: ['ai-lease', 'gpu-cloud'],
      plansEvaluated: search.evaluated,
      method: search.method,
      text: searchText,
    },
    best: {
      ...bestEntry,
      npvExResidualUsd: figures?.npvExResidualUsd ?? null,
      irr: figures?.irr ?? null,
      irrNote: figures ? figures.irrNote : 'keeping mining: no plan',
      paybackExResidualMonths: figures?.paybackMonths ?? null,
      discountedPaybackExResidualMonths: figures?.discountedPaybackMonths ?? null,
      peakFundingUsd: figures?.peakFundingUsd ?? null,
      capexUsd: figures?.capexUsd ?? null,
    },
    pureOptions,
    bestByOption: (['ai-lease', 'gpu-cloud'] as const).map((optionId) => ({
      optionId,
      plan: entry(search.bestByOption[optionId]),
    })),
    frontier: search.frontier.map(entry),
    waiting: {
      now: waiting(now),
      afterHalving: waiting(result.waiting.afterHalving),
      inAYear: waiting(result.waiting.inAYear),
      afterHalvingStartMonth: result.afterHalvingStart,
    },
    top: search.top.map(entry),
    robustness: {
      robust: robustness.robust,
      versus: robustness.versus,
      flips: robustness.flips.map((f) => ({ ...f })),
    },
    simulationNote: simulated
      ? `the ${simulated.plans.length} best plans by NPV over ${simulated.paths} simulated paths (BTC, the network and the GPU rent, as project --simulations), ranked by mean NPV`
      : 'strategy ranks plans by their deterministic NPV; --simulations N ranks the best 5 by mean NPV over N paths',
    ...(simulated ? { simulation: simulated } : {}),
    sale,
    verdict: {
      text: sale?.beatsBestPlan
        ? `${capitalized(saleText)} beats the best plan by ${usd(sale.vsBestPlanUsd)}; ${uncapitalized(head)}; ${sure}${waitText}${simulatedText}`
        : `${head}; ${sure}${waitText}${simulatedText}${sale ? `; ${saleText} falls ${usd(-sale.vsBestPlanUsd)} short of the best plan` : ''}`,
    },
  };
}

const capitalized = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const uncapitalized = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** The sale (--sell-per-mw) beside the best plan: its price, its NPV (the pure option sell's) and its lead. */
function saleEntry(
  context: StrategyContext,
  result: StrategyResult,
  bestNpvUsd: number,
): StrategyReport['sale'] {
  const sold = result.pure.find((o) => o.id === 'sell');
  if (!context.sale || !sold) return null;
  const vs = sold.npvUsd - bestNpvUsd;
  return {
    usdPerMw: context.sale.usdPerMw,
    month: sold.saleMonth ?? context.sale.month,
    markId: context.sale.markId,
    priceUsd: sold.saleUsd ?? context.sale.usdPerMw * context.site.mw,
    npvUsd: sold.npvUsd,
    vsBestPlanUsd: vs,
    beatsBestPlan: vs > 0,
  };
}

function simulatedPlans(
  simulation: StrategySimulation,
  entry: (p: ScoredPlan) => PlanEntry,
): NonNullable<StrategyReport['simulation']> {
  const { result, plans } = simulation;
  const mining = result.options[0];
  const ranked = plans
    .map((p, i) => {
      const o = result.options[i + 1];
      if (!o) throw new RangeError('strategy: a simulated plan has no result');
      return {
        ...entry(p),
        rank: i + 1,
        meanNpvUsd: o.npvUsd.mean,
        standardErrorUsd: o.npvUsd.standardError,
        p5NpvUsd: o.npvUsd.p5,
        p50NpvUsd: o.npvUsd.p50,
        p95NpvUsd: o.npvUsd.p95,
        probabilityBeatsMining: o.probabilityBeatsMining,
      };
    })
    .sort((a, b) => b.meanNpvUsd - a.meanNpvUsd);
  return {
    paths: result.paths,
    seed: result.seed,
    miningMeanNpvUsd: mining?.npvUsd.mean ?? Number.NaN,
    plans: ranked,
  };
}

/**
 * CSV: the frontier, one record per AI share (its best plan); with --sell-per-mw, one more record for the sale
 * (aiShare empty: it converts nothing, the whole site goes; planFlag its --sell-per-mw value, PRICE@MONTH).
 */
export function strategyCsvRecords(report: StrategyReport): Record<string, string | number | null>[] {
  const records: Record<string, string | number | null>[] = report.frontier.map((p) => ({
    aiShare: p.aiShare,
    plan: p.text,
    planFlag: p.planFlag,
    firstStartMonth: p.firstStartMonth,
    npvUsd: p.npvUsd,
    npvVsMiningUsd: p.npvVsMiningUsd,
  }));
  const sale = report.sale;
  const mining = report.pureOptions.find((o) => o.id === 'mining');
  if (sale)
    records.push({
      aiShare: null,
      plan: `sell the site at ${usd(sale.usdPerMw)}/MW in month ${sale.month}`,
      planFlag: `${sale.markId ?? sale.usdPerMw}@${sale.month}`,
      firstStartMonth: null,
      npvUsd: sale.npvUsd,
      npvVsMiningUsd: mining ? sale.npvUsd - mining.npvUsd : null,
    });
  return records;
}

/** A month of the best plan's flows, as project's months (the workbook's flows sheet). */
export type StrategyMonth = Pick<
  ProjectedOptionReport['months'][number],
  | 'month'
  | 'date'
  | 'revenueUsd'
  | 'opexUsd'
  | 'ebitdaUsd'
  | 'depreciationUsd'
  | 'taxUsd'
  | 'capexUsd'
  | 'otherCashUsd'
  | 'cashFlowUsd'
  | 'cumulativeCashUsd'
>;

/**
 * The best plan's monthly flows (its projection, as project --plan reports them), for `strategy --format xlsx`;
 * null when keeping mining is best (no plan). Not in the JSON document: project --plan gives them.
 */
export function strategyBestMonths(result: StrategyResult, startMs: number): StrategyMonth[] | null {
  const best = result.bestProjection;
  if (!best) return null;
  return best.months.map((m) => ({
    month: m.month,
    date: dateOf(startMs + m.month * MONTH_MS),
    revenueUsd: m.revenueUsd,
    opexUsd: m.opexUsd,
    ebitdaUsd: m.ebitdaUsd,
    depreciationUsd: m.depreciationUsd,
    taxUsd: m.taxUsd,
    capexUsd: m.capexUsd,
    otherCashUsd: m.otherCashUsd,
    cashFlowUsd: m.cashFlowUsd,
    cumulativeCashUsd: m.cumulativeCashUsd,
  }));
}
