/**
 * Getting a NetworkSnapshot for a command: live sources (when implemented and not --offline), then cache,
 * then the embedded snapshot; flags override any quantity.
 */
import type { Context } from '../cli/context.js';
import { applyOverrides, embeddedSnapshot } from './snapshot.js';
import type { NetworkQuantity, NetworkSnapshot } from './types.js';

export interface NetworkRequest {
  offline: boolean;
  overrides: Partial<Record<NetworkQuantity, number>>;
}

export async function obtainNetwork(request: NetworkRequest, ctx: Context): Promise<NetworkSnapshot> {
  const base = embeddedSnapshot();
  return applyOverrides(base, request.overrides, ctx.now());
}
