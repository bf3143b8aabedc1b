// Bundles the CLI with esbuild: one entry plus a chunk per lazily imported command.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { HASHCALC_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (commander, cli-table3) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __hashcalcRequire } from 'node:module'; const require = __hashcalcRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
