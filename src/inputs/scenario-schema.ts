/**
 * The scenario (and config) file format, derived from the input table: every row with a `path` is a key of
 * its section, typed by the row's kind, described with its flag, what it accepts and its default. zod/mini:
 * loaded on a command's path only when a scenario or config file is present.
 */
import * as z from 'zod/mini';
import { INPUT_ROWS, type InputRow } from './table.js';

const comment = z.optional(z.string().check(z.describe('a note for people; ignored')));

function describeRow(row: InputRow): string {
  const accepts = row.kind.type === 'number' ? `: ${row.kind.spec.accepts}` : '';
  const extra =
    row.defaultValue !== undefined ? ` Default ${String(row.defaultValue)} (${row.basis ?? 'default'}).` : '';
  return `${row.description}${accepts}. Flag ${row.flag}${row.env ? `, env ${row.env}` : ''}.${extra}`;
}

const numberish = (description: string) =>
  z.optional(z.union([z.number(), z.string()]).check(z.describe(description)));

function fieldFor(row: InputRow): z.ZodMiniType {
  const description = describeRow(row);
  switch (row.kind.type) {
    case 'number':
      return numberish(description);
    case 'boolean':
      return z.optional(z.boolean().check(z.describe(description)));
    case 'rule':
      return row.kind.repeatable
        ? z.optional(z.array(z.string()).check(z.describe(description)))
        : numberish(description);
    case 'fleet':
      return z.optional(
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
      );
    case 'ranges':
      return z.optional(
        z
          .record(
            z.string(),
            z.union([
              z.tuple([z.union([z.number(), z.string()]), z.union([z.number(), z.string()])]),
              z.string(),
            ]),
          )
          .check(z.describe(`${description}: an object of driver -> [low, high] or "LOW:HIGH"`)),
      );
    default:
      return z.optional(z.string().check(z.describe(description)));
  }
}

const SECTION_DESCRIPTIONS: Record<string, string> = {
  site: 'the site: power envelope and power price',
  network: 'network data overrides (otherwise live data, cache or the embedded snapshot)',
  mining: 'mining assumptions',
  ai: 'assumptions shared by the AI lease and the GPU cloud',
  lease: 'the wholesale AI lease of critical IT load',
  gpuCloud: 'the GPU cloud run by the site owner',
  rules: 'threshold rules for hashcalc check',
  simulation: 'the Monte Carlo of hashcalc project --simulations',
  sensitivity: 'the drivers of hashcalc sensitivity',
};

let keysByPath: Record<string, string[]> = {};

/** Keys a scenario accepts at a path ('' top level, 'mining', 'fleet' for a fleet entry): for "did you mean". */
export function scenarioKeysAt(path: readonly PropertyKey[]): string[] {
  if (Object.keys(keysByPath).length === 0) buildScenarioSchema();
  const named = path.filter((k) => typeof k === 'string');
  return keysByPath[named.join('.')] ?? [];
}

export function buildScenarioSchema() {
  const sections: Record<string, Record<string, z.ZodMiniType>> = {};
  const topLevel: Record<string, z.ZodMiniType> = {};
  for (const row of INPUT_ROWS) {
    if (!row.path) continue;
    const [section = '', field] = row.path.split('.');
    if (field === undefined) topLevel[section] = fieldFor(row);
    else {
      sections[section] ??= {};
      (sections[section] as Record<string, z.ZodMiniType>)[field] = fieldFor(row);
    }
  }
  const shape: Record<string, z.ZodMiniType> = {
    $schema: z.optional(z.string()),
    $comment: comment,
    ...topLevel,
  };
  for (const [name, fields] of Object.entries(sections)) {
    shape[name] = z.optional(
      z.strictObject({ $comment: comment, ...fields }).check(z.describe(SECTION_DESCRIPTIONS[name] ?? name)),
    );
  }
  keysByPath = {
    '': Object.keys(shape),
    fleet: ['$comment', 'model', 'count'],
    ...Object.fromEntries(
      Object.entries(sections).map(([name, fields]) => [name, ['$comment', ...Object.keys(fields)]]),
    ),
  };
  return z.strictObject(shape);
}
