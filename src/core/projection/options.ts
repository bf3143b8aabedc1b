/**
 * Each option's flows month by month: keep mining (owned or new fleet, refreshed or retired at the end of its
 * life), or convert (fit-out spread over the build, the site mining until go-live, the miners sold) to an AI
 * lease (escalator, term, ramp) or a GPU cloud (rent declining as the GPUs age, bought again each life).
 */
import { gpuCloudEconomics, leaseEconomics } from '../ai.js';
import { subsidyBtc } from '../bitcoin.js';
import type { ChainProjection } from '../chain.js';
import { computeHashprice } from '../hashprice.js';
import { miningEconomics, netMiningRevenueUsdPerDay } from '../mining.js';
import { power } from '../units.js';
import { type Asset, addResidual, needsDepreciation, setDepreciation } from './assets.js';
import { Flows, type OptionFlows } from './flows.js';
import type { ProjectionInputs, ProjectOptions } from './types.js';

export function hashpriceToday(inputs: ProjectionInputs): number {
  return computeHashprice({
    difficulty: inputs.network.difficulty,
    subsidyBtc: subsidyBtc(inputs.network.heightBlocks),
    avgFeesBtcPerBlock: inputs.network.avgFeesBtcPerBlock,
    btcUsd: inputs.network.btcUsd,
  }).hashpriceUsdPerPhDay;
}

interface MiningMonthly {
  /** Fleet revenue per month from the chain's hashprice integral (before curtailment). */
  revenue: number[];
  /** Energy per month. */
  energy: number;
  /** Other mining opex per month (staff, maintenance, insurance, G&A): paid in the months the fleet mines. */
  otherOpex: number;
  height: number[];
  fleetCapexUsd: number;
  fleetThs: number;
}

/**
 * The fleet's monthly figures depend only on the mining inputs and the chain: a solver's trials that change
 * neither (a lease rate, a GPU price) reuse them.
 */
const miningMonthlyMemo = new WeakMap<object, WeakMap<ChainProjection, MiningMonthly>>();

export function miningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const byChain = miningMonthlyMemo.get(inputs.mining) ?? new WeakMap<ChainProjection, MiningMonthly>();
  miningMonthlyMemo.set(inputs.mining, byChain);
  const known = byChain.get(chain);
  if (known) return known;
  const made = computeMiningMonthly(inputs, chain);
  byChain.set(chain, made);
  return made;
}

function computeMiningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const today = miningEconomics({
    ...inputs.mining,
    hashpriceUsdPerPhDay: hashpriceToday(inputs),
    btcUsd: inputs.network.btcUsd,
  });
  const { poolFee, uptime } = inputs.mining;
  return {
    revenue: chain.months.map((m) =>
      netMiningRevenueUsdPerDay(today.hashrateThs, m.usdPerPhOverMonth, poolFee, uptime),
    ),
    energy: today.energyUsdPerYear / 12,
    otherOpex: today.otherOpexUsdPerYear / 12,
    height: chain.months.map((m) => m.heightBlocks),
    fleetCapexUsd: today.capexUsd,
    fleetThs: today.hashrateThs,
  };
}

/** Keep mining (owned or new fleet), month by month; `untilMonth` stops it (a conversion's go-live). */
export function miningFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: { untilMonth?: number; idleFrom?: number; depreciation?: boolean } = {},
): { flows: Flows; assets: Asset[] } {
  const flows = new Flows(months + 1);
  const assets: Asset[] = [];
  const life = Math.max(1, inputs.minerLifeMonths);
  if (inputs.fleet === 'new') {
    flows.capex[0] = (flows.capex[0] as number) + mm.fleetCapexUsd;
    assets.push({ month: 0, costUsd: mm.fleetCapexUsd, lifeMonths: life });
  }
  const until = options.untilMonth ?? months;
  let retiredAfter = Number.POSITIVE_INFINITY;
  for (let m = 1; m <= months; m++) {
    flows.height[m] = mm.height[m - 1] ?? Number.NaN;
    if (m > until || m > retiredAfter || (options.idleFrom !== undefined && m >= options.idleFrom)) continue;
    flows.miningRevenue[m] = mm.revenue[m - 1] ?? 0;
    flows.miningEnergy[m] = mm.energy;
    flows.miningOtherOpex[m] = mm.otherOpex;
    flows.miningActive[m] = 1;
    // The fleet reaches the end of its life at the end of month `life` (and every `life` months after).
    if (m % life === 0 && m < until) {
      if (inputs.minerEnd === 'refresh') {
        flows.capex[m] = (flows.capex[m] as number) + mm.fleetCapexUsd;
        assets.push({ month: m, costUsd: mm.fleetCapexUsd, lifeMonths: life });
      } else retiredAfter = m;
    }
  }
  setDepreciation(flows, assets, options.depreciation ?? true);
  return { flows, assets };
}

