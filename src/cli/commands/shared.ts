/** What every command does around its own logic: network data, output mode, writing. */
import { obtainNetwork } from '../../data/obtain.js';
import type { NetworkSnapshot } from '../../data/types.js';
import { toJson } from '../../output/json.js';
import { loadStyle, type Style } from '../../output/style.js';
import type { Context } from '../context.js';
import type { RawOptions } from '../inputs.js';
import { networkRequestFrom } from '../network-options.js';

export function wantsJson(options: RawOptions): boolean {
  return options.json === true;
}

export async function getNetwork(options: RawOptions, ctx: Context): Promise<NetworkSnapshot> {
  return obtainNetwork(networkRequestFrom(options, ctx), ctx);
}

export type HumanRenderer<T> = (report: T, style: Style) => string;

/**
 * Print the report: one JSON document, or the human rendering. The renderer is loaded only for human
 * output, so `--json` never loads table or colour code.
 */
export async function emit<T>(
  options: RawOptions,
  ctx: Context,
  report: T,
  loadHuman: () => Promise<HumanRenderer<T>>,
): Promise<void> {
  if (wantsJson(options)) {
    ctx.stdout.write(toJson(report));
    return;
  }
  const [human, style] = await Promise.all([loadHuman(), loadStyle(ctx.colorLevel)]);
  ctx.stdout.write(human(report, style));
}
