/**
 * The clock of every in-process run that does not set one (test/cli/run-cli.ts, test/data/helpers/context.ts):
 * fixed, so no output depends on the day the suite runs (`faketime '2031-01-01' npm test` passes; docs/development.md).
 * A year after the embedded snapshot (2025-11-22) and after every catalog date, like a user today.
 */
export const TEST_NOW_MS = Date.parse('2026-12-01T00:00:00Z');
