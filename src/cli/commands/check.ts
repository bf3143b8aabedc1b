/**
 * `check`: threshold rules over the same computation as `compare`. Exit 0 when every rule passes, 3 when any
 * is breached, 1 when data could not be had, 2 for a malformed rule (checked before any data is fetched).
 */

import { embeddedSnapshot } from '../../data/snapshot.js';
import { EXIT_THRESHOLD, UsageError } from '../../errors.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import { readNumber } from '../../inputs/parse.js';
import {
  type Assumptions,
  type GpuSettings,
  type ProjectionSettings,
  resolveEconomics,
} from '../../inputs/resolve.js';
import { DOCUMENT_VERSIONS } from '../../report/documents.js';
import { siteEconomicsReport } from '../../report/economics.js';
import type { CheckedRule, CheckReport, EconomicsReport } from '../../report/schemas.js';
import { evaluateRule, flattenMetrics, lookupFrom, parse, RuleError } from '../../rules/index.js';
import { siteEconomics } from '../../site/economics.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

const OPTION_IDS = ['mining', 'ai-lease', 'gpu-cloud'];

/**
 * The oldest network data a check judges unless told otherwise (--max-age, --allow-stale): 7 days, half a
 * difficulty epoch, so that a cached live value passes and the embedded snapshot (months old) never does.
 */
export const CHECK_MAX_AGE = { ms: 7 * 86_400_000, text: '7 days' };

export interface RuleSpec {
  /** The rule as an expression over metrics. */
  expression: string;
  /** Where it came from: a flag, or "file: rules.x". */
  from: string;
}

const SCALAR_RULES = {
  minHashprice: { flag: '--min-hashprice', metric: 'network.hashpriceUsdPerPhDay', op: '>=' },
  maxHashprice: { flag: '--max-hashprice', metric: 'network.hashpriceUsdPerPhDay', op: '<=' },
  minBreakevenPowerPrice: {
    flag: '--min-breakeven-power-price',
    metric: 'options.mining.breakevens.powerUsdPerKwh',
    op: '>=',
  },
  maxBreakevenPowerPrice: {
    flag: '--max-breakeven-power-price',
    metric: 'options.mining.breakevens.powerUsdPerKwh',
    op: '<=',
  },
} as const;

const RATIO_RULES = {
  minRatio: { flag: '--min-ratio', op: '>=' },
  maxRatio: { flag: '--max-ratio', op: '<=' },
} as const;

function threshold(raw: unknown, label: string): number {
  const value = typeof raw === 'number' ? raw : readNumber(String(raw), { suffixes: true });
  if (!Number.isFinite(value)) throw new UsageError(`${label}: expected a number, got '${String(raw)}'`);
  return value;
}

