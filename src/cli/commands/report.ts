/**
 * `report`: runs what `project`, `sensitivity` and `strategy` run (the same site functions), shapes the board
 * document and writes it as one self-contained HTML file, atomically. The renderer (and d3) loads only here.
 */
import type { Context } from '../../context.js';
import type { ProjectionInputs } from '../../core/projection/index.js';
import { writeFileAtomic } from '../../data/atomic-file.js';
import { DataError, UsageError } from '../../errors.js';
import { resolveDebt } from '../../inputs/debt.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import { type Assumptions, resolveProjectionSite, resolveSimulation } from '../../inputs/resolve.js';
import { driverRow, givenRanges, resolveRanges } from '../../inputs/sensitivity.js';
import { boardReport } from '../../report/board.js';
import { projectionReport } from '../../report/projection.js';
import type { ProjectReport } from '../../report/schemas.js';
import { sensitivityReport } from '../../report/sensitivity.js';
import { strategyReport } from '../../report/strategy.js';
import type { StrategyReport } from '../../report/strategy-schema.js';
import { type MonthlyHashpriceHistory, monthlyHashpriceHistory } from '../../site/history.js';
import { networkData } from '../../site/network.js';
import { projectionInputs, projectSiteResult } from '../../site/projection.js';
import { driverBases, siteSensitivity } from '../../site/sensitivity.js';
import { siteStrategy } from '../../site/strategy.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { explainIfAsked, prepareInputs, printNotes } from './shared.js';

declare const HASHCALC_VERSION: string;
const VERSION = typeof HASHCALC_VERSION === 'string' ? HASHCALC_VERSION : '0.0.0-dev';

function describeDriver(id: Parameters<typeof driverRow>[0]): { flag: string; unit: string } {
  const row = driverRow(id);
  return {
    flag: row.flag,
    unit: row.unit ?? (row.kind.type === 'number' && row.kind.spec.percent ? 'fraction' : ''),
  };
}

async function simulate(
  call: CommandCall,
  inputs: ProjectionInputs,
  settings: NonNullable<ReturnType<typeof resolveSimulation>>,
): Promise<ProjectReport['simulation']> {
  const [{ simulationPlanFor }, { runSimulation }, { simulationReport }] = await Promise.all([
    import('../../site/simulation.js'),
    import('../simulation-pool.js'),
    import('../../report/simulation.js'),
  ]);
  const { availableParallelism } = process.getBuiltinModule('node:os');
  const result = await runSimulation(simulationPlanFor(inputs, settings), settings.paths, {
    workers: settings.workers ?? Math.max(1, Math.min(8, availableParallelism())),
    onProgress: () => {},
    onNote: (note) => printNotes(call.ctx, [note]),
  });
  return simulationReport(result, settings);
}

function writeFailure(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return new UsageError(`report: cannot write '${file}': no such directory`);
  const why =
    code === 'ENOSPC'
      ? 'no space left on the device'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : String(code ?? error);
  return new DataError(`report: cannot write '${file}': ${why}`);
}

async function write(ctx: Context, out: string, html: string): Promise<void> {
  if (out === '-') {
    ctx.stdout.write(html);
    return;
  }
  try {
    await writeFileAtomic(out, html);
  } catch (error) {
    throw writeFailure(out, error);
  }
  const kb = Math.max(1, Math.round(Buffer.byteLength(html, 'utf8') / 1024));
  ctx.stderr.write(`wrote ${out} (${kb} KB)\n`);
}

/** The monthly hashprice history: from --data's daily file (as `history` reads it), else the embedded series. */
async function hashpriceHistory(call: CommandCall, layered: LayeredInputs): Promise<MonthlyHashpriceHistory> {
  const file = layered.given.historyData?.value as string | undefined;
  if (!file) return monthlyHashpriceHistory(null);
  const { readHistoryData } = await import('../../data/history/file.js');
  const days = await readHistoryData(file, call.ctx.stdin);
  const history = monthlyHashpriceHistory(days);
  if (history.months.length === 0)
    throw new DataError(`--data: ${file} has no day with a difficulty and a BTC/USD price`);
  return { ...history, sources: [file === '-' ? 'standard input (--data -)' : `${file} (--data)`] };
}

