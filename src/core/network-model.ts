/**
 * A network whose hashrate answers hashprice: the fleet is cells of (efficiency band x power-price tier), each
 * holding installed hashrate that runs while it earns its power. Stepped once a month with the hashprice the
 * miners saw (the previous month's mean: the chain feeds it, chain.ts), it returns the hashrate online for the
 * month to come. Pure, deterministic and allocation-free after construction (the Monte Carlo may step it per
 * path).
 *
 * The rules, per month, with hashprice h (USD per PH/s per day):
 * - A cell's power costs 24 x e x p USD per PH/s per day (e J/TH = kW per PH/s, p USD/kWh: FACTS 2); it loses
 *   money when h is below that (pool fee and other opex not counted: the cash cost of power alone).
 * - A cell that has lost money for `offLagMonths` consecutive months switches off; it switches on again in
 *   the first month it earns its power.
 * - New machines (the newest efficiency, bought at a stated price, run at a stated power price) pay back in
 *   P = price / (days a month x (h / 1000 - 0.024 e p)) months. Deployment this month is
 *   maxDeployEhsPerMonth x clamp(2 (1 - P / paybackMonths), 0, 1): the full rate while a machine pays back
 *   within half the stated time, nothing once it takes longer than the stated time (or never pays). New
 *   hashrate spreads over the power tiers by their shares and then follows the same on/off rule.
 * - Today's hashrate is the online hashrate: the cells losing money at today's hashprice are taken as off
 *   already (their capacity waits for a better hashprice), the others share today's hashrate by band share.
 */

export interface FleetBand {
  /** Representative efficiency of the band, J/TH. */
  jPerTh: number;
  /** Share of the installed fleet's hashrate, 0..1 (the bands' shares sum to 1). */
  share: number;
}

export interface PowerTier {
  usdPerKwh: number;
  /** Share of each band's hashrate paying this price, 0..1 (the tiers' shares sum to 1). */
  share: number;
}

export interface NetworkModelParams {
  bands: readonly FleetBand[];
  powerTiers: readonly PowerTier[];
  /** Consecutive months of losing money before a cell switches off (>= 1). */
  offLagMonths: number;
  /** The newest machines: efficiency, price per TH/s and the power price a new deployment pays. */
  newJPerTh: number;
  newUsdPerTh: number;
  newPowerUsdPerKwh: number;
  /** A new machine is deployed while it pays back within this many months (full rate within half of it). */
  paybackMonths: number;
  /** The most hashrate the world deploys in a month, EH/s. */
  maxDeployEhsPerMonth: number;
}

const DAYS_PER_MONTH = 365 / 12;

/** A cell's power cost, USD per PH/s per day: 1 PH/s at e J/TH draws e kW, 24 e kWh a day. */
export const powerCostUsdPerPhDay = (jPerTh: number, usdPerKwh: number): number => 24 * jPerTh * usdPerKwh;

/** The installed fleet's hashrate-weighted mean efficiency, J/TH: sum of band efficiency x band share. */
export function fleetMeanJPerTh(params: Pick<NetworkModelParams, 'bands'>): number {
  let sum = 0;
  for (const b of params.bands) sum += b.jPerTh * b.share;
  return sum;
}

/** The power tiers' hashrate-weighted mean power price, USD/kWh. */
export function meanPowerUsdPerKwh(params: Pick<NetworkModelParams, 'powerTiers'>): number {
  let sum = 0;
  for (const t of params.powerTiers) sum += t.usdPerKwh * t.share;
  return sum;
}

/**
 * Share of the installed fleet (bands x tiers, 0..1) whose power costs more than hashprice h: the fleet that
 * loses money on power at h (what published "share of the fleet unprofitable" estimates measure).
 */
export function unprofitableShare(
  params: Pick<NetworkModelParams, 'bands' | 'powerTiers'>,
  hashpriceUsdPerPhDay: number,
): number {
  let share = 0;
  for (const b of params.bands)
    for (const t of params.powerTiers)
      if (hashpriceUsdPerPhDay < powerCostUsdPerPhDay(b.jPerTh, t.usdPerKwh)) share += b.share * t.share;
  return share;
}

/** Months a new machine takes to pay back at hashprice h; Infinity when it never does. */
export function newMachinePaybackMonths(params: NetworkModelParams, hashpriceUsdPerPhDay: number): number {
  const marginPerThDay =
    (hashpriceUsdPerPhDay - powerCostUsdPerPhDay(params.newJPerTh, params.newPowerUsdPerKwh)) / 1000;
  return marginPerThDay > 0
    ? params.newUsdPerTh / (DAYS_PER_MONTH * marginPerThDay)
    : Number.POSITIVE_INFINITY;
}

