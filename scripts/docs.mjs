// Writes the README's table of inputs from src/inputs/table.ts (between the markers); the test suite checks it.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/.gen-docs.mjs', import.meta.url);
await build({
  stdin: {
    contents:
      "import { inputsMarkdown, DOCS_START, DOCS_END } from './src/inputs/docs.ts'; process.stdout.write(JSON.stringify({ text: inputsMarkdown(), start: DOCS_START, end: DOCS_END }));",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out.pathname,
  logLevel: 'warning',
});
const { text, start, end } = JSON.parse(execFileSync(process.execPath, [out.pathname], { encoding: 'utf8' }));
rmSync(out);
const readme = new URL('../README.md', import.meta.url);
const current = readFileSync(readme, 'utf8');
const from = current.indexOf(start);
const to = current.indexOf(end);
if (from < 0 || to < 0) throw new Error(`README.md has no ${start} ... ${end} markers`);
writeFileSync(readme, current.slice(0, from) + text + current.slice(to + end.length));
console.log('README.md: inputs table written');
