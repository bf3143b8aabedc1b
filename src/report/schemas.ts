/**
 * The JSON contract: one zod schema per command output. Field names carry units; fractions are 0..1;
 * undefined quantities are null (zod 4 numbers reject NaN and Infinity). Changes are additive only (new
 * optional fields), with schemaVersion. Loaded by tests and by `hashcalc schema`, never on a command's path.
 * zod/mini, like the rest of the code: the full zod namespace would pull every locale into the bundle.
 */

import * as z from 'zod/mini';
import { DOCUMENT_VERSIONS } from './documents.js';

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;
const num = () => z.number();
const nullableNum = () => z.nullable(z.number());
const nonNegative = () => z.number().check(z.gte(0));
const count = () => z.int().check(z.gte(0));
const sourceId = z.enum(['mempool', 'blockchain.info', 'coingecko', 'cache', 'snapshot', 'flag']);
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO time'));

export const quantityProvenanceSchema = z.object({
  source: sourceId,
  asOf: isoTime,
  origin: z.optional(sourceId),
  host: z.optional(describe(z.string(), 'the host that served the value')),
  basis: z.optional(
    describe(
      z.string(),
      "embedded data only: what the figure is and its source ('newest embedded difficulty epoch, ...' when offline runs use the epochs)",
    ),
  ),
});

const networkShape = {
  source: describe(
    z.string(),
    "source of the network figures, joined with '+' when mixed (e.g. 'mempool+flag')",
  ),
  asOf: describe(isoTime, 'time of the oldest network figure used'),
  height: count(),
  difficulty: z.number().check(z.gt(0)),
  btcUsd: z.number().check(z.gt(0)),
  subsidyBtc: nonNegative(),
  avgFeesBtcPerBlock: nonNegative(),
  feeShare: z.number().check(z.gte(0), z.lte(1)),
  hashpriceUsdPerPhDay: num(),
  hashpriceBtcPerPhDay: num(),
  hashpriceUsdPerThDay: num(),
  hashpriceSatsPerThDay: num(),
  impliedHashrateEhs: num(),
  estimatedHashrateEhs: nullableNum(),
  provenance: z.object({
    height: quantityProvenanceSchema,
    difficulty: quantityProvenanceSchema,
    btcUsd: quantityProvenanceSchema,
    avgFeesBtcPerBlock: quantityProvenanceSchema,
  }),
};

export const networkReportSchema = z.object(networkShape);

export const hashpriceOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.hashprice),
  command: z.literal('hashprice'),
  ...networkShape,
  estimatedHashrateVariant: describe(
    z.nullable(z.object({ hashpriceUsdPerPhDay: num(), hashpriceBtcPerPhDay: num() })),
    '144 x reward / estimated hashrate: for comparison only',
  ),
});

const networkProvenanceSchema = quantityProvenanceSchema;

export const networkOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.network),
  command: z.literal('network'),
  ...networkShape,
  estimatedHashrateVariant: hashpriceOutputSchema.shape.estimatedHashrateVariant,
  impliedHashrateHs: num(),
  estimatedHashrateHs: nullableNum(),
  retarget: describe(
    z.nullable(
      z.object({
        progress: describe(z.number().check(z.gte(0), z.lte(1)), 'share of the epoch done, 0..1'),
        estimatedChange: describe(
          num(),
          'estimated difficulty change at the retarget, as a ratio (0.02 = +2%)',
        ),
        estimatedAt: isoTime,
        nextRetargetHeight: count(),
        remainingBlocks: count(),
        meanBlockIntervalSec: num(),
      }),
    ),
    'next difficulty retarget; null with retargetNote when unknown',
  ),
  retargetNote: z.nullable(z.string()),
  halving: z.object({
    nextHalvingHeight: count(),
    blocksRemaining: count(),
    estimatedAt: isoTime,
    subsidyAfterBtc: nonNegative(),
    meanBlockIntervalSec: num(),
    intervalBasis: z.enum(['current epoch mean', 'target']),
  }),
  provenance: z.object({
    height: networkProvenanceSchema,
    difficulty: networkProvenanceSchema,
    btcUsd: networkProvenanceSchema,
    avgFeesBtcPerBlock: networkProvenanceSchema,
    estimatedHashrate: describe(
      z.nullable(networkProvenanceSchema),
      'null when there is no estimated hashrate (see nullReasons)',
    ),
    retarget: describe(z.nullable(networkProvenanceSchema), 'null when retarget is (see nullReasons)'),
    nullReasons: z.optional(
      describe(
        z.record(z.string(), z.string()),
        'why each null provenance is null, by field name (estimatedHashrate, retarget); empty when none is',
      ),
    ),
  }),
});

