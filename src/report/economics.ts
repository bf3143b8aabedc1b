/**
 * The `compare`, `mining` and `ai` documents: what `--json` prints and what the table renderers read, built
 * from the core's results. Pure; numbers stay numbers; undefined quantities are null.
 */
import type { SiteComparison } from '../core/compare.js';
import type { MiningEconomics } from '../core/mining.js';
import type { OptionEconomics, OptionId } from '../core/units.js';
import type { Assumptions } from '../inputs/resolve.js';
import type { SiteEconomics } from '../site/economics.js';
import type { NetworkData } from '../site/network.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import { type CsvRecord, flatten } from './flatten.js';
import { multiple as fmtMultiple, price, usd } from './format.js';
import { withSourceFreshness } from './freshness.js';
import { OPTION_LABELS } from './labels.js';
import { networkAssumptions, networkReport } from './network.js';
import { projectionReport } from './projection.js';
import type { EconomicsReport, OptionReport, ProjectReport } from './schemas.js';

export { OPTION_LABELS };

/** Capex / year-1 EBITDA longer than this outlives any of the assets: said as "beyond", never as a figure. */
export const PAYBACK_LIMIT_YEARS = 30;

/** Why capexOverYear1EbitdaYears is what it is, when a bare figure would mislead (null: no note needed). */
export function capexOverYear1EbitdaNote(economics: OptionEconomics): string | null {
  if (!(economics.capexUsd > 0)) return 'no capex: nothing to pay back';
  if (economics.capexOverYear1EbitdaYears === null) return 'EBITDA <= 0: capex is never paid back';
  if (economics.capexOverYear1EbitdaYears > PAYBACK_LIMIT_YEARS)
    return `beyond ${PAYBACK_LIMIT_YEARS} years: longer than the assets last`;
  return null;
}

/** mining and ai look at today only: their paybackYears is null, and says where a payback is. */
export const NO_HORIZON_PAYBACK_NOTE =
  'no horizon: payback (cumulative cash over the years, halving and decline included) is in compare and project; capex / year-1 EBITDA is capexOverYear1EbitdaYears';

/** The multiples versus mining, each with why it is null when it is (no mining option, nothing to divide by). */
export interface Multiples {
  revenueMultipleVsMining: number | null;
  revenueMultipleVsMiningNote?: string | null;
  ebitdaMultipleVsMining: number | null;
  ebitdaMultipleVsMiningNote?: string | null;
}

/** Why each multiple versus mining is null, when it is: `mining` is the run's mining option, if any. */
export function multiplesWithNotes(
  multiples: Pick<Multiples, 'revenueMultipleVsMining' | 'ebitdaMultipleVsMining'>,
  mining: Pick<OptionEconomics, 'revenueUsdPerYear' | 'ebitdaUsdPerYear'> | undefined,
): Multiples {
  const noMining = 'no mining option in this run (ai): nothing to compare with';
  return {
    revenueMultipleVsMining: multiples.revenueMultipleVsMining,
    revenueMultipleVsMiningNote:
      multiples.revenueMultipleVsMining !== null
        ? null
        : mining
          ? 'mining earns no revenue: a multiple of zero is undefined'
          : noMining,
    ebitdaMultipleVsMining: multiples.ebitdaMultipleVsMining,
    ebitdaMultipleVsMiningNote:
      multiples.ebitdaMultipleVsMining !== null
        ? null
        : mining
          ? "mining's EBITDA is zero or negative: a multiple of a loss means nothing"
          : noMining,
  };
}

export function optionReport(
  economics: OptionEconomics,
  multiples: Multiples,
  extra: { gpuModel?: string; priceBases?: readonly string[] } = {},
): OptionReport {
  const { id, ...figures } = economics;
  const report: OptionReport = {
    id,
    label: OPTION_LABELS[id],
    ...figures,
    capexOverYear1EbitdaNote: capexOverYear1EbitdaNote(economics),
    // compare replaces both with the payback over its horizon (withHorizon).
    paybackYears: null,
    paybackNote: NO_HORIZON_PAYBACK_NOTE,
    ...multiples,
    ...(extra.gpuModel ? { gpuModel: extra.gpuModel } : {}),
  };
  if (economics.id === 'mining') {
    const mining = economics as MiningEconomics;
    report.hashrateEhs = mining.hashrateThs / 1e6;
    report.fleet = mining.fleet.map((entry, i) => ({
      ...entry,
      ...(extra.priceBases?.[i] ? { priceBasis: extra.priceBases[i] } : {}),
    }));
  }
  return report;
}

