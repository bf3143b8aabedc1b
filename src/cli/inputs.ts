/**
 * From raw command options to validated, defaulted inputs for the core, with the origin of each value
 * (flag, default or catalog) so the output can state every assumption.
 */
import { DEFAULT_GPU_ID, GPUS } from '../catalog/gpus.js';
import { matchModel, type Named } from '../catalog/match.js';
import { DEFAULT_MINER_ID, DEFAULT_MINER_PRICE_USD_PER_TH, MINERS } from '../catalog/miners.js';
import type { GpuModel, MinerModel } from '../catalog/types.js';
import type { GpuCloudInputs, LeaseInputs } from '../core/ai.js';
import type { FleetModel } from '../core/mining.js';
import { UsageError } from './errors.js';
import { AI_FLAGS, type FlagDef, MINING_FLAGS, NETWORK_FLAGS, SITE_FLAGS } from './flags.js';
import { parseModelCount, parseNumberFlag } from './parse.js';

export type RawOptions = Readonly<Record<string, unknown>>;
export type Origin = 'flag' | 'default' | 'catalog';

export interface Assumption {
  value: number | string | boolean;
  origin: Origin;
  basis?: string;
}

/** Every input used, by name, with where it came from. */
export type Assumptions = Record<string, Assumption>;

function numberInput(
  options: RawOptions,
  def: FlagDef,
  name: string,
  into: Assumptions,
  fallback?: { value: number; origin: Origin; basis?: string },
): number {
  const raw = options[def.key];
  if (raw !== undefined) {
    const value = parseNumberFlag(raw, def.spec);
    into[name] = { value, origin: 'flag' };
    return value;
  }
  const chosen =
    fallback ??
    (def.defaultValue !== undefined
      ? { value: def.defaultValue, origin: 'default' as const, basis: def.basis }
      : undefined);
  if (!chosen) throw new UsageError(`${def.spec.flag} is required: expected ${def.spec.accepts}`);
  into[name] = chosen.basis
    ? { value: chosen.value, origin: chosen.origin, basis: chosen.basis }
    : { value: chosen.value, origin: chosen.origin };
  return chosen.value;
}

export function findInCatalog<T extends Named>(
  query: string,
  catalog: readonly T[],
  flag: string,
  listCommand: string,
): T {
  const result = matchModel(query, catalog);
  if (result.ok) return result.model;
  const closest = result.suggestions.map((s) => `'${s.name}'`).join(', ');
  throw new UsageError(
    `${flag}: unknown model '${query}'; closest: ${closest} (see 'hashcalc catalog ${listCommand}')`,
  );
}

export interface NetworkOverrides {
  btcUsd?: number;
  difficulty?: number;
  heightBlocks?: number;
  avgFeesBtcPerBlock?: number;
}

export function resolveNetworkOverrides(options: RawOptions): NetworkOverrides {
  const overrides: NetworkOverrides = {};
  for (const [name, def] of Object.entries(NETWORK_FLAGS) as [keyof NetworkOverrides, FlagDef][]) {
    const raw = options[def.key];
    if (raw !== undefined) overrides[name] = parseNumberFlag(raw, def.spec);
  }
  return overrides;
}

export interface SiteInputs {
  siteMw: number;
  powerUsdPerKwh: number;
}

export function resolveSite(options: RawOptions, into: Assumptions): SiteInputs {
  return {
    siteMw: numberInput(options, SITE_FLAGS.siteMw, 'siteMw', into),
    powerUsdPerKwh: numberInput(options, SITE_FLAGS.powerUsdPerKwh, 'powerUsdPerKwh', into),
  };
}

export interface MiningSettings {
  fleet: FleetModel[];
  fleetModels: MinerModel[];
  poolFee: number;
  uptime: number;
  pueMining: number;
}

