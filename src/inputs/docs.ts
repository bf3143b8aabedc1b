/**
 * The README's table of inputs, made from the input table, so the docs cannot drift from the flags:
 * `npm run docs` writes it between the markers, and a test fails when README differs.
 */
import { COMMAND_NAMES, INPUT_ROWS, type InputRow, NO_ENV_FLAGS, rowsFor } from './table.js';

export const DOCS_START = '<!-- inputs:start (generated from src/inputs/table.ts by npm run docs) -->';
export const DOCS_END = '<!-- inputs:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function commandsOf(row: InputRow): string {
  if (row.group === 'universal') return 'all';
  const names = COMMAND_NAMES.filter((n) => rowsFor(n).includes(row));
  return names.join(', ');
}

function defaultOf(row: InputRow): string {
  if (row.defaultValue === undefined) {
    if (['gpuUsdPerHour', 'kwPerGpu', 'gpuCapexUsdPerGpu'].includes(row.id))
      return 'the GPU\u2019s catalog figure';
    if (row.id === 'minerPriceUsdPerTh') return 'catalog price per model where dated, else $15.5';
    return '';
  }
  const shown =
    typeof row.defaultValue === 'boolean' ? (row.defaultValue ? 'on' : 'off') : String(row.defaultValue);
  return row.basis ? `${shown} (${row.basis})` : shown;
}

export function inputsMarkdown(): string {
  const lines = [
    '| flag | env var | scenario key | commands | default (basis) | meaning |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of INPUT_ROWS) {
    const flag = `\`${row.short ? `${row.short}, ` : ''}${row.flag}${row.valueName ? ` ${row.valueName}` : ''}\``;
    const env = row.env ? `\`${row.env}\`` : `none: ${NO_ENV_FLAGS[row.flag] ?? ''}`;
    lines.push(
      `| ${cell(flag)} | ${cell(env)} | ${row.path ? `\`${row.path}\`` : ''} | ${commandsOf(row)} | ${cell(defaultOf(row))} | ${cell(row.description)} |`,
    );
  }
  lines.push(
    `| \`--no-color\` | none: ${NO_ENV_FLAGS['--no-color']} | | all | colour on a terminal | no colour |`,
  );
  return `${DOCS_START}\n${lines.join('\n')}\n${DOCS_END}`;
}
