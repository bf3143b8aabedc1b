/** The `exodus` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';
import { networkReportSchema } from './schemas.js';

const num = () => z.number();
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

const concentrationSchema = z.object({
  topPool: z.string(),
  topShare: describe(num(), '0..1'),
  top2Share: describe(num(), '0..1'),
  nakamotoCoefficient: describe(z.int(), 'fewest pools with more than 50% of the blocks'),
  hhi: describe(num(), 'sum of squared shares, 0..1'),
});

export const exodusOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.exodus),
  command: z.literal('exodus'),
  network: networkReportSchema,
  leaving: z.object({
    basis: z.enum(['site', 'ehs', 'announced']),
    /** e.g. "341 MW of Antminer S21 XP". */
    description: z.string(),
    conversions: z.optional(
      z.array(z.object({ company: z.string(), selfMiningEhs: num(), source: z.string(), asOf: z.string() })),
    ),
  }),
  leavingEhs: num(),
  networkEhs: describe(num(), 'difficulty-implied: difficulty x 2^32 / 600 s'),
  estimatedNetworkEhs: z.nullable(num()),
  leavingShare: describe(num(), 'of the difficulty-implied hashrate, 0..1'),
  leavingShareOfEstimated: z.nullable(num()),
  blocksIntoEpoch: z.int(),
  blocksIntoEpochBasis: z.enum(['flag', 'live', 'height']),
  blockIntervalBeforeSec: num(),
  blockIntervalAfterSec: num(),
  secondsToRetarget: describe(num(), 'expected, at the lower hashrate'),
  secondsToRetargetSd: describe(num(), 'standard deviation (the time to k blocks is Gamma-distributed)'),
  retargetDelaySec: describe(num(), 'later than the retarget would have come without the drop'),
  difficultyChange: describe(
    num(),
    'at the retarget, a fraction (-0.011 = -1.1%), Bitcoin Core rule, 4x clamp',
  ),
  difficultyChangeClamped: z.boolean(),
  nextEpoch: z.object({
    blockIntervalSec: num(),
    difficultyChange: describe(num(), "at the epoch after's own retarget, a fraction"),
    clamped: z.boolean(),
    difficultyChangeFromNow: describe(
      num(),
      "both retargets together, from today's difficulty: (1 + difficultyChange) x (1 + nextEpoch.difficultyChange) - 1",
    ),
    hashpriceUpliftFromNow: describe(
      num(),
      'hashprice per PH/s for the miners who stay after both retargets, against today: 1 / (1 + difficultyChangeFromNow) - 1',
    ),
  }),
  hashpriceUsdPerPhDay: num(),
  hashpriceUpliftAfterRetarget: describe(
    num(),
    'a fraction: per PH/s, unchanged until the retarget, then this',
  ),
  hashpriceAfterRetargetUsdPerPhDay: num(),
  stayingFleet: describe(
    z.nullable(
      z.object({
        description: z.string(),
        hashrateThs: num(),
        revenueGainUsdPerDay: describe(num(), 'after the retarget, net of pool fee and uptime'),
        ebitdaUsdPerDayBefore: num(),
        ebitdaUsdPerDayAfter: num(),
      }),
    ),
    "a site's fleet that stays while someone else's hashrate leaves; null when the hashrate leaving is the site's own",
  ),
  networkRevenueUsdPerHour: describe(
    z.object({ before: num(), untilRetarget: num(), afterRetarget: num() }),
    "the network's revenue per hour at the hashprice: what matching the network for an hour forgoes",
  ),
  pools: z.nullable(
    z.object({
      window: z.literal('1w'),
      before: concentrationSchema,
      after: z.nullable(concentrationSchema),
      pool: z.nullable(z.string()),
      nakamotoCoefficient: z.int(),
      hhi: num(),
      topShare: num(),
      top2Share: num(),
    }),
  ),
  poolsNote: z.nullable(z.string()),
  summary: z.string(),
});

export type ExodusReport = z.infer<typeof exodusOutputSchema>;