const fleetEntrySchema = z.object({
  name: z.string(),
  units: count(),
  hashrateThs: num(),
  powerMw: num(),
  efficiencyJPerTh: num(),
  priceUsdPerTh: z.optional(describe(num(), "this model's capex per TH/s")),
  priceBasis: z.optional(
    describe(z.string(), 'where that price came from: a flag, the catalog and its date, or the fallback'),
  ),
  capexUsd: z.optional(num()),
});

const breakevenValue = (text: string) =>
  describe(nullableNum(), `${text}; null when no value in a wide range does it (see notes)`);

const breakevenVsMiningSchema = describe(
  z.object({
    btcUsd: breakevenValue('BTC/USD at which NPV(this option) = NPV(keeping mining)'),
    hashpriceUsdPerPhDay: breakevenValue(
      "today's hashprice at the breakeven BTC price (btcUsd): hashprice scales one for one with BTC/USD; not a hashprice that holds over the horizon (the halving and difficulty growth lower it)",
    ),
    powerUsdPerKwh: breakevenValue('power price at which the two are equal'),
    leaseUsdPerKwMonth: z.optional(breakevenValue('lease rate at which the lease equals mining')),
    gpuUsdPerHour: z.optional(breakevenValue('GPU-hour price at which the GPU cloud equals mining')),
    notes: describe(z.record(z.string(), z.string()), 'why a breakeven is null, by field'),
  }),
  'solved over the whole projection (a bracketing solver), not linearized',
);

/** A plan's tranche (--plan): an AI option on part of the site, going live in a month. */
export const planTrancheSchema = z.object({
  optionId: z.enum(['ai-lease', 'gpu-cloud']),
  mw: describe(num(), "the tranche's grid MW (its IT MW is this over the AI PUE)"),
  share: describe(num(), "mw over the site's MW, 0..1"),
  goLiveMonth: describe(
    count(),
    'the month it goes live; its fit-out is spread over the conversion months before',
  ),
});

/** A plan's identity in a document: its tranches and the MW left mining. */
export const planShapeFields = {
  text: describe(
    z.string(),
    "the plan in words, e.g. 'AI lease 150 MW live month 12, GPU cloud 50 MW live month 30, 141 MW mining'",
  ),
  tranches: z.array(planTrancheSchema),
  miningMw: describe(num(), "the site's MW that keeps mining"),
  planFlag: describe(
    z.string(),
    "the --plan value that gives this plan (e.g. 'lease:150@12,gpu:50@30'); '' for keeping mining",
  ),
};

