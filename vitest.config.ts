import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure and fast (core, site, rules, report, output, catalog, the JSON contract), ~5 s, no
 * build, no child process, no loopback server: the watch target (`npm run watch`, `npm run test:unit`).
 * `integration`: the CLI in-process end to end, the data layer on loopback servers, the built binary (smoke,
 * build) and everything else under test/. `npm test` runs both. Lint is not a test: `npm run lint`, its own
 * step in .ci/run.
 */
const UNIT = ['core', 'site', 'rules', 'report', 'output', 'catalog', 'contract'].map(
  (dir) => `test/${dir}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Measured on the 2-core machine: forks beat threads (undici, child processes and loopback
    // servers in every worker); vitest's default here is one worker (cores - 1), and most of the suite waits
    // on loopback servers and deadlines rather than the CPU, so two workers. No isolation per file: every
    // CLI run goes in-process through its own Context and the modules keep no state a test depends on;
    // re-importing them for each file cost ~0.3 s a file.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache) between runs: ~1 s of CPU
    // a run once warm. Keyed by each file's content, so an edit is never served stale.
    experimental: { fsModuleCache: true },
    // fast-check's seed, fixed unless FC_SEED says otherwise (test/fast-check-seed.ts).
    setupFiles: ['test/fast-check-seed.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, globalSetup: ['test/scratch.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          // Builds dist/ when stale: the smoke tests run the binary, `schema` reads dist/schemas.
          // One scratch folder for the run's temporary files (test/scratch.ts), then dist/ when stale.
          globalSetup: ['test/scratch.ts', 'test/global-setup.ts'],
        },
      },
    ],
  },
});
