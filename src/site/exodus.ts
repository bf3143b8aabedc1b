/**
 * `exodus`: if hashrate leaves for AI, what the network sees (the retarget's delay and change, the uplift for
 * those who stay) and what a site's fleet that stays gains, with pool concentration before and after.
 */
import { CONVERSIONS } from '../catalog/conversions.js';
import { matchModel } from '../catalog/match.js';
import { miningEconomics, netMiningRevenueUsdPerDay } from '../core/mining.js';
import {
  type Concentration,
  concentration,
  type ExodusResult,
  exodus,
  type PoolShare,
  sharesAfterLeaving,
} from '../core/network.js';
import type { NetworkSnapshot } from '../data/types.js';
import type { MiningSettings, SiteInputs } from '../inputs/resolve.js';
import { heightToday, type NetworkData, networkData } from './network.js';

const EPOCH = 2016;

/** Whose hashrate leaves: a given EH/s, the announced conversions' self-mining, or this site's fleet. */
export type LeavingChoice = { basis: 'ehs'; ehs: number } | { basis: 'announced' } | { basis: 'site' };

export interface Leaving {
  basis: LeavingChoice['basis'];
  description: string;
  conversions?: { company: string; selfMiningEhs: number; source: string; asOf: string }[];
}

/** The hashrate leaving is the whole network's or more: nothing would be left to find blocks. */
export class LeavingTooLargeError extends RangeError {
  constructor(
    readonly leavingEhs: number,
    readonly networkEhs: number,
  ) {
    super(
      `expected hashrate below the network's ${networkEhs.toFixed(1)} EH/s (difficulty-implied), got ${leavingEhs.toFixed(1)} EH/s`,
    );
  }
}

/** A pool name that none of the last week's pools matches. */
export class UnknownPoolError extends RangeError {
  constructor(
    readonly pool: string,
    readonly suggestion: string | undefined,
    /** The largest pools by blocks, up to five. */
    readonly largest: readonly string[],
  ) {
    super(`unknown pool '${pool}'`);
  }
}

export interface ExodusQuestion {
  site: SiteInputs;
  mining: MiningSettings;
  leaving: LeavingChoice;
}

/** Who leaves and how much, against the network (checked before the data layer's notes are printed). */
export interface ExodusLeaving {
  network: NetworkData;
  leaving: Leaving;
  leavingEhs: number;
  networkEhs: number;
  fleet: ReturnType<typeof miningEconomics>;
  fleetText: string;
}

/** The hashrate that leaves; a LeavingTooLargeError when it is the network's or more. */
export function exodusLeaving(question: ExodusQuestion, snapshot: NetworkSnapshot): ExodusLeaving {
  const { site, mining, leaving: choice } = question;
  const data = networkData(snapshot);
  const hashprice = data.figures.hashprice.hashpriceUsdPerPhDay;
  const networkEhs = data.figures.impliedHashrateEhs;
  const fleet = miningEconomics({
    ...site,
    ...mining,
    hashpriceUsdPerPhDay: hashprice,
    btcUsd: snapshot.btcUsd.value,
  });
  const fleetText = `${mining.fleet.map((m) => m.name).join(' + ')}`;
  let leaving: Leaving;
  let leavingEhs: number;
  if (choice.basis === 'ehs') {
    leavingEhs = choice.ehs;
    leaving = { basis: 'ehs', description: 'the given hashrate' };
  } else if (choice.basis === 'announced') {
    // Companies that say they keep mining (CleanSpark, TeraWulf) do not leave.
    const listed = CONVERSIONS.filter(
      (c) => typeof c.selfMiningEhs === 'number' && c.selfMiningEhs > 0 && c.miningPlan !== 'continuing',
    );
    leavingEhs = listed.reduce((s, c) => s + (c.selfMiningEhs as number), 0);
    leaving = {
      basis: 'announced',
      description: `the announced conversions' self-mining (${listed.length} companies)`,
      conversions: listed.map((c) => ({
        company: c.company,
        selfMiningEhs: c.selfMiningEhs as number,
        source: c.provenance.source,
        asOf: c.provenance.asOf,
      })),
    };
  } else {
    leavingEhs = fleet.hashrateThs / 1e6;
    leaving = { basis: 'site', description: `this ${site.siteMw} MW site's fleet (${fleetText})` };
  }
  if (!(leavingEhs < networkEhs)) throw new LeavingTooLargeError(leavingEhs, networkEhs);
  return { network: data, leaving, leavingEhs, networkEhs, fleet, fleetText };
}

