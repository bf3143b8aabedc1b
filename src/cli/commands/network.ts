/** `network`: the network state with provenance: the hashprice figures plus hashrate, retarget and halving. */
import { obtainNetwork } from '../../data/obtain.js';
import { ALL_QUANTITIES } from '../../data/types.js';
import type { Context } from '../context.js';
import type { RawOptions } from '../inputs.js';
import { networkRequestFrom } from '../network-options.js';
import { networkCommandReport } from '../network-report.js';
import { networkFigures, networkReport } from '../reports.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

export async function runNetwork(options: RawOptions, ctx: Context): Promise<number> {
  const { options: merged, origins } = await prepareInputs(options, ctx, 'network');
  const request = networkRequestFrom(merged, ctx, { want: ALL_QUANTITIES, optional: [] });
  const figures = networkFigures(await obtainNetwork(request, ctx));
  const report = networkCommandReport(figures);
  explainIfAsked(merged, ctx, {}, networkReport(figures), origins);
  await emit(merged, ctx, report, {
    document: async () => {
      const { networkCommandDocument } = await import('../../output/render-network-command.js');
      return (r) => networkCommandDocument(r, ctx.now());
    },
  });
  return 0;
}
