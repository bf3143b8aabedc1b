// Builds the CLI:
//   dist/hashcalc.cjs        every command in one minified bundle (undici stays in node_modules, loaded on fetch)
//   dist/cli.cjs             the entry: runs the bundle with V8's code cache (src/loader.ts)
//   dist/simulation-worker.cjs
//                            a Monte Carlo worker thread (project --simulations)
//   dist/hashcalc.<bundle hash>.<node>-<arch>[.<command>].cache
//                            the code caches for the building Node (a general one and one per command of
//                            OWN_CACHES), made by running typical commands once (src/loader.ts says how they
//                            are keyed, checked and written)
//   dist/schemas/*.json      JSON Schemas of every output, from the zod schemas (so the CLI never loads
//                            zod's JSON Schema code)
// Why not a plain bundle: on Node 20 one measured 1.5-1.8x `node -e 0` against 1.3-1.55x with the code cache
// (bench/startup.mjs), over the 1.5x goal; Node 22's module.enableCompileCache() did worse than this cache too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
rmSync(new URL('dist', root), { recursive: true, force: true });
const common = {
  absWorkingDir: fileURLToPath(root),
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
  // The CommonJS wrapper is in the file (src/loader.ts runs it as it is): wrapping it at run time made a
  // second copy of the 400 KB source on every run.
  banner: { js: `(function (exports, require, module, __filename, __dirname, __hashcalcUrl) {` },
  footer: { js: '})' },
});

// The simulation's worker threads (src/cli/simulation-pool.ts starts them from next to the bundle).
await build({
  ...common,
  entryPoints: ['src/cli/simulation-worker.ts'],
  outfile: 'dist/simulation-worker.cjs',
  format: 'cjs',
  minify: process.env.HASHCALC_NO_MINIFY !== '1',
});

// CommonJS, required by bin/hashcalc.js (CommonJS too: no ESM loader start on a run).
await build({
  ...common,
  entryPoints: ['src/loader.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__loaderUrl' },
  banner: { js: "var __loaderUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// JSON Schemas: bundle a tiny generator, run it, keep its output. The module is moving to
// src/report/json-schema.ts; until it has, the first of these that exists.
const schemaModule = [
  'src/report/json-schema.ts',
  'src/cli/json-schemas.ts',
  'src/schemas/json-schema.ts',
].find((p) => existsSync(new URL(p, root)));
if (!schemaModule) throw new Error('build: no src/report/json-schema.ts (nor an older path of it)');
const generator = new URL('dist/.gen-schemas.mjs', root);
await build({
  ...common,
  stdin: {
    contents: `import { allJsonSchemas } from './${schemaModule}'; process.stdout.write(JSON.stringify(allJsonSchemas()));`,
    resolveDir: fileURLToPath(root),
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

// Code cache: the loader's typical runs, in this process (so keyed by this Node and its flags).
// The general cache, then each command's own (src/loader.ts), each from a process of its own: within one
// process V8 shares the compiled functions of every instance of the bundle, so a cache would hold them all.
// The writer is a file, not `node -e`: execArgv is part of a cache's key.
const cli = fileURLToPath(new URL('dist/cli.cjs', root));
const { OWN_CACHES } = createRequire(import.meta.url)(cli);
const writer = new URL('dist/.write-code-cache.cjs', root);
writeFileSync(
  writer,
  `require(${JSON.stringify(cli)}).writeCodeCache(JSON.parse(process.argv[2])).then((r) => {
  if (!('written' in r)) { process.stderr.write(r.skipped); process.exitCode = 1; }
});\n`,
);
try {
  for (const name of [null, ...OWN_CACHES]) {
    try {
      execFileSync(process.execPath, [fileURLToPath(writer), JSON.stringify(name)], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      throw new Error(`build: no code cache ${name ?? '(general)'}: ${error.stderr ?? error.message}`);
    }
  }
} finally {
  rmSync(writer);
}
