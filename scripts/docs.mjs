// Writes the generated tables of the docs between their markers: the inputs (src/inputs/table.ts) into
// docs/inputs.md and the catalog figures (src/catalog) into docs/data.md. The test suite checks both
// (test/cli/house.test.ts, test/catalog/catalog.test.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/.gen-docs.mjs', import.meta.url);
await build({
  stdin: {
    contents:
      "import { inputsMarkdown, DOCS_START, DOCS_END } from './src/inputs/docs.ts'; import { catalogMarkdown, CATALOG_DOCS_START, CATALOG_DOCS_END } from './src/report/catalog.ts'; process.stdout.write(JSON.stringify([{ file: 'docs/inputs.md', text: inputsMarkdown(), start: DOCS_START, end: DOCS_END }, { file: 'docs/data.md', text: catalogMarkdown(), start: CATALOG_DOCS_START, end: CATALOG_DOCS_END }]));",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out.pathname,
  logLevel: 'warning',
});
const blocks = JSON.parse(execFileSync(process.execPath, [out.pathname], { encoding: 'utf8' }));
rmSync(out);
for (const { file, text, start, end } of blocks) {
  const path = new URL(`../${file}`, import.meta.url);
  const current = readFileSync(path, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${file} has no ${start} ... ${end} markers`);
  writeFileSync(path, current.slice(0, from) + text + current.slice(to + end.length));
  console.log(`${file}: table written`);
}