export const optionSchema = z.object({
  id: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
  label: z.string(),
  itMw: num(),
  units: num(),
  unitLabel: z.enum(['miners', 'kW leased', 'GPUs', 'MW sold']),
  revenueUsdPerYear: num(),
  energyKwhPerYear: num(),
  energyUsdPerYear: num(),
  otherOpexUsdPerYear: num(),
  opexUsdPerYear: describe(num(), 'energy included'),
  ebitdaUsdPerYear: num(),
  revenueUsdPerKwh: describe(num(), "per kWh of the site's power envelope (site MW x 1000 x 8760)"),
  ebitdaUsdPerKwh: num(),
  capexUsd: num(),
  paybackYears: describe(
    nullableNum(),
    'compare: deprecated (see CHANGELOG.md), counts the residual value as cash in the last month: use paybackExResidualYears; mining and ai: null (no horizon: capex / year-1 EBITDA is capexOverYear1EbitdaYears)',
  ),
  capexOverYear1EbitdaYears: describe(
    nullableNum(),
    "capex / today's annual EBITDA (year 1 at today's figures), in years: not a payback; null with capexOverYear1EbitdaNote when there is no capex or EBITDA <= 0",
  ),
  capexOverYear1EbitdaNote: describe(
    z.nullable(z.string()),
    'why capexOverYear1EbitdaYears is null or not a useful figure (beyond 30 years); null otherwise',
  ),
  simplePaybackYears: z.optional(
    describe(
      nullableNum(),
      "compare, deprecated: the same as capexOverYear1EbitdaYears (capex / today's annual EBITDA), null with simplePaybackNote",
    ),
  ),
  simplePaybackNote: z.optional(z.nullable(z.string())),
  paybackNote: z.nullable(z.string()),
  revenueMultipleVsMining: describe(
    nullableNum(),
    "revenue / mining's revenue; null with revenueMultipleVsMiningNote (no mining option, or mining earns none)",
  ),
  revenueMultipleVsMiningNote: z.optional(
    describe(z.nullable(z.string()), 'why revenueMultipleVsMining is null; null when it is a number'),
  ),
  ebitdaMultipleVsMining: describe(
    nullableNum(),
    "EBITDA / mining's EBITDA; null with ebitdaMultipleVsMiningNote (no mining option, or mining EBITDA <= 0)",
  ),
  ebitdaMultipleVsMiningNote: z.optional(
    describe(z.nullable(z.string()), 'why ebitdaMultipleVsMining is null; null when it is a number'),
  ),
  hashrateThs: z.optional(num()),
  hashrateEhs: z.optional(num()),
  efficiencyJPerTh: z.optional(nullableNum()),
  fleet: z.optional(z.array(fleetEntrySchema)),
  breakevens: z.optional(
    z.object({ powerUsdPerKwh: nullableNum(), hashpriceUsdPerPhDay: nullableNum(), btcUsd: nullableNum() }),
  ),
  gpuModel: z.optional(z.string()),
  // compare: over the horizon (the same projection as `project`)
  npvUsd: z.optional(describe(num(), 'NPV over the horizon (see hashcalc project)')),
  npvExResidualUsd: z.optional(
    describe(num(), 'compare: npvUsd without the residual value (npvUsd - residualPvUsd)'),
  ),
  residualPvUsd: z.optional(
    describe(
      num(),
      "compare: the present value of what is left at the horizon's end (see the project document's residualMethod)",
    ),
  ),
  npvVsMiningUsd: z.optional(num()),
  irr: z.optional(describe(nullableNum(), 'annualized IRR over the horizon; null with irrNote')),
  irrNote: z.optional(
    describe(
      z.nullable(z.string()),
      'why irr is null (no outlay, inflows before the outlay: a borrowing profile, or no real rate), or which of several rates is reported; null otherwise',
    ),
  ),
  paybackExResidualYears: z.optional(
    describe(
      nullableNum(),
      'compare: years until cumulative operating and capital cash turns non-negative over the horizon, the residual value not counted; null with paybackNote beyond it or with nothing to pay back',
    ),
  ),
  discountedPaybackExResidualYears: z.optional(
    describe(nullableNum(), 'compare: the same with each month discounted; null with discountedPaybackNote'),
  ),
  discountedPaybackYears: z.optional(
    describe(
      nullableNum(),
      'deprecated (see CHANGELOG.md): counts the residual value as cash; use discountedPaybackExResidualYears',
    ),
  ),
  discountedPaybackNote: z.optional(
    describe(z.nullable(z.string()), 'why discountedPaybackYears is null; null when it is a number'),
  ),
  depreciationUsdPerYear: z.optional(
    describe(
      num(),
      'straight line: capex over its life (GPUs, fit-out, a new fleet); an owned fleet has none',
    ),
  ),
  ebitUsdPerYear: z.optional(describe(num(), 'EBITDA minus depreciation')),
  breakevenVsMining: z.optional(breakevenVsMiningSchema),
  annualDiscountRate: z.optional(
    describe(
      num(),
      "compare: the annual rate this option's NPV and discounted paybacks use (its own, or --discount-rate)",
    ),
  ),
  saleUsd: z.optional(
    describe(
      num(),
      "compare, sell only: the price, --sell-per-mw x the site's grid MW (the option's today figures are 0: nothing runs after the sale)",
    ),
  ),
  saleMonth: z.optional(describe(count(), 'compare, sell only: the month of the sale')),
});

const scalar = () => z.union([num(), z.string(), z.boolean()]);

export const assumptionSchema = z.object({
  value: scalar(),
  origin: describe(
    z.enum(['flag', 'env', 'scenario', 'config', 'default', 'catalog', 'live', 'cache', 'snapshot']),
    "live, cache and snapshot only for the network inputs (btcUsd, difficulty, heightBlocks, avgFeesBtcPerBlock); a network value the user gave is 'flag' whatever its layer",
  ),
  basis: z.optional(describe(z.string(), 'why a default or catalog value is what it is')),
  from: z.optional(describe(z.string(), 'the flag, env var or file path the value came from')),
  asOf: z.optional(
    describe(
      isoTime,
      'network inputs only: the time the value describes (each input its own: they can differ)',
    ),
  ),
  sourceAsOf: z.optional(
    describe(
      z.string(),
      'a default or catalog value: the date of its public source (catalog), YYYY-MM-DD or YYYY-MM',
    ),
  ),
  overdue: z.optional(
    describe(
      z.boolean(),
      'that source is older than its refresh cadence (docs/data.md); marked ! in the footers',
    ),
  ),
  sourceUrl: z.optional(
    describe(
      z.string(),
      'a default, catalog or embedded value: the address (http or https) of its public source, where it has one',
    ),
  ),
});

const optionIdSchema = () => z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']);

