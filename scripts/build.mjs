// Builds the CLI with esbuild: one entry plus a chunk per lazily imported command, and the JSON Schemas of
// every output (generated from the zod schemas here, so the CLI never loads zod's JSON Schema code).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
rmSync(new URL('dist', root), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { HASHCALC_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (commander, cli-table3) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __hashcalcRequire } from 'node:module'; const require = __hashcalcRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// JSON Schemas: bundle a tiny generator, run it, keep its output.
const generator = new URL('dist/.gen-schemas.mjs', root);
await build({
  stdin: {
    contents:
      "import { allJsonSchemas } from './src/schemas/json-schema.ts'; process.stdout.write(JSON.stringify(allJsonSchemas()));",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: 'dist/.gen-schemas.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const schemas = JSON.parse(execFileSync(process.execPath, [generator.pathname], { encoding: 'utf8' }));
rmSync(generator);
mkdirSync(new URL('dist/schemas', root), { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(new URL(`dist/schemas/${name}.schema.json`, root), `${JSON.stringify(schema, null, 2)}\n`);
}
