/** `hashprice`: USD and BTC per PH/s per day now, with provenance. */
import { hashpriceReport } from '../../report/network.js';
import { networkData } from '../../site/network.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

export async function runHashprice(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const report = hashpriceReport(networkData(await getNetwork(layered, call.ctx)));
  explainIfAsked(call, layered, {}, report);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { hashpriceDocument } = await import('../../output/render-hashprice.js');
      return (r) => hashpriceDocument(r, call.ctx.now());
    },
  });
  return 0;
}
