/** Announced AI/HPC conversions of public miners (placeholder until the catalog is filled in). */
import type { Provenance } from './types.js';

export interface Conversion {
  company: string;
  /** Self-mining hashrate the company reported, EH/s; null where it published none. */
  selfMiningEhs: number | null;
  provenance: Provenance;
}

export const CONVERSIONS: readonly Conversion[] = [];