/** How sure the verdict is (core/risk/robust.ts): the same fields in compare, project and sensitivity. */
export const robustVerdictFields = {
  robust: describe(
    z.boolean(),
    'true: no single decisive driver moved across its plausible range changes which option ranks first (and, with --simulations, the first beats the second on at least 75% of paths); false: too close to call',
  ),
  flips: describe(
    z.array(
      z.object({
        driver: describe(z.string(), 'the decisive driver, named by its flag (sensitivity drivers)'),
        value: describe(num(), 'the value at which another option takes the lead'),
        unit: z.string(),
        baseValue: describe(num(), "the driver's value in this run"),
        low: describe(num(), 'its plausible low'),
        high: describe(num(), 'its plausible high'),
        toOptionId: describe(optionIdSchema(), 'the option ranked first at the end of the range'),
      }),
    ),
    'the drivers that change the first-ranked option within their plausible range, the nearest (relative to its range) first; empty when robust',
  ),
  plausibleRanges: describe(
    z.array(z.object({ driver: z.string(), low: num(), high: num(), basis: z.string() })),
    'the range each decisive driver was moved across, and its basis',
  ),
  simulatedShareFirst: describe(
    z.optional(num()),
    'with --simulations: the share of paths on which the first-ranked option beats the runner-up (NPV)',
  ),
};

const compareVerdictSchema = z.object({
  bestOptionId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
  basis: describe(z.literal('npv'), 'the options are ranked by NPV over the horizon'),
  npvUsd: num(),
  marginUsd: describe(num(), 'NPV above the next best option'),
  runnerUpId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
  flip: z.nullable(z.object({ input: z.string(), value: num(), current: num(), unit: z.string() })),
  ...robustVerdictFields,
  text: z.string(),
});

export const economicsOutputSchema = z.object({
  schemaVersion: describe(
    z.union([z.literal(DOCUMENT_VERSIONS.mining), z.literal(DOCUMENT_VERSIONS.compare)]),
    '2 for compare (horizon-aware: verdict is an object, paybackYears over the horizon); 1 for mining and ai',
  ),
  command: z.enum(['compare', 'mining', 'ai']),
  network: describe(z.nullable(networkReportSchema), 'null for ai (no mining option), with networkNote'),
  networkNote: z.optional(
    describe(z.nullable(z.string()), 'why network is null (ai needs no network data); null when it is given'),
  ),
  site: z.object({ mw: z.number().check(z.gt(0)), powerUsdPerKwh: nonNegative() }),
  assumptions: z.record(z.string(), scalar()),
  assumptionSources: z.record(z.string(), assumptionSchema),
  options: z.array(optionSchema),
  plan: describe(
    z.optional(
      z.object({
        id: z.literal('plan'),
        label: z.string(),
        ...planShapeFields,
        npvUsd: num(),
        npvExResidualUsd: num(),
        residualPvUsd: num(),
        npvVsMiningUsd: num(),
        irr: nullableNum(),
        irrNote: z.nullable(z.string()),
        paybackExResidualYears: nullableNum(),
        discountedPaybackExResidualYears: nullableNum(),
        paybackNote: z.nullable(z.string()),
        peakFundingUsd: num(),
        capexUsd: num(),
      }),
    ),
    "compare --plan: the plan's figures over the horizon (as the project document's plan); the verdict still ranks the pure options",
  ),
  horizon: z.optional(
    z.object({
      years: count(),
      startDate: z.string(),
      halvingHeight: count(),
      halvingDate: z.nullable(z.string()),
    }),
  ),
  verdict: describe(
    z.union([z.string(), compareVerdictSchema]),
    'compare: the decision by NPV (an object with its text); mining and ai: one line of text',
  ),
});

const provenanceSchema = z.object({
  source: describe(z.string(), 'a URL (a page, a release, a filing) the figure can be checked against'),
  asOf: describe(z.string(), 'the date the figure describes: YYYY-MM-DD or YYYY-MM'),
  confidence: describe(
    z.enum(['primary', 'secondary', 'derived', 'estimate', 'approx']),
    "primary (maker, company, filing), secondary (press, index), derived (computed here), estimate (no public source; see note); 'approx' appears only in documents before 2026-12",
  ),
  note: z.optional(z.string()),
  fixed: z.optional(
    describe(z.boolean(), 'a fixed fact (a nameplate, signed contract terms): not aged by catalog --stale'),
  ),
});

const staleSchema = z.object({
  maxAgeDays: describe(
    nullableNum(),
    'the --stale limit in days; null with --stale and no duration (each figure against its cadence, byCadence)',
  ),
  byCadence: z.optional(
    describe(
      z.boolean(),
      'each figure checked against its own refresh cadence (docs/data.md), not one limit',
    ),
  ),
  checkedOn: describe(z.string(), 'the day ages are counted to, YYYY-MM-DD'),
  checked: describe(count(), 'figures whose age was checked'),
  fixed: describe(count(), 'fixed facts not aged'),
  stale: z.array(
    z.object({
      kind: z.string(),
      id: z.string(),
      figure: describe(z.string(), "which figure of the entry, e.g. 'price', 'rental', 'self-mining'"),
      asOf: z.string(),
      ageDays: count(),
      cadenceDays: z.optional(describe(num(), "the figure's refresh cadence in days (docs/data.md)")),
      source: z.string(),
      confidence: z.string(),
    }),
  ),
});

