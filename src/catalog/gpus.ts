import { grouped } from './text.js';
import type { GpuModel, Provenance } from './types.js';

/*
 * GPU cloud figures. Capex is all-in per GPU: the server (or rack) share plus the scale-out InfiniBand fabric
 * and a storage share; the building, power and cooling plant are --fit-out, not here. Power is the cluster's
 * draw per GPU: the maker's system figure plus ~10% for the network and storage. Rental prices used as
 * defaults are contract prices only (a contract bills every contracted hour, so the default utilization is 1);
 * on-demand prices are kept for comparison and are never a default.
 */

/** The H100 cluster model of a 2,048-node (16,384-GPU) cluster, August 2024: the switch and cable lines. */
const H100_CLUSTER_SHEET =
  'https://docs.google.com/spreadsheets/d/1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc/edit?usp=sharing';
export const IB_SWITCHES_USD = 27_648_000;
export const IB_CABLES_USD = 41_943_040;
export const IB_CLUSTER_GPUS = 16_384;
/** Derived: InfiniBand switches and cables per GPU of that cluster (3.2 Tb/s per node, two switch layers). */
export const IB_FABRIC_USD_PER_GPU = (IB_SWITCHES_USD + IB_CABLES_USD) / IB_CLUSTER_GPUS;
/** Estimate: parallel storage per GPU (~7% of an H100 node's share); no public per-GPU figure was found. */
export const STORAGE_USD_PER_GPU = 3_000;
/** Estimate: scale-out switches and storage add ~10% to the servers' draw (networking gear 5-10% of the total). */
export const NETWORK_STORAGE_POWER_SHARE = 0.1;

export const CLUSTER_OVERHEAD_PROVENANCE: readonly Provenance[] = [
  {
    source: H100_CLUSTER_SHEET,
    asOf: '2024-08',
    confidence: 'derived',
    note: `InfiniBand fabric $${grouped(Math.round(IB_FABRIC_USD_PER_GPU))}/GPU: switches $27.65M + cables $41.94M over 16,384 H100s (the model behind "H100 Freakonomics", https://substack.tech-talk-cto.com/p/h100-freakonomics-the-economical)`,
  },
  {
    source: 'https://substack.tech-talk-cto.com/p/h100-freakonomics-the-economical',
    asOf: '2026-12-01',
    confidence: 'estimate',
    note: `storage $${grouped(STORAGE_USD_PER_GPU)}/GPU is an estimate: the cluster model prices nodes and fabric but not storage`,
  },
  {
    source: 'https://busiflexvideosystems.com/busiflex-ai-power-requirements',
    asOf: '2026-12-01',
    confidence: 'estimate',
    note: `+${NETWORK_STORAGE_POWER_SHARE * 100}% power for network and storage, hashcalc's estimate: an (undated) guide puts networking gear at ~5-10% of an AI cluster's power; no maker publishes a per-GPU figure`,
  },
];

/** All-in capex per GPU from the server share: + fabric + storage. */
export function allInCapexUsdPerGpu(systemUsdPerGpu: number): number {
  return systemUsdPerGpu + IB_FABRIC_USD_PER_GPU + STORAGE_USD_PER_GPU;
}

/** Cluster draw per GPU from the server's: + network and storage (to the micro-watt, so 1.4025 reads 1.4025). */
export function clusterKwPerGpu(serverKwPerGpu: number): number {
  return Math.round(serverKwPerGpu * (1 + NETWORK_STORAGE_POWER_SHARE) * 1e9) / 1e9;
}

/** DGX H100: 10.2 kW for 8 x 700 W GPUs, i.e. 1.82x the board power at system level. */
const DGX_H100_SYSTEM_RATIO = 10.2 / 8 / 0.7;
/** DGX B200: 14.3 kW for 8 x 1000 W GPUs. */
const DGX_B200_SYSTEM_RATIO = 14.3 / 8 / 1.0;

/** H100 server share: an 8-GPU HGX H100 node with 8 x 400 Gb/s InfiniBand quoted at $317,000 (Thinkmate). */
export const H100_NODE_USD = 317_000;

const spec = (
  source: string,
  note: string,
  confidence: Provenance['confidence'] = 'secondary',
): Provenance => ({
  source,
  asOf: '2025-11',
  confidence,
  note,
  fixed: true,
});

/** NVIDIA's DGX H100/H200 user guide: six 3.3 kW power supplies, 10.2 kW maximum system input. */
const DGX_H100_GUIDE = 'https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html';

