// Builds the package (plain esbuild bundles; docs/decisions/build.md says why and what was measured):
//   dist/cli.cjs                    the CLI (bin/hashcalc.js requires it): one CommonJS bundle of
//                                    src/cli/main.ts; a command's and an output format's modules are evaluated
//                                    only when their lazy import() runs; undici stays in node_modules (fetch only)
//   dist/report.cjs                 the board report's renderer and d3 (`report` requires it from next to the
//                                    CLI bundle, so that no other command parses it)
//   dist/simulation-worker.cjs      the Monte Carlo worker thread (src/cli/simulation-pool.ts starts it from
//                                    next to the bundle)
//   dist/index.js, dist/types/      the library (package.json "exports"): src/index.ts, its packages left
//                                    as imports, and its declarations (tsconfig.build.json)
//   dist/schemas/*.json             JSON Schemas of every output, from the zod schemas (so the CLI never loads
//                                    zod's JSON Schema code)
//   dist/THIRD-PARTY-NOTICES.txt    name, version, licence and licence text of every package bundled
// Nothing is written into dist/ at run time: Node >= 22.1 caches compiled code itself (module.enableCompileCache
// in the bin, in the OS temp directory).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const minify = process.env.HASHCALC_NO_MINIFY !== '1';
rmSync(new URL('dist', root), { recursive: true, force: true });
const common = {
  absWorkingDir: fileURLToPath(root),
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/**
 * commander requires node:child_process at load time, only for executable subcommands, which hashcalc does
 * not use; loading it costs every run a few ms. Give commander a proxy that loads it on first use instead.
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
 * A package that stays in node_modules and loads only when its `import()` runs: esbuild would keep the import(),
 * which starts Node's ES module loader; a lazy require of the installed package instead. undici loads only when
 * something is fetched; exceljs only for `--format xlsx` (bundled, its ~1 MB would be parsed by every run). Both
 * are `dependencies`, so `npm ci` and npx install them next to dist/.
 */
const onDemand = (pkgName) => ({
  name: `${pkgName}-on-demand`,
  setup(b) {
    const filter = new RegExp(`^${pkgName}$`);
    const namespace = `${pkgName}-on-demand`;
    b.onResolve({ filter }, (args) =>
      args.kind === 'dynamic-import' ? { path: pkgName, namespace } : { path: pkgName, external: true },
    );
    b.onLoad({ filter: /.*/, namespace }, () => ({
      contents: `module.exports = require('${pkgName}');`,
      loader: 'js',
    }));
  },
});

/**
 * The board report's renderer (d3-scale, d3-shape: ~70 KB) is its own bundle, dist/report.cjs, required when
 * `report` imports it: inlined, every other command would read and parse it at startup.
 */
const reportOnDemand = {
  name: 'report-on-demand',
  setup(b) {
    b.onResolve({ filter: /output\/html-report\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'report', namespace: 'report-on-demand' } : undefined,
    );
    b.onResolve({ filter: /^\.\/report\.cjs$/ }, () => ({ path: './report.cjs', external: true }));
    b.onLoad({ filter: /.*/, namespace: 'report-on-demand' }, () => ({
      contents: "module.exports = require('./report.cjs');",
      loader: 'js',
    }));
  },
};

const define = { HASHCALC_VERSION: JSON.stringify(pkg.version) };

// The CLI: one CommonJS bundle; each command's and output format's modules (reached by import()) are
// evaluated only when imported. undici stays in node_modules: `import('undici')` becomes a require on fetch.
const cli = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  minify,
  plugins: [lazyChildProcess, onDemand('undici'), onDemand('exceljs'), reportOnDemand],
  // CommonJS has no import.meta (simulation-pool.ts and schema.ts find files next to the bundle with it).
  define: { ...define, 'import.meta.url': '__hashcalcUrl' },
  banner: { js: "var __hashcalcUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The board report's renderer, required by `report` from next to the CLI bundle.
const report = await build({
  ...common,
  entryPoints: ['src/output/html-report.ts'],
  outfile: 'dist/report.cjs',
  format: 'cjs',
  minify,
  define,
});

// The simulation's worker threads (src/cli/simulation-pool.ts starts them from next to the bundle).
const worker = await build({
  ...common,
  entryPoints: ['src/cli/simulation-worker.ts'],
  outfile: 'dist/simulation-worker.cjs',
  format: 'cjs',
  minify,
  define,
});

// The library: our modules bundled, the packages it uses (zod) imported from node_modules, not minified.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  format: 'esm',
  packages: 'external',
  define,
});
// The declarations by TypeScript 7 (native, the lint's compiler): ~0.8 s where TypeScript 6 took ~5 s.
execFileSync(
  process.execPath,
  [fileURLToPath(new URL('node_modules/tsgo/bin/tsc', root)), '-p', 'tsconfig.build.json'],
  { cwd: fileURLToPath(root), stdio: 'inherit' },
);

// JSON Schemas: bundle a tiny generator (src/cli/json-schemas.ts), run it, keep its output.
const schemaModule = 'src/cli/json-schemas.ts';
const generator = new URL('dist/.gen-schemas.mjs', root);
await build({
  ...common,
  metafile: false,
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

// Licence notices of every package bundled into the CLI, the report's renderer or the worker (from esbuild's list of inputs).
const packageDirs = new Set();
for (const { metafile } of [cli, worker, report]) {
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirs.add(match[1]);
  }
}
const bundled = [...packageDirs].map((dir) => ({
  dir,
  manifest: JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')),
}));
// Every package bundled is one of ours (`dependencies`) or a dependency (optional ones too: cli-table3's
// @colors/colors) of one bundled.
for (const { manifest } of bundled) {
  const declared =
    manifest.name in (pkg.dependencies ?? {}) ||
    bundled.some(
      (other) =>
        manifest.name in (other.manifest.dependencies ?? {}) ||
        manifest.name in (other.manifest.optionalDependencies ?? {}),
    );
  if (!declared) throw new Error(`build: ${manifest.name} is bundled but not in package.json "dependencies"`);
}
const notices = bundled
  .map(({ dir, manifest }) => {
    if (!manifest.license) throw new Error(`build: ${manifest.name} declares no licence`);
    const file = readdirSync(new URL(dir, root)).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const text = file
      ? readFileSync(new URL(`${dir}/${file}`, root), 'utf8').trim()
      : `(no licence file in the package; its package.json declares ${manifest.license})`;
    return {
      name: manifest.name,
      text: `${manifest.name} ${manifest.version}\nLicense: ${manifest.license}\n\n${text}\n`,
    };
  })
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
writeFileSync(
  new URL('dist/THIRD-PARTY-NOTICES.txt', root),
  `hashcalc ${pkg.version} bundles the following packages into dist/. Their licences follow.\n\n` +
    notices.map((n) => n.text).join(`\n${'-'.repeat(78)}\n\n`),
);