const ageSchema = z.object({
  id: z.string(),
  figure: describe(z.string(), "which figure of the entry, e.g. 'nameplate', 'price', 'rental'"),
  asOf: z.string(),
  ageDays: describe(count(), 'whole days from asOf to the run'),
  fixed: describe(z.boolean(), 'a fixed fact (a nameplate, signed terms): no cadence, never overdue'),
  cadenceDays: z.optional(describe(num(), 'how often the figure is meant to be refreshed, in days')),
  overdue: describe(z.boolean(), 'older than its cadence (marked in the tables that use it)'),
});

export const catalogOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.catalog),
  command: z.literal('catalog'),
  kind: describe(
    z.enum(['miners', 'gpus', 'deals', 'conversions', 'valuations', 'defaults', 'stale']),
    "the list shown; 'stale': catalog --stale without a kind (the stale figures as entries)",
  ),
  entries: z.array(
    z.looseObject({
      id: z.string(),
      provenance: provenanceSchema,
      nullReasons: z.optional(
        describe(z.record(z.string(), z.string()), 'why each null field of the entry is null, by field name'),
      ),
    }),
  ),
  ages: z.optional(
    describe(z.array(ageSchema), "a kind's list: each dated figure's age and whether it is past its cadence"),
  ),
  stale: z.optional(
    describe(staleSchema, 'with --stale: the figures older than the limit (exit 3 when any)'),
  ),
  fallbackPriceUsdPerTh: z.optional(
    describe(num(), 'miners: the price per TH/s used for a model without a dated price (an estimate)'),
  ),
  fallbackPriceProvenance: z.optional(
    describe(provenanceSchema, 'miners: where fallbackPriceUsdPerTh comes from'),
  ),
});

export const checkOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.check),
  command: z.literal('check'),
  passed: describe(z.boolean(), 'true when every rule passes (exit 0); false: exit 3'),
  breached: count(),
  rules: z.array(
    z.object({
      expression: describe(z.string(), 'the rule as given or built from a flag'),
      from: describe(z.string(), 'the flag or file path the rule came from'),
      rule: describe(z.string(), 'the rule as parsed, normalized'),
      value: describe(
        z.nullable(z.union([num(), z.boolean()])),
        'left side of a comparison, else the result',
      ),
      threshold: z.nullable(z.union([num(), z.boolean()])),
      passed: z.boolean(),
      notes: z.array(z.string()),
    }),
  ),
  network: z.nullable(networkReportSchema),
});

const debtMonthFields = {
  debtDrawUsd: z.optional(describe(num(), 'with a loan: drawn this month (its share of the build capex)')),
  interestUsd: z.optional(
    describe(num(), 'with a loan: interest accrued (capitalized in the build, or paid)'),
  ),
  debtServiceUsd: z.optional(
    describe(
      num(),
      'with a loan: interest paid and principal repaid (the horizon month: the rest of the balance)',
    ),
  ),
  debtBalanceUsd: z.optional(describe(num(), "with a loan: the balance at the month's end")),
  equityCashFlowUsd: z.optional(
    describe(
      num(),
      'with a loan: cash to equity (cashFlowUsd + draw - debt service - fee + interest tax saving)',
    ),
  ),
};

const projectedMonthSchema = z.object({
  month: describe(count(), '0 is today (capex spent now); month m ends m twelfths of a year from now'),
  date: describe(z.string(), "the month's end, YYYY-MM-DD (UTC)"),
  heightBlocks: describe(
    z.nullable(count()),
    "mining: expected height at the month end; null for AI options (no chain), with the option's heightNote",
  ),
  revenueUsd: num(),
  opexUsd: describe(num(), 'energy and other opex'),
  ebitdaUsd: num(),
  depreciationUsd: num(),
  ebitUsd: num(),
  taxUsd: describe(
    num(),
    'flat --tax-rate: on positive EBIT month by month; --tax us: each tax year (12 months) in its last month, after MACRS depreciation and the NOL it may use',
  ),
  taxDepreciationUsd: z.optional(
    describe(
      num(),
      '--tax us only: MACRS and bonus tax depreciation this month (separate from depreciationUsd, the book)',
    ),
  ),
  nolBalanceUsd: z.optional(
    describe(num(), '--tax us only: net operating losses carried forward at the month end'),
  ),
  taxableGainUsd: z.optional(
    describe(
      num(),
      '--tax us only: the taxable gain on equipment sold this month (the residual at the horizon included): proceeds less the tax basis left',
    ),
  ),
  capexUsd: num(),
  otherCashUsd: describe(
    num(),
    'sales of miners (at their used price then) and of GPUs at the end of their life; the residual value at the horizon end',
  ),
  cashFlowUsd: num(),
  cumulativeCashUsd: num(),
  curtailed: describe(z.boolean(), 'mining stopped this month: revenue below its power cost'),
  difficulty: describe(
    nullableNum(),
    "mining: the network's difficulty at the month end (month 0: today's); null for AI options",
  ),
  networkHashrateEhs: describe(
    nullableNum(),
    'mining: network hashrate at the month end, EH/s (the model or the trend: assumptions.network); null for AI options',
  ),
  hashpriceUsdPerPhDay: describe(
    nullableNum(),
    "mining: the month's mean difficulty-based hashprice, USD per PH/s per day (month 0: today's); null for AI options",
  ),
  ...debtMonthFields,
});

