import type { Context } from '../context.js';
import type { RawOptions } from '../inputs.js';
import { hashpriceReport, networkFigures } from '../reports.js';
import { emit, explainIfAsked, getNetwork, prepareInputs } from './shared.js';

export async function runHashprice(options: RawOptions, ctx: Context): Promise<number> {
  const { options: merged, origins } = await prepareInputs(options, ctx, 'network');
  const report = hashpriceReport(networkFigures(await getNetwork(merged, ctx)));
  explainIfAsked(merged, ctx, {}, report, origins);
  await emit(merged, ctx, report, {
    document: async () => {
      const { hashpriceDocument } = await import('../../output/render-hashprice.js');
      return (r) => hashpriceDocument(r, ctx.now());
    },
  });
  return 0;
}
