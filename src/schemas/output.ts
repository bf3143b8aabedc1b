/**
 * The JSON contract: one zod schema per command output. Field names carry units; fractions are 0..1;
 * undefined quantities are null. Changes are additive only (new optional fields), with schemaVersion.
 * Loaded by tests and by `hashcalc schema`, never on a command's startup path.
 */
import { z } from 'zod';

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const nullableFinite = () => finite().nullable();
const sourceId = z.enum(['mempool', 'blockchain.info', 'coingecko', 'cache', 'snapshot', 'flag']);
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO time');

export const quantityProvenanceSchema = z.object({
  source: sourceId,
  asOf: isoTime,
  origin: sourceId.optional(),
});

export const networkReportSchema = z.object({
  source: z
    .string()
    .describe("source of the network figures, joined with '+' when mixed (e.g. 'mempool+flag')"),
  asOf: isoTime.describe('time of the oldest network figure used'),
  height: z.number().int().nonnegative(),
  difficulty: finite().positive(),
  btcUsd: finite().positive(),
  subsidyBtc: finite().nonnegative(),
  avgFeesBtcPerBlock: finite().nonnegative(),
  feeShare: finite().min(0).max(1),
  hashpriceUsdPerPhDay: finite(),
  hashpriceBtcPerPhDay: finite(),
  hashpriceUsdPerThDay: finite(),
  hashpriceSatsPerThDay: finite(),
  impliedHashrateEhs: finite(),
  estimatedHashrateEhs: nullableFinite(),
  provenance: z.object({
    height: quantityProvenanceSchema,
    difficulty: quantityProvenanceSchema,
    btcUsd: quantityProvenanceSchema,
    avgFeesBtcPerBlock: quantityProvenanceSchema,
  }),
});

export const hashpriceOutputSchema = networkReportSchema.extend({
  schemaVersion: z.literal(1),
  command: z.literal('hashprice'),
  estimatedHashrateVariant: z
    .object({ hashpriceUsdPerPhDay: finite(), hashpriceBtcPerPhDay: finite() })
    .nullable()
    .describe('144 x reward / estimated hashrate: for comparison only'),
});

const fleetEntrySchema = z.object({
  name: z.string(),
  units: z.number().int().nonnegative(),
  hashrateThs: finite(),
  powerMw: finite(),
  efficiencyJPerTh: finite(),
});

export const optionSchema = z.object({
  id: z.enum(['mining', 'ai-lease', 'gpu-cloud']),
  label: z.string(),
  itMw: finite(),
  units: finite(),
  unitLabel: z.enum(['miners', 'kW leased', 'GPUs']),
  revenueUsdPerYear: finite(),
  energyKwhPerYear: finite(),
  energyUsdPerYear: finite(),
  otherOpexUsdPerYear: finite(),
  opexUsdPerYear: finite().describe('energy included'),
  ebitdaUsdPerYear: finite(),
  revenueUsdPerKwh: finite().describe("per kWh of the site's power envelope (site MW x 1000 x 8760)"),
  ebitdaUsdPerKwh: finite(),
  capexUsd: finite(),
  paybackYears: nullableFinite().describe('null when EBITDA <= 0 (never paid back)'),
  paybackNote: z.string().nullable(),
  revenueMultipleVsMining: nullableFinite(),
  ebitdaMultipleVsMining: nullableFinite(),
  hashrateThs: finite().optional(),
  hashrateEhs: finite().optional(),
  efficiencyJPerTh: nullableFinite().optional(),
  fleet: z.array(fleetEntrySchema).optional(),
  breakevens: z
    .object({
      powerUsdPerKwh: nullableFinite(),
      hashpriceUsdPerPhDay: nullableFinite(),
      btcUsd: nullableFinite(),
    })
    .optional(),
  gpuModel: z.string().optional(),
});

const assumptionSchema = z.object({
  value: z.union([finite(), z.string(), z.boolean()]),
  origin: z.enum(['flag', 'env', 'scenario', 'config', 'default', 'catalog']),
  basis: z.string().optional().describe('why a default or catalog value is what it is'),
  from: z.string().optional().describe('the flag, env var or file path the value came from'),
});

export const economicsOutputSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.enum(['compare', 'mining', 'ai']),
  network: networkReportSchema.nullable(),
  site: z.object({ mw: finite().positive(), powerUsdPerKwh: finite().nonnegative() }),
  assumptions: z.record(z.string(), z.union([finite(), z.string(), z.boolean()])),
  assumptionSources: z.record(z.string(), assumptionSchema),
  options: z.array(optionSchema),
  verdict: z.string(),
});

const provenanceSchema = z.object({
  source: z.string(),
  asOf: z.string(),
  confidence: z.enum(['primary', 'secondary', 'derived', 'approx']),
  note: z.string().optional(),
});

export const catalogOutputSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.literal('catalog'),
  kind: z.enum(['miners', 'gpus', 'deals']),
  entries: z.array(z.looseObject({ id: z.string(), provenance: provenanceSchema })),
});

export const checkOutputSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.literal('check'),
  passed: z.boolean().describe('true when every rule passes (exit 0); false: exit 3'),
  breached: z.number().int().nonnegative(),
  rules: z.array(
    z.object({
      expression: z.string().describe('the rule as given or built from a flag'),
      from: z.string().describe('the flag or file path the rule came from'),
      rule: z.string().describe('the rule as parsed, normalized'),
      value: z
        .union([finite(), z.boolean()])
        .nullable()
        .describe('left side of a comparison, else the result'),
      threshold: z.union([finite(), z.boolean()]).nullable(),
      passed: z.boolean(),
      notes: z.array(z.string()),
    }),
  ),
  network: networkReportSchema.nullable(),
});

export const OUTPUT_SCHEMAS = {
  hashprice: hashpriceOutputSchema,
  compare: economicsOutputSchema,
  mining: economicsOutputSchema,
  ai: economicsOutputSchema,
  catalog: catalogOutputSchema,
  check: checkOutputSchema,
} as const;
