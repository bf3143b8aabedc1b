/**
 * `strategy` with the sale of the site (--sell-per-mw, issue 22 section 3) and `strategy --format xlsx`
 * (issue 24 section 2), end to end in-process and offline. The sale is a pure option beside the others, never a
 * tranche; the workbook is read back with exceljs and its cells checked against `strategy --json` (and the best
 * plan's monthly flows against `project --plan` with the best plan's --plan value).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { strategyOutputSchema } from '../../src/report/strategy-schema.js';
import { runCli } from './run-cli.js';
import { close, formulaOf, resultOf, workbookRun } from './workbook.js';

const STRATEGY = ['strategy', '--mw', '341', '--offline', '--years', '5'];

async function strategyJson(args: string[]) {
  const { code, stdout, stderr } = await runCli([...STRATEGY, ...args, '--json']);
  expect(code, stderr).toBe(0);
  return strategyOutputSchema.parse(JSON.parse(stdout));
}

/** The first Summary row whose column A is `label`. */
const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
  const at = ws.getColumn(1).values.indexOf(label);
  expect(at, label).toBeGreaterThan(0);
  return ws.getRow(at);
};

describe('strategy --sell-per-mw: the sale as a pure option', () => {
  it('a sale today at $6.9M per grid MW is worth exactly 341 x 6,900,000 = $2,352,900,000, and the verdict names it', async () => {
    const report = await strategyJson(['--sell-per-mw', '6.9M']);
    expect(report.pureOptions.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud', 'sell']);
    const sell = report.pureOptions[3];
    // Month 0: nothing mined, nothing discounted, no fixed cost after the sale: price x grid MW.
    expect(sell?.npvUsd).toBe(2_352_900_000);
    expect(sell?.bestPlanMarginUsd).toBe(report.best.npvUsd - 2_352_900_000);
    expect(report.sale).toEqual({
      usdPerMw: 6_900_000,
      month: 0,
      markId: null,
      priceUsd: 2_352_900_000,
      npvUsd: 2_352_900_000,
      vsBestPlanUsd: 2_352_900_000 - report.best.npvUsd,
      beatsBestPlan: true,
    });
    // The best plan is a plan of lease and GPU tranches only: the sale is no tranche.
    expect(report.best.tranches.every((t) => t.optionId !== ('sell' as string))).toBe(true);
    expect(report.verdict.text).toMatch(
      /^Selling the site at \$6\.90M\/MW today \(NPV \$2\.35B\) beats the best plan by \$/,
    );
    expect(report.assumptionSources.sellPerMw?.value).toBe('6.9M');
  });

  it('a sale below the best plan: $0.5M per MW = $170.5M today, and the verdict says how far short it falls', async () => {
    const [report, without] = await Promise.all([strategyJson(['--sell-per-mw', '0.5M']), strategyJson([])]);
    expect(report.pureOptions.find((o) => o.id === 'sell')?.npvUsd).toBe(170_500_000);
    expect(report.sale?.beatsBestPlan).toBe(false);
    expect(report.verdict.text).toMatch(
      /; selling the site at \$500k\/MW today \(NPV \$171M\) falls \$.+ short of the best plan$/,
    );
    // The sale changes nothing else: the same best plan, frontier and pure options.
    expect(report.best).toEqual(without.best);
    expect(report.frontier).toEqual(without.frontier);
    expect(report.pureOptions.slice(0, 3)).toEqual(without.pureOptions);
    expect(without.sale).toBeNull();
    expect(without.verdict.text).not.toMatch(/sell/i);
  });

  it('a later sale mines until then: at month 12, the pure option of compare with the same inputs', async () => {
    const [report, compare] = await Promise.all([
      strategyJson(['--sell-per-mw', '6.9M@12']),
      runCli(['compare', '--mw', '341', '--offline', '--years', '5', '--sell-per-mw', '6.9M@12', '--json']),
    ]);
    const sold = (JSON.parse(compare.stdout) as { options: { id: string; npvUsd: number }[] }).options.find(
      (o) => o.id === 'sell',
    );
    expect(report.sale?.month).toBe(12);
    close(report.sale?.npvUsd, sold?.npvUsd as number, 1e-12);
  });

  it('shows in the table, the CSV and the markdown', async () => {
    const table = await runCli([...STRATEGY, '--sell-per-mw', '6.9M']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/vs the sale .*\(sale \$2\.35B\)/);
    expect(table.stdout).toMatch(/Sale \(--sell-per-mw, not a tranche/);
    const csv = await runCli([...STRATEGY, '--sell-per-mw', '6.9M', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const last = csv.stdout.trim().split('\n').at(-1);
    expect(last).toMatch(/^,sell the site at \$6\.90M\/MW in month 0,6900000@0,,2352900000,/);
    const md = await runCli([
      ...STRATEGY,
      '--sell-per-mw',
      'coreweave-core-scientific@6',
      '--format',
      'markdown',
    ]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/vs the sale/);
  });
});

describe('strategy --format xlsx', () => {
  it('writes the best plan, the pure options and the sale, the frontier and the best plan flows; formulas cache the JSON', async () => {
    const args = [...STRATEGY, '--sell-per-mw', '6.9M@12'];
    const [xlsx, report] = await Promise.all([
      workbookRun([...args, '--format', 'xlsx']),
      strategyJson(args.slice(STRATEGY.length)),
    ]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toBe('');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Frontier',
      'Best plan flows',
      'Assumptions',
    ]);
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    const rate = report.assumptions.discountRate as number;
    expect(summary.getCell('B4').value).toBe(rate);
    expect(summary.getCell('B3').value).toBe(report.horizon.months);

    expect(rowOf(summary, 'Best plan').getCell(2).value).toBe(report.best.text);
    expect(rowOf(summary, '--plan').getCell(2).value).toBe(report.best.planFlag);
    const npv = rowOf(summary, 'NPV').getCell(2);
    const months = report.horizon.months + 2;
    expect(formulaOf(npv)).toBe(
      `SUMPRODUCT('Best plan flows'!$J$2:$J$${months},(1+DiscountRate)^(-'Best plan flows'!$A$2:$A$${months}/12))`,
    );
    expect(resultOf(npv)).toBe(report.best.npvUsd);
    const irr = rowOf(summary, 'IRR (annual)').getCell(2);
    expect(formulaOf(irr)).toBe(`(1+IRR('Best plan flows'!$J$2:$J$${months}))^12-1`);
    expect(resultOf(irr)).toBe(report.best.irr);

    // The pure options and the sale: each NPV, and the best plan's margin as a formula (NPV cell minus it).
    const npvRow = npv.row;
    for (const o of report.pureOptions) {
      const label = { mining: 'Mining', 'ai-lease': 'AI lease', 'gpu-cloud': 'GPU cloud', sell: 'Sale' }[
        o.id
      ];
      const row = rowOf(summary, label as string);
      expect(row.getCell(2).value).toBe(o.npvUsd);
      expect(formulaOf(row.getCell(3))).toBe(`$B$${npvRow}-B${row.number}`);
      expect(resultOf(row.getCell(3))).toBe(o.bestPlanMarginUsd);
    }
    expect(rowOf(summary, 'Price').getCell(2).value).toBe(report.sale?.priceUsd);
    expect(resultOf(rowOf(summary, 'Sale vs the best plan').getCell(2))).toBe(report.sale?.vsBestPlanUsd);
    expect(rowOf(summary, 'Verdict').getCell(2).value).toBe(report.verdict.text);
    expect(rowOf(summary, 'Searched').getCell(2).value).toBe(report.search.text);
    const perOption = rowOf(summary, 'GPU cloud');
    expect(perOption.getCell(2).value).not.toBeUndefined();
    const bestGpu = report.bestByOption.find((b) => b.optionId === 'gpu-cloud')?.plan;
    const gpuRow = summary.getColumn(1).values.lastIndexOf('GPU cloud');
    expect(summary.getCell(gpuRow, 3).value).toBe(bestGpu?.npvUsd);

    // The frontier, one row per AI share.
    const frontier = wb.getWorksheet('Frontier') as ExcelJS.Worksheet;
    expect(frontier.rowCount).toBe(1 + report.frontier.length);
    report.frontier.forEach((p, i) => {
      const row = frontier.getRow(i + 2);
      expect(row.getCell(1).value).toBe(p.aiShare);
      expect(row.getCell(3).value).toBe(p.planFlag || 'keep mining');
      expect(row.getCell(4).value).toBe(p.npvUsd);
      expect(row.getCell(5).value).toBe(p.npvVsMiningUsd);
    });

    // The best plan's flows are project --plan's with its --plan value; the NPV recomputed by hand from them
    // (month 0 undiscounted, month m x (1 + r)^(-m/12)) is the JSON's.
    const project = await runCli([
      'project',
      '--mw',
      '341',
      '--offline',
      '--years',
      '5',
      '--plan',
      report.best.planFlag,
      '--json',
    ]);
    expect(project.code, project.stderr).toBe(0);
    const plan = projectOutputSchema.parse(JSON.parse(project.stdout)).plan;
    const flows = wb.getWorksheet('Best plan flows') as ExcelJS.Worksheet;
    expect(flows.rowCount).toBe(report.horizon.months + 2);
    let byHand = 0;
    for (let m = 0; m <= report.horizon.months; m++) {
      const row = flows.getRow(m + 2);
      expect(row.getCell(1).value).toBe(m);
      expect(row.getCell(2).value).toBeInstanceOf(Date);
      expect((row.getCell(2).value as Date).toISOString().slice(0, 10)).toBe(plan?.months[m]?.date);
      close(row.getCell(10).value, plan?.months[m]?.cashFlowUsd as number, 1e-9);
      byHand += (row.getCell(10).value as number) * (1 + rate) ** (-m / 12);
    }
    close(byHand, report.best.npvUsd, 1e-9);
    close(plan?.npvUsd, report.best.npvUsd, 1e-9);

    const assumptions = wb.getWorksheet('Assumptions') as ExcelJS.Worksheet;
    expect(assumptions.rowCount).toBe(1 + Object.keys(report.assumptionSources).length);
  });

  it('keeping mining best: no flows sheet, the NPV a value', async () => {
    // A lease at $1/kW-month and a GPU rent of a cent an hour: no AI plan beats mining.
    const args = [...STRATEGY, '--lease-rate', '1', '--gpu-hour-price', '0.01'];
    const [xlsx, report] = await Promise.all([
      workbookRun([...args, '--format', 'xlsx']),
      strategyJson(args.slice(STRATEGY.length)),
    ]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(report.best.tranches).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Frontier', 'Assumptions']);
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(rowOf(summary, 'NPV').getCell(2).value).toBe(report.best.npvUsd);
    expect(rowOf(summary, 'Monthly flows').getCell(2).value).toBe('keeping mining is best: no plan');
  });

  it('refuses a terminal (exit 2, one line)', async () => {
    const tty = await workbookRun([...STRATEGY, '--format', 'xlsx'], true);
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/^hashcalc: --format xlsx writes a binary workbook.*> r\.xlsx\)?\n$/);
    expect(tty.bytes).toHaveLength(0);
  });
});
