/** `network`: the network state with provenance. (Placeholder until live data lands: hashprice figures.) */
import type { Context } from '../context.js';
import type { RawOptions } from '../inputs.js';
import { runHashprice } from './hashprice.js';

export async function runNetwork(options: RawOptions, ctx: Context): Promise<number> {
  return runHashprice(options, ctx);
}
