/** The `sensitivity` --json contract (zod/mini): loaded by tests and the build (JSON Schema), never by a command. */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';
import { assumptionSchema, networkReportSchema, robustVerdictFields } from './schemas.js';

const num = () => z.number();
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const aiOption = z.enum(['ai-lease', 'gpu-cloud']);
const scalar = () => z.union([num(), z.string(), z.boolean()]);

export const sensitivityOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.sensitivity),
  command: z.literal('sensitivity'),
  network: networkReportSchema,
  site: z.object({ mw: z.number().check(z.gt(0)), powerUsdPerKwh: z.number().check(z.gte(0)) }),
  horizon: z.object({ years: z.int(), months: z.int(), startDate: z.string() }),
  assumptions: z.record(z.string(), scalar()),
  assumptionSources: z.record(z.string(), assumptionSchema),
  swing: describe(
    num(),
    "each driver's low and high: base -/+ swing x |base| (-/+ swing when the base is 0)",
  ),
  base: z.object({
    options: z.array(
      z.object({
        id: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
        npvUsd: num(),
        npvVsMiningUsd: describe(num(), "this option's NPV minus keeping mining's"),
      }),
    ),
  }),
  drivers: describe(
    z.array(
      z.object({
        id: describe(z.string(), 'the flag without its dashes'),
        flag: z.string(),
        unit: z.string(),
        baseValue: num(),
        lowValue: num(),
        highValue: num(),
        range: describe(
          z.enum(['swing', 'given', 'record']),
          "swing: from --swing; given: from --range or the scenario; record: the driver's documented range (lease-escalator: 0 to 3%/yr), --swing does not apply",
        ),
        options: z.array(
          z.object({
            id: aiOption,
            lowNpvDeltaUsd: describe(
              num(),
              "the option's NPV minus keeping mining's, the driver at lowValue",
            ),
            highNpvDeltaUsd: describe(num(), 'the same at highValue'),
            swingUsd: describe(num(), '|highNpvDeltaUsd - lowNpvDeltaUsd|'),
          }),
        ),
      }),
    ),
    'sorted by the largest swingUsd over the options, largest first',
  ),
  grid: describe(
    z.nullable(
      z.object({
        x: z.object({ id: z.string(), values: z.array(num()) }),
        y: z.object({ id: z.string(), values: z.array(num()) }),
        options: z.array(
          z.object({
            id: aiOption,
            npvDeltaUsd: describe(z.array(z.array(num())), '[y index][x index]: NPV minus keeping mining'),
            frontier: describe(
              z.array(z.array(z.boolean())),
              'cells whose sign differs from a neighbour: the break-even frontier',
            ),
          }),
        ),
      }),
    ),
    'with --grid: NPV over two drivers; null without it, with gridNote',
  ),
  gridNote: z.optional(
    describe(z.nullable(z.string()), 'why grid is null (no --grid given); null when there is a grid'),
  ),
  evaluations: describe(z.int(), 'projections run'),
  verdict: describe(
    z.object({
      bestOptionId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
      basis: z.literal('npv'),
      npvUsd: num(),
      marginUsd: describe(num(), 'NPV above the next best option'),
      runnerUpId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
      ...robustVerdictFields,
      text: z.string(),
    }),
    "the base's ranking and how sure it is: the same rule as compare's and project's, over the plausible ranges (a driver given with --range: its range)",
  ),
});

export type SensitivityReport = z.infer<typeof sensitivityOutputSchema>;
