/**
 * Pure builders of the report models: what `--json` prints and what the table renderers read.
 * No I/O; numbers stay numbers; undefined quantities are null.
 */
import { impliedHashrateHs, subsidyBtc } from '../core/bitcoin.js';
import type { SiteComparison } from '../core/compare.js';
import { computeHashprice, computeHashpriceFromHashrate, type Hashprice } from '../core/hashprice.js';
import type { MiningEconomics } from '../core/mining.js';
import type { OptionEconomics, OptionId } from '../core/units.js';
import type { NetworkSnapshot, Sourced, SourceId } from '../data/types.js';
import { type CsvRecord, flatten } from '../output/csv.js';
import { multiple as fmtMultiple, usd } from '../output/format.js';
import type { Assumptions } from './inputs.js';

export const SCHEMA_VERSION = 1;

export const OPTION_LABELS: Record<OptionId, string> = {
  mining: 'Mining',
  'ai-lease': 'AI lease',
  'gpu-cloud': 'GPU cloud',
};

export interface QuantityProvenance {
  source: SourceId;
  asOf: string;
  origin?: SourceId;
  /** The host that served a live or cached value. */
  host?: string;
}

export interface NetworkReport {
  source: string;
  asOf: string;
  height: number;
  difficulty: number;
  btcUsd: number;
  subsidyBtc: number;
  avgFeesBtcPerBlock: number;
  feeShare: number;
  hashpriceUsdPerPhDay: number;
  hashpriceBtcPerPhDay: number;
  hashpriceUsdPerThDay: number;
  hashpriceSatsPerThDay: number;
  impliedHashrateEhs: number;
  estimatedHashrateEhs: number | null;
  provenance: Record<'height' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock', QuantityProvenance>;
}

/** A figure's provenance for output: source, data time, and (live or cached) origin and host. */
export function provenanceOf(q: Sourced<unknown>): QuantityProvenance {
  return {
    source: q.source,
    asOf: new Date(q.asOfMs).toISOString(),
    ...(q.origin ? { origin: q.origin } : {}),
    ...(q.host ? { host: q.host } : {}),
  };
}

export interface NetworkFigures {
  snapshot: NetworkSnapshot;
  subsidyBtc: number;
  hashprice: Hashprice;
}

export function networkFigures(snapshot: NetworkSnapshot): NetworkFigures {
  const subsidy = subsidyBtc(snapshot.heightBlocks.value);
  return {
    snapshot,
    subsidyBtc: subsidy,
    hashprice: computeHashprice({
      difficulty: snapshot.difficulty.value,
      subsidyBtc: subsidy,
      avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
      btcUsd: snapshot.btcUsd.value,
    }),
  };
}

export function networkReport({ snapshot, subsidyBtc: subsidy, hashprice }: NetworkFigures): NetworkReport {
  const quantities = [
    snapshot.heightBlocks,
    snapshot.difficulty,
    snapshot.btcUsd,
    snapshot.avgFeesBtcPerBlock,
  ];
  const sources = [...new Set(quantities.map((q) => q.source))];
  const oldest = Math.min(...quantities.map((q) => q.asOfMs));
  return {
    source: sources.join('+'),
    asOf: new Date(oldest).toISOString(),
    height: snapshot.heightBlocks.value,
    difficulty: snapshot.difficulty.value,
    btcUsd: snapshot.btcUsd.value,
    subsidyBtc: subsidy,
    avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
    feeShare: hashprice.feeShare,
    hashpriceUsdPerPhDay: hashprice.hashpriceUsdPerPhDay,
    hashpriceBtcPerPhDay: hashprice.hashpriceBtcPerPhDay,
    hashpriceUsdPerThDay: hashprice.hashpriceUsdPerThDay,
    hashpriceSatsPerThDay: hashprice.hashpriceSatsPerThDay,
    impliedHashrateEhs: impliedHashrateHs(snapshot.difficulty.value) / 1e18,
    estimatedHashrateEhs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value / 1e18 : null,
    provenance: {
      height: provenanceOf(snapshot.heightBlocks),
      difficulty: provenanceOf(snapshot.difficulty),
      btcUsd: provenanceOf(snapshot.btcUsd),
      avgFeesBtcPerBlock: provenanceOf(snapshot.avgFeesBtcPerBlock),
    },
  };
}

export interface HashpriceReport extends NetworkReport {
  schemaVersion: number;
  command: 'hashprice';
  /** The estimated-hashrate variant (144 x reward / estimated hashrate), for comparison only. */
  estimatedHashrateVariant: { hashpriceUsdPerPhDay: number; hashpriceBtcPerPhDay: number } | null;
}

export function hashpriceReport(figures: NetworkFigures): HashpriceReport {
  const network = networkReport(figures);
  const estimated = figures.snapshot.estimatedHashrateHs;
  const variant =
    estimated && estimated.value > 0
      ? computeHashpriceFromHashrate({
          networkHashrateHs: estimated.value,
          subsidyBtc: figures.subsidyBtc,
          avgFeesBtcPerBlock: figures.snapshot.avgFeesBtcPerBlock.value,
          btcUsd: figures.snapshot.btcUsd.value,
        })
      : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    command: 'hashprice',
    ...network,
    estimatedHashrateVariant: variant
      ? {
          hashpriceUsdPerPhDay: variant.hashpriceUsdPerPhDay,
          hashpriceBtcPerPhDay: variant.hashpriceBtcPerPhDay,
        }
      : null,
  };
}

