import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
    // Measured on the 2-core machine (DESIGN.md): forks beat threads (undici, child processes and loopback
    // servers in every worker); vitest's default here is one worker (cores - 1), and most of the suite waits
    // on loopback servers and deadlines rather than the CPU, so two workers. No isolation per file: every
    // CLI run goes in-process through its own Context and the modules keep no state a test depends on;
    // re-importing them for each file cost ~0.3 s a file.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});