export function assumptionValues(assumptions: Assumptions): Record<string, number | string | boolean> {
  return Object.fromEntries(Object.entries(assumptions).map(([k, a]) => [k, a.value]));
}

const perKwh = (n: number) => `$${price(n)}/kWh`;

/**
 * One line: how each AI option compares with mining per kWh of the site, and what it costs. An option that
 * loses money is said to lose money, never ranked by its revenue. (Revenue multiples flatter the lease, whose
 * revenue is net of power: the horizon-aware verdict compares EBITDA and NPV; see CHANGELOG.md.)
 */
export function verdict(options: readonly OptionReport[]): string {
  const mining = options.find((o) => o.id === 'mining');
  const others = options.filter((o) => o.id !== 'mining');
  const loses = (o: OptionReport) => `${o.label} loses ${usd(-o.ebitdaUsdPerYear)} a year (EBITDA)`;
  if (!mining) {
    return others
      .map((o) =>
        o.ebitdaUsdPerYear < 0
          ? loses(o)
          : `${o.label} earns ${perKwh(o.revenueUsdPerKwh)} of site power, EBITDA ${usd(o.ebitdaUsdPerYear)}/yr`,
      )
      .join('; ');
  }
  if (!(mining.revenueUsdPerYear > 0))
    return 'Mining earns nothing at these inputs; every AI option beats it';
  let first = true;
  const parts = others.map((o) => {
    if (o.ebitdaUsdPerYear < 0) return loses(o);
    const m = fmtMultiple(o.revenueMultipleVsMining);
    const head = first ? `${o.label} earns ${m} mining revenue per kWh` : `${o.label} ${m}`;
    first = false;
    if (o.capexOverYear1EbitdaYears !== null && o.capexOverYear1EbitdaYears > PAYBACK_LIMIT_YEARS)
      return `${head}, but its EBITDA of ${usd(o.ebitdaUsdPerYear)} a year would take over ${PAYBACK_LIMIT_YEARS} years to repay ${usd(o.capexUsd)} of capex`;
    return o.id === 'gpu-cloud' ? `${head}, but needs ${usd(o.capexUsd)} of capex` : head;
  });
  const miningNote =
    mining.ebitdaUsdPerYear < 0
      ? `mining loses ${usd(-mining.ebitdaUsdPerYear)} a year at this power price`
      : mining.ebitdaUsdPerYear === 0
        ? 'mining breaks even at this power price'
        : '';
  if (parts.length === 0)
    return miningNote ? `M${miningNote.slice(1)}` : `Mining EBITDA ${usd(mining.ebitdaUsdPerYear)}/yr`;
  return miningNote ? `${parts.join('; ')}; ${miningNote}` : parts.join('; ');
}

export interface EconomicsExtra {
  gpuModel?: string;
  /** Where each fleet model's price came from, in fleet order. */
  priceBases?: readonly string[];
}

export function economicsReport(
  command: EconomicsReport['command'],
  network: NetworkData | null,
  site: EconomicsReport['site'],
  assumptions: Assumptions,
  comparison: Pick<SiteComparison, 'options'>,
  extra: EconomicsExtra = {},
): EconomicsReport {
  const mining = comparison.options.find((c) => c.economics.id === 'mining')?.economics;
  const options = comparison.options.map((c) =>
    optionReport(
      c.economics,
      multiplesWithNotes(c, mining),
      c.economics.id === 'gpu-cloud'
        ? { ...(extra.gpuModel ? { gpuModel: extra.gpuModel } : {}) }
        : c.economics.id === 'mining' && extra.priceBases
          ? { priceBases: extra.priceBases }
          : {},
    ),
  );
  return {
    schemaVersion: DOCUMENT_VERSIONS[command],
    command,
    network: network ? networkReport(network) : null,
    networkNote: network ? null : 'ai uses no network data: neither of its options mines',
    site,
    assumptions: assumptionValues(assumptions),
    assumptionSources: network ? { ...assumptions, ...networkAssumptions(network.snapshot) } : assumptions,
    options,
    verdict: verdict(options),
  };
}

