/** `history`: daily hashprice over a period, its statistics, a chart, and a miner's margin history. */
import { DIFFICULTY_EPOCHS_SOURCE } from '../../catalog/difficulty-epochs.js';
import { type DayInput, dateOf, dayMs } from '../../core/history.js';
import { DataError, UsageError } from '../../errors.js';
import type { Given, LayeredInputs } from '../../inputs/layers.js';
import { type Assumptions, resolveMining, resolveSite } from '../../inputs/resolve.js';
import { historyReport } from '../../report/history.js';
import type { HistoryReport } from '../../report/history-schema.js';
import { EMBEDDED_EPOCHS_END, embeddedDays, siteHistory } from '../../site/history.js';
import type { CommandCall } from '../command-call.js';
import { emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

const PERIOD_DAYS: Record<string, number> = { '30d': 30, '90d': 90, '1y': 365, '3y': 3 * 365 };
const GENESIS_DATE = '2009-01-03';
const LAYER_RANK: Record<Given['origin'], number> = { flag: 0, env: 1, scenario: 2, config: 3 };
/** The file a value came from ("site.json: history.since" -> "site.json"), '' for a flag or variable. */
const fileOf = (g: Given) =>
  g.origin === 'scenario' || g.origin === 'config' ? g.from.replace(/: [^:]*$/, '') : '';

interface Loaded {
  days: DayInput[];
  source: HistoryReport['source'];
  sourceDetail: string;
}

export async function runHistory(call: CommandCall): Promise<number> {
  const { ctx } = call;
  const layered = await prepareInputs(call);
  const given = layered.given;
  const text = (id: string) => (given[id] as Given<string> | undefined)?.value;

  // Which days: --since/--until, else --period back from --until (or today). --since and --period both say
  // where the days start: from one layer (two flags, two variables, one file) that is a usage error; from two,
  // the higher layer wins (flags > env > scenario > config), as for any input.
  const sinceGiven = given.since as Given<string> | undefined;
  const periodGiven = given.period as Given<string> | undefined;
  let useSince = sinceGiven !== undefined;
  if (sinceGiven && periodGiven) {
    const rank = (g: Given) => LAYER_RANK[g.origin];
    if (rank(sinceGiven) === rank(periodGiven) && fileOf(sinceGiven) === fileOf(periodGiven))
      throw new UsageError(
        `${sinceGiven.from}: given with ${periodGiven.from} ${periodGiven.value}; give one of them (--since, with --until, or --period)`,
      );
    useSince = rank(sinceGiven) < rank(periodGiven);
  }
  for (const g of [sinceGiven, given.until as Given<string> | undefined]) {
    if (g && g.value < GENESIS_DATE)
      throw new UsageError(
        `${g.from}: ${g.value} is before the genesis block (${GENESIS_DATE}); give a date from ${GENESIS_DATE}`,
      );
  }
  const today = dateOf(ctx.now());
  const until = text('until') ?? today;
  const periodName = (useSince ? undefined : text('period')) ?? '1y';
  const since =
    (useSince ? text('since') : undefined) ??
    (periodName === 'all'
      ? GENESIS_DATE
      : dateOf(dayMs(until) - ((PERIOD_DAYS[periodName] ?? 365) - 1) * 86_400_000));
  if (dayMs(since) > dayMs(until))
    throw new UsageError(
      `${given.since?.from ?? '--since'}: ${since} is after ${given.until?.from ?? '--until'} ${until}`,
    );

  // The fleet and power price for the margin history, when a miner is given.
  const assumptions: Assumptions = {};
  const wantsMargin = given.fleet !== undefined;
  // A margin input given as a flag without a miner is a mistake; env and files may hold it for other commands.
  const stray = [given.powerUsdPerKwh, given.poolFee].find((g) => g?.origin === 'flag');
  if (!wantsMargin && stray) throw new UsageError(`${stray.from}: only with --miner (the margin history)`);
  const mining = wantsMargin ? resolveMining(layered, assumptions) : null;
  const site = wantsMargin ? resolveSite(layered, assumptions) : null;

  const loaded = await load(call, layered, since, until);
  const model = mining?.fleetModels[0];
  const history = siteHistory(
    loaded.days,
    since,
    until,
    mining && site && model ? { model, powerUsdPerKwh: site.powerUsdPerKwh, poolFee: mining.poolFee } : null,
  );
  if (!history.anyInPeriod)
    throw new DataError(
      `history: no data from ${since} to ${until} (${loaded.source === 'embedded' ? `the embedded epochs end ${EMBEDDED_EPOCHS_END}` : `the data ends ${history.lastLoadedDay ?? 'before'}`})`,
    );
  const { days, stats, margin } = history;
  const report = historyReport(
    {
      period: {
        // 'all' starts where the data does.
        from: periodName === 'all' && !useSince && days[0] ? days[0].date : since,
        to: until,
        name: useSince ? 'custom' : periodName,
        days: Math.round((dayMs(until) - dayMs(since)) / 86_400_000) + 1,
      },
      source: loaded.source,
      sourceDetail: loaded.sourceDetail,
      margin,
    },
    days,
    stats,
  );
  explainIfAsked(call, layered, assumptions, null);
  await emit(ctx, layered, report, {
    document: async () => {
      const { historyDocument } = await import('../../output/render-history.js');
      const rows = ctx.stdout.isTTY === true && typeof ctx.stdout.rows === 'number' ? ctx.stdout.rows : 24;
      return (r, width) => historyDocument(r, width, Math.max(6, Math.min(20, rows - 16)));
    },
    csv: (r) =>
      r.days.map((d) => ({
        date: d.date,
        difficulty: d.difficulty,
        avgFeesBtcPerBlock: d.avgFeesBtcPerBlock,
        btcUsd: d.btcUsd,
        hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay,
        hashpriceBtcPerPhDay: d.hashpriceBtcPerPhDay,
        ...(d.marginUsdPerKwh !== undefined ? { marginUsdPerKwh: d.marginUsdPerKwh } : {}),
      })),
  });
  return 0;
}

/** The days: from --data, else a mempool instance (cached), else the cache, else the embedded epochs. */
async function load(
  call: CommandCall,
  layered: LayeredInputs,
  since: string,
  until: string,
): Promise<Loaded> {
  const { ctx } = call;
  const given = layered.given;
  const file = (given.historyData as Given<string> | undefined)?.value;
  if (file) {
    const { readHistoryData } = await import('../../data/history/file.js');
    const days = await readHistoryData(file, ctx.stdin);
    return { days, source: 'file', sourceDetail: file === '-' ? 'from standard input' : `from ${file}` };
  }
  const offline = (given.offline as Given<boolean> | undefined)?.value === true;
  const { obtainHistory } = await import('../../data/history/obtain.js');
  const mempool = (given.mempoolUrl as Given<string> | undefined)?.value ?? 'https://mempool.space';
  try {
    const result = await obtainHistory(
      {
        fromDate: since,
        toDate: until,
        mempoolUrl: mempool,
        offline,
        refresh: (given.refresh as Given<boolean> | undefined)?.value === true,
        timeoutMs: (given.timeoutMs as Given<number> | undefined)?.value ?? 5000,
      },
      ctx,
    );
    if (result) {
      printNotes(ctx, result.notes);
      return {
        days: result.days,
        source: result.source,
        sourceDetail:
          result.source === 'cache'
            ? `from the cache (${result.host ?? 'mempool'})`
            : `from ${result.host ?? 'mempool'}`,
      };
    }
  } catch (error) {
    if (!(error instanceof Error) || (error as { exitCode?: number }).exitCode !== 1) throw error;
    printNotes(ctx, [`history: ${error.message}; using the embedded difficulty epochs`]);
  }
  printNotes(ctx, [
    `history: ${offline ? 'offline' : 'no live data'}: the embedded difficulty epochs (no fees, no prices): BTC hashprice from the subsidy only`,
  ]);
  return {
    days: embeddedDays(since, until),
    source: 'embedded',
    sourceDetail: `embedded difficulty epochs (${DIFFICULTY_EPOCHS_SOURCE}); later epochs' start times estimated`,
  };
}