const debtSchema = z.object({
  share: describe(num(), "loan-to-cost: the share of the build's capex (months 0 to go-live) borrowed"),
  amountUsd: describe(num(), 'the draws (capitalized interest not included)'),
  feeUsd: describe(num(), 'upfront fee, paid by equity at month 0'),
  rate: describe(num(), 'nominal annual rate (monthly: rate / 12)'),
  termMonths: count(),
  graceMonths: count(),
  amortization: z.enum(['level', 'linear', 'bullet']),
  interestDuringConstruction: z.enum(['capitalize', 'pay']),
  capitalizedInterestUsd: num(),
  interestPaidUsd: num(),
  maturityMonth: describe(count(), 'the month of the last scheduled payment (may be past the horizon)'),
  repaidAtHorizonUsd: describe(num(), 'the balance left at the horizon, repaid from its cash'),
  costOfEquity: num(),
  equityNpvUsd: describe(num(), "equity's cash after debt service discounted at costOfEquity"),
  equityIrr: describe(nullableNum(), "annualized IRR of equity's cash; null with equityIrrNote"),
  equityIrrNote: z.nullable(z.string()),
  dscrByYear: describe(
    z.array(nullableNum()),
    'per year (year 1 holds months 0-12): CFADS / debt service of its months with service; null without service',
  ),
  minDscr: describe(nullableNum(), 'the lowest yearly DSCR; null with minDscrNote'),
  minDscrNote: z.nullable(z.string()),
  dscrCovenant: num(),
  covenantBreached: describe(z.boolean(), 'minDscr below dscrCovenant'),
  method: z.string(),
});

const projectedYearSchema = z.object({
  year: count(),
  revenueUsd: num(),
  opexUsd: num(),
  ebitdaUsd: num(),
  depreciationUsd: num(),
  ebitUsd: num(),
  taxUsd: z.optional(describe(num(), 'when taxed (--tax-rate above 0 or --tax us)')),
  taxDepreciationUsd: z.optional(describe(num(), '--tax us only: MACRS and bonus tax depreciation')),
  capexUsd: num(),
  cashFlowUsd: num(),
  cumulativeCashUsd: num(),
});

