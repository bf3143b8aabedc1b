// Writes the README's tables of inputs (src/inputs/table.ts) and of catalog figures (src/catalog) between their
// markers; the test suite checks both.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/.gen-docs.mjs', import.meta.url);
await build({
  stdin: {
    contents:
      "import { inputsMarkdown, DOCS_START, DOCS_END } from './src/inputs/docs.ts'; import { catalogMarkdown, CATALOG_DOCS_START, CATALOG_DOCS_END } from './src/report/catalog.ts'; process.stdout.write(JSON.stringify([{ text: inputsMarkdown(), start: DOCS_START, end: DOCS_END }, { text: catalogMarkdown(), start: CATALOG_DOCS_START, end: CATALOG_DOCS_END }]));",
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
const readme = new URL('../README.md', import.meta.url);
let current = readFileSync(readme, 'utf8');
for (const { text, start, end } of blocks) {
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${start} ... ${end} markers`);
  current = current.slice(0, from) + text + current.slice(to + end.length);
}
writeFileSync(readme, current);
console.log('README.md: inputs and catalog tables written');