/** One CSV record per option, with the site and network context repeated on each. */
export function economicsCsvRecords(report: EconomicsReport): CsvRecord[] {
  // The notes on why a figure is null are for the JSON document; the CSV columns stay as they were.
  return report.options.map(
    ({
      revenueMultipleVsMiningNote: _r,
      ebitdaMultipleVsMiningNote: _e,
      discountedPaybackNote: _d,
      irrNote: _i,
      ...option
    }) => ({
      command: report.command,
      siteMw: report.site.mw,
      powerUsdPerKwh: report.site.powerUsdPerKwh,
      hashpriceUsdPerPhDay: report.network?.hashpriceUsdPerPhDay ?? null,
      networkSource: report.network?.source ?? null,
      networkAsOf: report.network?.asOf ?? null,
      ...flatten(option),
    }),
  );
}

/**
 * compare's `sell` option before its horizon figures: nothing runs after the sale, so today's figures are 0;
 * the price (--sell-per-mw x the site's grid MW) and its month. Its NPV comes from the projection.
 */
function saleToday(
  report: EconomicsReport,
  sold: Pick<ProjectReport['options'][number], 'saleMonth' | 'saleUsd'>,
): OptionReport {
  const noOperation = 'a sale: nothing runs after it, nothing to compare with mining';
  return {
    id: 'sell',
    label: OPTION_LABELS.sell,
    itMw: 0,
    units: report.site.mw,
    unitLabel: 'MW sold',
    revenueUsdPerYear: 0,
    energyKwhPerYear: 0,
    energyUsdPerYear: 0,
    otherOpexUsdPerYear: 0,
    opexUsdPerYear: 0,
    ebitdaUsdPerYear: 0,
    revenueUsdPerKwh: 0,
    ebitdaUsdPerKwh: 0,
    capexUsd: 0,
    capexOverYear1EbitdaYears: null,
    capexOverYear1EbitdaNote: 'no capex: nothing to pay back',
    paybackYears: null,
    paybackNote: NO_HORIZON_PAYBACK_NOTE,
    revenueMultipleVsMining: null,
    revenueMultipleVsMiningNote: noOperation,
    ebitdaMultipleVsMining: null,
    ebitdaMultipleVsMiningNote: noOperation,
    saleUsd: sold.saleUsd ?? 0,
    saleMonth: sold.saleMonth ?? 0,
  };
}

/**
 * `compare` over the horizon: each option gains its NPV, IRR and breakevens from the projection, paybackYears
 * is the horizon-aware payback (capex / year-1 EBITDA is capexOverYear1EbitdaYears), depreciation and EBIT
 * are shown, and the verdict ranks by NPV while comparing per kWh like with like (EBITDA, never revenue).
 */
