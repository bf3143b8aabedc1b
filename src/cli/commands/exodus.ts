/** `exodus`: if hashrate leaves for AI, what the network sees: the retarget, the uplift, concentration. */
import { CORE_QUANTITIES } from '../../data/types.js';
import { UsageError } from '../../errors.js';
import type { Given } from '../../inputs/layers.js';
import { type Assumptions, checkFleetFits, resolveMining, resolveSite } from '../../inputs/resolve.js';
import { exodusReport } from '../../report/exodus.js';
import { networkReport } from '../../report/network.js';
import {
  type ExodusQuestion,
  exodusLeaving,
  LeavingTooLargeError,
  siteExodus,
  UnknownPoolError,
} from '../../site/exodus.js';
import type { CommandCall } from '../command-call.js';
import { obtainFor } from '../network-request.js';
import { emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

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
  const question: ExodusQuestion = {
    site: resolveSite(layered, assumptions),
    mining: resolveMining(layered, assumptions),
    leaving: ehs ? { basis: 'ehs', ehs: ehs.value } : announced ? { basis: 'announced' } : { basis: 'site' },
  };
  if (site) checkFleetFits(question.site, question.mining, assumptions);

  // With --pool and --require-live, the pool analysis is required: no live pool shares is a failure (exit 1)
  // saying why, never a report without the analysis.
  const poolRequired =
    given.pool !== undefined && (given.requireLive as Given<boolean> | undefined)?.value === true;
  // The notes wait until the inputs that need the data are checked: a usage error is one line.
  const { snapshot, notes } = await obtainFor(layered, ctx, {
    want: poolRequired ? [...CORE_QUANTITIES, 'pools'] : CORE_QUANTITIES,
    optional: poolRequired
      ? ['estimatedHashrateHs', 'retarget']
      : ['estimatedHashrateHs', 'retarget', 'pools'],
  });
  let leaving: ReturnType<typeof exodusLeaving>;
  try {
    leaving = exodusLeaving(question, snapshot);
  } catch (error) {
    if (!(error instanceof LeavingTooLargeError)) throw error;
    throw new UsageError(`${ehs?.from ?? announced?.from ?? site?.from ?? '--mw'}: ${error.message}`);
  }
  printNotes(ctx, notes);

  const pool = (given.pool as Given<string> | undefined)?.value ?? null;
  let result: ReturnType<typeof siteExodus>;
  try {
    result = siteExodus(question, leaving, snapshot, {
      blocksIntoEpoch: (given.blocksIntoEpoch as Given<number> | undefined)?.value ?? null,
      pool,
      nowMs: ctx.now(),
    });
  } catch (error) {
    if (!(error instanceof UnknownPoolError)) throw error;
    const top = error.largest.map((name) => `'${name}'`);
    throw new UsageError(
      `${given.pool?.from ?? '--pool'}: unknown pool '${error.pool}'; ${error.suggestion ? `did you mean '${error.suggestion}'? ` : ''}the largest are ${top.join(', ')}`,
    );
  }

  const report = exodusReport({ ...result, network: networkReport(result.network) }, result.result);
  explainIfAsked(call, layered, assumptions, report.network);
  await emit(ctx, layered, report, {
    document: async () => {
      const { exodusDocument } = await import('../../output/render-exodus.js');
      return (r) => exodusDocument(r, ctx.now());
    },
  });
  return 0;
}
