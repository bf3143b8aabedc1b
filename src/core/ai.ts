/** AI compute economics: a wholesale lease of critical IT load, and a GPU cloud the site owner runs. */
import { finishOption, HOURS_PER_YEAR, type OptionEconomics } from './units.js';

export interface LeaseInputs {
  siteMw: number;
  /** Grid MW per MW of critical IT load. */
  pueAi: number;
  leaseUsdPerKwMonth: number;
  /** Share (0..1] of the IT capacity leased and billed. */
  occupancy: number;
  /** false: the tenant pays for power (the usual triple-net lease). */
  landlordPaysPower: boolean;
  powerUsdPerKwh: number;
  /** Landlord's other opex as a share of revenue (1 - NOI margin). */
  otherOpexShare: number;
  fitOutUsdPerMwIt: number;
}

export interface LeaseEconomics extends OptionEconomics {
  id: 'ai-lease';
}

export function leaseEconomics(inputs: LeaseInputs): LeaseEconomics {
  const itMw = inputs.siteMw / inputs.pueAi;
  const leasedKw = itMw * 1000 * inputs.occupancy;
  const revenueUsdPerYear = leasedKw * inputs.leaseUsdPerKwMonth * 12;
  const energyKwhPerYear = inputs.landlordPaysPower ? leasedKw * inputs.pueAi * HOURS_PER_YEAR : 0;
  const result = finishOption(
    {
      id: 'ai-lease',
      itMw,
      units: leasedKw,
      unitLabel: 'kW leased',
      revenueUsdPerYear,
      energyKwhPerYear,
      energyUsdPerYear: energyKwhPerYear * inputs.powerUsdPerKwh,
      otherOpexUsdPerYear: revenueUsdPerYear * inputs.otherOpexShare,
      capexUsd: itMw * inputs.fitOutUsdPerMwIt,
    },
    inputs.siteMw,
  );
  return { ...result, id: 'ai-lease' };
}

export interface GpuCloudInputs {
  siteMw: number;
  pueAi: number;
  /** System-level draw per GPU, kW. */
  kwPerGpu: number;
  gpuUsdPerHour: number;
  /** Billed share (0..1] of GPU-hours. */
  utilization: number;
  powerUsdPerKwh: number;
  /** Other opex (staff, network, software, support) as a share of revenue. */
  otherOpexShare: number;
  capexUsdPerGpu: number;
  fitOutUsdPerMwIt: number;
}

export interface GpuCloudEconomics extends OptionEconomics {
  id: 'gpu-cloud';
}

export function gpuCloudEconomics(inputs: GpuCloudInputs): GpuCloudEconomics {
  const itMw = inputs.siteMw / inputs.pueAi;
  // + 1e-9: an exact multiple computed in floating point may land a hair below the integer.
  const gpus = Math.floor((itMw * 1000) / inputs.kwPerGpu + 1e-9);
  const revenueUsdPerYear = gpus * inputs.gpuUsdPerHour * HOURS_PER_YEAR * inputs.utilization;
  // GPUs draw power whether or not the hour is billed: full system draw, conservative.
  const energyKwhPerYear = gpus * inputs.kwPerGpu * inputs.pueAi * HOURS_PER_YEAR;
  const result = finishOption(
    {
      id: 'gpu-cloud',
      itMw,
      units: gpus,
      unitLabel: 'GPUs',
      revenueUsdPerYear,
      energyKwhPerYear,
      energyUsdPerYear: energyKwhPerYear * inputs.powerUsdPerKwh,
      otherOpexUsdPerYear: revenueUsdPerYear * inputs.otherOpexShare,
      capexUsd: gpus * inputs.capexUsdPerGpu + itMw * inputs.fitOutUsdPerMwIt,
    },
    inputs.siteMw,
  );
  return { ...result, id: 'gpu-cloud' };
}
