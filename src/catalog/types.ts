/** Where a catalog figure came from. Labels follow the reference facts: primary, secondary, derived, approx. */
export type Confidence = 'primary' | 'secondary' | 'derived' | 'approx';

export interface Provenance {
  source: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) the figure was published or gathered. */
  asOf: string;
  confidence: Confidence;
  note?: string;
}

export interface MinerModel {
  id: string;
  name: string;
  vendor: 'Bitmain' | 'MicroBT' | 'Canaan' | 'Bitdeer';
  hashrateThs: number;
  powerW: number;
  cooling: 'air' | 'hydro' | 'immersion';
  year: number;
  /** Hardware price in USD per TH/s where a dated public reference exists. */
  priceUsdPerTh: number | null;
  aliases: readonly string[];
  provenance: Provenance;
}

export interface GpuModel {
  id: string;
  name: string;
  vendor: 'NVIDIA' | 'AMD';
  /** Board power of one accelerator, W. */
  gpuW: number;
  /** System-level draw per GPU (host, network, fans included), kW. */
  kwPerGpu: number;
  kwPerGpuBasis: string;
  /** All-in hardware capex per GPU (server or rack share), USD; null where no public price exists. */
  capexUsdPerGpu: number | null;
  capexBasis: string;
  /** Reference rental price, USD per GPU-hour; null where no public reference exists. */
  rentalUsdPerGpuHour: number | null;
  rentalBasis: string;
  aliases: readonly string[];
  provenance: Provenance;
}

export interface LeaseDeal {
  id: string;
  landlord: string;
  tenant: string;
  kind: 'lease' | 'gpu-cloud';
  itMw: number;
  termYears: number;
  totalValueUsd: number;
  /** Derived: totalValueUsd / itMw / termYears. */
  usdPerMwYear: number;
  /** Derived: usdPerMwYear / 1000 / 12. */
  usdPerKwMonth: number;
  note: string;
  provenance: Provenance;
}
