/**
 * `catalog miners|gpus|deals|conversions|defaults`: the data hashcalc uses, with where each figure came from.
 * `--stale 180d`: exit 3 when a dated figure (of the kind, or of the whole catalog) is older than that.
 */
import { EXIT_THRESHOLD, UsageError } from '../../errors.js';
import type { Given } from '../../inputs/layers.js';
import {
  CATALOG_KINDS,
  catalogReport,
  type Staleness,
  staleness,
  staleReport,
} from '../../report/catalog.js';
import { flatten } from '../../report/flatten.js';
import type { CommandCall } from '../command-call.js';
import { emit, prepareInputs, printNotes } from './shared.js';

function staleNotes(s: Staleness): string[] {
  if (s.stale.length === 0) return [];
  const head = `stale: ${s.stale.length} of ${s.checked} dated figures are older than ${s.maxAgeDays} days (as of ${s.checkedOn}; ${s.fixed} fixed facts not aged):`;
  return [
    head,
    ...s.stale.map(
      (f) => `stale: ${f.kind} ${f.id} ${f.figure}: as of ${f.asOf}, ${f.ageDays} days (${f.source})`,
    ),
  ];
}

export async function runCatalog(call: CommandCall): Promise<number> {
  const kind = call.args[0];
  const chosen = CATALOG_KINDS.find((k) => k === kind);
  const layered = await prepareInputs(call);
  const limit = layered.given.stale as Given<number> | undefined;
  if (!chosen && (kind !== undefined || !limit)) {
    throw new UsageError(
      `catalog: expected one of ${CATALOG_KINDS.join(', ')}${limit ? ' (or none with --stale)' : ''}, got '${kind ?? ''}'`,
    );
  }
  const stale = limit ? staleness(call.ctx.now(), limit.value, chosen) : undefined;
  // With a kind, stderr lists the stale figures; alone, the table on stdout does and stderr sums up.
  if (stale) printNotes(call.ctx, chosen ? staleNotes(stale) : staleNotes(stale).slice(0, 1));
  if (chosen) {
    await emit(call.ctx, layered, catalogReport(chosen, stale), {
      document: async () => (await import('../../output/render-catalog.js')).catalogDocument,
      csv: (report) => report.entries.map((entry) => flatten(entry)),
    });
  } else if (stale) {
    await emit(call.ctx, layered, staleReport(stale), {
      document: async () => (await import('../../output/render-catalog.js')).staleDocument,
      csv: (report) => report.entries.map((entry) => flatten(entry)),
    });
  }
  return stale && stale.stale.length > 0 ? EXIT_THRESHOLD : 0;
}
