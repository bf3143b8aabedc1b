/** `config`: the user config file (where, valid, what it sets) and every input's value before any flag. */
import { existsSync } from 'node:fs';
import { configFilePath, layerInputs } from '../../inputs/layers.js';
import { INPUT_ROWS } from '../../inputs/table.js';
import { configReport } from '../../report/config.js';
import type { CommandCall } from '../command-call.js';
import { emit, prepareInputs, printNotes } from './shared.js';

export async function runConfig(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const { env } = call.ctx;
  // Every input settable outside a flag; the scenario row too, so that the files are read (and validated).
  const rows = INPUT_ROWS.filter((r) => r.env !== null || r.path !== null);
  const located = configFilePath(env);
  const exists = located !== null && existsSync(located.path);
  // An invalid file (or env value) is a usage error here as in any command: one line naming it, exit 2.
  const values = await layerInputs(rows, {}, env);
  printNotes(call.ctx, values.notes);
  const fromFile = Object.values(values.given).filter((g) => g.origin === 'config').length;
  const report = configReport({
    file: {
      path: located?.path ?? null,
      pathFrom: located === null ? 'none' : located.explicit ? 'HASHCALC_CONFIG' : 'default',
      exists,
      valid: true,
      inputs: fromFile,
    },
    rows: rows.filter((r) => r.id !== 'scenario' || r.env !== null),
    given: values.given,
  });
  await emit(call.ctx, layered, report, {
    document: async () => (await import('../../output/render-config.js')).configDocument,
    csv: (r) =>
      r.inputs.map((i) => ({
        id: i.id,
        flag: i.flag,
        env: i.env,
        path: i.path,
        value: Array.isArray(i.value) ? i.value.join(',') : i.value,
        origin: i.origin,
        from: i.from,
      })),
  });
  return 0;
}
