/** `catalog miners|gpus|deals`: the data hashcalc uses, with where each figure came from. */
import { UsageError } from '../../errors.js';
import { CATALOG_KINDS, catalogReport } from '../../report/catalog.js';
import { flatten } from '../../report/flatten.js';
import type { CommandCall } from '../command-call.js';
import { emit, prepareInputs } from './shared.js';

export async function runCatalog(call: CommandCall): Promise<number> {
  const kind = call.args[0];
  const chosen = CATALOG_KINDS.find((k) => k === kind);
  if (!chosen)
    throw new UsageError(`catalog: expected one of ${CATALOG_KINDS.join(', ')}, got '${kind ?? ''}'`);
  const layered = await prepareInputs(call);
  await emit(call.ctx, layered, catalogReport(chosen), {
    document: async () => (await import('../../output/render-catalog.js')).catalogDocument,
    csv: (report) => report.entries.map((entry) => flatten(entry)),
  });
  return 0;
}
