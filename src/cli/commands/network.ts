/** `network`: the network state with provenance: the hashprice figures plus hashrate, retarget and halving. */
import { ALL_QUANTITIES } from '../../data/types.js';
import { networkCommandReport, networkData, networkReport } from '../../report/network.js';
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
      const { networkCommandDocument } = await import('../../output/render-network-command.js');
      return (r) => networkCommandDocument(r, call.ctx.now());
    },
  });
  return 0;
}
