/**
 * The scenario (and config) file format: every input a flag can give, grouped by section, plus rules.
 * Generated from the flag table so flags, files and env vars can never drift apart. zod/mini: this is
 * loaded on a command's path only when a scenario or config file is present.
 */
import * as z from 'zod/mini';
import { AI_FLAGS, type FlagDef, MINING_FLAGS, NETWORK_FLAGS, SITE_FLAGS } from './flags.js';

export const INPUT_FLAGS: readonly FlagDef[] = [
  ...Object.values(NETWORK_FLAGS),
  ...Object.values(SITE_FLAGS),
  ...Object.values(MINING_FLAGS),
  ...Object.values(AI_FLAGS),
];

const comment = z.optional(z.string().check(z.describe('a note for people; ignored')));

function numberish(def: FlagDef) {
  const extra = def.defaultValue !== undefined ? ` Default ${def.defaultValue} (${def.basis}).` : '';
  return z.optional(
    z
      .union([z.number(), z.string()])
      .check(z.describe(`${def.description}: ${def.spec.accepts}. Flag ${def.spec.flag}.${extra}`)),
  );
}

const positiveList = (description: string) => z.optional(z.array(z.string()).check(z.describe(description)));

let keysByPath: Record<string, string[]> = {};

/** Keys a scenario accepts at a path ('' top level, 'mining', 'fleet' for a fleet entry): for "did you mean". */
export function scenarioKeysAt(path: readonly PropertyKey[]): string[] {
  if (Object.keys(keysByPath).length === 0) buildScenarioSchema();
  const named = path.filter((k) => typeof k === 'string');
  return keysByPath[named.join('.')] ?? [];
}

export function buildScenarioSchema() {
  const sections: Record<string, Record<string, z.ZodMiniType>> = {
    site: {},
    network: {},
    mining: {},
    ai: {},
    lease: {
      landlordPaysPower: z.optional(
        z
          .boolean()
          .check(z.describe("the landlord pays the leased load's power (default false: tenant pays)")),
      ),
    },
    gpuCloud: {
      gpu: z.optional(
        z.string().check(z.describe('GPU model, e.g. "h100", "GB200 NVL72" (see hashcalc catalog gpus)')),
      ),
    },
  };
  for (const def of INPUT_FLAGS) {
    const [section = '', field = ''] = def.path.split('.');
    const target = sections[section];
    if (target) target[field] = numberish(def);
  }
  keysByPath = {
    '': ['$schema', '$comment', 'site', 'network', 'fleet', 'mining', 'ai', 'lease', 'gpuCloud', 'rules'],
    fleet: ['$comment', 'model', 'count'],
    rules: [
      '$comment',
      'minHashprice',
      'maxHashprice',
      'minBreakevenPowerPrice',
      'maxBreakevenPowerPrice',
      'minRatio',
      'maxRatio',
      'assert',
    ],
    ...Object.fromEntries(
      Object.entries(sections).map(([name, shape]) => [name, ['$comment', ...Object.keys(shape)]]),
    ),
  };
  const section = (name: string, description: string) =>
    z.optional(z.strictObject({ $comment: comment, ...sections[name] }).check(z.describe(description)));
  return z.strictObject({
    $schema: z.optional(z.string()),
    $comment: comment,
    site: section('site', 'the site: power envelope and power price'),
    network: section(
      'network',
      'network data overrides (otherwise live data, cache or the embedded snapshot)',
    ),
    fleet: z.optional(
      z
        .array(
          z.strictObject({
            $comment: comment,
            model: z.string().check(z.describe('ASIC model, e.g. "S21 XP" (see hashcalc catalog miners)')),
            count: z.optional(
              z.int().check(z.positive(), z.describe('units; omit to fill the remaining power')),
            ),
          }),
        )
        .check(z.describe('the mining fleet; models without a count share the power left')),
    ),
    mining: section('mining', 'mining assumptions'),
    ai: section('ai', 'assumptions shared by the AI lease and the GPU cloud'),
    lease: section('lease', 'the wholesale AI lease of critical IT load'),
    gpuCloud: section('gpuCloud', 'the GPU cloud run by the site owner'),
    rules: z.optional(
      z
        .strictObject({
          $comment: comment,
          minHashprice: z.optional(
            z.union([z.number(), z.string()]).check(z.describe('fail when hashprice ($/PH/day) is below')),
          ),
          maxHashprice: z.optional(
            z.union([z.number(), z.string()]).check(z.describe('fail when hashprice ($/PH/day) is above')),
          ),
          minBreakevenPowerPrice: z.optional(
            z
              .union([z.number(), z.string()])
              .check(z.describe('fail when the mining breakeven power price ($/kWh) is below')),
          ),
          maxBreakevenPowerPrice: z.optional(
            z
              .union([z.number(), z.string()])
              .check(z.describe('fail when the mining breakeven power price ($/kWh) is above')),
          ),
          minRatio: positiveList(
            'e.g. "ai-lease/mining:2": fail when revenue per kWh of the first option over the second is below',
          ),
          maxRatio: positiveList('e.g. "gpu-cloud/mining:20": fail when the ratio is above'),
          assert: positiveList('expressions over metrics, e.g. "options.mining.ebitdaUsdPerYear > 0"'),
        })
        .check(z.describe('threshold rules for hashcalc check')),
    ),
  });
}

export type ScenarioFile = z.infer<ReturnType<typeof buildScenarioSchema>>;
