/** `strategy`: the best plan on a grid, the frontier against the AI share, and the value of waiting. */
import { type Assumptions, resolveProjectionSite } from '../../inputs/resolve.js';
import { strategyCsvRecords, strategyReport } from '../../report/strategy.js';
import { networkData } from '../../site/network.js';
import { projectionInputs } from '../../site/projection.js';
import { siteStrategy } from '../../site/strategy.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

export async function runStrategy(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveProjectionSite(layered, assumptions);
  const { snapshot, nowMs } = await projectionStart(layered, call.ctx, settings, resolved);
  const inputs = projectionInputs(resolved, settings, snapshot, nowMs);
  const result = siteStrategy(inputs);
  const report = strategyReport(
    {
      network: networkData(snapshot),
      site: { mw: resolved.site.siteMw, powerUsdPerKwh: resolved.site.powerUsdPerKwh },
      years: settings.years,
      startMs: nowMs,
      assumptions,
    },
    result,
  );
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { strategyDocument } = await import('../../output/render-strategy.js');
      return (r, width) => strategyDocument(r, width);
    },
    csv: (r) => strategyCsvRecords(r),
  });
  return 0;
}
