/**
 * `catalog miners|gpus|deals|conversions|valuations|defaults`: the data hashcalc uses, with where each figure came from.
 * `--stale [180d]`: exit 3 when a dated figure (of the kind, or of the whole catalog) is older than that, or
 * with no duration older than its refresh cadence (src/catalog/freshness.ts).
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

/** "older than 180 days", or "older than their refresh cadence" (--stale without a duration). */
export function limitText(s: Staleness): string {
  return s.maxAgeDays === null ? 'older than their refresh cadence' : `older than ${s.maxAgeDays} days`;
}

function staleNotes(s: Staleness): string[] {
  if (s.stale.length === 0) return [];
  const head = `stale: ${s.stale.length} of ${s.checked} dated figures are ${limitText(s)} (as of ${s.checkedOn}; ${s.fixed} fixed facts not aged):`;
  return [
    head,
    ...s.stale.map(
      (f) =>
        `stale: ${f.kind} ${f.id} ${f.figure}: as of ${f.asOf}, ${f.ageDays} days${s.maxAgeDays === null ? ` (cadence ${f.cadenceDays})` : ''} (${f.source})`,
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
  // --stale with no duration (0): each figure against its own cadence (src/catalog/freshness.ts).
  const stale = limit ? staleness(call.ctx.now(), limit.value === 0 ? null : limit.value, chosen) : undefined;
  // With a kind, stderr lists the stale figures; alone, the table on stdout does and stderr sums up.
  if (stale) printNotes(call.ctx, chosen ? staleNotes(stale) : staleNotes(stale).slice(0, 1));
  if (chosen) {
    await emit(call.ctx, layered, catalogReport(chosen, call.ctx.now(), stale), {
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
