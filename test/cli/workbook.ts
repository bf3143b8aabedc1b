/** Helpers of the workbook tests (xlsx*.test.ts, strategy-sell-xlsx.test.ts): a run that writes bytes, cells read back. */
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { run } from '../../src/cli/program.js';
import { cliContext, cliEnv } from './run-cli.js';

/** A command run in-process whose stdout is (or is not) a terminal; its bytes on stdout. */
export async function workbookRun(args: string[], stdoutIsTTY = false) {
  const t = cliContext(args, cliEnv());
  (t.ctx.stdout as { isTTY?: boolean }).isTTY = stdoutIsTTY;
  const code = await run(args, t.ctx);
  return { code, bytes: t.stdoutBytes(), stdout: t.stdout(), stderr: t.stderr() };
}

/** Relative closeness (absolute near zero). */
export function close(actual: unknown, expected: number, tolerance = 1e-6): void {
  expect(typeof actual).toBe('number');
  const a = actual as number;
  expect(Math.abs(a - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

export const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string } | null)?.formula;
/** A formula's cached result (exceljs's reader drops a cached 0, which the file has as <v>0</v>). */
export const resultOf = (cell: ExcelJS.Cell) => (cell.value as { result?: unknown } | null)?.result ?? 0;
