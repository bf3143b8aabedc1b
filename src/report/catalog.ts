/** The `catalog` documents: the data hashcalc uses, each entry with its provenance, and the age check. Pure. */
import { CONVERSIONS } from '../catalog/conversions.js';
import { DEALS } from '../catalog/deals.js';
import { DEFAULT_FIGURES } from '../catalog/defaults.js';
import { type CatalogFigure, type CatalogSection, catalogFigures } from '../catalog/figures.js';
import { ageText, cadenceOf, catalogDateMs, freshness } from '../catalog/freshness.js';
import { DEFAULT_GPU_ID, GPUS } from '../catalog/gpus.js';
import {
  DEFAULT_MINER_ID,
  DEFAULT_MINER_PRICE_USD_PER_TH,
  FALLBACK_MINER_PRICE,
  MINERS,
  minerEfficiencyJPerTh,
} from '../catalog/miners.js';
import type { Provenance } from '../catalog/types.js';
import { VALUATIONS, type ValuationMark } from '../catalog/valuations.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import { grouped } from './format.js';

export const CATALOG_KINDS = ['miners', 'gpus', 'deals', 'conversions', 'valuations', 'defaults'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

const DAY_MS = 86_400_000;

export { ageText, catalogDateMs };

export interface StaleFigure {
  kind: CatalogSection;
  id: string;
  figure: string;
  asOf: string;
  ageDays: number;
  /** The figure's refresh cadence in days (src/catalog/freshness.ts); fixed facts are never stale. */
  cadenceDays: number;
  source: string;
  confidence: Provenance['confidence'];
}

export interface Staleness {
  /** The --stale limit in days; null when each figure is checked against its own cadence. */
  maxAgeDays: number | null;
  /** Each figure checked against its cadence (--stale without a duration). */
  byCadence: boolean;
  /** The day the ages are counted to (the run's clock), YYYY-MM-DD. */
  checkedOn: string;
  /** Figures whose age was checked (prices, rents, hashrates, statuses). */
  checked: number;
  /** Fixed facts not aged (nameplates, signed contract terms). */
  fixed: number;
  stale: StaleFigure[];
}

/**
 * Which dated figures of the catalog (of `kind`, or all) are older than `maxAgeMs` at `nowMs`, or, with
 * `maxAgeMs` null, older than each figure's own cadence (src/catalog/freshness.ts).
 */
export function staleness(nowMs: number, maxAgeMs: number | null, kind?: CatalogKind): Staleness {
  const figures = catalogFigures().filter((f) => kind === undefined || f.kind === kind);
  const aged = figures.filter((f) => f.provenance.fixed !== true);
  const limitMs = (f: CatalogFigure) => maxAgeMs ?? (cadenceOf(f).days ?? Number.POSITIVE_INFINITY) * DAY_MS;
  const stale = aged
    .map((f: CatalogFigure) => ({ f, ageMs: nowMs - catalogDateMs(f.provenance.asOf) }))
    .filter(({ f, ageMs }) => ageMs > limitMs(f))
    .sort((a, b) => b.ageMs - a.ageMs)
    .map(
      ({ f, ageMs }): StaleFigure => ({
        kind: f.kind,
        id: f.id,
        figure: f.figure,
        asOf: f.provenance.asOf,
        ageDays: Math.floor(ageMs / DAY_MS),
        cadenceDays: cadenceOf(f).days ?? Number.POSITIVE_INFINITY,
        source: f.provenance.source,
        confidence: f.provenance.confidence,
      }),
    );
  return {
    maxAgeDays: maxAgeMs === null ? null : maxAgeMs / DAY_MS,
    byCadence: maxAgeMs === null,
    checkedOn: new Date(nowMs).toISOString().slice(0, 10),
    checked: aged.length,
    fixed: figures.length - aged.length,
    stale,
  };
}

/** Why a catalog figure is null, by kind and field; a field not listed is one the source does not publish. */
const NULL_REASONS: Partial<Record<CatalogKind, Record<string, string>>> = {
  miners: {
    priceUsdPerTh: 'no dated price for the model: capex uses fallbackPriceUsdPerTh',
    priceProvenance: 'no dated price for the model: see fallbackPriceProvenance',
    usedPriceUsdPerTh: 'no dated used-market price for the model',
    usedPriceProvenance: 'no dated used-market price for the model',
  },
  gpus: {
    capexUsdPerGpu: 'no public price for the GPU: give --gpu-capex',
    systemUsdPerGpu: 'no public system price for the GPU',
    rentalUsdPerGpuHour: 'no public rent for the GPU: give --gpu-rent',
    rentalProvenance: 'no public rent for the GPU',
    rentalPriceBasis: 'no public rent for the GPU',
    onDemandUsdPerGpuHour: 'no public on-demand price for the GPU',
    onDemandProvenance: 'no public on-demand price for the GPU',
  },
  conversions: {
    tenant: 'no tenant announced',
    expected: 'no date announced',
  },
  valuations: { mwBasis: 'a cap rate is not per MW' },
};

/**
 * The entry with `nullReasons` when a field is null: every null says why (JSON contract). Nested objects
 * (a conversion's sites) get their own.
 */
function withNullReasons<T extends object>(kind: CatalogKind, entry: T): T {
  const reasons: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === null) reasons[key] = NULL_REASONS[kind]?.[key] ?? 'not published by the source';
    out[key] = Array.isArray(value)
      ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? withNullReasons(kind, v) : v))
      : value;
  }
  return (Object.keys(reasons).length > 0 ? { ...out, nullReasons: reasons } : out) as T;
}

