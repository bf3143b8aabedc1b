/** `mining`, `ai` and `compare`: one run, three selections of options (each command's spec loads it). */
import {
  type Assumptions,
  type EconomicsCommand,
  type GpuSettings,
  resolveEconomics,
} from '../inputs/resolve.js';
import { economicsCsvRecords, siteEconomicsReport } from '../report/economics.js';
import { siteEconomics } from '../site/economics.js';
import type { CommandCall } from './command-call.js';
import { emit, explainIfAsked, prepareInputs } from './commands/shared.js';
import { getNetwork } from './network-request.js';
import { projectionStart } from './projection-start.js';

export async function runEconomics(call: CommandCall): Promise<number> {
  const command = call.name as EconomicsCommand;
  const layered = await prepareInputs(call);
  // Every input is checked before any data is fetched: bad input fails fast with exit 2.
  const assumptions: Assumptions = {};
  const selection = resolveEconomics(command, layered, assumptions);
  const { snapshot, nowMs } = selection.projection
    ? await projectionStart(layered, call.ctx, selection.projection, selection as { gpu: GpuSettings })
    : { snapshot: selection.mining ? await getNetwork(layered, call.ctx) : null, nowMs: call.ctx.now() };
  const result = siteEconomics(selection, snapshot, nowMs);
  const report = siteEconomicsReport(result, assumptions);
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { economicsDocument } = await import('../output/render-economics.js');
      return (r, width) => economicsDocument(r, call.ctx.now(), width);
    },
    csv: (r) => economicsCsvRecords(r),
  });
  return 0;
}
