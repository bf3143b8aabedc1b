/**
 * The board report's document: the project and sensitivity documents plus every figure's public source (a
 * link where the catalog gives one) and the date of each piece of data. It shapes; it computes nothing.
 */
import { DEFAULT_FIGURES } from '../catalog/defaults.js';
import type { ProjectReport } from './schemas.js';
import type { SensitivityReport } from './sensitivity-schema.js';

export interface BoardSource {
  id: string;
  value: string;
  origin: string;
  basis: string;
  /** The date the figure describes: its source's date, or a network value's asOf. */
  asOf: string | null;
  /** Public links (http/https only) the figure rests on. */
  links: string[];
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
}

const URL_IN_TEXT = /https?:\/\/[^\s;,)"'<>]+/g;

function linksIn(...texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const m of text?.match(URL_IN_TEXT) ?? []) found.add(m.replace(/[.]+$/, ''));
  return [...found];
}

/** Every assumption with its value, origin, basis, date and the links behind it. */
export function boardSources(project: ProjectReport): BoardSource[] {
  const figures = new Map(DEFAULT_FIGURES.map((f) => [f.id, f]));
  return Object.entries(project.assumptionSources).map(([id, a]) => {
    const figure = figures.get(id);
    const provenance = figure?.provenance;
    return {
      id,
      value: String(a.value),
      origin: a.origin,
      basis: a.basis ?? (a.from ? `given by ${a.from}` : ''),
      asOf: a.asOf?.slice(0, 10) ?? a.sourceAsOf ?? provenance?.asOf ?? null,
      links: linksIn(provenance?.source, provenance?.note, a.basis),
      overdue: a.overdue === true,
    };
  });
}

export function boardReport(
  project: ProjectReport,
  sensitivity: SensitivityReport,
  generatedAt: string,
  version: string,
): BoardReport {
  const sources = boardSources(project);
  const dataNotes: string[] = [];
  const days = Math.floor((Date.parse(generatedAt) - Date.parse(project.network.asOf)) / 86_400_000);
  if (days > 7)
    dataNotes.push(
      `The network data (${project.network.source}) is of ${project.network.asOf.slice(0, 10)}, ${days} days before this report${project.network.source === 'live' ? '' : ": run connected, or give --btc-price and --difficulty, for today's"}.`,
    );
  const overdue = sources.filter((s) => s.overdue).length;
  if (overdue > 0)
    dataNotes.push(
      `${overdue} default or catalog figure${overdue === 1 ? ' is' : 's are'} older than their refresh cadence (marked in the assumptions).`,
    );
  return { generatedAt, version, project, sensitivity, sources, dataNotes };
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