/** EH/s deployed in a month at hashprice h: the maximum rate scaled by how fast a new machine pays back. */
export function deploymentEhs(params: NetworkModelParams, hashpriceUsdPerPhDay: number): number {
  const payback = newMachinePaybackMonths(params, hashpriceUsdPerPhDay);
  if (!Number.isFinite(payback)) return 0;
  const f = 2 * (1 - payback / params.paybackMonths);
  return params.maxDeployEhsPerMonth * Math.min(1, Math.max(0, f));
}

export class NetworkModel {
  /** Installed hashrate per cell, EH/s: bands (then the new machines' band) x tiers, row-major. */
  private readonly installed: Float64Array;
  /** Power cost per cell, USD per PH/s per day (fixed by the parameters: computed once). */
  private readonly cost: Float64Array;
  /** Consecutive losing months per cell. */
  private readonly losing: Float64Array;
  private readonly tierShare: Float64Array;
  private readonly tiers: number;
  private readonly newRow: number;
  private readonly lag: number;
  /** deploymentEhs's constants, read once (step repeats its arithmetic in the same order: the same bits). */
  private readonly newCost: number;
  private readonly newUsdPerTh: number;
  private readonly paybackMonths: number;
  private readonly maxDeployEhs: number;
  /**
   * With a lag of one month a cell runs exactly when it earns its power this month (its losing streak never
   * carries over), and the installed fleet's cells never change after a reset (only the new machines' row
   * grows): step's sum over them is a table. `thresholds`: the fleet cells' distinct power costs, ascending;
   * `onlineUpTo[j]`: the sum, in step's cell order and from 0 as step adds, of the fleet cells whose cost is
   * at most thresholds[j - 1] (0 for j = 0): the same additions in the same order, so the same bits.
   */
  private readonly thresholds: Float64Array;
  private readonly onlineUpTo: Float64Array;
  /** The state reset() made last and its arguments: a Monte Carlo resets to the same state on every path. */
  private readonly resetInstalled: Float64Array;
  private readonly resetLosing: Float64Array;
  private resetArgs: [number, number] | null = null;
  /** EH/s online after the latest step (today's at construction). */
  hashrateEhs: number;
  /** EH/s deployed in the latest step. */
  deployedEhs = 0;

  constructor(
    private readonly params: NetworkModelParams,
    hashrateEhs0: number,
    hashpriceUsdPerPhDay0: number,
  ) {
    const { bands, powerTiers } = params;
    this.tiers = powerTiers.length;
    this.newRow = bands.length;
    this.lag = params.offLagMonths;
    this.newCost = powerCostUsdPerPhDay(params.newJPerTh, params.newPowerUsdPerKwh);
    this.newUsdPerTh = params.newUsdPerTh;
    this.paybackMonths = params.paybackMonths;
    this.maxDeployEhs = params.maxDeployEhsPerMonth;
    const cells = (bands.length + 1) * this.tiers;
    this.installed = new Float64Array(cells);
    this.cost = new Float64Array(cells);
    this.losing = new Float64Array(cells);
    this.resetInstalled = new Float64Array(cells);
    this.resetLosing = new Float64Array(cells);
    this.tierShare = Float64Array.from(powerTiers.map((t) => t.share));
    for (let b = 0; b <= bands.length; b++) {
      const e = b < bands.length ? (bands[b] as FleetBand).jPerTh : params.newJPerTh;
      for (let t = 0; t < this.tiers; t++)
        this.cost[b * this.tiers + t] = powerCostUsdPerPhDay(e, (powerTiers[t] as PowerTier).usdPerKwh);
    }
    const fleetCosts = this.cost.subarray(0, this.newRow * this.tiers);
    this.thresholds = Float64Array.from(new Set(fleetCosts)).sort();
    this.onlineUpTo = new Float64Array(this.thresholds.length + 1);
    this.hashrateEhs = hashrateEhs0;
    this.reset(hashrateEhs0, hashpriceUsdPerPhDay0);
  }

  /**
   * Back to the state a new model with these arguments has, without allocating (the Monte Carlo resets one
   * model per path: with the arguments of the last reset, the state it made is copied back).
   */
  reset(hashrateEhs0: number, hashpriceUsdPerPhDay0: number): void {
    const { installed, losing } = this;
    const last = this.resetArgs;
    if (last !== null && last[0] === hashrateEhs0 && last[1] === hashpriceUsdPerPhDay0) {
      installed.set(this.resetInstalled);
      losing.set(this.resetLosing);
    } else {
      this.initialState(hashrateEhs0, hashpriceUsdPerPhDay0);
      this.tabulateFleet();
      this.resetInstalled.set(installed);
      this.resetLosing.set(losing);
      this.resetArgs = [hashrateEhs0, hashpriceUsdPerPhDay0];
    }
    this.hashrateEhs = hashrateEhs0;
    this.deployedEhs = 0;
  }

