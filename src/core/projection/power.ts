/**
 * The site's power contract over the horizon (issue 23, "Power contracts"): the price each month (a contract
 * price that steps up by an escalator each projection year, held until a date, then a market price), a
 * take-or-pay share of a curtailed month's energy, and demand and transmission charges on the grid kW that a
 * firm load pays in full and a curtailing miner in part. Pure.
 */
import { lastGivenIndex } from '../price-path.js';
import { power } from '../units.js';
import type { PowerContract, ProjectionInputs } from './types.js';

/** No contract beyond `--power-price`: what a projection without one assumes. */
export const NO_POWER_CONTRACT: PowerContract = {
  escalatorPerYear: 0,
  fixedMonths: null,
  marketUsdPerKwh: null,
  takeOrPay: 0,
  demandChargeUsdPerKwMonth: 0,
  transmissionChargeUsdPerKwYear: 0,
  miningPeakShare: 1,
};

export const powerContractOf = (inputs: ProjectionInputs): PowerContract =>
  inputs.powerContract ?? NO_POWER_CONTRACT;

/**
 * An energy bill by month (1-based), from `today` (the bill at `--power-price`) and `perUsdPerKwh` (the bill
 * at one USD per kWh, made only when a market price is needed): the contract price, escalated each projection
 * year, until the contract's end (`fixedMonths`; none: all the horizon); a market price (the deck's, the last
 * given at or before the month; else after the contract's end `--power-market-price`) where there is one.
 * Without a deck and a contract this is `today` every month, exactly.
 */
export function energyPath(
  inputs: ProjectionInputs,
  today: number,
  perUsdPerKwh: () => number,
): (month: number) => number {
  const { escalatorPerYear, fixedMonths, marketUsdPerKwh } = powerContractOf(inputs);
  const path = inputs.deck?.powerUsdPerKwh;
  const market = fixedMonths === null ? null : marketUsdPerKwh;
  if (!path && escalatorPerYear === 0 && market === null) return () => today;
  const contract =
    escalatorPerYear === 0
      ? () => today
      : (month: number) => today * power(1 + escalatorPerYear, Math.floor((month - 1) / 12));
  const unit = path || market !== null ? perUsdPerKwh() : 0;
  const last = lastGivenIndex(path);
  return (month) => {
    if (fixedMonths !== null && month <= fixedMonths) return contract(month);
    const j = last(month - 1);
    if (j >= 0) return unit * ((path as readonly (number | null)[])[j] as number);
    return market === null ? contract(month) : unit * market;
  };
}

/**
 * Demand and transmission charges per month on the site's grid kW: in full for a firm load, the miner's share
 * for a load that curtails at the peaks. A fixed cost: paid every month the site holds its connection
 * (curtailed or idle too), not scaled by a power-price trial.
 */
export function gridChargesPerMonth(inputs: ProjectionInputs, firm: boolean): number {
  const c = powerContractOf(inputs);
  const full =
    inputs.mining.siteMw * 1000 * (c.demandChargeUsdPerKwMonth + c.transmissionChargeUsdPerKwYear / 12);
  return firm ? full : full * c.miningPeakShare;
}
