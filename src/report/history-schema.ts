/** The `history` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const num = () => z.number();
const nullable = () => z.nullable(z.number());
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const dated = z.nullable(z.object({ date: z.string(), hashpriceUsdPerPhDay: num() }));

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
    latest: dated,
    average7dUsdPerPhDay: nullable(),
    average30dUsdPerPhDay: nullable(),
    low: dated,
    high: dated,
    lowestSince: z.nullable(z.object({ date: z.string(), hashpriceUsdPerPhDay: num(), since: z.string() })),
    ytdChange: describe(
      nullable(),
      'fraction: latest over the first value of the latest year in the data, - 1',
    ),
    ytdFrom: dated,
    periodChange: describe(nullable(), "fraction: latest over the period's first value, - 1"),
    drawdownFromHigh: describe(nullable(), 'fraction, <= 0'),
    daysSinceHalving: z.nullable(z.int()),
    lastHalvingDate: z.nullable(z.string()),
    latestBtc: z.nullable(
      z.object({ date: z.string(), hashpriceBtcPerPhDay: num(), feesIncluded: z.boolean() }),
    ),
  }),
  margin: z.nullable(
    z.object({
      miner: z.string(),
      efficiencyJPerTh: num(),
      powerUsdPerKwh: num(),
      poolFee: num(),
      daysAtLoss: z.int(),
      daysWithData: z.int(),
      latestMarginUsdPerKwh: nullable(),
    }),
  ),
  days: z.array(
    z.object({
      date: z.string(),
      difficulty: nullable(),
      avgFeesBtcPerBlock: nullable(),
      btcUsd: nullable(),
      blocks: nullable(),
      heightEnd: nullable(),
      hashpriceUsdPerPhDay: nullable(),
      hashpriceBtcPerPhDay: nullable(),
      feesIncluded: z.boolean(),
      marginUsdPerKwh: z.optional(nullable()),
    }),
  ),
});

export type HistoryReport = z.infer<typeof historyOutputSchema>;
