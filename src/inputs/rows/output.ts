/** Output and input files: declared on the program, so they may come before the command. */
import { OUTPUT_FORMATS, REPORTING, type RowSpec } from './define.js';

export const OUTPUT_ROWS: readonly RowSpec[] = [
  {
    id: 'json',
    flag: '--json',
    env: null,
    path: null,
    group: 'output',
    commands: REPORTING,
    kind: { type: 'boolean' },
    description: 'print one JSON document (stable field names, units in names); same as --format json',
    global: true,
  },
  {
    id: 'format',
    flag: '--format',
    valueName: 'FORMAT',
    path: null,
    group: 'output',
    commands: REPORTING,
    kind: { type: 'choice', choices: OUTPUT_FORMATS },
    description:
      'output format: table, json, csv, markdown, or xlsx (project and strategy: a workbook, to a file: > r.xlsx)',
    defaultValue: 'table',
    basis: 'for people; json, csv and markdown for scripts and reports; xlsx for analysts',
    global: true,
  },
  {
    id: 'out',
    flag: '--out',
    valueName: 'FILE',
    env: null,
    path: null,
    group: 'report',
    commands: ['report'],
    kind: { type: 'file' },
    description: 'the HTML file to write: site-report.html unless given; - writes it to stdout',
  },
];
