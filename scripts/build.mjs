// Builds the CLI:
//   dist/hashcalc.cjs        every command in one minified bundle (undici stays in node_modules, loaded on fetch)
//   dist/cli.js              the entry: runs the bundle with V8's code cache (src/loader.ts)
//   dist/hashcalc.cjs.cache  the code cache, made here by running typical commands once
//   dist/schemas/*.json      JSON Schemas of every output, from the zod schemas (so the CLI never loads
//                            zod's JSON Schema code)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
rmSync(new URL('dist', root), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * commander requires node:child_process at load time, only for executable subcommands, which hashcalc does
 * not use; loading it costs ~10 ms of every run. Give commander a proxy that loads it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander')
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * undici stays in node_modules and loads only when something is fetched. The bundle runs as a vm.Script (for
 * the code cache), where import() would need an experimental callback, so its `import('undici')` becomes a
 * lazy require of the installed package.
 */
const undiciOnDemand = {
  name: 'undici-on-demand',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: 'undici', namespace: 'undici-on-demand' }
        : { path: 'undici', external: true },
    );
    b.onLoad({ filter: /.*/, namespace: 'undici-on-demand' }, () => ({
      contents: "module.exports = require('undici');",
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/hashcalc.cjs',
  format: 'cjs',
  minify: process.env.HASHCALC_NO_MINIFY !== '1',
  plugins: [lazyChildProcess, undiciOnDemand],
  // The loader passes the bundle's URL in; CommonJS has no import.meta.
  define: { HASHCALC_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__hashcalcUrl' },
});

await build({ ...common, entryPoints: ['src/loader.ts'], outfile: 'dist/cli.js', format: 'esm' });

// JSON Schemas: bundle a tiny generator, run it, keep its output.
const generator = new URL('dist/.gen-schemas.mjs', root);
await build({
  ...common,
  stdin: {
    contents:
      "import { allJsonSchemas } from './src/cli/json-schemas.ts'; process.stdout.write(JSON.stringify(allJsonSchemas()));",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: 'dist/.gen-schemas.mjs',
  format: 'esm',
});
const schemas = JSON.parse(execFileSync(process.execPath, [generator.pathname], { encoding: 'utf8' }));
rmSync(generator);
mkdirSync(new URL('dist/schemas', root), { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(new URL(`dist/schemas/${name}.schema.json`, root), `${JSON.stringify(schema, null, 2)}\n`);
}

// Code cache: typical runs, offline, output discarded, in a throwaway cache and config directory.
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-build-'));
const { writeCodeCache } = await import(new URL('dist/cli.js', root).href);
const ctx = () => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: { XDG_CACHE_HOME: scratch, XDG_CONFIG_HOME: scratch, HASHCALC_CACHE_DIR: scratch },
  now: () => Date.now(),
  colorLevel: 0,
});
await writeCodeCache(
  [
    ['compare', '--mw', '341', '--offline', '--json'],
    ['compare', '--mw', '341', '--offline'],
    ['hashprice', '--offline'],
    ['mining', '--offline', '--json'],
    ['--help'],
  ],
  ctx,
);
rmSync(scratch, { recursive: true, force: true });
