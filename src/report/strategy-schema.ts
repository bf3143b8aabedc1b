/** The `strategy` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';
import { assumptionSchema, networkReportSchema, planShapeFields } from './schemas.js';

const num = () => z.number();
const nullableNum = () => z.nullable(z.number());
const count = () => z.int().check(z.gte(0));
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const scalar = () => z.union([num(), z.string(), z.boolean()]);

/** A plan the search found: its shape and NPV. */
const planEntry = z.object({
  ...planShapeFields,
  aiShare: describe(num(), 'the share of the site converted, 0..1 (0: keep mining)'),
  firstStartMonth: describe(
    z.nullable(count()),
    "the month the first tranche's build starts (go-live minus the conversion months); null: keep mining",
  ),
  npvUsd: num(),
  npvVsMiningUsd: describe(num(), 'npvUsd minus keeping mining the whole site'),
});

/** A later start against the best starting now. */
const waitingEntry = z.nullable(
  z.object({
    ...planEntry.def.shape,
    valueOfWaitingUsd: describe(
      nullableNum(),
      'this NPV minus the best plan starting now (null when no plan starts now)',
    ),
  }),
);

export const strategyOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.strategy),
  command: z.literal('strategy'),
  network: networkReportSchema,
  site: z.object({ mw: z.number().check(z.gt(0)), powerUsdPerKwh: z.number().check(z.gte(0)) }),
  horizon: z.object({
    years: z.int(),
    months: z.int(),
    startDate: z.string(),
    halvingMonth: describe(nullableNum(), 'months from the start to the halving; null beyond the horizon'),
  }),
  assumptions: z.record(z.string(), scalar()),
  assumptionSources: z.record(z.string(), assumptionSchema),
  search: describe(
    z.object({
      shareStep: describe(num(), "the AI share's step, a fraction of the site (0.1: 0%, 10%, ... 100%)"),
      maxPhases: describe(z.int(), 'at most this many tranches'),
      startMonths: describe(
        z.array(count()),
        'the months a build may start (every startStepMonths from 0, month 12 and the first after the halving), go-live = start + conversionMonths within the horizon',
      ),
      startStepMonths: z.int(),
      conversionMonths: z.int(),
      options: z.array(z.enum(['ai-lease', 'gpu-cloud'])),
      plansEvaluated: count(),
      method: describe(
        z.enum(['linear', 'evaluated']),
        "linear: pre-tax, each plan's NPV is the MW-weighted sum of its parts' (exact); evaluated: taxed, each plan's combined flows taxed and discounted",
      ),
      text: describe(z.string(), 'how it searched, in words'),
    }),
    'the grid the search ran over',
  ),
  best: describe(
    z.object({
      ...planEntry.def.shape,
      npvExResidualUsd: nullableNum(),
      irr: nullableNum(),
      irrNote: z.nullable(z.string()),
      paybackExResidualMonths: nullableNum(),
      discountedPaybackExResidualMonths: nullableNum(),
      peakFundingUsd: nullableNum(),
      capexUsd: nullableNum(),
    }),
    "the plan with the highest NPV on the grid, with its figures as project's plan (null figures when keeping mining is best)",
  ),
  pureOptions: describe(
    z.array(
      z.object({
        id: describe(
          z.string(),
          "an option id as project's (mining, ai-lease, gpu-cloud; sell with --sell-per-mw)",
        ),
        npvUsd: num(),
        bestPlanMarginUsd: describe(num(), "the best plan's NPV minus this option's"),
      }),
    ),
    'the pure options at the default go-live (as compare and project), and the sale (id sell) with --sell-per-mw',
  ),
  bestByOption: describe(
    z.array(z.object({ optionId: z.enum(['ai-lease', 'gpu-cloud']), plan: planEntry })),
    'the best plan converting only to this option (the rest mining)',
  ),
  frontier: describe(z.array(planEntry), 'the best plan at each AI share of the grid, 0 (keep mining) first'),
  waiting: describe(
    z.object({
      now: waitingEntry,
      afterHalving: waitingEntry,
      inAYear: waitingEntry,
      afterHalvingStartMonth: z.nullable(count()),
    }),
    'the value of waiting: the best plan whose first build starts now, after the halving (the first grid start after it) or in a year (month 12 or later)',
  ),
  top: describe(z.array(planEntry), 'the best plans on the grid, best first (at most 10)'),
  robustness: describe(
    z.object({
      robust: describe(
        z.boolean(),
        "true: no decisive driver at either end of its plausible range (the verdict's ranges) changes whether the plan beats keeping mining",
      ),
      versus: describe(
        z.enum(['mining', 'plan']),
        'mining: the best plan against keeping mining; plan: keeping mining is best, tested against the best AI plan',
      ),
      flips: z.array(
        z.object({
          id: z.string(),
          end: z.enum(['low', 'high']),
          value: num(),
          toId: z.enum(['mining', 'plan']),
          npvVsMiningUsd: num(),
        }),
      ),
    }),
    'how sure the lead is',
  ),
  simulationNote: describe(
    z.string(),
    'what the Monte Carlo did: without --simulations, that the plans are ranked by their deterministic NPV',
  ),
  simulation: describe(
    z.optional(
      z.object({
        paths: z.int(),
        seed: num(),
        miningMeanNpvUsd: describe(num(), "keeping mining's mean NPV over the paths"),
        plans: describe(
          z.array(
            z.object({
              ...planEntry.def.shape,
              rank: describe(z.int(), 'its rank by deterministic NPV (1: the best plan)'),
              meanNpvUsd: num(),
              standardErrorUsd: describe(num(), 'of the mean'),
              p5NpvUsd: num(),
              p50NpvUsd: num(),
              p95NpvUsd: num(),
              probabilityBeatsMining: describe(
                num(),
                "the share of paths on which the plan's NPV is above keeping mining's",
              ),
            }),
          ),
          'the best plans by deterministic NPV (at most 5), ranked by mean NPV over the paths',
        ),
      }),
    ),
    'with --simulations N: the Monte Carlo of the best plans against keeping mining (the paths of project --simulations)',
  ),
  sale: describe(
    z.nullable(
      z.object({
        usdPerMw: describe(num(), '--sell-per-mw: the price per MW of grid power'),
        month: describe(count(), 'the month of the sale (0: today; the site mines until then)'),
        markId: describe(z.nullable(z.string()), 'the catalog valuation it was taken from, null: a price'),
        priceUsd: describe(num(), "the price, usdPerMw x the site's grid MW"),
        npvUsd: describe(num(), "the sale's NPV (pureOptions' sell: mining until the sale, then the price)"),
        vsBestPlanUsd: describe(num(), "npvUsd minus the best plan's NPV"),
        beatsBestPlan: describe(
          z.boolean(),
          'true: selling is worth more than the best plan (the verdict says so)',
        ),
      }),
    ),
    'with --sell-per-mw: the sale of the site against the best plan (not a tranche of a plan: the whole site goes); null without',
  ),
  verdict: z.object({ text: z.string() }),
});

export type StrategyReport = z.infer<typeof strategyOutputSchema>;