export function withHorizon(
  report: EconomicsReport,
  project: ProjectReport,
  depreciationUsdPerYear: Partial<Record<OptionId, number>>,
): EconomicsReport {
  const years = project.horizon.years;
  const sold = project.options.find((x) => x.id === 'sell');
  const withSale = sold ? [...report.options, saleToday(report, sold)] : report.options;
  const years12 = (months: number | null) => (months === null ? null : months / 12);
  const options = withSale.map((o): OptionReport => {
    const p = project.options.find((x) => x.id === o.id);
    if (!p) return o;
    const depreciation = depreciationUsdPerYear[o.id] ?? 0;
    const beyond = (n: string | null) => n?.startsWith('not paid back') ?? false;
    return {
      ...o,
      // Deprecated aliases of capexOverYear1EbitdaYears and its note (CHANGELOG.md).
      simplePaybackYears: o.capexOverYear1EbitdaYears,
      simplePaybackNote: o.capexOverYear1EbitdaNote ?? null,
      // Deprecated: counts the residual value as cash in the horizon's last month (CHANGELOG.md).
      paybackYears: years12(p.paybackMonths),
      paybackExResidualYears: years12(p.paybackExResidualMonths),
      paybackNote: beyond(p.paybackNote)
        ? `not paid back within the ${years}-year horizon (halving, difficulty growth and the conversion included; the residual value not counted)`
        : p.paybackNote,
      npvUsd: p.npvUsd,
      npvExResidualUsd: p.npvExResidualUsd,
      residualPvUsd: p.residualPvUsd,
      npvVsMiningUsd: p.npvVsMiningUsd,
      irr: p.irr,
      irrNote: p.irrNote,
      discountedPaybackYears: years12(p.discountedPaybackMonths),
      discountedPaybackExResidualYears: years12(p.discountedPaybackExResidualMonths),
      discountedPaybackNote: beyond(p.discountedPaybackNote ?? null)
        ? `not paid back within the ${years}-year horizon once cash flows are discounted at the discount rate (the residual value not counted)`
        : (p.discountedPaybackNote ?? null),
      depreciationUsdPerYear: depreciation,
      ebitUsdPerYear: o.ebitdaUsdPerYear - depreciation,
      ...(p.breakevenVsMining ? { breakevenVsMining: p.breakevenVsMining } : {}),
      ...(p.annualDiscountRate !== undefined ? { annualDiscountRate: p.annualDiscountRate } : {}),
    };
  });
  const mining = options.find((o) => o.id === 'mining');
  const today = options
    .filter((o) => o.id !== 'mining' && o.id !== 'sell')
    .map((o) => {
      if (o.ebitdaUsdPerYear < 0) return `${o.label} loses ${usd(-o.ebitdaUsdPerYear)} a year`;
      if (o.ebitdaMultipleVsMining === null)
        return `${o.label} earns $${price(o.ebitdaUsdPerKwh)}/kWh of EBITDA while mining earns none`;
      return `${o.label} ${fmtMultiple(o.ebitdaMultipleVsMining)} mining's EBITDA`;
    });
  const todayText =
    mining && mining.ebitdaUsdPerYear < 0
      ? `today mining loses ${usd(-mining.ebitdaUsdPerYear)} a year; ${today.join(', ')}`
      : `per kWh today: ${today.join(', ')}`;
  const plan = project.plan;
  return {
    ...report,
    schemaVersion: DOCUMENT_VERSIONS.compare,
    options,
    ...(plan
      ? {
          plan: {
            id: plan.id,
            label: plan.label,
            text: plan.text,
            planFlag: plan.planFlag,
            tranches: plan.tranches,
            miningMw: plan.miningMw,
            npvUsd: plan.npvUsd,
            npvExResidualUsd: plan.npvExResidualUsd,
            residualPvUsd: plan.residualPvUsd,
            npvVsMiningUsd: plan.npvVsMiningUsd,
            irr: plan.irr,
            irrNote: plan.irrNote,
            paybackExResidualYears: years12(plan.paybackExResidualMonths),
            discountedPaybackExResidualYears: years12(plan.discountedPaybackExResidualMonths),
            paybackNote: plan.paybackNote,
            peakFundingUsd: plan.peakFundingUsd,
            capexUsd: plan.capexUsd,
          },
        }
      : {}),
    horizon: {
      years,
      startDate: project.horizon.startDate,
      halvingHeight: project.horizon.halvingHeight,
      halvingDate: project.horizon.halvingDate,
    },
    verdict: { ...project.verdict, text: `${project.verdict.text}; ${todayText}` },
  };
}

/**
 * The `mining`, `ai` or `compare` document of a site's economics (src/site/economics.ts). A mixed fleet's
 * price per TH/s (NaN in the inputs: each model has its own) is stated as its capex over its hashrate.
 */
export function siteEconomicsReport(result: SiteEconomics, given: Assumptions): EconomicsReport {
  const price = given.minerPriceUsdPerTh;
  const assumptions = withSourceFreshness(
    price && Number.isNaN(price.value) && result.fleetPriceUsdPerTh !== null
      ? { ...given, minerPriceUsdPerTh: { ...price, value: result.fleetPriceUsdPerTh } }
      : given,
    result.nowMs,
  );
  const report = economicsReport(
    result.command,
    result.network,
    result.site,
    assumptions,
    result.comparison,
    {
      ...(result.gpuModel ? { gpuModel: result.gpuModel } : {}),
      ...(result.priceBases ? { priceBases: result.priceBases } : {}),
    },
  );
  if (!result.horizon) return report;
  return withHorizon(
    report,
    projectionReport(result.horizon.projection, {}),
    result.horizon.depreciationUsdPerYear,
  );
}