/**
 * The best plan: `strategy`'s search and document on the report's inputs as `strategy` takes them (no loan,
 * every option at --discount-rate, which the note says when the report has either); not run with an exit
 * value (strategy refuses one), which the note says.
 */
function bestPlan(
  base: ProjectionInputs,
  levered: boolean,
  context: Parameters<typeof strategyReport>[0],
): { strategy: StrategyReport | null; note: string | null } {
  if (base.exitValue)
    return {
      strategy: null,
      note: 'Not searched: an exit value (--residual cap-rate, ...) is valued per option, not per plan; give --residual economic, book or none for the best plan.',
    };
  const { discountRates, ...inputs } = base;
  const differs = [
    ...(levered ? ['without the loan'] : []),
    ...(Object.keys(discountRates ?? {}).length > 0
      ? ["every plan and pure option at --discount-rate, not at the options' own rates"]
      : []),
  ];
  return {
    strategy: strategyReport(context, siteStrategy(inputs)),
    note:
      differs.length > 0
        ? `As hashcalc strategy, the search values the plans ${differs.join(' and ')}: its NPVs of the pure options may differ from those above.`
        : null,
  };
}

export async function runReport(call: CommandCall): Promise<number> {
  const layered: LayeredInputs = await prepareInputs(call);
  const out = (layered.given.out?.value as string | undefined) ?? 'site-report.html';
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveProjectionSite(layered, assumptions);
  if (settings.networkNote) printNotes(call.ctx, [settings.networkNote]);
  const simulation = resolveSimulation(layered, assumptions);
  const debt = resolveDebt(layered, assumptions, settings.discountRate);
  const horizonMonths = settings.years * 12;
  const given = givenRanges(layered, horizonMonths);
  const history = await hashpriceHistory(call, layered);
  const { snapshot, nowMs } = await projectionStart(layered, call.ctx, settings, resolved);
  const base = projectionInputs(resolved, settings, snapshot, nowMs);
  const inputs: ProjectionInputs = { ...base, ...(debt ? { debt } : {}) };
  const running = simulation ? simulate(call, inputs, simulation) : undefined;
  running?.catch(() => {});
  const result = projectSiteResult(resolved, settings, snapshot, nowMs, inputs);
  // The tornado: the same ranges (--swing, --range) and evaluations as `sensitivity`.
  const sensitivityAssumptions: Assumptions = {};
  const { swing, ranges } = resolveRanges(
    layered,
    given,
    driverBases(base),
    horizonMonths,
    sensitivityAssumptions,
  );
  const { tornado, evaluations, robustness } = siteSensitivity(base, ranges, null, given);
  const project = projectionReport(result, assumptions, running ? await running : undefined);
  explainIfAsked(call, layered, project.assumptionSources, project.network);
  const sensitivity = sensitivityReport(
    {
      network: networkData(snapshot),
      site: { mw: resolved.site.siteMw, powerUsdPerKwh: resolved.site.powerUsdPerKwh },
      years: settings.years,
      startMs: nowMs,
      assumptions: { ...assumptions, ...sensitivityAssumptions },
      swing,
      ranges,
      describeDriver,
      evaluations,
    },
    tornado,
    null,
    robustness,
  );
  const plans = bestPlan(base, debt !== null && debt !== undefined, {
    network: networkData(snapshot),
    site: { mw: resolved.site.siteMw, powerUsdPerKwh: resolved.site.powerUsdPerKwh },
    years: settings.years,
    startMs: nowMs,
    assumptions: { ...assumptions },
    sale: settings.sale,
  });
  const { renderHtmlReport } = await import('../../output/html-report.js');
  const html = renderHtmlReport(
    boardReport(project, sensitivity, new Date(call.ctx.now()).toISOString(), VERSION, history, plans),
  );
  await write(call.ctx, out, html);
  return 0;
}