export interface OptionReport extends OptionEconomics {
  label: string;
  /** Why paybackYears is null, when it is. */
  paybackNote: string | null;
  revenueMultipleVsMining: number | null;
  ebitdaMultipleVsMining: number | null;
  /** Mining only. */
  hashrateThs?: number;
  hashrateEhs?: number;
  efficiencyJPerTh?: number | null;
  fleet?: MiningEconomics['fleet'];
  breakevens?: MiningEconomics['breakevens'];
  /** GPU cloud only. */
  gpuModel?: string;
}

export function optionReport(
  economics: OptionEconomics,
  multiples: { revenueMultipleVsMining: number | null; ebitdaMultipleVsMining: number | null },
  extra: { gpuModel?: string } = {},
): OptionReport {
  const { id, ...figures } = economics;
  const report: OptionReport = {
    id,
    label: OPTION_LABELS[id],
    ...figures,
    paybackNote: economics.paybackYears === null ? 'EBITDA <= 0: capex is never paid back' : null,
    ...multiples,
    ...extra,
  };
  if (economics.id === 'mining') {
    const mining = economics as MiningEconomics;
    report.hashrateEhs = mining.hashrateThs / 1e6;
  }
  return report;
}

export interface SiteReport {
  mw: number;
  powerUsdPerKwh: number;
}

export interface EconomicsReport {
  schemaVersion: number;
  command: 'compare' | 'mining' | 'ai';
  network: NetworkReport | null;
  site: SiteReport;
  assumptions: Record<string, number | string | boolean>;
  assumptionSources: Assumptions;
  options: OptionReport[];
  verdict: string;
}

export function assumptionValues(assumptions: Assumptions): Record<string, number | string | boolean> {
  return Object.fromEntries(Object.entries(assumptions).map(([k, a]) => [k, a.value]));
}

/** One line: how the AI options compare with mining per kWh of the site, and what they cost. */
export function verdict(options: readonly OptionReport[]): string {
  const mining = options.find((o) => o.id === 'mining');
  const others = options.filter((o) => o.id !== 'mining');
  if (!mining) {
    return others
      .map(
        (o) =>
          `${o.label} earns $${o.revenueUsdPerKwh.toFixed(3)}/kWh of site power, EBITDA ${usd(o.ebitdaUsdPerYear)}/yr`,
      )
      .join('; ');
  }
  if (!(mining.revenueUsdPerYear > 0))
    return 'Mining earns nothing at these inputs; every AI option beats it';
  const parts = others.map((o, i) => {
    const m = fmtMultiple(o.revenueMultipleVsMining);
    const head = i === 0 ? `${o.label} earns ${m} mining revenue per kWh` : `${o.label} ${m}`;
    return o.id === 'gpu-cloud' ? `${head}, but needs ${usd(o.capexUsd)} of capex` : head;
  });
  const ebitda = mining.ebitdaUsdPerYear > 0 ? '' : ' (mining EBITDA is negative at this power price)';
  return parts.length > 0
    ? `${parts.join('; ')}${ebitda}`
    : `Mining EBITDA ${usd(mining.ebitdaUsdPerYear)}/yr${ebitda}`;
}

export function economicsReport(
  command: EconomicsReport['command'],
  figures: NetworkFigures | null,
  site: SiteReport,
  assumptions: Assumptions,
  comparison:
    | SiteComparison
    | {
        options: {
          economics: OptionEconomics;
          revenueMultipleVsMining: null;
          ebitdaMultipleVsMining: null;
        }[];
      },
  gpuModel?: string,
): EconomicsReport {
  const options = comparison.options.map((c) =>
    optionReport(
      c.economics,
      {
        revenueMultipleVsMining: c.revenueMultipleVsMining,
        ebitdaMultipleVsMining: c.ebitdaMultipleVsMining,
      },
      c.economics.id === 'gpu-cloud' && gpuModel ? { gpuModel } : {},
    ),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    command,
    network: figures ? networkReport(figures) : null,
    site,
    assumptions: assumptionValues(assumptions),
    assumptionSources: assumptions,
    options,
    verdict: verdict(options),
  };
}

/** One CSV record per option, with the site and network context repeated on each. */
export function economicsCsvRecords(report: EconomicsReport): CsvRecord[] {
  return report.options.map((option) => ({
    command: report.command,
    siteMw: report.site.mw,
    powerUsdPerKwh: report.site.powerUsdPerKwh,
    hashpriceUsdPerPhDay: report.network?.hashpriceUsdPerPhDay ?? null,
    networkSource: report.network?.source ?? null,
    networkAsOf: report.network?.asOf ?? null,
    ...flatten(option),
  }));
}