function entries(kind: CatalogKind) {
  switch (kind) {
    case 'miners':
      return {
        kind,
        entries: MINERS.map((m) =>
          withNullReasons(kind, { ...m, efficiencyJPerTh: minerEfficiencyJPerTh(m) }),
        ),
        fallbackPriceUsdPerTh: DEFAULT_MINER_PRICE_USD_PER_TH,
        fallbackPriceProvenance: FALLBACK_MINER_PRICE,
      };
    case 'gpus':
      return { kind, entries: GPUS.map((g) => withNullReasons(kind, g)) };
    case 'deals':
      return { kind, entries: DEALS.map((d) => withNullReasons(kind, d)) };
    case 'conversions':
      return { kind, entries: CONVERSIONS.map((c) => withNullReasons(kind, c)) };
    case 'valuations':
      return {
        kind,
        entries: VALUATIONS.map((v) =>
          withNullReasons(kind, { ...v, unit: v.kind === 'cap-rate' ? 'fraction' : 'USD per MW' }),
        ),
      };
    case 'defaults':
      return { kind, entries: DEFAULT_FIGURES.map((d) => withNullReasons(kind, d)) };
  }
}

export interface FigureAge {
  id: string;
  figure: string;
  asOf: string;
  ageDays: number;
  /** A fixed fact (a nameplate, signed terms): no cadence, never overdue. */
  fixed: boolean;
  /** The refresh cadence in days; absent for a fixed fact. */
  cadenceDays?: number;
  overdue: boolean;
}

/** Every dated figure of the kind with its age at `nowMs` and whether it is past its cadence. */
export function figureAges(kind: CatalogKind, nowMs: number): FigureAge[] {
  return catalogFigures()
    .filter((f) => f.kind === kind)
    .map((f): FigureAge => {
      const { ageDays, cadenceDays, overdue } = freshness(f.provenance, cadenceOf(f), nowMs);
      const base = { id: f.id, figure: f.figure, asOf: f.provenance.asOf, ageDays, overdue };
      return cadenceDays === null ? { ...base, fixed: true } : { ...base, fixed: false, cadenceDays };
    });
}

export function catalogReport(kind: CatalogKind, nowMs: number, stale?: Staleness) {
  return {
    schemaVersion: DOCUMENT_VERSIONS.catalog,
    command: 'catalog' as const,
    ...entries(kind),
    ages: figureAges(kind, nowMs),
    ...(stale ? { stale } : {}),
  };
}

