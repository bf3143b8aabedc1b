/**
 * From options (flags merged with env, scenario and config values: see layers.ts) to validated, defaulted
 * inputs for the core, recording where each value came from so the output can state every assumption.
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
export type Origin = 'flag' | 'env' | 'scenario' | 'config' | 'default' | 'catalog';

/** Where layered values came from, keyed by option key (see layers.ts); absent: a flag. */
export type Origins = Readonly<Record<string, { origin: Origin; label: string }>>;

export interface Assumption {
  value: number | string | boolean;
  origin: Origin;
  basis?: string;
  /** The flag, env var or file path the value came from. */
  from?: string;
}

/** Every input used, by name, with where it came from. */
export type Assumptions = Record<string, Assumption>;

/** The options a command runs with, and where the non-flag ones came from. */
export interface Inputs {
  options: RawOptions;
  origins: Origins;
}

function sourceOf(inputs: Inputs, key: string, flag: string): { origin: Origin; from: string } {
  const note = inputs.origins[key];
  return note ? { origin: note.origin, from: note.label } : { origin: 'flag', from: flag };
}

interface Fallback {
  value: number;
  origin: Origin;
  basis?: string;
}

function numberInput(
  inputs: Inputs,
  def: FlagDef,
  name: string,
  into: Assumptions,
  fallback?: Fallback,
): number {
  const raw = inputs.options[def.key];
  if (raw !== undefined) {
    const source = sourceOf(inputs, def.key, def.spec.flag);
    const value = parseNumberFlag(raw, def.spec, source.from);
    into[name] = { value, ...source };
    return value;
  }
  const chosen: Fallback | undefined =
    fallback ??
    (def.defaultValue !== undefined
      ? { value: def.defaultValue, origin: 'default', basis: def.basis }
      : undefined);
  if (!chosen) throw new UsageError(`${def.spec.flag} is required: expected ${def.spec.accepts}`);
  into[name] = { ...chosen };
  return chosen.value;
}

export function findInCatalog<T extends Named>(
  query: string,
  catalog: readonly T[],
  label: string,
  listCommand: string,
): T {
  const result = matchModel(query, catalog);
  if (result.ok) return result.model;
  const closest = result.suggestions.map((s) => `'${s.name}'`).join(', ');
  throw new UsageError(
    `${label}: unknown model '${query}'; did you mean ${closest}? (see 'hashcalc catalog ${listCommand}')`,
  );
}

export interface NetworkOverrides {
  btcUsd?: number;
  difficulty?: number;
  heightBlocks?: number;
  avgFeesBtcPerBlock?: number;
}

export function resolveNetworkOverrides(options: RawOptions, origins: Origins = {}): NetworkOverrides {
  const overrides: NetworkOverrides = {};
  for (const [name, def] of Object.entries(NETWORK_FLAGS) as [keyof NetworkOverrides, FlagDef][]) {
    const raw = options[def.key];
    if (raw !== undefined)
      overrides[name] = parseNumberFlag(raw, def.spec, origins[def.key]?.label ?? def.spec.flag);
  }
  return overrides;
}

export interface SiteInputs {
  siteMw: number;
  powerUsdPerKwh: number;
}

export function resolveSite(inputs: Inputs, into: Assumptions): SiteInputs {
  return {
    siteMw: numberInput(inputs, SITE_FLAGS.siteMw, 'siteMw', into),
    powerUsdPerKwh: numberInput(inputs, SITE_FLAGS.powerUsdPerKwh, 'powerUsdPerKwh', into),
  };
}

export interface MiningSettings {
  fleet: FleetModel[];
  fleetModels: MinerModel[];
  poolFee: number;
  uptime: number;
  pueMining: number;
}

export function resolveMining(inputs: Inputs, into: Assumptions): MiningSettings {
  const rawMiners = inputs.options.miner;
  const fleetSource = sourceOf(inputs, 'miner', '--miner');
  const specs = (Array.isArray(rawMiners) ? rawMiners : typeof rawMiners === 'string' ? [rawMiners] : []).map(
    (text: unknown) => parseModelCount(String(text), fleetSource.from),
  );
  const defaultMiner = specs.length === 0;
  const wanted = defaultMiner ? [{ model: DEFAULT_MINER_ID, count: null }] : specs;
  const fleetModels = wanted.map((w) => findInCatalog(w.model, MINERS, fleetSource.from, 'miners'));
  const priceDef = MINING_FLAGS.minerPriceUsdPerTh;
  const priceRaw = inputs.options[priceDef.key];
  const priceSource = sourceOf(inputs, priceDef.key, priceDef.spec.flag);
  const priceGiven =
    priceRaw !== undefined ? parseNumberFlag(priceRaw, priceDef.spec, priceSource.from) : undefined;
  const fleet = fleetModels.map(
    (model, i): FleetModel => ({
      name: model.name,
      hashrateThs: model.hashrateThs,
      powerW: model.powerW,
      count: wanted[i]?.count ?? null,
      priceUsdPerTh: priceGiven ?? model.priceUsdPerTh ?? DEFAULT_MINER_PRICE_USD_PER_TH,
    }),
  );
  const fleetText = fleet.map((m) => (m.count === null ? m.name : `${m.name}:${m.count}`)).join(', ');
  into.fleet = defaultMiner
    ? { value: fleetText, origin: 'default', basis: 'current air-cooled flagship, filling the site' }
    : { value: fleetText, ...fleetSource };
  into.minerPriceUsdPerTh =
    priceGiven !== undefined
      ? { value: priceGiven, ...priceSource }
      : {
          value: fleet.map((m) => m.priceUsdPerTh).join(', '),
          origin: 'catalog',
          basis: `catalog price where dated, else $${DEFAULT_MINER_PRICE_USD_PER_TH}/TH (S21-class $14-17)`,
        };
  return {
    fleet,
    fleetModels,
    poolFee: numberInput(inputs, MINING_FLAGS.poolFee, 'poolFee', into),
    uptime: numberInput(inputs, MINING_FLAGS.uptime, 'uptime', into),
    pueMining: numberInput(inputs, MINING_FLAGS.pueMining, 'pueMining', into),
  };
}

