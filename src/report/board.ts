/**
 * The board report's document: the project and sensitivity documents plus every figure's public source (a
 * link where the catalog gives one) and the date of each piece of data. It shapes; it computes nothing.
 */
import { DEFAULT_FIGURES } from '../catalog/defaults.js';
import { grouped } from '../catalog/text.js';
import type { MonthlyHashpriceHistory } from '../site/history.js';
import type { ProjectReport } from './schemas.js';
import type { SensitivityReport } from './sensitivity-schema.js';
import type { StrategyReport } from './strategy-schema.js';

export interface BoardSource {
  id: string;
  value: string;
  origin: string;
  basis: string;
  /** The date the figure describes: its source's date, or a network value's asOf. */
  asOf: string | null;
  /** Public links (http/https only) the figure rests on, its own source's first. */
  links: string[];
  /** The figure's own public source (the assumption's sourceUrl), else the first link in its basis; null if none. */
  url: string | null;
  overdue: boolean;
}

export interface BoardReport {
  generatedAt: string;
  version: string;
  project: ProjectReport;
  sensitivity: SensitivityReport;
  sources: BoardSource[];
  /** What a reader should know about the data's age before reading on (old network data, overdue sources). */
  dataNotes: string[];
  /** The date of each network input the economics rest on (price, difficulty, fees), with where it came from. */
  networkDates: NetworkDate[];
  /** The monthly hashprice history (embedded data, or --data's days), with its sources; null when none. */
  hashpriceHistory: BoardHashpriceHistory | null;
  /** The best plan: `strategy`'s document for the report's inputs; null when not searched (strategyNote says why). */
  strategy: StrategyReport | null;
  /** What a reader should know about the search (not run, or run on other rates than the options'); null: nothing. */
  strategyNote: string | null;
}

export interface NetworkDate {
  /** What the date is of: 'BTC/USD', 'difficulty' or 'fees'. */
  label: string;
  /** YYYY-MM-DD. */
  date: string;
  source: string;
}

/**
 * The dates of the network inputs a reader weighs, each quantity's own (offline, the price, the difficulty and
 * the fees come from embedded data of different dates; network.asOf is only the oldest of them).
 */
export function networkDates(project: ProjectReport): NetworkDate[] {
  const p = project.network.provenance;
  return [
    { label: 'BTC/USD', q: p.btcUsd },
    { label: 'difficulty', q: p.difficulty },
    { label: 'fees', q: p.avgFeesBtcPerBlock },
  ].map(({ label, q }) => ({ label, date: q.asOf.slice(0, 10), source: q.source }));
}

export interface BoardHashpriceHistory extends MonthlyHashpriceHistory {
  /** The sources' links (http/https), in the order of `sources`. */
  links: string[];
}

const URL_IN_TEXT = /https?:\/\/[^\s;,)"'<>]+/g;

function linksIn(...texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const m of text?.match(URL_IN_TEXT) ?? []) found.add(m.replace(/[.]+$/, ''));
  return [...found];
}

/**
 * A value as a reader takes it in: numbers grouped and to six significant digits (a difficulty of
 * 124932866006548.16 reads 124,933,000,000,000; fees of 0.016865079365079364 BTC read 0.0168651).
 */
export function valueText(value: number | string | boolean): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return grouped(Number(value.toPrecision(6)));
}

/** Every assumption with its value, origin, basis, date and the links behind it. */
export function boardSources(project: ProjectReport): BoardSource[] {
  const figures = new Map(DEFAULT_FIGURES.map((f) => [f.id, f]));
  return Object.entries(project.assumptionSources).map(([id, a]) => {
    const figure = figures.get(id);
    const provenance = figure?.provenance;
    const links = linksIn(a.sourceUrl, provenance?.source, provenance?.note, a.basis);
    return {
      id,
      value: valueText(a.value),
      origin: a.origin,
      basis: a.basis ?? (a.from ? `given by ${a.from}` : ''),
      asOf: a.asOf?.slice(0, 10) ?? a.sourceAsOf ?? provenance?.asOf ?? null,
      links,
      url: links[0] ?? null,
      overdue: a.overdue === true,
    };
  });
}

export function boardReport(
  project: ProjectReport,
  sensitivity: SensitivityReport,
  generatedAt: string,
  version: string,
  history: MonthlyHashpriceHistory | null = null,
  plans: { strategy: StrategyReport | null; note: string | null } | null = null,
): BoardReport {
  const sources = boardSources(project);
  const dataNotes: string[] = [];
  const dates = networkDates(project);
  const daysBefore = (date: string) => Math.floor((Date.parse(generatedAt) - Date.parse(date)) / 86_400_000);
  // Values the user gave are as of when they say; the others are old when more than a week before the report.
  const old = dates.filter((d) => d.source !== 'flag' && daysBefore(d.date) > 7);
  if (old.length > 0) {
    const live = project.network.source === 'live';
    dataNotes.push(
      `The network data is not today's: ${old.map((d) => `${d.label} of ${d.date} (${daysBefore(d.date)} days before this report, ${d.source})`).join(', ')}${live ? '' : ": run connected, or give --btc-price, --difficulty and --fees-btc, for today's"}.`,
    );
  }
  const overdue = sources.filter((s) => s.overdue).length;
  if (overdue > 0)
    dataNotes.push(
      `${overdue} default or catalog figure${overdue === 1 ? ' is' : 's are'} older than their refresh cadence (marked in the assumptions).`,
    );
  const hashpriceHistory =
    history && history.months.length > 0 ? { ...history, links: linksIn(...history.sources) } : null;
  return {
    generatedAt,
    version,
    project,
    sensitivity,
    sources,
    dataNotes,
    networkDates: dates,
    hashpriceHistory,
    strategy: plans?.strategy ?? null,
    strategyNote: plans ? plans.note : 'Not searched.',
  };
}

const DRIVER_TITLES: Record<string, string> = {
  'btc-price': 'BTC price',
  'btc-growth': 'BTC growth',
  'difficulty-growth': 'Difficulty growth',
  'power-price': 'Power price',
  'lease-rate': 'Lease rate',
  'lease-escalator': 'Lease escalator',
  'gpu-hour-price': 'GPU-hour price',
  'gpu-price-decline': 'GPU rent decline',
  utilization: 'GPU utilization',
  'gpu-capex': 'GPU capex',
  'fit-out': 'Fit-out cost',
  'conversion-months': 'Conversion time',
  'discount-rate': 'Discount rate',
};

/** A driver's name for a reader ('gpu-hour-price' -> 'GPU-hour price'). */
export const driverTitle = (id: string): string => DRIVER_TITLES[id] ?? id;
