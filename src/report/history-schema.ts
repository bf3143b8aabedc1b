/** The `history` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const num = () => z.number();
const nullable = () => z.nullable(z.number());
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const dated = z.nullable(z.object({ date: z.string(), hashpriceUsdPerPhDay: num() }));
/** A USD figure of the stats: null without USD data. */
const USD_NULL = 'null without USD data (usdAvailable false: offline without a cache or --data)';
const datedUsd = (text: string) => describe(dated, `${text}; ${USD_NULL}`);

export const historyOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.history),
  command: z.literal('history'),
  period: z.object({
    from: z.string(),
    to: z.string(),
    name: describe(z.string(), "'1y', '30d', ... or 'custom' for --since/--until"),
    days: z.int(),
  }),
  source: describe(
    z.enum(['mempool', 'cache', 'file', 'embedded']),
    'where the daily data came from; embedded: difficulty per epoch only (no fees, no USD)',
  ),
  sourceDetail: z.string(),
  usdAvailable: describe(z.boolean(), 'false offline without a cache or --data: USD needs live data'),
  feesIncluded: describe(z.boolean(), 'false when the BTC hashprice is the subsidy alone (no fee data)'),
  stats: z.object({
    latest: datedUsd('the latest USD hashprice'),
    average7dUsdPerPhDay: describe(nullable(), `the last 7 days' mean; ${USD_NULL}`),
    average30dUsdPerPhDay: describe(nullable(), `the last 30 days' mean; ${USD_NULL}`),
    low: datedUsd('the lowest USD hashprice of the period'),
    high: datedUsd('the highest USD hashprice of the period'),
    lowestSince: describe(
      z.nullable(z.object({ date: z.string(), hashpriceUsdPerPhDay: num(), since: z.string() })),
      `the latest value is the lowest since this date; ${USD_NULL}`,
    ),
    ytdChange: describe(
      nullable(),
      `fraction: latest over the first value of the latest year in the data, - 1; ${USD_NULL}`,
    ),
    ytdFrom: datedUsd('the first value of the latest year in the data'),
    periodChange: describe(nullable(), `fraction: latest over the period's first value, - 1; ${USD_NULL}`),
    drawdownFromHigh: describe(nullable(), `fraction, <= 0; ${USD_NULL}`),
    daysSinceHalving: describe(z.nullable(z.int()), 'null when no halving is known up to the latest day'),
    lastHalvingDate: describe(z.nullable(z.string()), 'null when no halving is known up to the latest day'),
    latestBtc: z.nullable(
      z.object({ date: z.string(), hashpriceBtcPerPhDay: num(), feesIncluded: z.boolean() }),
    ),
  }),
  margin: describe(
    z.nullable(
      z.object({
        miner: z.string(),
        efficiencyJPerTh: num(),
        powerUsdPerKwh: num(),
        poolFee: num(),
        daysAtLoss: z.int(),
        daysWithData: z.int(),
        latestMarginUsdPerKwh: describe(nullable(), `the latest day's margin; ${USD_NULL}`),
      }),
    ),
    'with --miner: days at a loss for that miner at the power price; null without --miner',
  ),
  days: z.array(
    z.object({
      date: z.string(),
      difficulty: describe(nullable(), 'null when the source has none for the day'),
      avgFeesBtcPerBlock: describe(
        nullable(),
        'null without fee data for the day (embedded: difficulty per epoch only)',
      ),
      btcUsd: describe(nullable(), USD_NULL),
      blocks: describe(
        nullable(),
        'blocks found that day; null when the source has no block count (embedded)',
      ),
      heightEnd: describe(nullable(), 'null when the source has no height for the day'),
      hashpriceUsdPerPhDay: describe(nullable(), USD_NULL),
      hashpriceBtcPerPhDay: describe(nullable(), 'null when the day has no difficulty'),
      feesIncluded: z.boolean(),
      marginUsdPerKwh: z.optional(describe(nullable(), `with --miner; ${USD_NULL}`)),
    }),
  ),
});

export type HistoryReport = z.infer<typeof historyOutputSchema>;