const SEMIANALYSIS_H100: Provenance = {
  source: 'https://newsletter.semianalysis.com/p/the-great-gpu-shortage-rental-capacity',
  asOf: '2026-06',
  confidence: 'secondary',
  note: 'SemiAnalysis H100 1-year rental price index (a survey of neocloud contracts, launched 2026-04-02 at this address): $1.70 in October 2025, $2.35 in March 2026, ~$2.65 in late June 2026 (the June reading as reported at https://theinformationmachine.fyi/threads/gpu-spot-contract-pricing/; H100 spot then $2.42); the survey itself is subscriber research',
};

const CLIFF_CENTER: Provenance = {
  source: 'https://www.cliffcenter.com/research/amd-inference-economics',
  asOf: '2026-05-18',
  confidence: 'secondary',
  note: 'on-demand list prices (H100 SXM $2.99 at Lambda; MI300X median $1.99, $1.50-1.85 at TensorWave, Crusoe, Vultr)',
};

const SPHERON_BLACKWELL: Provenance = {
  source: 'https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200',
  asOf: '2026-03-17',
  confidence: 'secondary',
  note: 'Spheron on-demand list prices: B200 $6.03/h; GB200 $9.08/h per Superchip (two B200 GPUs)',
};

export const GPUS: readonly GpuModel[] = [
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM',
    vendor: 'NVIDIA',
    gpuW: 700,
    serverKwPerGpu: 10.2 / 8,
    kwPerGpu: clusterKwPerGpu(10.2 / 8),
    kwPerGpuBasis: 'DGX H100 10.2 kW max / 8 GPUs = 1.275 kW, +10% network and storage',
    systemUsdPerGpu: H100_NODE_USD / 8,
    capexUsdPerGpu: allInCapexUsdPerGpu(H100_NODE_USD / 8),
    capexBasis:
      'all-in ~$46.9k: node $317k / 8 + InfiniBand $4.2k + storage $3k per GPU (2024-08); the GPU alone is $25-30k',
    capexProvenance: {
      source: H100_CLUSTER_SHEET,
      asOf: '2024-08',
      confidence: 'derived',
      note: 'HGX H100 node quoted at $317k (Thinkmate) in the H100 cluster model; its $47-52k per GPU includes a facility and operations share that hashcalc counts in --fit-out instead; no newer all-in figure per GPU was found (checked 2026-12; used H100 SXM boards traded ~$22-25k in Q1 2026)',
    },
    rentalUsdPerGpuHour: 2.65,
    rentalPriceBasis: 'contract',
    rentalBasis: '1-year contract, billed on every contracted hour (SemiAnalysis index, late 2026-06)',
    rentalProvenance: SEMIANALYSIS_H100,
    onDemandUsdPerGpuHour: 2.99,
    onDemandProvenance: CLIFF_CENTER,
    aliases: ['h100sxm', 'nvidiah100'],
    provenance: spec(
      DGX_H100_GUIDE,
      'DGX H100/H200 user guide: six 3.3 kW PSUs, 10.2 kW maximum system input; H100 SXM 700 W',
      'primary',
    ),
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    vendor: 'NVIDIA',
    gpuW: 700,
    serverKwPerGpu: 10.2 / 8,
    kwPerGpu: clusterKwPerGpu(10.2 / 8),
    kwPerGpuBasis: 'DGX H200 10.2 kW max / 8 GPUs = 1.275 kW, +10% network and storage',
    systemUsdPerGpu: H100_NODE_USD / 8 + 2_500,
    capexUsdPerGpu: allInCapexUsdPerGpu(H100_NODE_USD / 8 + 2_500),
    capexBasis:
      'estimate ~$49.4k: the H100 node share + $2.5k GPU premium (H200 $25-35k vs H100 $25-30k) + InfiniBand + storage',
    capexProvenance: {
      source: 'https://awesomeagents.ai/hardware/nvidia-h200',
      asOf: '2024-12',
      confidence: 'estimate',
      note: 'H200 "available since late 2024, priced at $25,000-$35,000" (undated page); no public H200 node price was found: the H100 node share plus the GPU price difference',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis:
      'no public 1-year contract price; pass --gpu-hour-price (and --utilization for an on-demand price)',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: 3.0,
    onDemandProvenance: {
      source: 'https://www.mercatus-ai.com/blog/cloud-gpu-pricing',
      asOf: '2026-05',
      confidence: 'secondary',
      note: 'on-demand H200 SXM5 $2.50-3.50 at long-tail providers (midpoint), $3.50-4.50 specialty, $4.50-7.00 hyperscalers',
    },
    aliases: ['h200sxm', 'nvidiah200'],
    provenance: spec(
      DGX_H100_GUIDE,
      'DGX H100/H200 user guide: 10.2 kW maximum system input; H200 SXM 700 W',
      'primary',
    ),
  },
  {
    id: 'b200',
    name: 'NVIDIA B200',
    vendor: 'NVIDIA',
    gpuW: 1000,
    serverKwPerGpu: 14.3 / 8,
    kwPerGpu: clusterKwPerGpu(14.3 / 8),
    kwPerGpuBasis: 'DGX B200 14.3 kW max / 8 GPUs = 1.788 kW, +10% network and storage',
    systemUsdPerGpu: 515_000 / 8,
    capexUsdPerGpu: allInCapexUsdPerGpu(515_000 / 8),
    capexBasis: 'all-in ~$71.6k: DGX B200 $515k list / 8 + InfiniBand $4.2k + storage $3k per GPU (2025-03)',
    capexProvenance: {
      source: 'https://vengineer.hatenablog.com/entry/2025/03/16/080000',
      asOf: '2025-03',
      confidence: 'derived',
      note: 'DGX B200 at $515k (NVIDIA list, as reported); OEM HGX B200 servers sell below DGX list',
    },
    rentalUsdPerGpuHour: 2.65,
    rentalPriceBasis: 'contract',
    rentalBasis:
      'lowest reserved-contract rate quoted (2026-04), billed on every contracted hour; spot ~$2.25',
    rentalProvenance: {
      source: 'https://inworld.ai/resources/nvidia-b200-gpu-cloud',
      asOf: '2026-04-13',
      confidence: 'secondary',
      note: 'B200 cloud pricing "from $2.65/hr (reserved) to $14.24/hr (on-demand)": the low end of reserved quotes, so a conservative contract rate',
    },
    onDemandUsdPerGpuHour: 6.03,
    onDemandProvenance: SPHERON_BLACKWELL,
    aliases: ['nvidiab200'],
    provenance: spec(
      'https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html',
      'DGX B200 user guide: six 3.3 kW PSUs, 14.3 kW max; B200 1,000 W',
      'primary',
    ),
  },
  {
    id: 'b300',
    name: 'NVIDIA B300',
    vendor: 'NVIDIA',
    gpuW: 1250,
    serverKwPerGpu: 14.5 / 8,
    kwPerGpu: clusterKwPerGpu(14.5 / 8),
    kwPerGpuBasis:
      'DGX B300 14.5 kW / 8 GPUs = 1.813 kW (GPU board power 1100-1400 W), +10% network and storage',
    systemUsdPerGpu: null,
    capexUsdPerGpu: null,
    capexBasis:
      'no reliable public price (8-GPU systems quoted $300-350k, below the DGX B200 list); pass --gpu-capex',
    capexProvenance: {
      source: 'https://ifactoryapp.com/sap-integration/on-prem-ai/nvidia-dgx-b200-b300-blackwell-systems',
      asOf: '2026-05',
      confidence: 'estimate',
      note: 'a reseller quotes $300-350k for a full 8-GPU B300 system, less than the $515k DGX B200 list: too uncertain for a default',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis: 'no public 1-year contract price; pass --gpu-hour-price',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: null,
    onDemandProvenance: null,
    aliases: ['nvidiab300', 'b300hgx'],
    provenance: spec(
      'https://aiwiki.ai/wiki/nvidia_dgx_b300',
      'DGX B300 (Blackwell Ultra, shipping from January 2026): ~14.5 kW per 8-GPU system; board power 1,100-1,400 W',
    ),
  },
  {
    id: 'gb200-nvl72',
    name: 'NVIDIA GB200 NVL72',
    vendor: 'NVIDIA',
    gpuW: 1200,
    serverKwPerGpu: 120 / 72,
    kwPerGpu: clusterKwPerGpu(120 / 72),
    kwPerGpuBasis: '~120 kW per 72-GPU liquid-cooled rack = 1.667 kW, +10% network and storage',
    systemUsdPerGpu: 3_000_000 / 72,
    capexUsdPerGpu: allInCapexUsdPerGpu(3_000_000 / 72),
    capexBasis: 'all-in ~$48.9k: ~$3M rack / 72 + InfiniBand $4.2k + storage $3k per GPU',
    capexProvenance: {
      source: 'https://awesomeagents.ai/hardware/nvidia-gb200-nvl72',
      asOf: '2025-01',
      confidence: 'derived',
      note: 'racks "priced at $2-3 million, with shipments beginning in early 2025" (undated page, dated to those shipments): the top of the range; the rack includes the NVLink switch trays and Grace CPUs',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis:
      'no public 1-year contract price; pass --gpu-hour-price (on-demand ~$4.54 per GPU needs --utilization below 1)',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: 9.08 / 2,
    onDemandProvenance: SPHERON_BLACKWELL,
    aliases: ['gb200', 'gb200nvl72', 'nvl72'],
    provenance: spec(
      'https://awesomeagents.ai/hardware/nvidia-gb200-nvl72',
      '72 Blackwell GPUs (1,200 W) and 36 Grace CPUs per rack, ~120 kW, fully liquid-cooled',
    ),
  },
  {
    id: 'gb300-nvl72',
    name: 'NVIDIA GB300 NVL72',
    vendor: 'NVIDIA',
    gpuW: 1400,
    serverKwPerGpu: 126 / 72,
    kwPerGpu: clusterKwPerGpu(126 / 72),
    kwPerGpuBasis: 'midpoint of 120-132 kW per 72-GPU rack = 1.75 kW, +10% network and storage',
    systemUsdPerGpu: 3_500_000 / 72,
    capexUsdPerGpu: allInCapexUsdPerGpu(3_500_000 / 72),
    capexBasis: 'all-in ~$55.9k: midpoint of $3-4M per rack / 72 + InfiniBand $4.2k + storage $3k per GPU',
    capexProvenance: {
      source: 'https://awesomeagents.ai/hardware/nvidia-gb300-nvl72',
      asOf: '2025-03',
      confidence: 'derived',
      note: 'an estimated $3-4M per rack before availability (undated page, dated to the March 2025 announcement), midpoint; IREN bought GB300 systems from Dell for ~$5.8B for ~200 MW of IT (hashcalc catalog deals)',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis: 'no public per-GPU contract price; pass --gpu-hour-price',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: null,
    onDemandProvenance: null,
    aliases: ['gb300', 'gb300nvl72'],
    provenance: spec(
      'https://epium.com/news/nvidia-gb300-blackwell-ultra-nvl72-liquid-cooling-costs-nearly-usd-50000',
      '72 Blackwell Ultra GPUs at 1,400 W; 18 compute trays of ~6.6 kW plus 9 switch trays: ~120-132 kW a rack (Morgan Stanley model)',
    ),
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    gpuW: 750,
    serverKwPerGpu: 0.75 * DGX_H100_SYSTEM_RATIO,
    kwPerGpu: clusterKwPerGpu(0.75 * DGX_H100_SYSTEM_RATIO),
    kwPerGpuBasis:
      'estimate: node power not published; 750 W x the DGX H100 system/GPU ratio (1.82) = 1.366 kW, +10% network and storage',
    systemUsdPerGpu: 12_500 * (H100_NODE_USD / 8 / 27_500),
    capexUsdPerGpu: allInCapexUsdPerGpu(12_500 * (H100_NODE_USD / 8 / 27_500)),
    capexBasis: 'estimate ~$25.3k: GPU $10-15k x the H100 node-share/GPU ratio (1.44) + InfiniBand + storage',
    capexProvenance: {
      source: 'https://awesomeagents.ai/hardware/amd-mi300x',
      asOf: '2023-12',
      confidence: 'estimate',
      note: 'street price $10-15k per GPU (undated page, dated to the December 2023 launch); no public node price: scaled like an H100 node ($39.6k share for a $27.5k GPU)',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis: 'no public 1-year contract price; on-demand ~$1.99 (2026-05) needs --utilization below 1',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: 1.99,
    onDemandProvenance: CLIFF_CENTER,
    aliases: ['amdmi300x', 'instinctmi300x'],
    provenance: {
      ...spec('https://aiwiki.ai/wiki/amd_instinct_mi300x', 'MI300X OAM: 750 W; node power not published'),
      confidence: 'estimate',
      note: 'board power 750 W (AMD); system power is an estimate: pass --kw-per-gpu',
    },
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'AMD',
    gpuW: 1400,
    serverKwPerGpu: 1.4 * DGX_B200_SYSTEM_RATIO,
    kwPerGpu: clusterKwPerGpu(1.4 * DGX_B200_SYSTEM_RATIO),
    kwPerGpuBasis:
      'estimate: node power not published; 1400 W x the DGX B200 system/GPU ratio (1.79) = 2.503 kW, +10% network and storage',
    systemUsdPerGpu: null,
    capexUsdPerGpu: null,
    capexBasis: 'no public price located; pass --gpu-capex',
    capexProvenance: {
      source: 'https://aiwiki.ai/wiki/amd_instinct_mi355x',
      asOf: '2025-10',
      confidence: 'estimate',
      note: 'AMD publishes no list price and no public quote was found',
    },
    rentalUsdPerGpuHour: null,
    rentalPriceBasis: null,
    rentalBasis: 'no public 1-year contract price; pass --gpu-hour-price',
    rentalProvenance: null,
    onDemandUsdPerGpuHour: null,
    onDemandProvenance: null,
    aliases: ['amdmi355x', 'instinctmi355x'],
    provenance: {
      ...spec(
        'https://aiwiki.ai/wiki/amd_instinct_mi355x',
        'MI355X: 1,400 W total board power, liquid-cooled; general availability October 2025',
      ),
      confidence: 'estimate',
      note: 'board power 1,400 W (AMD); system power is an estimate: pass --kw-per-gpu',
    },
  },
];

export const DEFAULT_GPU_ID = 'h100';
