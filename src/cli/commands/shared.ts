/** What every command does around its own logic: network data, output format, writing. */
import { obtainNetwork } from '../../data/obtain.js';
import type { NetworkSnapshot } from '../../data/types.js';
import type { CsvRecord } from '../../output/csv.js';
import type { Document } from '../../output/document.js';
import { toJson } from '../../output/json.js';
import { loadStyle } from '../../output/style.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { AI_FLAGS, type FlagDef, MINING_FLAGS, NETWORK_FLAGS, SITE_FLAGS } from '../flags.js';
import type { Assumptions, Origins, RawOptions } from '../inputs.js';
import { type LayeredInputs, layerInputs } from '../layers.js';
import { networkRequestFrom } from '../network-options.js';
import type { NetworkReport } from '../reports.js';

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** --format (else HASHCALC_FORMAT), with --json as its shortcut; they must not disagree. */
export function outputFormat(options: RawOptions, env: Context['env'] = {}): OutputFormat {
  const fromEnv =
    options.format === undefined && options.json !== true && env.HASHCALC_FORMAT
      ? env.HASHCALC_FORMAT
      : undefined;
  const raw = options.format ?? fromEnv;
  const format = raw === undefined ? undefined : OUTPUT_FORMATS.find((f) => f === raw);
  if (raw !== undefined && !format) {
    const name = fromEnv ? 'HASHCALC_FORMAT' : '--format';
    throw new UsageError(`${name}: expected one of ${OUTPUT_FORMATS.join(', ')}, got '${String(raw)}'`);
  }
  if (options.json === true) {
    if (format && format !== 'json')
      throw new UsageError(`--json conflicts with --format ${format}; use one of them`);
    return 'json';
  }
  return format ?? 'table';
}

export async function getNetwork(options: RawOptions, ctx: Context): Promise<NetworkSnapshot> {
  return obtainNetwork(networkRequestFrom(options, ctx), ctx);
}

export type InputScope = 'network' | 'mining' | 'ai' | 'compare';

/** Flags merged with env, scenario and config values (flags win), for the inputs a command takes. */
export async function prepareInputs(
  options: RawOptions,
  ctx: Context,
  scope: InputScope,
): Promise<LayeredInputs> {
  const mining = scope === 'mining' || scope === 'compare';
  const ai = scope === 'ai' || scope === 'compare';
  const defs: FlagDef[] = [
    ...Object.values(NETWORK_FLAGS),
    ...(scope === 'network' ? [] : Object.values(SITE_FLAGS)),
    ...(mining ? Object.values(MINING_FLAGS) : []),
    ...(ai ? Object.values(AI_FLAGS) : []),
  ];
  outputFormat(options, ctx.env); // a bad --format fails before anything is computed or fetched
  return layerInputs(options, ctx, defs, { miner: mining, gpu: ai, landlordPaysPower: ai });
}

/** --explain (or --verbose): every input, its value and where it came from, on stderr. */
export function explainIfAsked(
  options: RawOptions,
  ctx: Context,
  assumptions: Assumptions,
  network: NetworkReport | null,
  origins: Origins = {},
): void {
  if (options.explain !== true && options.verbose !== true) return;
  const lines = ['Inputs (value <- where it came from):'];
  const width = Math.max(...Object.keys(assumptions).map((k) => k.length), 20);
  for (const [name, a] of Object.entries(assumptions)) {
    const where =
      a.origin === 'default' || a.origin === 'catalog'
        ? `${a.origin}${a.basis ? `: ${a.basis}` : ''}`
        : `${a.origin} ${a.from ?? ''}`.trim();
    lines.push(`  ${name.padEnd(width)} ${String(a.value)} <- ${where}`);
  }
  if (network) {
    // A value the user gave is labelled 'flag' in the data; say which flag, variable or file it was.
    const given: Record<string, { key: string; flag: string }> = {
      height: { key: NETWORK_FLAGS.heightBlocks.key, flag: NETWORK_FLAGS.heightBlocks.spec.flag },
      difficulty: { key: NETWORK_FLAGS.difficulty.key, flag: NETWORK_FLAGS.difficulty.spec.flag },
      btcUsd: { key: NETWORK_FLAGS.btcUsd.key, flag: NETWORK_FLAGS.btcUsd.spec.flag },
      avgFeesBtcPerBlock: {
        key: NETWORK_FLAGS.avgFeesBtcPerBlock.key,
        flag: NETWORK_FLAGS.avgFeesBtcPerBlock.spec.flag,
      },
    };
    for (const [name, p] of Object.entries(network.provenance)) {
      const value = (network as unknown as Record<string, unknown>)[name];
      const input = given[name];
      const layered = input ? origins[input.key] : undefined;
      const where =
        p.source === 'flag'
          ? layered
            ? `${layered.origin} ${layered.label}`
            : `flag ${input?.flag ?? ''}`.trim()
          : `${p.source}${p.host ? ` ${p.host}` : p.origin ? ` (${p.origin})` : ''}, as of ${p.asOf}`;
      lines.push(`  ${name.padEnd(width)} ${String(value)} <- ${where}`);
    }
  }
  ctx.stderr.write(`${lines.join('\n')}\n`);
}

export interface Views<T> {
  /** Loads the human view (table and markdown); loaded only for those formats. */
  document: () => Promise<(report: T) => Document>;
  /** CSV records; default: the report flattened into one record. */
  csv?: (report: T) => CsvRecord[];
}

/**
 * Print the report in the chosen format: one JSON document, CSV, markdown, or the terminal table. Human
 * renderers are loaded only when needed, so `--json` never loads table or colour code.
 */
export async function emit<T>(options: RawOptions, ctx: Context, report: T, views: Views<T>): Promise<void> {
  const format = outputFormat(options, ctx.env);
  if (format === 'json') {
    ctx.stdout.write(toJson(report));
    return;
  }
  if (format === 'csv') {
    const { toCsv, flatten } = await import('../../output/csv.js');
    const records = views.csv ? views.csv(report) : [flatten(report)];
    ctx.stdout.write(toCsv(records));
    return;
  }
  const build = await views.document();
  if (format === 'markdown') {
    const { renderMarkdown } = await import('../../output/markdown.js');
    ctx.stdout.write(renderMarkdown(build(report)));
    return;
  }
  const [{ renderTerminal }, style] = await Promise.all([
    import('../../output/render-terminal.js'),
    loadStyle(ctx.colorLevel),
  ]);
  ctx.stdout.write(renderTerminal(build(report), style));
}
