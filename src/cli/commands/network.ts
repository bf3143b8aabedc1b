/** `network`: the network state with provenance: the hashprice figures plus hashrate, retarget and halving. */
import { ALL_QUANTITIES } from '../../data/types.js';
import { flatten } from '../../report/flatten.js';
import { networkCommandReport, networkReport } from '../../report/network.js';
import { networkData } from '../../site/network.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

export async function runNetwork(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const data = networkData(await getNetwork(layered, call.ctx, { want: ALL_QUANTITIES, optional: [] }));
  const report = networkCommandReport(data);
  explainIfAsked(call, layered, {}, networkReport(data));
  await emit(call.ctx, layered, report, {
    document: async () => {
      const [{ networkCommandDocument }, recent] = await Promise.all([
        import('../../output/render-network-command.js'),
        recentHashprice(call),
      ]);
      return (r) => networkCommandDocument(r, call.ctx.now(), recent);
    },
    // The reasons for null provenances are for the JSON document; the CSV columns stay as they were.
    csv: (r) => {
      const { nullReasons: _reasons, ...provenance } = r.provenance;
      return [flatten({ ...r, provenance })];
    },
  });
  return 0;
}

/**
 * The last 30 days of USD hashprice from the history cache (`hashcalc history` fills it), for the table's
 * sparkline: never a request of its own, nothing when there is no cache.
 */
async function recentHashprice(call: CommandCall): Promise<{ date: string; value: number | null }[]> {
  const [{ obtainHistory }, { dateOf }, { hashpriceSeries }] = await Promise.all([
    import('../../data/history/obtain.js'),
    import('../../core/history.js'),
    import('../../site/history.js'),
  ]);
  const now = call.ctx.now();
  try {
    const cached = await obtainHistory(
      {
        fromDate: dateOf(now - 30 * 86_400_000),
        toDate: dateOf(now),
        mempoolUrl: 'https://mempool.space',
        offline: true,
        refresh: false,
        timeoutMs: 1000,
      },
      call.ctx,
    );
    if (!cached || cached.days.length < 2) return [];
    return hashpriceSeries(cached.days).map((d) => ({
      date: d.date,
      value: d.hashpriceUsdPerPhDay,
    }));
  } catch {
    return [];
  }
}
