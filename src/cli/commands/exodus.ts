/** `exodus`: if hashrate leaves for AI, what the network sees: the retarget, the uplift, concentration. */
import { matchModel } from '../../catalog/match.js';
import { miningEconomics } from '../../core/mining.js';
import {
  carryHeightForward,
  concentration,
  exodus,
  type PoolShare,
  sharesAfterLeaving,
} from '../../core/network.js';
import { CORE_QUANTITIES } from '../../data/types.js';
import { UsageError } from '../../errors.js';
import type { Given } from '../../inputs/layers.js';
import { type Assumptions, resolveMining, resolveSite } from '../../inputs/resolve.js';
import { exodusReport } from '../../report/exodus.js';
import type { ExodusReport } from '../../report/exodus-schema.js';
import { networkData, networkReport } from '../../report/network.js';
import type { CommandCall } from '../command-call.js';
import { obtainFor } from '../network-request.js';
import { checkFleetFits, emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

const EPOCH = 2016;

export async function runExodus(call: CommandCall): Promise<number> {
  const { ctx } = call;
  const layered = await prepareInputs(call);
  const given = layered.given;
  const ehs = given.leavingEhs as Given<number> | undefined;
  const announced =
    (given.announced as Given<boolean> | undefined)?.value === true ? given.announced : undefined;
  const site = given.siteMw;
  const chosen = [site, ehs, announced].filter((g): g is Given => g !== undefined);
  if (chosen.length > 1) {
    throw new UsageError(
      `${chosen.map((g) => g.from).join(' and ')}: give one of --mw (the site's fleet), --ehs or --announced`,
    );
  }
  const assumptions: Assumptions = {};
  const siteInputs = resolveSite(layered, assumptions);
  const mining = resolveMining(layered, assumptions);
  if (site) checkFleetFits(siteInputs, mining, assumptions);

  // The notes wait until the inputs that need the data are checked: a usage error is one line.
  const { snapshot, notes } = await obtainFor(layered, ctx, {
    want: CORE_QUANTITIES,
    optional: ['estimatedHashrateHs', 'retarget', 'pools'],
  });
  const data = networkData(snapshot);
  const hashprice = data.figures.hashprice.hashpriceUsdPerPhDay;
  const networkEhs = data.figures.impliedHashrateEhs;
  const fleet = miningEconomics({
    ...siteInputs,
    ...mining,
    hashpriceUsdPerPhDay: hashprice,
    btcUsd: snapshot.btcUsd.value,
  });
  const fleetText = `${mining.fleet.map((m) => m.name).join(' + ')}`;

  let leaving: ExodusReport['leaving'];
  let leavingEhs: number;
  if (ehs) {
    leavingEhs = ehs.value;
    leaving = { basis: 'ehs', description: 'the given hashrate' };
  } else if (announced) {
    const { CONVERSIONS } = await import('../../catalog/conversions.js');
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
    leaving = { basis: 'site', description: `this ${siteInputs.siteMw} MW site's fleet (${fleetText})` };
  }
  if (!(leavingEhs < networkEhs)) {
    const from = ehs?.from ?? announced?.from ?? site?.from ?? '--mw';
    throw new UsageError(
      `${from}: expected hashrate below the network's ${networkEhs.toFixed(1)} EH/s (difficulty-implied), got ${leavingEhs.toFixed(1)} EH/s`,
    );
  }

  printNotes(ctx, notes);

  // Where in the epoch: given, else the live estimate, else the height (carried to today when old).
  const blocksGiven = given.blocksIntoEpoch as Given<number> | undefined;
  const retarget = snapshot.retarget;
  let blocksIntoEpoch: number;
  let basis: ExodusReport['blocksIntoEpochBasis'];
  if (blocksGiven) {
    blocksIntoEpoch = blocksGiven.value;
    basis = 'flag';
  } else if (retarget && retarget.source !== 'snapshot') {
    blocksIntoEpoch = Math.min(EPOCH - 1, Math.max(0, EPOCH - retarget.value.remainingBlocks));
    basis = 'live';
  } else {
    const height = snapshot.heightBlocks;
    const carried =
      height.source === 'flag'
        ? height.value
        : carryHeightForward(height.value, height.asOfMs, ctx.now()).heightBlocks;
    blocksIntoEpoch = carried % EPOCH;
    basis = 'height';
  }

  const result = exodus({
    networkHashrateHs: networkEhs * 1e18,
    leavingHashrateHs: leavingEhs * 1e18,
    blocksIntoEpoch,
    difficulty: snapshot.difficulty.value,
    hashpriceUsdPerPhDay: hashprice,
  });

  // The fleet that stays (when the leaving hashrate is someone else's): its daily gain after the retarget.
  let stayingFleet: ExodusReport['stayingFleet'] = null;
  if (leaving.basis !== 'site') {
    const netPh = (fleet.hashrateThs / 1000) * (1 - mining.poolFee) * mining.uptime;
    const energyPerDay = fleet.energyUsdPerYear / 365;
    const revenueBefore = netPh * hashprice;
    stayingFleet = {
      description: `a ${siteInputs.siteMw} MW site of ${fleetText} that stays`,
      hashrateThs: fleet.hashrateThs,
      revenueGainUsdPerDay: revenueBefore * result.hashpriceUpliftAfterRetarget,
      ebitdaUsdPerDayBefore: revenueBefore - energyPerDay,
      ebitdaUsdPerDayAfter: revenueBefore * (1 + result.hashpriceUpliftAfterRetarget) - energyPerDay,
    };
  }

  // Pool concentration over the last week, when a mempool instance gave it.
  const poolRaw = (given.pool as Given<string> | undefined)?.value;
  let pools: Parameters<typeof exodusReport>[0]['pools'] = null;
  let poolsNote: string | null = null;
  if (snapshot.pools) {
    const p = snapshot.pools.value;
    const shares: PoolShare[] = p.pools.map((x) => ({ name: x.name, share: x.blockCount / p.blockCount }));
    let pool: string | null = null;
    if (poolRaw !== undefined) {
      // Matched loosely, like model names: "foundryusa", "Foundry USA", "foundry-usa".
      const match = matchModel(
        poolRaw,
        p.pools.map((x) => ({ id: x.slug, name: x.name, aliases: [] })),
      );
      if (!match.ok) {
        const guess = match.suggestions[0]?.name;
        const top = [...p.pools]
          .sort((a, b) => b.blockCount - a.blockCount)
          .slice(0, 5)
          .map((x) => `'${x.name}'`);
        throw new UsageError(
          `${given.pool?.from ?? '--pool'}: unknown pool '${poolRaw}'; ${guess ? `did you mean '${guess}'? ` : ''}the largest are ${top.join(', ')}`,
        );
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

  const report = exodusReport(
    {
      network: networkReport(data),
      leaving,
      leavingEhs,
      networkEhs,
      estimatedNetworkEhs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value / 1e18 : null,
      blocksIntoEpoch,
      blocksIntoEpochBasis: basis,
      hashpriceUsdPerPhDay: hashprice,
      stayingFleet,
      pools,
      poolsNote,
    },
    result,
  );
  explainIfAsked(call, layered, assumptions, report.network);
  await emit(ctx, layered, report, {
    document: async () => {
      const { exodusDocument } = await import('../../output/render-exodus.js');
      return (r) => exodusDocument(r, ctx.now());
    },
  });
  return 0;
}