/** `catalog --stale` without a kind: the stale figures of the whole catalog as the entries. */
export function staleReport(stale: Staleness) {
  return {
    schemaVersion: DOCUMENT_VERSIONS.catalog,
    command: 'catalog' as const,
    kind: 'stale' as const,
    entries: stale.stale.map((s) => ({
      id: `${s.kind}/${s.id}`,
      kind: s.kind,
      figure: s.figure,
      ageDays: s.ageDays,
      provenance: { source: s.source, asOf: s.asOf, confidence: s.confidence },
    })),
    stale,
  };
}

export type CatalogDocument = ReturnType<typeof catalogReport>;
export type StaleDocument = ReturnType<typeof staleReport>;

export const CATALOG_DOCS_START = '<!-- catalog:start (generated from src/catalog by catalogMarkdown) -->';
export const CATALOG_DOCS_END = '<!-- catalog:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const money = (n: number) => `$${grouped(Math.round(n))}`;

/** A valuation mark's figure: a cap rate in percent, else USD per MW of its basis (a range when low < high). */
export function valuationText(v: Pick<ValuationMark, 'kind' | 'low' | 'high' | 'mwBasis'>): string {
  if (v.kind === 'cap-rate') {
    const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;
    return v.low === v.high ? pct(v.low) : `${pct(v.low)}-${pct(v.high)}`;
  }
  const m = (x: number) => `$${Number((x / 1e6).toFixed(2))}M`;
  const per = v.mwBasis === 'gross' ? 'gross MW' : v.mwBasis === 'it' ? 'IT MW' : 'MW (basis not stated)';
  return `${v.low === v.high ? m(v.low) : `${m(v.low)}-${m(v.high)}`} per ${per}`;
}

/** README's catalog section: the default GPU and miner figures and the catalog-based defaults, with sources. */
export function catalogMarkdown(): string {
  const gpu = GPUS.find((g) => g.id === DEFAULT_GPU_ID);
  const miner = MINERS.find((m) => m.id === DEFAULT_MINER_ID);
  const lines = ['| figure | value | basis | as of | source |', '|---|---|---|---|---|'];
  const add = (figure: string, value: string, basis: string, p: Provenance | null | undefined) =>
    lines.push(
      `| ${cell(figure)} | ${cell(value)} | ${cell(basis)} | ${p?.asOf ?? ''} | ${p?.source ?? ''} |`,
    );
  if (gpu) {
    add(`${gpu.name}: board power`, `${gpu.gpuW} W`, 'maker specification', gpu.provenance);
    add(`${gpu.name}: kW per GPU`, `${gpu.kwPerGpu.toFixed(4)} kW`, gpu.kwPerGpuBasis, gpu.provenance);
    add(
      `${gpu.name}: capex per GPU`,
      money(gpu.capexUsdPerGpu ?? Number.NaN),
      gpu.capexBasis,
      gpu.capexProvenance,
    );
    add(
      `${gpu.name}: rent (${gpu.rentalPriceBasis})`,
      `$${gpu.rentalUsdPerGpuHour?.toFixed(2)}/GPU-h`,
      gpu.rentalBasis,
      gpu.rentalProvenance,
    );
  }
  if (miner) {
    add(
      `${miner.name}: nameplate`,
      `${miner.hashrateThs} TH/s, ${miner.powerW} W`,
      'maker specification',
      miner.provenance,
    );
    add(
      `${miner.name}: price`,
      `$${miner.priceUsdPerTh}/TH`,
      'new units, ASIC price index',
      miner.priceProvenance,
    );
  }
  add(
    'miner price without a dated price',
    `$${DEFAULT_MINER_PRICE_USD_PER_TH}/TH`,
    'fallback (estimate)',
    FALLBACK_MINER_PRICE,
  );
  for (const d of DEFAULT_FIGURES) add(`\`${d.flag}\` default`, String(d.value), d.basis, d.provenance);
  for (const v of VALUATIONS)
    add(`valuation \`${v.id}\` (${v.kind})`, valuationText(v), v.basis, v.provenance);
  return `${CATALOG_DOCS_START}\n${lines.join('\n')}\n${CATALOG_DOCS_END}`;
}
