// In-process timings of what every `compare` and `project` computes after startup: one projection, the
// breakevens against mining, the decision flip and the robust verdict (issue 19), warm, on the inputs
// `compare --mw 341 --offline` resolves (captured from an in-process run of the CLI). Bundles src with esbuild.
//   node bench/projection.mjs [reps]      default 40 warm repetitions; prints medians and flows built
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { quantile } from './quantile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'hashcalc-bench-proj-'));
const entry = `
import { run } from './src/cli/program.ts';
import { projectSite } from './src/core/projection/index.ts';
import { breakevensVsMining, priceBreakevenBetween } from './src/core/breakeven.ts';
import { siteRobustness } from './src/site/projection.ts';
export { run, projectSite, breakevensVsMining, priceBreakevenBetween, siteRobustness };
`;
const out = join(scratch, 'bench.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'error',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'capture-inputs',
      setup(b) {
        b.onLoad({ filter: /src[/\\]site[/\\]projection\.ts$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const text = await readFile(args.path, 'utf8');
          const patched = text.replace(
            'const projection = projectSite(inputs);',
            'globalThis.__benchInputs = inputs; const projection = projectSite(inputs);',
          );
          if (patched === text) throw new Error('bench: projectSiteResult changed; update the capture');
          return { contents: patched, loader: 'ts' };
        });
      },
    },
  ],
});
const m = await import(pathToFileURL(out).href);
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch };
const ctx = {
  stdout: { write: () => true, isTTY: false },
  stderr: { write: () => true, isTTY: false },
  env,
  now: () => Date.now(),
  colorLevel: 0,
  sleep: () => Promise.resolve(),
  spinnerDelayMs: 3_600_000,
};
const argv = (process.env.ARGS ?? 'compare --mw 341 --offline --json').split(' ');
const code = await m.run(argv, ctx);
if (code !== 0) throw new Error(`bench: run exited ${code}`);
const inputs = globalThis.__benchInputs;
// DUMP=file: writes the inputs (file) and the bundle (file.mjs) for a cold, fresh-process timing, and exits.
if (process.env.DUMP) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.DUMP, JSON.stringify(inputs));
  writeFileSync(`${process.env.DUMP}.mjs`, await (await import('node:fs/promises')).readFile(out, 'utf8'));
  process.exit(0);
}
const reps = Number(process.argv[2] ?? 40);
const time = (f) => {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
};
const rows = { projectSite: [], npvOnly: [], breakevens: [], flip: [], robust: [], 'whole (all four)': [] };
let built = null;
for (let i = 0; i < reps; i++) {
  const [a, base] = time(() => m.projectSite(inputs));
  const [b] = time(() => m.projectSite(inputs, base.chain, { npvOnly: true }));
  const [c] = time(() => m.breakevensVsMining(inputs, base));
  const [d] = time(() => m.priceBreakevenBetween(inputs, base, 'gpu-cloud', 'ai-lease'));
  const [e, r] = time(() => m.siteRobustness(inputs, base));
  built = r.evaluations;
  rows.projectSite.push(a);
  rows.npvOnly.push(b);
  rows.breakevens.push(c);
  rows.flip.push(d);
  rows.robust.push(e);
  rows['whole (all four)'].push(a + c + d + e);
}
console.log(
  `${argv.join(' ')}: ${reps} warm reps, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [name, xs] of Object.entries(rows))
  console.log(
    `${name.padEnd(18)} median ${quantile(xs, 0.5).toFixed(2)} ms  (q1 ${quantile(xs, 0.25).toFixed(2)}, q3 ${quantile(xs, 0.75).toFixed(2)})`,
  );
console.log(`robust verdict: ${built} flows built`);
rmSync(scratch, { recursive: true, force: true });
