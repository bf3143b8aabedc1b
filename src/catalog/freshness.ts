/**
 * How often each kind of figure is meant to be refreshed (its cadence), and how old a figure is. One place:
 * `catalog --stale` (no duration) checks each figure against its cadence, `catalog` shows each figure's age,
 * and the tables that use a figure mark it when it is older than its cadence. Pure.
 */
import type { CatalogFigure } from './figures.js';
import type { Provenance } from './types.js';

export type FreshnessKind = 'network' | 'market' | 'company' | 'fixed';

export interface Cadence {
  kind: FreshnessKind;
  /** Days after which a figure of this kind is past its cadence; null: a fixed fact, never stale. */
  days: number | null;
  /** Why this cadence (docs/data.md says the same). */
  basis: string;
}

export const CADENCES: Readonly<Record<FreshnessKind, Cadence>> = {
  network: {
    kind: 'network',
    days: 90,
    basis:
      'the embedded network snapshot (price, fees; height and difficulty from the newest epoch): difficulty ' +
      'retargets every ~2 weeks and hashprice moves with BTC; past 90 days a hashprice of two dates is said on stderr',
  },
  market: {
    kind: 'market',
    days: 365,
    basis:
      'prices, rents, capex and the market-based defaults: refreshed once a year; a quote is carried from its own ' +
      'date (e.g. GPU rent -20%/yr), so within a year the carry is small, beyond it the figure is a guess',
  },
  company: {
    kind: 'company',
    days: 180,
    basis:
      "conversions' statuses and self-mining hashrates: companies report quarterly; two missed reports make it stale",
  },
  fixed: {
    kind: 'fixed',
    days: null,
    basis: 'nameplates and the terms of signed contracts: facts that do not change, never stale',
  },
};

/** The cadence of a catalog figure: fixed facts never age, conversions follow company reports, the rest the market. */
export function cadenceOf(figure: Pick<CatalogFigure, 'kind' | 'provenance'>): Cadence {
  if (figure.provenance.fixed === true) return CADENCES.fixed;
  return figure.kind === 'conversions' ? CADENCES.company : CADENCES.market;
}

const DAY_MS = 86_400_000;

/** A catalog date (YYYY-MM-DD, or YYYY-MM read as the month's first day) in ms since the epoch (UTC). */
export function catalogDateMs(asOf: string): number {
  const day = /^\d{4}-\d{2}$/.test(asOf) ? `${asOf}-01` : asOf;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
}

export interface Freshness {
  /** Whole days from the figure's date to `nowMs` (0 when dated ahead). */
  ageDays: number;
  /** The cadence in days; null for a fixed fact. */
  cadenceDays: number | null;
  /** Older than its cadence. */
  overdue: boolean;
}

export function freshness(provenance: Pick<Provenance, 'asOf'>, cadence: Cadence, nowMs: number): Freshness {
  const ageMs = Math.max(0, nowMs - catalogDateMs(provenance.asOf));
  return {
    ageDays: Math.floor(ageMs / DAY_MS),
    cadenceDays: cadence.days,
    overdue: cadence.days !== null && ageMs > cadence.days * DAY_MS,
  };
}

/** "14 mo", "45 d": a figure's age in a table cell. */
export function ageText(ageDays: number): string {
  return ageDays < 60 ? `${ageDays} d` : `${Math.floor(ageDays / 30.44)} mo`;
}