  private initialState(hashrateEhs0: number, hashpriceUsdPerPhDay0: number): void {
    const { params, installed, cost, losing, tierShare, tiers } = this;
    const { bands, offLagMonths } = params;
    let onlineShare = 0;
    for (let b = 0; b <= bands.length; b++) {
      for (let t = 0; t < tiers; t++) {
        const i = b * tiers + t;
        const loses = hashpriceUsdPerPhDay0 < (cost[i] as number);
        losing[i] = loses ? offLagMonths : 0;
        installed[i] = 0;
        if (b < bands.length && !loses)
          onlineShare += (bands[b] as FleetBand).share * (tierShare[t] as number);
      }
    }
    // Today's hashrate is what runs: the installed fleet is that over the share of it that earns its power.
    const installedEhs = onlineShare > 0 ? hashrateEhs0 / onlineShare : hashrateEhs0;
    for (let b = 0; b < bands.length; b++)
      for (let t = 0; t < tiers; t++) {
        const i = b * tiers + t;
        installed[i] = installedEhs * (bands[b] as FleetBand).share * (tierShare[t] as number);
        if (onlineShare === 0) losing[i] = 0;
      }
  }

  /** onlineUpTo from the installed fleet (after initialState: its cells are fixed until the next one). */
  private tabulateFleet(): void {
    const { installed, cost, thresholds, onlineUpTo } = this;
    const fleetCells = this.newRow * this.tiers;
    onlineUpTo[0] = 0;
    for (let j = 1; j <= thresholds.length; j++) {
      const limit = thresholds[j - 1] as number;
      let online = 0;
      for (let i = 0; i < fleetCells; i++) if ((cost[i] as number) <= limit) online += installed[i] as number;
      onlineUpTo[j] = online;
    }
  }

  /** One month: deploys, switches cells off or on at hashprice h, and returns the EH/s online for the month. */
  step(hashpriceUsdPerPhDay: number): number {
    const { installed, cost, losing, tierShare, tiers, lag } = this;
    // deploymentEhs and newMachinePaybackMonths inlined, the same operations in the same order.
    const marginPerThDay = (hashpriceUsdPerPhDay - this.newCost) / 1000;
    let deployed = 0;
    if (marginPerThDay > 0) {
      const payback = this.newUsdPerTh / (DAYS_PER_MONTH * marginPerThDay);
      if (Number.isFinite(payback)) {
        const f = 2 * (1 - payback / this.paybackMonths);
        deployed = this.maxDeployEhs * Math.min(1, Math.max(0, f));
      }
    }
    this.deployedEhs = deployed;
    const newStart = this.newRow * tiers;
    for (let t = 0; t < tiers; t++)
      installed[newStart + t] = (installed[newStart + t] as number) + deployed * (tierShare[t] as number);
    let online = 0;
    const cells = installed.length;
    if (lag === 1) {
      // A cell runs when !(h < its cost): the fleet's from the table, then the new row's in step's order.
      const { thresholds } = this;
      let j = 0;
      if (Number.isNaN(hashpriceUsdPerPhDay)) j = thresholds.length;
      else while (j < thresholds.length && (thresholds[j] as number) <= hashpriceUsdPerPhDay) j++;
      online = this.onlineUpTo[j] as number;
      for (let i = newStart; i < cells; i++)
        if (!(hashpriceUsdPerPhDay < (cost[i] as number))) online += installed[i] as number;
      this.hashrateEhs = online;
      return online;
    }
    for (let i = 0; i < cells; i++) {
      const l = hashpriceUsdPerPhDay < (cost[i] as number) ? (losing[i] as number) + 1 : 0;
      losing[i] = l;
      if (l < lag) online += installed[i] as number;
    }
    this.hashrateEhs = online;
    return online;
  }

