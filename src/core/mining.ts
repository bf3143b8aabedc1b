/** ASIC mining economics for a site. */
import { DAYS_PER_YEAR, finishOption, HOURS_PER_YEAR, type OptionEconomics } from './units.js';

export interface FleetModel {
  name: string;
  hashrateThs: number;
  powerW: number;
  /** Units of this model; null fills the IT power left after the counted models (shared equally). */
  count: number | null;
  priceUsdPerTh: number;
}

export interface MiningInputs {
  siteMw: number;
  powerUsdPerKwh: number;
  fleet: readonly FleetModel[];
  poolFee: number;
  uptime: number;
  pueMining: number;
  /**
   * Other cash costs of running the fleet (staff, maintenance, insurance, pool and site G&A), USD per MWh of
   * its energy (grid energy, PUE and uptime included): paid only while it runs. Absent: 0.
   */
  otherOpexUsdPerMwh?: number;
  hashpriceUsdPerPhDay: number;
  btcUsd: number;
}

export interface FleetAllocation {
  name: string;
  units: number;
  hashrateThs: number;
  powerMw: number;
  efficiencyJPerTh: number;
  priceUsdPerTh: number;
  /** units x hashrate x price per TH/s. */
  capexUsd: number;
}

export interface MiningBreakevens {
  /** Power price at which EBITDA is zero (null with no energy use). */
  powerUsdPerKwh: number | null;
  /** Hashprice at which EBITDA is zero (null with no hashrate). */
  hashpriceUsdPerPhDay: number | null;
  /** BTC price at which EBITDA is zero, other inputs fixed (hashprice scales with BTC price). */
  btcUsd: number | null;
}

export interface MiningEconomics extends OptionEconomics {
  id: 'mining';
  hashrateThs: number;
  /** Fleet average W per TH/s (= J/TH). */
  efficiencyJPerTh: number | null;
  fleet: FleetAllocation[];
  breakevens: MiningBreakevens;
}

export class FleetTooLargeError extends RangeError {
  constructor(
    readonly fleetMw: number,
    readonly itMw: number,
  ) {
    super(
      `the counted miners draw ${fleetMw.toFixed(2)} MW but the site has ${itMw.toFixed(2)} MW of IT power`,
    );
  }
}

/** Units per model: counted models as given; uncounted ones share the remaining IT power equally. */
export function allocateFleet(itMw: number, fleet: readonly FleetModel[]): FleetAllocation[] {
  const countedW = fleet.reduce((sum, m) => sum + (m.count ?? 0) * m.powerW, 0);
  const itW = itMw * 1e6;
  if (countedW > itW * (1 + 1e-12)) throw new FleetTooLargeError(countedW / 1e6, itMw);
  const fillers = fleet.filter((m) => m.count === null).length;
  const shareW = fillers > 0 ? (itW - countedW) / fillers : 0;
  return fleet.map((m) => {
    // + 1e-9: an exact multiple computed in floating point may land a hair below the integer.
    const units = m.count ?? Math.floor(shareW / m.powerW + 1e-9);
    return {
      name: m.name,
      units,
      hashrateThs: units * m.hashrateThs,
      powerMw: (units * m.powerW) / 1e6,
      efficiencyJPerTh: m.powerW / m.hashrateThs,
      priceUsdPerTh: m.priceUsdPerTh,
      capexUsd: units * m.hashrateThs * m.priceUsdPerTh,
    };
  });
}

/**
 * A fleet's one price per TH/s: each model's price weighted by the TH/s it brings (fleet capex / fleet TH/s),
 * never $0 for a fleet that has a price. A fleet allocated no hashrate (no room for a single miner) weighs
 * each model by one unit's TH/s.
 */
export function fleetPriceUsdPerTh(
  allocation: readonly Pick<FleetAllocation, 'hashrateThs' | 'priceUsdPerTh' | 'units'>[],
  models?: readonly Pick<FleetModel, 'hashrateThs'>[],
): number | null {
  const allocated = allocation.reduce((s, a) => s + a.hashrateThs, 0);
  const weight = (a: (typeof allocation)[number], i: number) =>
    allocated > 0 ? a.hashrateThs : (models?.[i]?.hashrateThs ?? 1);
  const ths = allocation.reduce((s, a, i) => s + weight(a, i), 0);
  if (!(ths > 0)) return null;
  return allocation.reduce((s, a, i) => s + weight(a, i) * a.priceUsdPerTh, 0) / ths;
}

/**
 * What a fleet earns per day, net of the pool's fee and its downtime: its hashrate in PH/s times the
 * hashprice (USD per PH/s per day), less the fee, times the uptime. The one place the net mining revenue is
 * computed: today's economics, the projection (a month's USD per PH/s in place of a day's), exodus and the
 * margin history use it.
 */
export function netMiningRevenueUsdPerDay(
  hashrateThs: number,
  hashpriceUsdPerPhDay: number,
  poolFee: number,
  uptime: number,
): number {
  return (hashrateThs / 1000) * (1 - poolFee) * uptime * hashpriceUsdPerPhDay;
}

export function miningEconomics(inputs: MiningInputs): MiningEconomics {
  const itMw = inputs.siteMw / inputs.pueMining;
  const allocation = allocateFleet(itMw, inputs.fleet);
  const units = allocation.reduce((s, a) => s + a.units, 0);
  const hashrateThs = allocation.reduce((s, a) => s + a.hashrateThs, 0);
  const fleetKw = allocation.reduce((s, a) => s + a.powerMw * 1000, 0);
  const net = (hashpriceUsdPerPhDay: number) =>
    netMiningRevenueUsdPerDay(hashrateThs, hashpriceUsdPerPhDay, inputs.poolFee, inputs.uptime) *
    DAYS_PER_YEAR;
  const revenueUsdPerYear = net(inputs.hashpriceUsdPerPhDay);
  const energyKwhPerYear = fleetKw * inputs.pueMining * HOURS_PER_YEAR * inputs.uptime;
  const energyUsdPerYear = energyKwhPerYear * inputs.powerUsdPerKwh;
  const otherOpexUsdPerYear = (energyKwhPerYear / 1000) * (inputs.otherOpexUsdPerMwh ?? 0);
  const capexUsd = allocation.reduce((s, a) => s + a.capexUsd, 0);
  const base = finishOption(
    {
      id: 'mining',
      itMw,
      units,
      unitLabel: 'miners',
      revenueUsdPerYear,
      energyKwhPerYear,
      energyUsdPerYear,
      otherOpexUsdPerYear,
      capexUsd,
    },
    inputs.siteMw,
  );
  // The net PH/s-days a year: what one USD per PH/s per day of hashprice earns.
  const phDaysPerYear = net(1);
  const breakevenHashprice = phDaysPerYear > 0 ? base.opexUsdPerYear / phDaysPerYear : null;
  return {
    ...base,
    id: 'mining',
    hashrateThs,
    efficiencyJPerTh: hashrateThs > 0 ? (fleetKw * 1000) / hashrateThs : null,
    fleet: allocation,
    breakevens: {
      powerUsdPerKwh:
        energyKwhPerYear > 0 ? (revenueUsdPerYear - base.otherOpexUsdPerYear) / energyKwhPerYear : null,
      hashpriceUsdPerPhDay: breakevenHashprice,
      btcUsd:
        breakevenHashprice !== null && inputs.hashpriceUsdPerPhDay > 0
          ? (inputs.btcUsd * breakevenHashprice) / inputs.hashpriceUsdPerPhDay
          : null,
    },
  };
}
