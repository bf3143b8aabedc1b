import type { Context } from '../context.js';
import type { RawOptions } from '../inputs.js';
import { hashpriceReport, networkFigures } from '../reports.js';
import { emit, getNetwork } from './shared.js';

export async function runHashprice(options: RawOptions, ctx: Context): Promise<number> {
  const report = hashpriceReport(networkFigures(await getNetwork(options, ctx)));
  await emit(options, ctx, report, {
    document: async () => {
      const { hashpriceDocument } = await import('../../output/render-hashprice.js');
      return (r) => hashpriceDocument(r, ctx.now());
    },
  });
  return 0;
}