export type LeaseSettings = Omit<LeaseInputs, 'siteMw' | 'powerUsdPerKwh'>;

export function resolveLease(inputs: Inputs, into: Assumptions): LeaseSettings {
  const landlordPaysPower = inputs.options.landlordPaysPower === true;
  const settings: LeaseSettings = {
    pueAi: numberInput(inputs, AI_FLAGS.pueAi, 'pueAi', into),
    fitOutUsdPerMwIt: numberInput(inputs, AI_FLAGS.fitOutUsdPerMwIt, 'fitOutUsdPerMwIt', into),
    leaseUsdPerKwMonth: numberInput(inputs, AI_FLAGS.leaseUsdPerKwMonth, 'leaseUsdPerKwMonth', into),
    occupancy: numberInput(inputs, AI_FLAGS.occupancy, 'occupancy', into),
    otherOpexShare: numberInput(inputs, AI_FLAGS.leaseOtherOpexShare, 'leaseOtherOpexShare', into),
    landlordPaysPower,
  };
  into.landlordPaysPower =
    inputs.options.landlordPaysPower !== undefined
      ? { value: landlordPaysPower, ...sourceOf(inputs, 'landlordPaysPower', '--landlord-pays-power') }
      : { value: false, origin: 'default', basis: 'tenant pays power (triple net)' };
  return settings;
}

export type GpuSettings = Omit<GpuCloudInputs, 'siteMw' | 'powerUsdPerKwh' | 'pueAi' | 'fitOutUsdPerMwIt'> & {
  gpu: GpuModel;
};

export function resolveGpu(inputs: Inputs, into: Assumptions): GpuSettings {
  const query = typeof inputs.options.gpu === 'string' ? inputs.options.gpu : undefined;
  const gpuSource = sourceOf(inputs, 'gpu', '--gpu');
  const gpu = findInCatalog(query ?? DEFAULT_GPU_ID, GPUS, gpuSource.from, 'gpus');
  into.gpu = query
    ? { value: gpu.name, ...gpuSource }
    : { value: gpu.name, origin: 'default', basis: 'most traded GPU' };
  const fromCatalog = (value: number | null, basis: string): Fallback | undefined =>
    value === null ? undefined : { value, origin: 'catalog', basis: `${gpu.name}: ${basis}` };
  const rental = fromCatalog(gpu.rentalUsdPerGpuHour, gpu.rentalBasis);
  const capex = fromCatalog(gpu.capexUsdPerGpu, gpu.capexBasis);
  const missing = [
    !rental && inputs.options[AI_FLAGS.gpuUsdPerHour.key] === undefined ? '--gpu-hour-price (e.g. 3.5)' : '',
    !capex && inputs.options[AI_FLAGS.gpuCapexUsdPerGpu.key] === undefined ? '--gpu-capex (e.g. 45k)' : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `${missing.join(' and ')} required for ${gpu.name}: the catalog has no dated public figure`,
    );
  }
  return {
    gpu,
    kwPerGpu: numberInput(
      inputs,
      AI_FLAGS.kwPerGpu,
      'kwPerGpu',
      into,
      fromCatalog(gpu.kwPerGpu, gpu.kwPerGpuBasis),
    ),
    gpuUsdPerHour: numberInput(inputs, AI_FLAGS.gpuUsdPerHour, 'gpuUsdPerHour', into, rental),
    utilization: numberInput(inputs, AI_FLAGS.utilization, 'utilization', into),
    capexUsdPerGpu: numberInput(inputs, AI_FLAGS.gpuCapexUsdPerGpu, 'gpuCapexUsdPerGpu', into, capex),
    otherOpexShare: numberInput(inputs, AI_FLAGS.gpuOtherOpexShare, 'gpuOtherOpexShare', into),
  };
}