export interface SiteExodus extends ExodusLeaving {
  estimatedNetworkEhs: number | null;
  blocksIntoEpoch: number;
  /** flag: given; live: the live retarget estimate; height: the height (carried to today when old). */
  blocksIntoEpochBasis: 'flag' | 'live' | 'height';
  hashpriceUsdPerPhDay: number;
  result: ExodusResult;
  /** The site's fleet that stays when the hashrate leaving is someone else's: its daily gain after the retarget. */
  stayingFleet: {
    description: string;
    hashrateThs: number;
    revenueGainUsdPerDay: number;
    ebitdaUsdPerDayBefore: number;
    ebitdaUsdPerDayAfter: number;
  } | null;
  pools: { before: Concentration; after: Concentration | null; pool: string | null } | null;
  poolsNote: string | null;
}

/**
 * What the network sees when the hashrate of `leaving` goes, where in the epoch (given, else the live
 * estimate, else the height carried to today), and pool concentration when a mempool instance gave it
 * (an UnknownPoolError for a pool it does not know).
 */
export function siteExodus(
  question: ExodusQuestion,
  leaving: ExodusLeaving,
  snapshot: NetworkSnapshot,
  options: { blocksIntoEpoch: number | null; pool: string | null; nowMs: number },
): SiteExodus {
  const { mining, site } = question;
  const retarget = snapshot.retarget;
  let blocksIntoEpoch: number;
  let basis: SiteExodus['blocksIntoEpochBasis'];
  if (options.blocksIntoEpoch !== null) {
    blocksIntoEpoch = options.blocksIntoEpoch;
    basis = 'flag';
  } else if (retarget && retarget.source !== 'snapshot') {
    blocksIntoEpoch = Math.min(EPOCH - 1, Math.max(0, EPOCH - retarget.value.remainingBlocks));
    basis = 'live';
  } else {
    blocksIntoEpoch = heightToday(snapshot, options.nowMs).heightBlocks % EPOCH;
    basis = 'height';
  }
  const hashprice = leaving.network.figures.hashprice.hashpriceUsdPerPhDay;
  const result = exodus({
    networkHashrateHs: leaving.networkEhs * 1e18,
    leavingHashrateHs: leaving.leavingEhs * 1e18,
    blocksIntoEpoch,
    difficulty: snapshot.difficulty.value,
    hashpriceUsdPerPhDay: hashprice,
  });

  let stayingFleet: SiteExodus['stayingFleet'] = null;
  if (leaving.leaving.basis !== 'site') {
    const { fleet } = leaving;
    // What running costs a day: energy and the other mining opex.
    const runningCostPerDay = fleet.opexUsdPerYear / 365;
    const revenueBefore = netMiningRevenueUsdPerDay(
      fleet.hashrateThs,
      hashprice,
      mining.poolFee,
      mining.uptime,
    );
    stayingFleet = {
      description: `a ${site.siteMw} MW site of ${leaving.fleetText} that stays`,
      hashrateThs: fleet.hashrateThs,
      revenueGainUsdPerDay: revenueBefore * result.hashpriceUpliftAfterRetarget,
      ebitdaUsdPerDayBefore: revenueBefore - runningCostPerDay,
      ebitdaUsdPerDayAfter: revenueBefore * (1 + result.hashpriceUpliftAfterRetarget) - runningCostPerDay,
    };
  }

  let pools: SiteExodus['pools'] = null;
  let poolsNote: string | null = null;
  if (snapshot.pools) {
    const p = snapshot.pools.value;
    const shares: PoolShare[] = p.pools.map((x) => ({ name: x.name, share: x.blockCount / p.blockCount }));
    let pool: string | null = null;
    if (options.pool !== null) {
      // Matched loosely, like model names: "foundryusa", "Foundry USA", "foundry-usa".
      const match = matchModel(
        options.pool,
        p.pools.map((x) => ({ id: x.slug, name: x.name, aliases: [] })),
      );
      if (!match.ok) {
        const largest = [...p.pools]
          .sort((a, b) => b.blockCount - a.blockCount)
          .slice(0, 5)
          .map((x) => x.name);
        throw new UnknownPoolError(options.pool, match.suggestions[0]?.name, largest);
      }
      pool = match.model.name;
    }
    pools = {
      before: concentration(shares),
      after: pool ? concentration(sharesAfterLeaving(shares, pool, result.leavingShare)) : null,
      pool,
    };
  } else {
    poolsNote = 'pool concentration needs a mempool instance (live data): none was reached';
  }
  return {
    ...leaving,
    estimatedNetworkEhs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value / 1e18 : null,
    blocksIntoEpoch,
    blocksIntoEpochBasis: basis,
    hashpriceUsdPerPhDay: hashprice,
    result,
    stayingFleet,
    pools,
    poolsNote,
  };
}