export const projectedOptionSchema = z.object({
  id: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
  label: z.string(),
  npvUsd: describe(num(), 'monthly flows discounted at (1 + discountRate)^(-month/12); month 0 undiscounted'),
  npvVsMiningUsd: describe(num(), 'npvUsd minus keeping mining'),
  irr: describe(
    nullableNum(),
    'annualized, (1 + monthly IRR)^12 - 1; null with irrNote (no outlay; inflows before the outlay, a borrowing profile; no real rate)',
  ),
  irrNote: z.nullable(z.string()),
  taxShieldUsd: z.optional(
    describe(
      num(),
      'the present value of the tax saved by depreciation (book with --tax-rate, MACRS and bonus with --tax us): npvUsd minus the NPV with no depreciation deducted; 0 pre-tax. npvUsd and irr are after tax whenever taxed',
    ),
  ),
  npvExResidualUsd: describe(num(), 'npvUsd without the residual value: npvUsd - residualPvUsd'),
  residualPvUsd: describe(num(), "residualUsd's present value (discounted from the horizon's end)"),
  paybackMonths: describe(
    nullableNum(),
    'deprecated (see CHANGELOG.md): counts the residual value as cash in the last month; use paybackExResidualMonths',
  ),
  discountedPaybackMonths: describe(
    nullableNum(),
    'deprecated (see CHANGELOG.md): counts the residual value as cash; use discountedPaybackExResidualMonths',
  ),
  paybackExResidualMonths: describe(
    nullableNum(),
    'months until cumulative operating and capital cash turns non-negative, the residual value not counted; null with paybackNote beyond the horizon or when there is nothing to pay back (never 0); replaces paybackMonths',
  ),
  discountedPaybackExResidualMonths: describe(
    nullableNum(),
    'the same with each month discounted; null beyond the horizon or with no capex, with discountedPaybackNote; replaces discountedPaybackMonths',
  ),
  discountedPaybackNote: z.optional(
    describe(z.nullable(z.string()), 'why discountedPaybackMonths is null; null when it is a number'),
  ),
  paybackNote: z.nullable(z.string()),
  totalCashUsd: num(),
  peakFundingUsd: describe(num(), 'the lowest cumulative cash, as a positive amount: the funding needed'),
  capexUsd: describe(num(), 'all capex over the horizon, refreshes included'),
  residualUsd: describe(
    num(),
    "the value at the horizon's end, by residualMethod (in the last month's otherCashUsd)",
  ),
  minersSoldMonth: describe(
    z.nullable(count()),
    'the month the fleet was sold (a conversion, the end of its life without a refresh, or when it cannot cover its running costs); null when held at the horizon or never owned',
  ),
  fleetPurchases: describe(count(), 'fleets bought over the horizon (a new fleet today, refreshes)'),
  curtailedMonths: count(),
  energyUsd: describe(
    num(),
    'energy bills over the horizon, undiscounted: mining where it ran (the take-or-pay share of a curtailed month), the AI energy (a lease only when the landlord pays power); at the power contract price path',
  ),
  gridChargesUsd: describe(
    num(),
    "demand and transmission charges over the horizon, undiscounted (assumptions.demandChargeUsdPerKwMonth, transmissionChargeUsdPerKwYear): in full for a firm AI load from go-live, mining's share (assumptions.miningPeakShare) before",
  ),
  goLiveMonth: describe(
    z.nullable(count()),
    'the month a conversion starts earning (AI options); null for mining, which runs from today',
  ),
  annualDiscountRate: z.optional(
    describe(
      num(),
      "the annual rate this option's npvUsd, discounted paybacks and residualPvUsd use: its own (--discount-rate-lease, --discount-rate-gpu, --discount-rate-mining; a sale mining's) or --discount-rate",
    ),
  ),
  saleMonth: z.optional(
    describe(
      count(),
      'sell only: the month the site is sold with its miners for --sell-per-mw x its grid MW (it mines until then)',
    ),
  ),
  saleUsd: z.optional(
    describe(
      num(),
      "sell only: the price, --sell-per-mw x the site's grid MW, in month saleMonth's otherCashUsd",
    ),
  ),
  breakevenVsMining: z.optional(breakevenVsMiningSchema),
  heightNote: z.optional(
    describe(
      z.nullable(z.string()),
      "why months[].heightBlocks is null (an AI option runs no chain); null when every month's height is given",
    ),
  ),
  debt: z.optional(
    describe(z.nullable(debtSchema), 'the option levered by its loan (--debt-share); null without debt'),
  ),
  years: z.array(projectedYearSchema),
  months: z.array(projectedMonthSchema),
});

const distributionSchema = z.object({
  mean: num(),
  standardError: describe(num(), 'of the mean: sample sd / sqrt(paths)'),
  p5: num(),
  p25: num(),
  p50: num(),
  p75: num(),
  p95: num(),
  min: num(),
  max: num(),
});

export const simulationSchema = z.object({
  paths: count(),
  seed: count(),
  model: z.object({
    btcVolPerYear: num(),
    difficultyVolPerYear: num(),
    difficultyBtcCorrelation: num(),
    gpuPriceVolPerYear: num(),
    btcDrift: describe(
      z.optional(z.enum(['mean', 'median'])),
      "what --btc-growth is (--btc-drift): mean, BTC/USD's expected path (its median below); median, its median path (its mean above)",
    ),
    description: z.string(),
    quantiles: describe(z.string(), 'how p5..p95 are computed from a fixed-memory sketch, and their error'),
  }),
  options: z.array(
    z.object({
      id: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
      npvUsd: distributionSchema,
      probabilityBeats: describe(
        z.optional(z.record(z.string(), num())),
        "by option id: the share of paths on which this option's NPV is above that option's",
      ),
      probabilityBeatsMining: describe(
        num(),
        "share of paths with this option's NPV above mining's (0 for mining)",
      ),
      probabilityNoPayback: describe(
        num(),
        'share of paths whose cumulative cash goes below zero and does not recover within the horizon',
      ),
      probabilityDscrBelowOne: z.optional(
        describe(num(), 'with a loan: share of paths whose lowest yearly DSCR is below 1.0'),
      ),
      probabilityDscrBelowCovenant: z.optional(
        describe(
          num(),
          'with a loan: share of paths whose lowest yearly DSCR is below the covenant (--dscr-covenant)',
        ),
      ),
      histogram: describe(
        z.object({ binEdgesUsd: z.array(num()), counts: z.array(count()), below: count(), above: count() }),
        "paths per NPV bin, from the option's 1st to its 99th percentile; below/above: outside the edges",
      ),
    }),
  ),
  btcUsdAtHorizon: distributionSchema,
});

/** `project --plan`: the plan, with every figure an option has. */
export const projectedPlanSchema = z.extend(projectedOptionSchema, {
  id: z.literal('plan'),
  ...planShapeFields,
});