/** The conversion common to both AI options: fit-out spread over the build, the site mining until go-live. */
function conversionFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  fitOutUsd: number,
): { flows: Flows; assets: Asset[]; goLive: number } {
  const goLive = Math.min(inputs.conversionMonths, months);
  const mining = miningFlows(inputs, mm, months, {
    untilMonth: goLive,
    depreciation: false,
    ...(inputs.idleDuringBuild ? { idleFrom: 1 } : {}),
  });
  const flows = mining.flows;
  flows.height.fill(Number.NaN);
  // The miners are sold at go-live (a new fleet bought today too): their book value leaves with them.
  const assets: Asset[] = mining.assets.map((a) => ({ ...a, soldAt: goLive }));
  flows.other[goLive] = (flows.other[goLive] as number) + inputs.minerResaleUsdPerTh * mm.fleetThs;
  if (goLive === 0) flows.capex[0] = (flows.capex[0] as number) + fitOutUsd;
  else for (let m = 1; m <= goLive; m++) flows.capex[m] = (flows.capex[m] as number) + fitOutUsd / goLive;
  assets.push({ month: goLive, costUsd: fitOutUsd, lifeMonths: Math.max(1, inputs.fitOutLifeMonths) });
  return { flows, assets, goLive };
}

function ramp(inputs: ProjectionInputs, monthsLive: number): number {
  return inputs.rampMonths > 0 ? Math.min(1, monthsLive / inputs.rampMonths) : 1;
}

export function leaseFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const today = leaseEconomics(inputs.lease);
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, today.capexUsd);
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive; // months live
    if (k > inputs.leaseTermMonths) break;
    const share = ramp(inputs, k);
    const escalator = power(1 + inputs.leaseEscalatorPerYear, Math.floor((k - 1) / 12));
    flows.aiRevenue[m] = (today.revenueUsdPerYear / 12) * share * escalator;
    flows.aiFixedOpex[m] = (today.energyUsdPerYear / 12) * share;
  }
  flows.aiOpexShare = inputs.lease.otherOpexShare;
  setDepreciation(flows, assets, needsDepreciation(inputs, options));
  return { id: 'ai-lease', flows, residualUsd: addResidual(flows, inputs, assets), goLiveMonth: goLive };
}

export function gpuFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const today = gpuCloudEconomics(inputs.gpu);
  const fitOutUsd = today.itMw * inputs.gpu.fitOutUsdPerMwIt;
  const gpuCapexUsd = today.capexUsd - fitOutUsd;
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, fitOutUsd);
  const life = Math.max(1, inputs.gpuLifeMonths);
  // GPUs bought at go-live, and again at the end of each life within the horizon.
  for (let bought = goLive; bought === goLive || bought < months; bought += life) {
    flows.capex[bought] = (flows.capex[bought] as number) + gpuCapexUsd;
    assets.push({ month: bought, costUsd: gpuCapexUsd, lifeMonths: life });
  }
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive;
    // Rent declines as the GPUs age; a refreshed fleet starts again at today's rent for new GPUs.
    const age = (k - 1) % life;
    const rent = power(1 - inputs.gpuPriceDeclinePerYear, age / 12);
    const share = ramp(inputs, k);
    flows.aiRevenue[m] = (today.revenueUsdPerYear / 12) * rent * share;
    flows.aiFixedOpex[m] = (today.energyUsdPerYear / 12) * share;
  }
  flows.aiOpexShare = inputs.gpu.otherOpexShare;
  setDepreciation(flows, assets, needsDepreciation(inputs, options));
  return { id: 'gpu-cloud', flows, residualUsd: addResidual(flows, inputs, assets), goLiveMonth: goLive };
}
