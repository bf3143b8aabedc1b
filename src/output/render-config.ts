/** The `config` table: the config file, then every input settable outside a flag, its value and origin. */
import type { ConfigReport } from '../report/config-schema.js';
import { type Document, text } from './document.js';

const valueText = (v: ConfigReport['inputs'][number]['value']) =>
  v === null ? '-' : Array.isArray(v) ? v.join(', ') : String(v);

export function configDocument(report: ConfigReport): Document {
  const { file } = report;
  const where =
    file.path === null
      ? 'Config file: none (no home directory; set HASHCALC_CONFIG)'
      : `Config file: ${file.path}${file.pathFrom === 'HASHCALC_CONFIG' ? ' (HASHCALC_CONFIG)' : ''}: ${
          file.exists ? `valid, sets ${file.inputs} input${file.inputs === 1 ? '' : 's'}` : 'not present'
        }`;
  const set = report.inputs.filter((i) => i.origin !== 'default' && i.origin !== 'none');
  return {
    blocks: [
      text(where, 'heading'),
      {
        kind: 'table',
        head: ['Input', 'Value', 'From'],
        rows: report.inputs.map((i) => [
          i.flag,
          valueText(i.value),
          i.origin === 'default' ? 'default' : i.origin === 'none' ? 'not set' : (i.from ?? i.origin),
        ]),
        numeric: false,
        keepColumns: [0],
        stack: 'rows',
      },
      text(
        set.length === 0
          ? 'Nothing set by environment variables or the config file: every input is at its default. Flags win over both.'
          : `${set.length} input${set.length === 1 ? '' : 's'} set outside flags; flags win over env, env over a scenario, a scenario over the config file.`,
        'dim',
      ),
    ],
  };
}