/** "ai-lease/mining:2" -> revenue per kWh of ai-lease over mining, against 2. */
function ratioExpression(raw: string, label: string, op: string): string {
  const match = /^\s*([a-z-]+)\s*\/\s*([a-z-]+)\s*:\s*(.+)$/.exec(raw);
  const [, a = '', b = '', bar = ''] = match ?? [];
  if (!match || !OPTION_IDS.includes(a) || !OPTION_IDS.includes(b)) {
    throw new UsageError(
      `${label}: expected OPTION/OPTION:NUMBER with options ${OPTION_IDS.join(', ')} (e.g. ai-lease/mining:2), got '${raw}'`,
    );
  }
  return `options.${a}.revenueUsdPerKwh / options.${b}.revenueUsdPerKwh ${op} ${threshold(bar, label)}`;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/** Rules from flags and from the scenario/config `rules` block; a flag replaces the same scalar rule in a file. */
export function collectRules(layered: Pick<LayeredInputs, 'given' | 'fileRules'>): RuleSpec[] {
  const options = Object.fromEntries(Object.entries(layered.given).map(([id, g]) => [id, g.value]));
  const fileRules = layered.fileRules;
  const rules: RuleSpec[] = [];
  for (const [key, rule] of Object.entries(SCALAR_RULES)) {
    const fromFlag = options[key];
    const fromFile = fileRules?.rules[key];
    const [raw, from] =
      fromFlag !== undefined ? [fromFlag, rule.flag] : [fromFile, `${fileRules?.file}: rules.${key}`];
    if (raw !== undefined)
      rules.push({ expression: `${rule.metric} ${rule.op} ${threshold(raw, from)}`, from });
  }
  for (const [key, rule] of Object.entries(RATIO_RULES)) {
    for (const raw of list(options[key]))
      rules.push({ expression: ratioExpression(raw, rule.flag, rule.op), from: rule.flag });
    list(fileRules?.rules[key]).forEach((raw, i) => {
      const from = `${fileRules?.file}: rules.${key}[${i}]`;
      rules.push({ expression: ratioExpression(raw, from, rule.op), from });
    });
  }
  for (const expression of list(options.assert)) rules.push({ expression, from: '--assert' });
  list(fileRules?.rules.assert).forEach((expression, i) => {
    rules.push({ expression, from: `${fileRules?.file}: rules.assert[${i}]` });
  });
  return rules;
}

export async function runCheck(call: CommandCall): Promise<number> {
  const ctx = call.ctx;
  const inputs = await prepareInputs(call);
  const specs = collectRules(inputs);
  if (specs.length === 0) {
    throw new UsageError(
      'check: no rules; give --min-hashprice, --min-ratio, --assert ... or a --scenario with rules',
    );
  }
  // Malformed rules fail before any data is fetched.
  const parsed = specs.map((spec) => {
    try {
      return parse(spec.expression, { label: spec.from });
    } catch (error) {
      if (error instanceof RuleError) throw new UsageError(error.message);
      throw error;
    }
  });

  const evaluateAll = (report: EconomicsReport): CheckedRule[] => {
    const metrics = flattenMetrics({
      network: report.network,
      site: report.site,
      assumptions: report.assumptions,
      options: report.options,
    });
    return parsed.map((ast, i): CheckedRule => {
      const spec = specs[i] as RuleSpec;
      const result = evaluateRule(ast, lookupFrom(metrics), { label: spec.from, knownPaths: metrics.keys() });
      if (result.error) throw new UsageError(result.error);
      return {
        ...spec,
        rule: result.text,
        value: result.value,
        threshold: result.threshold,
        passed: result.passed,
        notes: result.notes,
      };
    });
  };
  // The rules read the compare figures: every input checked before anything is fetched.
  const assumptions: Assumptions = {};
  const selection = resolveEconomics('compare', inputs, assumptions);
  // A dry run on the embedded snapshot: an unknown metric or a type error is a malformed rule (exit 2),
  // found before any data is fetched.
  evaluateAll(siteEconomicsReport(siteEconomics(selection, embeddedSnapshot(), ctx.now()), assumptions));

  const { snapshot, nowMs } = await projectionStart(
    inputs,
    ctx,
    selection.projection as ProjectionSettings,
    selection as { gpu: GpuSettings },
    { defaultMaxAge: CHECK_MAX_AGE },
  );
  const report = siteEconomicsReport(siteEconomics(selection, snapshot, nowMs), assumptions);
  explainIfAsked(call, inputs, report.assumptionSources, report.network);
  const rules = evaluateAll(report);
  const breached = rules.filter((r) => !r.passed).length;
  const checkReport: CheckReport = {
    schemaVersion: DOCUMENT_VERSIONS.check,
    command: 'check',
    passed: breached === 0,
    breached,
    rules,
    network: report.network,
  };
  await emit(ctx, inputs, checkReport, {
    document: async () => {
      const { checkDocument } = await import('../../output/render-check.js');
      return (r) => checkDocument(r, ctx.now());
    },
    csv: (r) =>
      r.rules.map((rule) => ({
        passed: rule.passed,
        rule: rule.rule,
        value: rule.value,
        threshold: rule.threshold,
        from: rule.from,
      })),
  });
  return breached > 0 ? EXIT_THRESHOLD : 0;
}
