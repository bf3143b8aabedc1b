/**
 * `project --format xlsx` end to end (in-process): the workbook read back with exceljs. Its formulas' cached
 * values are the JSON document's figures, and the NPV is recomputed here from the sheet's monthly cash flows
 * with the stated convention (month 0 undiscounted, month m by (1 + r)^(-m/12)).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';
import { close, formulaOf, resultOf, workbookRun } from './workbook.js';

const ARGS = ['project', '--offline', '--mw', '341', '--years', '5'];

describe('project --format xlsx', () => {
  it('writes a workbook whose formulas cache the JSON figures', async () => {
    const [xlsx, json] = await Promise.all([
      workbookRun([...ARGS, '--format', 'xlsx']),
      runCli([...ARGS, '--json']),
    ]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toBe('');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const report = projectOutputSchema.parse(JSON.parse(json.stdout));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Mining',
      'AI lease',
      'GPU cloud',
      'Years',
      'Assumptions',
    ]);
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    const rate = report.assumptions.discountRate as number;
    expect(summary.getCell('B4').value).toBe(rate);
    expect(summary.getCell('B3').value).toBe(report.horizon.months);
    expect(summary.getCell('B2').value).toBeInstanceOf(Date);
    expect(summary.getCell('B4').numFmt).toBe('0.00%');

    report.options.forEach((option, i) => {
      const row = summary.getRow(7 + i);
      expect(row.getCell(1).value).toBe(option.label);
      const npv = row.getCell(2);
      expect(formulaOf(npv)).toMatch(
        /^SUMPRODUCT\('.+'!\$J\$2:\$J\$62,\(1\+DiscountRate\)\^\(-'.+'!\$A\$2:\$A\$62\/12\)\)$/,
      );
      close(resultOf(npv), option.npvUsd);
      expect(formulaOf(row.getCell(3))).toBe(`B${7 + i}-I${7 + i}`);
      close(resultOf(row.getCell(3)), option.npvExResidualUsd);
      close(resultOf(row.getCell(9)), option.residualPvUsd);
      if (option.irr === null) {
        expect(row.getCell(4).value).toBe(option.irrNote);
      } else {
        expect(formulaOf(row.getCell(4))).toMatch(/^\(1\+IRR\('.+'!\$J\$2:\$J\$62\)\)\^12-1$/);
        close(resultOf(row.getCell(4)), option.irr);
      }
      close(row.getCell(7).value, option.capexUsd);

      // The option's sheet: dates are dates, numbers numbers; the NPV recomputed from its cash-flow column.
      const sheet = wb.getWorksheet(option.label) as ExcelJS.Worksheet;
      expect(sheet.rowCount).toBe(option.months.length + 1);
      let npvByHand = 0;
      option.months.forEach((m, k) => {
        const r = sheet.getRow(k + 2);
        expect(r.getCell(1).value).toBe(m.month);
        const date = r.getCell(2).value;
        expect(date).toBeInstanceOf(Date);
        expect((date as Date).toISOString().slice(0, 10)).toBe(m.date);
        expect(r.getCell(10).value).toBe(m.cashFlowUsd);
        expect(typeof r.getCell(3).value).toBe('number');
        close(resultOf(r.getCell(11)), m.cumulativeCashUsd);
        const month = r.getCell(1).value as number;
        npvByHand += (r.getCell(10).value as number) * (1 + rate) ** (-month / 12);
      });
      close(npvByHand, option.npvUsd);
    });
    const verdict = summary.getColumn(1).values.indexOf('Verdict');
    expect(summary.getCell(verdict, 2).value).toBe(report.verdict.text);

    const years = wb.getWorksheet('Years') as ExcelJS.Worksheet;
    expect(years.rowCount).toBe(1 + 3 * 5);
    close(years.getCell('J2').value, report.options[0]?.years[0]?.cashFlowUsd as number);

    const assumptions = wb.getWorksheet('Assumptions') as ExcelJS.Worksheet;
    expect(assumptions.rowCount).toBe(1 + Object.keys(report.assumptionSources).length);
    const power = assumptions.getColumn(1).values.indexOf('powerUsdPerKwh');
    expect(assumptions.getCell(power, 2).value).toBe(report.assumptionSources.powerUsdPerKwh?.value);
    expect(assumptions.getCell(power, 7).value).toBeInstanceOf(Date);
    // Each source as a hyperlink cell: the catalog figure's (the power price's), a cited document's (4CP).
    const url = report.assumptionSources.powerUsdPerKwh?.sourceUrl as string;
    expect(url).toMatch(/^https:\/\//);
    expect(assumptions.getCell(power, 6).value).toEqual({ text: url, hyperlink: url });
    const fourCp = assumptions.getColumn(1).values.indexOf('transmissionChargeUsdPerKwYear');
    expect(assumptions.getCell(fourCp, 6).value).toEqual({
      text: 'https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs',
      hyperlink: 'https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs',
    });
    // A value the user gave has no source.
    const mw = assumptions.getColumn(1).values.indexOf('siteMw');
    expect(assumptions.getCell(mw, 6).value).toBeNull();
  });

  it('refuses a terminal (exit 2, one line) and the other commands', async () => {
    const tty = await workbookRun([...ARGS, '--format', 'xlsx'], true);
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/^hashcalc: --format xlsx writes a binary workbook.*> r\.xlsx\)?\n$/);
    expect(tty.bytes).toHaveLength(0);
    const compare = await runCli(['compare', '--offline', '--mw', '341', '--format', 'xlsx']);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toBe(
      'hashcalc: --format xlsx: only project and strategy write a workbook; compare takes table, json, csv or markdown\n',
    );
  });
});

describe('project --format xlsx with a discount rate per option and a sale', () => {
  it('discounts an option with its own rate at its column-K cell, the others at DiscountRate; the NPV recomputed by hand', async () => {
    const args = [...ARGS, '--discount-rate-lease', '8%', '--sell-per-mw', '6.9M@12'];
    const [xlsx, json] = await Promise.all([
      workbookRun([...args, '--format', 'xlsx']),
      runCli([...args, '--json']),
    ]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const report = projectOutputSchema.parse(JSON.parse(json.stdout));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(report.options.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud', 'sell']);
    report.options.forEach((option, i) => {
      const r = 7 + i;
      const row = summary.getRow(r);
      const own = option.id === 'ai-lease';
      expect(formulaOf(row.getCell(2))).toContain(own ? `(1+$K$${r})` : '(1+DiscountRate)');
      if (own) expect(row.getCell(11).value).toBe(0.08);
      else expect(formulaOf(row.getCell(11))).toBe('DiscountRate');
      close(resultOf(row.getCell(2)), option.npvUsd);
      // By hand from the option's sheet: month m's cash flow (column J) x (1 + its rate)^(-m/12).
      const sheet = wb.getWorksheet(option.label) as ExcelJS.Worksheet;
      const rate = option.annualDiscountRate as number;
      let npv = 0;
      for (let m = 0; m <= report.horizon.months; m++)
        npv += (sheet.getRow(m + 2).getCell(10).value as number) * (1 + rate) ** (-m / 12);
      close(npv, option.npvUsd);
    });
  });
});