  /**
   * A Monte Carlo path's run in one call (simulation.ts, respondingMiningFactors, has the rule): from the state
   * of reset(hashrateEhs0, hashprice0), month m (1-based) steps the model with the hashprice the path's miners
   * saw (`hashprice0` in month 1, then month m - 1's: the deterministic hashprice times that month's factor),
   * its hashrate H'_m = max(step x 1e18, floorHs) x noise[m], and month m's factor = the mean of btc[m - 1]
   * and btc[m] times the retarget lag (deterministic hashrate over the path's a month before, within
   * 1/maxRetarget to maxRetarget; 1 in month 1) into miningFactor[m]. The same operations in the same order as
   * reset() and `months` calls of step(), so the same bits; with a one-month lag every figure stays in a local
   * or a typed array (no number boxed per month), else it calls step().
   */
  respondPath(
    hashrateEhs0: number,
    hashprice0: number,
    floorHs: number,
    hashrateHs: ArrayLike<number>,
    hashpriceUsdPerPhDay: ArrayLike<number>,
    btc: ArrayLike<number>,
    noise: ArrayLike<number>,
    months: number,
    maxRetarget: number,
    miningFactor: Float64Array,
  ): void {
    this.reset(hashrateEhs0, hashprice0);
    let seen = hashprice0;
    let lag = 1;
    miningFactor[0] = 1;
    if (this.lag !== 1) {
      for (let m = 1; m <= months; m++) {
        const pathHs = Math.max(this.step(seen) * 1e18, floorHs) * (noise[m] as number);
        const factor = (((btc[m - 1] as number) + (btc[m] as number)) / 2) * lag;
        miningFactor[m] = factor;
        seen = (hashpriceUsdPerPhDay[m - 1] as number) * factor;
        lag = Math.min(maxRetarget, Math.max(1 / maxRetarget, (hashrateHs[m - 1] as number) / pathHs));
      }
      return;
    }
    const { installed, cost, tierShare, tiers, thresholds, onlineUpTo } = this;
    const { newCost, newUsdPerTh, paybackMonths, maxDeployEhs } = this;
    const { noneBelow, fullAbove } = this.rampEdges();
    const newStart = this.newRow * tiers;
    const cells = installed.length;
    const levels = thresholds.length;
    let deployed = 0;
    let online = 0;
    let j = 0;
    for (let m = 1; m <= months; m++) {
      // step(seen), as written there; clear of the two edges of the deployment's ramp, its value is known
      // without the divisions (0 below the lower edge, the maximum above the upper one: exactly).
      deployed = 0;
      if (seen > fullAbove) deployed = maxDeployEhs;
      else if (seen > noneBelow) {
        const marginPerThDay = (seen - newCost) / 1000;
        if (marginPerThDay > 0) {
          const payback = newUsdPerTh / (DAYS_PER_MONTH * marginPerThDay);
          if (Number.isFinite(payback)) {
            const f = 2 * (1 - payback / paybackMonths);
            deployed = maxDeployEhs * Math.min(1, Math.max(0, f));
          }
        }
      }
      for (let t = 0; t < tiers; t++)
        installed[newStart + t] = (installed[newStart + t] as number) + deployed * (tierShare[t] as number);
      // j: how many thresholds are at most `seen` (all for NaN, which loses nowhere), walked from last month's.
      if (Number.isNaN(seen)) j = levels;
      else {
        while (j < levels && (thresholds[j] as number) <= seen) j++;
        while (j > 0 && (thresholds[j - 1] as number) > seen) j--;
      }
      online = onlineUpTo[j] as number;
      for (let i = newStart; i < cells; i++)
        if (!(seen < (cost[i] as number))) online += installed[i] as number;
      // respondingMiningFactors's month.
      const pathHs = Math.max(online * 1e18, floorHs) * (noise[m] as number);
      const factor = (((btc[m - 1] as number) + (btc[m] as number)) / 2) * lag;
      miningFactor[m] = factor;
      seen = (hashpriceUsdPerPhDay[m - 1] as number) * factor;
      lag = Math.min(maxRetarget, Math.max(1 / maxRetarget, (hashrateHs[m - 1] as number) / pathHs));
    }
    if (months > 0) {
      this.deployedEhs = deployed;
      this.hashrateEhs = online;
    }
  }

  /**
   * Hashprices clear of the deployment ramp's edges: at or below `noneBelow` a new machine pays back in more
   * than paybackMonths (nothing deployed), above `fullAbove` within half of it (the maximum), each with a
   * margin of 1e-6 of the hashprice, far wider than the rounding of step's arithmetic (1e-15). Between them
   * (or for a NaN, or parameters that make an edge meaningless) step's arithmetic decides.
   */
  private rampEdges(): { noneBelow: number; fullAbove: number } {
    const { newCost, newUsdPerTh, paybackMonths, maxDeployEhs } = this;
    // payback = newUsdPerTh / (days x (h - newCost) / 1000): paybackMonths at h0, half of it at h1.
    const h0 = newCost + (1000 * newUsdPerTh) / (DAYS_PER_MONTH * paybackMonths);
    const h1 = newCost + (2000 * newUsdPerTh) / (DAYS_PER_MONTH * paybackMonths);
    const sane =
      newCost >= 0 &&
      newUsdPerTh > 0 &&
      paybackMonths > 0 &&
      Number.isFinite(h1) &&
      maxDeployEhs >= 0 &&
      Number.isFinite(maxDeployEhs);
    return sane
      ? { noneBelow: h0 * (1 - 1e-6), fullAbove: h1 * (1 + 1e-6) }
      : { noneBelow: Number.NEGATIVE_INFINITY, fullAbove: Number.POSITIVE_INFINITY };
  }

  /** Installed hashrate (online or not), EH/s. */
  installedEhs(): number {
    let sum = 0;
    for (let i = 0; i < this.installed.length; i++) sum += this.installed[i] as number;
    return sum;
  }
}
