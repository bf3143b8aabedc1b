import type { GpuModel, Provenance } from './types.js';

const power = (system: string): Provenance => ({
  source: `NVIDIA/AMD product documentation (power), ${system}; prices from trade press, as compiled in hashcalc reference facts sections 6-7`,
  asOf: '2025-11',
  confidence: 'primary',
  note: 'power primary; capex and rental prices secondary estimates',
});

/** DGX H100: 10.2 kW for 8 x 700 W GPUs, i.e. 1.82x the board power at system level. */
const DGX_H100_SYSTEM_RATIO = 10.2 / 8 / 0.7;
/** DGX B200: 14.3 kW for 8 x 1000 W GPUs. */
const DGX_B200_SYSTEM_RATIO = 14.3 / 8 / 1.0;

export const GPUS: readonly GpuModel[] = [
  {
    id: 'h100', name: 'NVIDIA H100 SXM', vendor: 'NVIDIA', gpuW: 700, kwPerGpu: 10.2 / 8,
    kwPerGpuBasis: 'DGX H100: 10.2 kW max / 8 GPUs',
    capexUsdPerGpu: 27_500, capexBasis: 'midpoint of $25-30k per GPU (DGX ~$200k)',
    rentalUsdPerGpuHour: 2.5, rentalBasis: 'midpoint of $2.35-2.65 for 1-year contracts (2026)',
    aliases: ['h100sxm', 'nvidiah100'], provenance: power('DGX H100'),
  },
  {
    id: 'h200', name: 'NVIDIA H200 SXM', vendor: 'NVIDIA', gpuW: 700, kwPerGpu: 10.2 / 8,
    kwPerGpuBasis: 'DGX H200: 10.2 kW / 8 GPUs',
    capexUsdPerGpu: 35_000, capexBasis: '~$35k per GPU',
    rentalUsdPerGpuHour: null, rentalBasis: 'no dated public reference; pass --gpu-hour-price',
    aliases: ['h200sxm', 'nvidiah200'], provenance: power('DGX H200'),
  },
  {
    id: 'b200', name: 'NVIDIA B200', vendor: 'NVIDIA', gpuW: 1000, kwPerGpu: 14.3 / 8,
    kwPerGpuBasis: 'DGX B200: 14.3 kW / 8 GPUs',
    capexUsdPerGpu: 35_000, capexBasis: 'midpoint of $30-40k per GPU',
    rentalUsdPerGpuHour: 5.9, rentalBasis: 'midpoint of ~$5.30-6.50 per GPU-hour',
    aliases: ['nvidiab200'], provenance: power('DGX B200'),
  },
  {
    id: 'gb200-nvl72', name: 'NVIDIA GB200 NVL72', vendor: 'NVIDIA', gpuW: 1200, kwPerGpu: 120 / 72,
    kwPerGpuBasis: '~120 kW per 72-GPU liquid-cooled rack',
    capexUsdPerGpu: 3_000_000 / 72, capexBasis: '~$3M per 72-GPU rack',
    rentalUsdPerGpuHour: 10.5, rentalBasis: '~$10.50 per GPU-hour list price',
    aliases: ['gb200', 'gb200nvl72', 'nvl72'], provenance: power('GB200 NVL72 rack'),
  },
  {
    id: 'gb300-nvl72', name: 'NVIDIA GB300 NVL72', vendor: 'NVIDIA', gpuW: 1400, kwPerGpu: 126 / 72,
    kwPerGpuBasis: 'midpoint of 120-132 kW per 72-GPU rack',
    capexUsdPerGpu: 3_500_000 / 72, capexBasis: 'midpoint of $3-4M per 72-GPU rack',
    rentalUsdPerGpuHour: null, rentalBasis: 'no dated public reference; pass --gpu-hour-price',
    aliases: ['gb300', 'gb300nvl72'], provenance: power('GB300 NVL72 rack'),
  },
  {
    id: 'mi300x', name: 'AMD Instinct MI300X', vendor: 'AMD', gpuW: 750, kwPerGpu: 0.75 * DGX_H100_SYSTEM_RATIO,
    kwPerGpuBasis: 'estimate: node power not published; 750 W x DGX H100 system/GPU ratio (1.82)',
    capexUsdPerGpu: 12_500, capexBasis: 'midpoint of $10-15k per GPU',
    rentalUsdPerGpuHour: 1.75, rentalBasis: 'midpoint of $1.50-1.99 per GPU-hour',
    aliases: ['amdmi300x', 'instinctmi300x'],
    provenance: { ...power('MI300X OAM'), confidence: 'derived', note: 'system power is an estimate; pass --kw-per-gpu' },
  },
  {
    id: 'mi355x', name: 'AMD Instinct MI355X', vendor: 'AMD', gpuW: 1400, kwPerGpu: 1.4 * DGX_B200_SYSTEM_RATIO,
    kwPerGpuBasis: 'estimate: node power not published; 1400 W x DGX B200 system/GPU ratio (1.79)',
    capexUsdPerGpu: 24_000, capexBasis: '~$23-25k per GPU',
    rentalUsdPerGpuHour: null, rentalBasis: 'no dated public reference; pass --gpu-hour-price',
    aliases: ['amdmi355x', 'instinctmi355x'],
    provenance: { ...power('MI355X'), confidence: 'derived', note: 'system power is an estimate; pass --kw-per-gpu' },
  },
];

export const DEFAULT_GPU_ID = 'h100';
