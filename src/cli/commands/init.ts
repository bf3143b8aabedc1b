/** `init [FILE]`: writes an annotated example scenario (and its JSON Schema for editor completion). */
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../data/atomic-file.js';
import { type CliError, DataError, UsageError } from '../../errors.js';
import { toJson } from '../../output/json.js';
import type { CommandCall } from '../command-call.js';
import { readJsonSchema } from '../schema-files.js';

export const DEFAULT_SCENARIO_FILE = 'hashcalc-scenario.json';

export function exampleScenario(schemaFile: string): Record<string, unknown> {
  return {
    $schema: `./${schemaFile}`,
    $comment:
      'hashcalc scenario: every input a flag can give. Flags and HASHCALC_* env vars override it. Remove what you do not need; absent values take the documented defaults.',
    site: { $comment: 'grid power envelope and power price', mw: 341, powerUsdPerKwh: 0.04 },
    network: {
      $comment: 'omit to use live data (or cache, or the embedded snapshot); values accept 152.27T, 84.8k',
    },
    fleet: [
      { $comment: 'counted units', model: 'S21 XP', count: 40000 },
      { $comment: 'no count: fills the power left', model: 'M60S' },
    ],
    mining: { poolFee: '2.5%', uptime: 0.98, pueMining: 1.05 },
    ai: { $comment: 'shared by the lease and the GPU cloud', pueAi: 1.3, fitOutUsdPerMwIt: '10M' },
    lease: {
      leaseUsdPerKwMonth: 138,
      occupancy: 1,
      landlordPaysPower: false,
      otherOpexShare: 0.15,
      escalatorPerYear: '2.5%',
      termYears: 10,
    },
    gpuCloud: {
      gpu: 'h100',
      gpuUsdPerHour: 2.35,
      utilization: 1,
      otherOpexShare: 0.2,
      priceDeclinePerYear: '20%',
      lifeYears: 5,
    },
    finance: {
      $comment: 'hashcalc project and compare: the horizon and the money',
      years: 5,
      discountRate: '10%',
    },
    outlook: { difficultyGrowthPerMonth: '1%', btcGrowthPerYear: 0 },
    conversion: { $comment: 'months from today to AI go-live; the site mines meanwhile', months: 12 },
    simulation: {
      $comment: 'hashcalc project\'s Monte Carlo: add "paths": 100000 (or --simulations 100000) to run it',
      seed: 1,
      btcVolPerYear: '42%',
      difficultyVolPerYear: '22%',
      difficultyBtcCorrelation: 0.5,
      gpuPriceVolPerYear: '20%',
    },
    sensitivity: {
      $comment: 'hashcalc sensitivity: each driver -/+ the swing, or its own range',
      swing: '20%',
      ranges: { 'btc-price': ['60k', '150k'], 'btc-growth': ['-30%', '50%'] },
    },
    rules: {
      $comment: 'for hashcalc check: exit 3 when any rule is breached',
      minHashprice: 30,
      minRatio: ['ai-lease/mining:1.2'],
      assert: ['options.mining.ebitdaUsdPerYear > 0'],
    },
  };
}

/**
 * A failed write as one line naming the file: a path that cannot be (no such directory) is a usage error (exit
 * 2); a write that fails (a full disk, no permission, an I/O error) is a runtime failure (exit 1).
 */
export function writeFailure(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new UsageError(`init: cannot write '${file}': no such directory`);
  const why =
    code === 'ENOSPC'
      ? 'no space left on the device'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : String(code ?? error);
  return new DataError(`init: cannot write '${file}': ${why}`);
}

/** Writes atomically, never replacing an existing file unless --force; a failure is one line naming the file. */
async function writeAtomically(file: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(file, content);
  } catch (error) {
    throw writeFailure(file, error);
  }
}

export async function runInit(call: CommandCall): Promise<number> {
  const { ctx, options } = call;
  const target = call.args[0] ?? DEFAULT_SCENARIO_FILE;
  if (target.trim() === '') throw new UsageError("init: expected a file name, got ''");
  const schemaFile = `${basename(target).replace(/\.json$/i, '')}.schema.json`;
  if (options.stdout === true && options.force === true)
    throw new UsageError('--force: no effect with --stdout (no file is written); give one of them');
  if (options.stdout === true) {
    ctx.stdout.write(toJson(exampleScenario(schemaFile)));
    return 0;
  }
  const schemaPath = join(dirname(target), schemaFile);
  for (const path of [target, schemaPath]) {
    if (existsSync(path) && options.force !== true) {
      throw new UsageError(
        `init: '${path}' exists; refusing to overwrite it (pass --force, or name another file)`,
      );
    }
  }
  await writeAtomically(target, toJson(exampleScenario(schemaFile)));
  try {
    await writeAtomically(schemaPath, await readJsonSchema('scenario'));
  } catch (error) {
    await unlink(target).catch(() => {}); // never leave half of the pair behind
    throw error;
  }
  ctx.stderr.write(
    `hashcalc: wrote ${target} and ${schemaPath}; try: hashcalc compare --scenario ${target}\n`,
  );
  return 0;
}
