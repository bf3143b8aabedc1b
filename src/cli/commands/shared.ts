/** What every command does around its own logic: inputs, network data, notes, --explain, output format. */
import { type Context, stderrWidth } from '../../context.js';
import { escapeControl, UsageError } from '../../errors.js';
import type { Given, LayeredInputs } from '../../inputs/layers.js';
import { type Assumption, NETWORK_INPUT_IDS } from '../../inputs/resolve.js';
import { type OUTPUT_FORMATS, row, rowsFor } from '../../inputs/table.js';
import type { CsvRecord } from '../../output/csv.js';
import type { Document } from '../../output/document.js';
import { toJson } from '../../output/json.js';
import { loadStyle } from '../../output/style.js';
import { wrapLine } from '../../output/wrap.js';
import type { NetworkReport } from '../../report/schemas.js';
import type { CommandCall } from '../command-call.js';

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What each stderr has been told in this run: a note from two layers is said once. */
const said = new WeakMap<object, Set<string>>();

/**
 * Lines for stderr, each once per run, prefixed. On a terminal a note wraps at word boundaries to its width
 * (continuation lines indented by two spaces; a word or URL is never cut); elsewhere each note is one line.
 */
export function printNotes(ctx: Context, notes: readonly string[]): void {
  const seen = said.get(ctx.stderr) ?? new Set<string>();
  said.set(ctx.stderr, seen);
  const width = stderrWidth(ctx);
  for (const note of notes) {
    if (seen.has(note)) continue;
    seen.add(note);
    // A note quotes servers, files and env values: each is one line, its control characters escaped.
    const line = `hashcalc: ${escapeControl(note)}`;
    ctx.stderr.write(`${width === null ? line : wrapLine(line, width, 2)}\n`);
  }
}

/** Flags merged with env, scenario and config values (flags win) for the inputs the command takes. */
export async function prepareInputs(call: CommandCall): Promise<LayeredInputs> {
  const { layerInputs } = await import('../../inputs/layers.js');
  const layered = await layerInputs(rowsFor(call.name), call.options, call.ctx.env, call.ctx.stdin);
  // A bad or conflicting format fails before anything is computed or fetched.
  const format = outputFormat(layered);
  if (format === 'xlsx') {
    if (call.name !== 'project' && call.name !== 'strategy')
      throw new UsageError(
        `--format xlsx: only project and strategy write a workbook; ${call.name} takes table, json, csv or markdown`,
      );
    if (call.ctx.stdout.isTTY === true)
      throw new UsageError(
        '--format xlsx writes a binary workbook, not for a terminal: redirect it to a file (> r.xlsx)',
      );
  }
  printNotes(call.ctx, layered.notes);
  return layered;
}

/** --format (flag, else HASHCALC_FORMAT), with --json as its shortcut; a flag must not contradict --json. */
export function outputFormat(layered: Pick<LayeredInputs, 'given'>): OutputFormat {
  const format = layered.given.format as Given<OutputFormat> | undefined;
  if (layered.given.json?.value === true) {
    if (format && format.origin === 'flag' && format.value !== 'json')
      throw new UsageError(`--json conflicts with --format ${format.value}; use one of them`);
    return 'json';
  }
  return format?.value ?? 'table';
}

export const isJson = (layered: Pick<LayeredInputs, 'given'>) => outputFormat(layered) === 'json';

/** --explain (or --verbose): every input, its value and where it came from, on stderr (even with --quiet). */
export function explainIfAsked(
  call: CommandCall,
  layered: LayeredInputs,
  sources: Record<string, Pick<Assumption, 'value' | 'basis' | 'from'> & { origin: string }>,
  network: NetworkReport | null,
): void {
  if (layered.given.explain?.value !== true && layered.given.verbose?.value !== true) return;
  // The network inputs are said below, with their sources and ages.
  const assumptions = Object.fromEntries(
    Object.entries(sources).filter(([k]) => !(NETWORK_INPUT_IDS as readonly string[]).includes(k)),
  );
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
    const inputIds: Record<string, string> = {
      height: 'heightBlocks',
      difficulty: 'difficulty',
      btcUsd: 'btcUsd',
      avgFeesBtcPerBlock: 'avgFeesBtcPerBlock',
    };
    for (const [name, p] of Object.entries(network.provenance)) {
      const value = (network as unknown as Record<string, unknown>)[name];
      const id = inputIds[name] as string;
      const given = layered.given[id];
      const where =
        p.source === 'flag'
          ? given
            ? `${given.origin} ${given.from}`
            : `flag ${row(id).flag}`
          : `${p.source}${p.host ? ` ${p.host}` : p.origin ? ` (${p.origin})` : ''}, as of ${p.asOf}`;
      lines.push(`  ${name.padEnd(width)} ${String(value)} <- ${where}`);
    }
  }
  call.explainTo.write(`${lines.map((l) => escapeControl(l)).join('\n')}\n`);
}

export interface Views<T> {
  /** Loads the human view (table and markdown); loaded only for those formats. */
  document: () => Promise<(report: T, width: number) => Document>;
  /** CSV records; default: the report flattened into one record. */
  csv?: (report: T) => CsvRecord[];
  /** The workbook's bytes (project and strategy; prepareInputs refuses xlsx for the other commands). */
  xlsx?: (report: T) => Promise<Uint8Array>;
}

/**
 * Print the report in the chosen format: one JSON document, CSV, markdown, or the terminal table. Human
 * renderers are loaded only when needed, so `--json` never loads table or colour code.
 */
export async function emit<T>(
  ctx: Context,
  layered: Pick<LayeredInputs, 'given'>,
  report: T,
  views: Views<T>,
): Promise<void> {
  const format = outputFormat(layered);
  if (format === 'json') {
    ctx.stdout.write(toJson(report));
    return;
  }
  if (format === 'xlsx') {
    if (!views.xlsx) throw new UsageError('--format xlsx: only project and strategy write a workbook');
    ctx.stdout.write(await views.xlsx(report));
    return;
  }
  if (format === 'csv') {
    const [{ toCsv }, { flatten }] = await Promise.all([
      import('../../output/csv.js'),
      import('../../report/flatten.js'),
    ]);
    const records = views.csv ? views.csv(report) : [flatten(report)];
    ctx.stdout.write(toCsv(records));
    return;
  }
  const { terminalWidth } = await import('../../context.js');
  const width = terminalWidth(ctx);
  const build = await views.document();
  if (format === 'markdown') {
    const { renderMarkdown } = await import('../../output/markdown.js');
    ctx.stdout.write(renderMarkdown(build(report, width)));
    return;
  }
  const [{ renderTerminal }, style] = await Promise.all([
    import('../../output/render-terminal.js'),
    loadStyle(ctx.colorLevel),
  ]);
  ctx.stdout.write(await renderTerminal(build(report, width), style, width));
}