export function resolveMining(options: RawOptions, into: Assumptions): MiningSettings {
  const rawMiners = options.miner;
  const specs = (Array.isArray(rawMiners) ? rawMiners : typeof rawMiners === 'string' ? [rawMiners] : []).map(
    (text: unknown) => parseModelCount(String(text), '--miner'),
  );
  const defaultMiner = specs.length === 0;
  const wanted = defaultMiner ? [{ model: DEFAULT_MINER_ID, count: null }] : specs;
  const priceOverride = options[MINING_FLAGS.minerPriceUsdPerTh.key];
  const priceFlag =
    priceOverride !== undefined
      ? parseNumberFlag(priceOverride, MINING_FLAGS.minerPriceUsdPerTh.spec)
      : undefined;
  const fleetModels = wanted.map((w) => findInCatalog(w.model, MINERS, '--miner', 'miners'));
  const fleet = fleetModels.map(
    (model, i): FleetModel => ({
      name: model.name,
      hashrateThs: model.hashrateThs,
      powerW: model.powerW,
      count: wanted[i]?.count ?? null,
      priceUsdPerTh: priceFlag ?? model.priceUsdPerTh ?? DEFAULT_MINER_PRICE_USD_PER_TH,
    }),
  );
  into.fleet = {
    value: fleet.map((m) => (m.count === null ? m.name : `${m.name}:${m.count}`)).join(', '),
    origin: defaultMiner ? 'default' : 'flag',
    ...(defaultMiner ? { basis: 'current air-cooled flagship, filling the site' } : {}),
  };
  into.minerPriceUsdPerTh =
    priceFlag !== undefined
      ? { value: priceFlag, origin: 'flag' }
      : {
          value: fleet.map((m) => m.priceUsdPerTh).join(', '),
          origin: 'catalog',
          basis: `catalog price where dated, else $${DEFAULT_MINER_PRICE_USD_PER_TH}/TH (S21-class $14-17)`,
        };
  return {
    fleet,
    fleetModels,
    poolFee: numberInput(options, MINING_FLAGS.poolFee, 'poolFee', into),
    uptime: numberInput(options, MINING_FLAGS.uptime, 'uptime', into),
    pueMining: numberInput(options, MINING_FLAGS.pueMining, 'pueMining', into),
  };
}

export type LeaseSettings = Omit<LeaseInputs, 'siteMw' | 'powerUsdPerKwh'>;

export function resolveLease(options: RawOptions, into: Assumptions): LeaseSettings {
  const landlordPaysPower = options.landlordPaysPower === true;
  const settings: LeaseSettings = {
    pueAi: numberInput(options, AI_FLAGS.pueAi, 'pueAi', into),
    fitOutUsdPerMwIt: numberInput(options, AI_FLAGS.fitOutUsdPerMwIt, 'fitOutUsdPerMwIt', into),
    leaseUsdPerKwMonth: numberInput(options, AI_FLAGS.leaseUsdPerKwMonth, 'leaseUsdPerKwMonth', into),
    occupancy: numberInput(options, AI_FLAGS.occupancy, 'occupancy', into),
    otherOpexShare: numberInput(options, AI_FLAGS.leaseOtherOpexShare, 'leaseOtherOpexShare', into),
    landlordPaysPower,
  };
  into.landlordPaysPower = landlordPaysPower
    ? { value: true, origin: 'flag' }
    : { value: false, origin: 'default', basis: 'tenant pays power (triple net)' };
  return settings;
}

export type GpuSettings = Omit<GpuCloudInputs, 'siteMw' | 'powerUsdPerKwh' | 'pueAi' | 'fitOutUsdPerMwIt'> & {
  gpu: GpuModel;
};

export function resolveGpu(options: RawOptions, into: Assumptions): GpuSettings {
  const query = typeof options.gpu === 'string' ? options.gpu : undefined;
  const gpu = findInCatalog(query ?? DEFAULT_GPU_ID, GPUS, '--gpu', 'gpus');
  into.gpu = query
    ? { value: gpu.name, origin: 'flag' }
    : { value: gpu.name, origin: 'default', basis: 'most traded GPU' };
  const fromCatalog = (value: number | null, basis: string) =>
    value === null ? undefined : { value, origin: 'catalog' as const, basis: `${gpu.name}: ${basis}` };
  const rental = fromCatalog(gpu.rentalUsdPerGpuHour, gpu.rentalBasis);
  if (!rental && options[AI_FLAGS.gpuUsdPerHour.key] === undefined) {
    throw new UsageError(
      `--gpu-hour-price is required for ${gpu.name}: the catalog has no dated rental price (e.g. --gpu-hour-price 3.5)`,
    );
  }
  return {
    gpu,
    kwPerGpu: numberInput(
      options,
      AI_FLAGS.kwPerGpu,
      'kwPerGpu',
      into,
      fromCatalog(gpu.kwPerGpu, gpu.kwPerGpuBasis),
    ),
    gpuUsdPerHour: numberInput(options, AI_FLAGS.gpuUsdPerHour, 'gpuUsdPerHour', into, rental),
    utilization: numberInput(options, AI_FLAGS.utilization, 'utilization', into),
    capexUsdPerGpu: numberInput(
      options,
      AI_FLAGS.gpuCapexUsdPerGpu,
      'gpuCapexUsdPerGpu',
      into,
      fromCatalog(gpu.capexUsdPerGpu, gpu.capexBasis),
    ),
    otherOpexShare: numberInput(options, AI_FLAGS.gpuOtherOpexShare, 'gpuOtherOpexShare', into),
  };
}
