/**
 * obtainNetwork as a command uses it: the data layer returns its notes, and the command prints them on
 * stderr (`hashcalc: ...`), which is what these tests read.
 */
import type { Context } from '../../../src/context.js';
import { type NetworkRequest, type ObtainDeps, obtainNetwork } from '../../../src/data/obtain.js';
import type { NetworkSnapshot } from '../../../src/data/types.js';

export async function obtain(
  request: NetworkRequest,
  ctx: Context,
  deps?: ObtainDeps,
): Promise<NetworkSnapshot> {
  const { snapshot, notes } = await obtainNetwork(request, ctx, deps);
  for (const note of new Set(notes)) ctx.stderr.write(`hashcalc: ${note}\n`);
  return snapshot;
}