export const projectOutputSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSIONS.project),
  command: z.literal('project'),
  network: networkReportSchema,
  networkCarriedForward: describe(
    z.nullable(z.object({ fromAsOf: isoTime, blocksAdded: count(), heightBlocks: count() })),
    'network data older than a day carried to today (height advanced at 600 s a block)',
  ),
  site: z.object({ mw: z.number().check(z.gt(0)), powerUsdPerKwh: nonNegative() }),
  horizon: z.object({
    years: count(),
    months: count(),
    startDate: z.string(),
    startMonth: describe(
      z.nullable(z.string()),
      '--start (YYYY-MM): the projection starts on its 1st (00:00 UTC) with the network inputs of then; null: it starts today',
    ),
    halvingHeight: count(),
    halvingMonth: describe(
      nullableNum(),
      'fractional month the next halving lands in; null beyond the horizon',
    ),
    halvingDate: z.nullable(z.string()),
  }),
  assumptions: z.record(z.string(), scalar()),
  assumptionSources: z.record(z.string(), assumptionSchema),
  priceDeck: describe(
    z.nullable(
      z.object({
        path: z.string(),
        columns: z.array(
          z.enum(['btcUsd', 'feesBtcPerBlock', 'powerUsdPerKwh', 'gpuUsdPerHour', 'leaseUsdPerKwMonth']),
        ),
        firstMonth: describe(z.string(), "the deck's first row, YYYY-MM"),
        lastMonth: describe(z.string(), "the deck's last row, YYYY-MM"),
        coveredMonths: describe(
          z.nullable(z.object({ first: count(), last: count() })),
          'the projection months (1-based; month m takes the row of the calendar month m - 1 after the start) its rows cover within the horizon; null when none',
        ),
      }),
    ),
    "--price-deck: the analyst's monthly prices replacing the growth paths for its months (later months continue from its last row at the stated growth); breakevens and the simulation scale its path; null without one",
  ),
  options: z.array(projectedOptionSchema),
  plan: describe(
    z.optional(projectedPlanSchema),
    "--plan: the plan beside the pure options (id 'plan'), every figure an option has; the verdict still ranks the pure options",
  ),
  verdict: z.object({
    bestOptionId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
    basis: z.literal('npv'),
    npvUsd: num(),
    marginUsd: describe(num(), 'NPV above the next best option'),
    runnerUpId: z.enum(['mining', 'ai-lease', 'gpu-cloud', 'sell']),
    flip: describe(
      z.nullable(z.object({ input: z.string(), value: num(), current: num(), unit: z.string() })),
      'the breakeven that would change the answer',
    ),
    ...robustVerdictFields,
    text: z.string(),
  }),
  residualMethod: describe(z.string(), "how each option's residualUsd was valued (--residual)"),
  gpuPrices: describe(
    z.optional(
      z.object({
        rentQuoteDate: describe(z.nullable(z.string()), 'the date the rent describes; null: given (today)'),
        capexQuoteDate: describe(z.nullable(z.string()), 'the date the capex describes; null: given (today)'),
        rentAtGoLiveUsdPerGpuHour: describe(
          num(),
          'the rent carried from its date to go-live by --gpu-price-decline',
        ),
        capexAtGoLiveUsdPerGpu: describe(num(), 'the capex per GPU carried from its date to go-live'),
      }),
    ),
    "the GPU cloud's prices: their dates, and what they come to at go-live",
  ),
  simulation: describe(z.optional(simulationSchema), 'with --simulations N: the Monte Carlo'),
});

export type QuantityProvenance = z.infer<typeof quantityProvenanceSchema>;
export type NetworkReport = z.infer<typeof networkReportSchema>;
export type HashpriceReport = z.infer<typeof hashpriceOutputSchema>;
export type NetworkCommandReport = z.infer<typeof networkOutputSchema>;
export type NetworkProvenance = QuantityProvenance;
export type OptionReport = z.infer<typeof optionSchema>;
export type FleetEntryReport = z.infer<typeof fleetEntrySchema>;
export type AssumptionReport = z.infer<typeof assumptionSchema>;
export type EconomicsReport = z.infer<typeof economicsOutputSchema>;
export type CatalogReport = z.infer<typeof catalogOutputSchema>;
export type CheckReport = z.infer<typeof checkOutputSchema>;
export type CheckedRule = CheckReport['rules'][number];

export type ProjectReport = z.infer<typeof projectOutputSchema>;
export type SimulationReport = z.infer<typeof simulationSchema>;
export type ProjectedOptionReport = z.infer<typeof projectedOptionSchema>;
export type ProjectedPlanReport = z.infer<typeof projectedPlanSchema>;
export type BreakevenVsMiningReport = z.infer<typeof breakevenVsMiningSchema>;

export const OUTPUT_SCHEMAS = {
  project: projectOutputSchema,
  hashprice: hashpriceOutputSchema,
  network: networkOutputSchema,
  compare: economicsOutputSchema,
  mining: economicsOutputSchema,
  ai: economicsOutputSchema,
  catalog: catalogOutputSchema,
  check: checkOutputSchema,
} as const;
