/**
 * Issue 18, "small truths": what the commands print and publish once each figure means one thing (in-process,
 * offline, on the embedded snapshot and the test clock).
 */
import { describe, expect, it } from 'vitest';
import { IRR_NOTES } from '../../src/core/finance.js';
import { economicsOutputSchema, projectOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

async function json<T>(args: string[], parse: (x: unknown) => T): Promise<T> {
  const { code, stdout, stderr } = await runCli([...args, '--offline', '--json']);
  expect(code, stderr).toBe(0);
  return parse(JSON.parse(stdout));
}

const projectJson = (args: string[]) =>
  json(['project', '--mw', '341', ...args], (x) => projectOutputSchema.parse(x));
const economicsJson = (command: string, args: string[]) =>
  json([command, ...args], (x) => economicsOutputSchema.parse(x));

/** The cells of a table row by its label, trimmed. */
function row(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`│ ${label} `));
  if (!line) throw new Error(`no row ${label}`);
  return line
    .split('│')
    .slice(2, -1)
    .map((c) => c.trim());
}

describe('IRR: inflows before the outlay are a borrowing profile, not a return', () => {
  it('10 years of an owned fleet (cash first, the refresh later): no IRR, with the reason, in JSON and the table', async () => {
    const r = await projectJson(['--years', '10']);
    const mining = r.options.find((o) => o.id === 'mining');
    // The flows: the fleet's cash from month 1, the refresh's capex in year 5: inflows first.
    const first = mining?.months.find((m) => m.cashFlowUsd !== 0)?.cashFlowUsd as number;
    expect(first).toBeGreaterThan(0);
    expect(mining?.months.some((m) => m.cashFlowUsd < 0)).toBe(true);
    expect(mining?.irr).toBeNull(); // before: 0.2774 ("27.74%")
    expect(mining?.irrNote).toBe(IRR_NOTES.borrowing);
    const { stdout } = await runCli(['project', '--mw', '341', '--years', '10', '--offline']);
    expect(row(stdout, 'IRR (annual)')[0]).toBe('n/a (borrowing profile)');
  });

  it("compare publishes irrNote and says why IRR is n/a in its table (mining's owned fleet: no outlay)", async () => {
    const r = await economicsJson('compare', ['--mw', '341']);
    const mining = r.options.find((o) => o.id === 'mining');
    expect(mining?.irr).toBeNull();
    expect(mining?.irrNote).toBe(IRR_NOTES.noSignChange);
    expect(r.options.find((o) => o.id === 'ai-lease')?.irrNote).toBeNull();
    const { stdout } = await runCli(['compare', '--mw', '341', '--offline']);
    expect(row(stdout, 'IRR (annual)')[0]).toBe('n/a (no outlay)');
  });
});
