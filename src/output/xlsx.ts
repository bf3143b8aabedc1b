/**
 * `project --format xlsx`: the projection as an Excel workbook (exceljs, loaded only for this format).
 *
 * Sheets: Summary (each option's NPV, NPV without the residual, IRR, paybacks, capex and residual; the verdict;
 * the start date, horizon and discount rate as the named cells StartDate, HorizonMonths and DiscountRate), one
 * sheet of monthly flows per option, Years (every option's yearly table) and Assumptions (each input, its value,
 * origin, basis and the date of its source). NPV and IRR are formulas over the option sheet's cash-flow column,
 * with the project's convention (month 0 undiscounted, month m discounted by (1 + rate)^(-m/12); IRR monthly,
 * annualized), so an analyst who changes a flow sees the result; each formula's cached result is the figure the
 * JSON document has, so a reader that does not recalculate shows the same numbers. Numbers are numbers with
 * number formats, dates are dates (UTC midnight). This module computes nothing: the figures are the report's.
 */
import { OPTION_LABELS } from '../report/labels.js';
import type { ProjectReport } from '../report/schemas.js';
import type { StrategyMonth } from '../report/strategy.js';
import type { StrategyReport } from '../report/strategy-schema.js';

type ExcelJs = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type CellValue = import('exceljs').CellValue;

const USD = '$#,##0;[Red]-$#,##0';
const PERCENT = '0.00%';
const DATE = 'yyyy-mm-dd';
const MONTHS = '0.0';

/** The monthly columns of an option's sheet, in order (letters A..K). */
export const FLOW_COLUMNS = [
  { header: 'Month', key: 'month', width: 8 },
  { header: 'Date', key: 'date', width: 12 },
  { header: 'Revenue', key: 'revenueUsd', width: 16 },
  { header: 'Opex', key: 'opexUsd', width: 16 },
  { header: 'EBITDA', key: 'ebitdaUsd', width: 16 },
  { header: 'Depreciation', key: 'depreciationUsd', width: 16 },
  { header: 'Tax', key: 'taxUsd', width: 14 },
  { header: 'Capex', key: 'capexUsd', width: 16 },
  { header: 'Other cash', key: 'otherCashUsd', width: 16 },
  { header: 'Cash flow', key: 'cashFlowUsd', width: 16 },
  { header: 'Cumulative', key: 'cumulativeCashUsd', width: 16 },
] as const;

/** A date written as YYYY-MM-DD or YYYY-MM (UTC), else null. */
export function excelDate(text: string | undefined | null): Date | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return null;
  return new Date(
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3] ?? 1),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    ),
  );
}

/** A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique among `taken`. */
function sheetName(label: string, taken: Set<string>): string {
  const base =
    label
      .replace(/[[\]:*?/\\']/g, ' ')
      .trim()
      .slice(0, 28) || 'Option';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function styleHeader(ws: Worksheet): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** One option's (or a plan's) sheet; returns the ranges of its month and cash-flow columns (absolute, sheet-qualified). */
function optionSheet(
  wb: import('exceljs').Workbook,
  option: { months: readonly StrategyMonth[] },
  name: string,
): { months: string; cash: string } {
  const ws = wb.addWorksheet(name);
  ws.columns = FLOW_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  option.months.forEach((m, i) => {
    const r = i + 2;
    ws.addRow({
      month: m.month,
      date: excelDate(m.date),
      revenueUsd: m.revenueUsd,
      opexUsd: m.opexUsd,
      ebitdaUsd: m.ebitdaUsd,
      depreciationUsd: m.depreciationUsd,
      taxUsd: m.taxUsd,
      capexUsd: m.capexUsd,
      otherCashUsd: m.otherCashUsd,
      cashFlowUsd: m.cashFlowUsd,
      cumulativeCashUsd: {
        formula: i === 0 ? `J${r}` : `K${r - 1}+J${r}`,
        result: m.cumulativeCashUsd,
      },
    });
  });
  ws.getColumn(1).numFmt = '0';
  ws.getColumn(2).numFmt = DATE;
  for (let c = 3; c <= FLOW_COLUMNS.length; c++) ws.getColumn(c).numFmt = USD;
  styleHeader(ws);
  const last = option.months.length + 1;
  const q = quoted(name);
  return { months: `${q}!$A$2:$A$${last}`, cash: `${q}!$J$2:$J$${last}` };
}

/** The Summary sheet's columns (row 1 of its table is TABLE_ROW). */
export const SUMMARY_HEADERS = [
  'Option',
  'NPV',
  'NPV without residual',
  'IRR',
  'Payback (months, no residual)',
  'Discounted payback (months)',
  'Capex',
  'Residual',
  'Residual PV',
  'Cash-flow sheet',
  'Discount rate (annual)',
] as const;
/** The row of the Summary's table header; the options follow. */
export const TABLE_ROW = 6;

/** A workbook with its Summary sheet's title and named cells StartDate, HorizonMonths and DiscountRate. */
function summaryWorkbook(
  ExcelJS: ExcelJs,
  report: {
    command: string;
    site: { mw: number };
    horizon: { startDate: string; months: number };
    assumptions: ProjectReport['assumptions'];
  },
): { wb: import('exceljs').Workbook; summary: Worksheet; rate: number } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hashcalc';
  const start = excelDate(report.horizon.startDate);
  if (start) {
    wb.created = start;
    wb.modified = start;
  }
  const summary = wb.addWorksheet('Summary');
  const rate = Number(report.assumptions.discountRate ?? 0);

  summary.getCell('A1').value = `hashcalc ${report.command}: ${report.site.mw} MW`;
  summary.getCell('A1').font = { bold: true, size: 14 };
  const named: [string, string, CellValue, string][] = [
    ['A2', 'Start date', start, DATE],
    ['A3', 'Horizon (months)', report.horizon.months, '0'],
    ['A4', 'Discount rate (annual)', rate, PERCENT],
  ];
  const names = ['StartDate', 'HorizonMonths', 'DiscountRate'];
  named.forEach(([at, label, value, format], i) => {
    const row = Number(at.slice(1));
    summary.getCell(`A${row}`).value = label;
    const cell = summary.getCell(`B${row}`);
    cell.value = value;
    cell.numFmt = format;
    wb.definedNames.add(`Summary!$B$${row}`, names[i] as string);
  });
  return { wb, summary, rate };
}

/** Builds the workbook (pure but for exceljs): the caller writes it. */
export function buildProjectWorkbook(ExcelJS: ExcelJs, report: ProjectReport): import('exceljs').Workbook {
  const { wb, summary, rate } = summaryWorkbook(ExcelJS, report);
  const taken = new Set(['summary', 'years', 'assumptions']);

  const header = summary.getRow(TABLE_ROW);
  header.values = [...SUMMARY_HEADERS];
  header.font = { bold: true };
  const sheets = report.options.map((o) => sheetName(o.label, taken));
  report.options.forEach((option, i) => {
    const name = sheets[i] as string;
    const { months, cash } = optionSheet(wb, option, name);
    const r = TABLE_ROW + 1 + i;
    const row = summary.getRow(r);
    // An option with its own rate (--discount-rate-lease, ...) is discounted at it: its cell, not DiscountRate.
    const own = option.annualDiscountRate ?? rate;
    const rateRef = own === rate ? 'DiscountRate' : `$K$${r}`;
    row.getCell(11).value = own === rate ? { formula: 'DiscountRate', result: rate } : own;
    row.getCell(11).numFmt = PERCENT;
    row.getCell(1).value = option.label;
    row.getCell(2).value = {
      formula: `SUMPRODUCT(${cash},(1+${rateRef})^(-${months}/12))`,
      result: option.npvUsd,
    };
    row.getCell(3).value = { formula: `B${r}-I${r}`, result: option.npvExResidualUsd };
    row.getCell(4).value =
      option.irr === null
        ? (option.irrNote ?? 'no IRR')
        : { formula: `(1+IRR(${cash}))^12-1`, result: option.irr };
    row.getCell(5).value = option.paybackExResidualMonths ?? option.paybackNote ?? null;
    row.getCell(6).value = option.discountedPaybackExResidualMonths ?? option.discountedPaybackNote ?? null;
    row.getCell(7).value = option.capexUsd;
    row.getCell(8).value = option.residualUsd;
    row.getCell(9).value = {
      formula: `H${r}*(1+${rateRef})^(-HorizonMonths/12)`,
      result: option.residualPvUsd,
    };
    row.getCell(10).value = { text: name, hyperlink: `#${quoted(name)}!A1` };
    for (const c of [2, 3, 7, 8, 9]) row.getCell(c).numFmt = USD;
    row.getCell(4).numFmt = PERCENT;
    for (const c of [5, 6]) row.getCell(c).numFmt = MONTHS;
  });
  const verdictRow = TABLE_ROW + report.options.length + 2;
  summary.getCell(`A${verdictRow}`).value = 'Verdict';
  summary.getCell(`A${verdictRow}`).font = { bold: true };
  summary.getCell(`B${verdictRow}`).value = report.verdict.text;
  summary.getCell(`A${verdictRow + 1}`).value = 'Residual';
  summary.getCell(`B${verdictRow + 1}`).value = report.residualMethod;
  summary.getCell(`A${verdictRow + 2}`).value = 'Convention';
  summary.getCell(`B${verdictRow + 2}`).value =
    "NPV: month 0 undiscounted, month m discounted by (1 + the option's discount rate, column K: DiscountRate unless it has its own)^(-m/12) (Excel's NPV() would discount month 0); IRR: the monthly IRR annualized, (1 + IRR)^12 - 1";
  summary.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : i === 1 ? 18 : 16;
  });
  summary.views = [{ state: 'frozen', xSplit: 0, ySplit: TABLE_ROW }];

  yearsSheet(wb, report, sheets);
  assumptionsSheet(wb, report);
  return wb;
}

function yearsSheet(wb: import('exceljs').Workbook, report: ProjectReport, sheets: string[]): void {
  const ws = wb.addWorksheet('Years');
  ws.columns = [
    { header: 'Option', key: 'option', width: 14 },
    { header: 'Year', key: 'year', width: 6 },
    { header: 'Revenue', key: 'revenueUsd', width: 16 },
    { header: 'Opex', key: 'opexUsd', width: 16 },
    { header: 'EBITDA', key: 'ebitdaUsd', width: 16 },
    { header: 'Depreciation', key: 'depreciationUsd', width: 16 },
    { header: 'EBIT', key: 'ebitUsd', width: 16 },
    { header: 'Tax', key: 'taxUsd', width: 14 },
    { header: 'Capex', key: 'capexUsd', width: 16 },
    { header: 'Cash flow', key: 'cashFlowUsd', width: 16 },
    { header: 'Cumulative', key: 'cumulativeCashUsd', width: 16 },
  ];
  report.options.forEach((option, i) => {
    for (const y of option.years)
      ws.addRow({ option: sheets[i], ...y, taxUsd: y.taxUsd ?? 0, taxDepreciationUsd: undefined });
  });
  ws.getColumn(2).numFmt = '0';
  for (let c = 3; c <= 11; c++) ws.getColumn(c).numFmt = USD;
  styleHeader(ws);
}

const URL_IN_TEXT = /https?:\/\/[^\s)]+/;

function assumptionsSheet(
  wb: import('exceljs').Workbook,
  report: Pick<ProjectReport, 'assumptionSources'>,
): void {
  const ws = wb.addWorksheet('Assumptions');
  ws.columns = [
    { header: 'Input', key: 'input', width: 28 },
    { header: 'Value', key: 'value', width: 18 },
    { header: 'Origin', key: 'origin', width: 10 },
    { header: 'From', key: 'from', width: 22 },
    { header: 'Basis', key: 'basis', width: 70 },
    { header: 'Source', key: 'source', width: 30 },
    { header: 'Source date', key: 'date', width: 12 },
  ];
  for (const [input, a] of Object.entries(report.assumptionSources)) {
    const url = a.sourceUrl ?? URL_IN_TEXT.exec(a.basis ?? '')?.[0];
    const dateText = a.sourceAsOf ?? a.asOf ?? null;
    const row = ws.addRow({
      input,
      value: a.value,
      origin: a.origin,
      from: a.from ?? null,
      basis: a.basis ?? null,
      source: url ? { text: url, hyperlink: url } : null,
      date: excelDate(dateText),
    });
    row.getCell('date').numFmt =
      dateText && dateText.length === 7
        ? 'yyyy-mm'
        : dateText && dateText.length > 10
          ? 'yyyy-mm-dd hh:mm'
          : DATE;
  }
  ws.getColumn('basis').alignment = { wrapText: false };
  styleHeader(ws);
}

/** A strategy plan's --plan text, or keeping mining. */
const planCell = (p: { planFlag: string }) => p.planFlag || 'keep mining';

/** A label and value row of the strategy Summary (value: a number with its format, a formula, or text). */
type SummaryLine = [label: string, value: CellValue, format?: string];

/**
 * `strategy --format xlsx`: Summary (the best plan with its NPV and IRR as formulas over its flows sheet, the
 * pure options and the sale with the best plan's margin over each as a formula, the best per option, the value
 * of waiting, how it searched and the verdict), Frontier (the best plan at each AI share), Best plan flows (its
 * monthly flows, as project --plan's; absent when keeping mining is best) and Assumptions.
 */
export function buildStrategyWorkbook(
  ExcelJS: ExcelJs,
  report: StrategyReport,
  bestMonths: readonly StrategyMonth[] | null,
): import('exceljs').Workbook {
  const { wb, summary } = summaryWorkbook(ExcelJS, report);
  const { best } = report;
  frontierSheet(wb, report);
  const flowsName = 'Best plan flows';
  const flows = bestMonths ? optionSheet(wb, { months: bestMonths }, flowsName) : null;
  let r = 6;
  const put = (cells: CellValue[], bold = false, formats: (string | undefined)[] = []) => {
    const row = summary.getRow(r);
    cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const format = formats[i];
      if (format) cell.numFmt = format;
    });
    if (bold) row.font = { bold: true };
    return r++;
  };
  const months = (m: number | null) => m ?? 'beyond the horizon';
  put(['Best plan', best.text], true);
  const npvRow = r;
  const lines: SummaryLine[] = [
    [
      'NPV',
      flows
        ? { formula: `SUMPRODUCT(${flows.cash},(1+DiscountRate)^(-${flows.months}/12))`, result: best.npvUsd }
        : best.npvUsd,
      USD,
    ],
    ['--plan', planCell(best)],
    ['AI share', best.aiShare, PERCENT],
    ['NPV vs keeping mining', best.npvVsMiningUsd, USD],
    ['NPV without residual', best.npvExResidualUsd, USD],
    [
      'IRR (annual)',
      flows && best.irr !== null
        ? { formula: `(1+IRR(${flows.cash}))^12-1`, result: best.irr }
        : (best.irrNote ?? 'no IRR'),
      PERCENT,
    ],
    ['Payback (months, no residual)', months(best.paybackExResidualMonths), MONTHS],
    ['Discounted payback (months)', months(best.discountedPaybackExResidualMonths), MONTHS],
    ['Peak funding need', best.peakFundingUsd, USD],
    ['Capex', best.capexUsd, USD],
    [
      'Monthly flows',
      flows ? { text: flowsName, hyperlink: `#${quoted(flowsName)}!A1` } : 'keeping mining is best: no plan',
    ],
  ];
  for (const [label, value, format] of lines) put([label, value], false, [undefined, format]);

  r++;
  put(['Pure option', 'NPV', "Best plan's margin"], true);
  const pureRows = new Map<string, number>();
  for (const o of report.pureOptions) {
    const label = OPTION_LABELS[o.id as keyof typeof OPTION_LABELS] ?? o.id;
    const at = r;
    pureRows.set(o.id, at);
    put([label, o.npvUsd, { formula: `$B$${npvRow}-B${at}`, result: o.bestPlanMarginUsd }], false, [
      undefined,
      USD,
      USD,
    ]);
  }
  const sale = report.sale;
  const saleRow = pureRows.get('sell');
  if (sale && saleRow !== undefined) {
    r++;
    put(['Sale (--sell-per-mw)', 'the whole site with its miners, not a tranche of a plan'], true);
    put(['Price per MW of grid power', sale.usdPerMw], false, [undefined, USD]);
    put(['Month of the sale', sale.month], false, [undefined, '0']);
    put(['Price', sale.priceUsd], false, [undefined, USD]);
    put(
      ['Sale vs the best plan', { formula: `B${saleRow}-$B$${npvRow}`, result: sale.vsBestPlanUsd }],
      false,
      [undefined, USD],
    );
  }

  r++;
  put(['Best per option', '--plan', 'NPV', 'vs mining'], true);
  for (const b of report.bestByOption)
    put([OPTION_LABELS[b.optionId], planCell(b.plan), b.plan.npvUsd, b.plan.npvVsMiningUsd], false, [
      undefined,
      undefined,
      USD,
      USD,
    ]);

  r++;
  put(['Value of waiting', '--plan', 'NPV', 'vs now'], true);
  const w = report.waiting;
  const waits: [string, StrategyReport['waiting']['now']][] = [
    ['Start now', w.now],
    [`After the halving (from month ${w.afterHalvingStartMonth ?? '-'})`, w.afterHalving],
    ['In a year (from month 12)', w.inAYear],
  ];
  for (const [label, p] of waits)
    put(
      p === null
        ? [label, 'none on the grid']
        : [label, planCell(p), p.npvUsd, label === 'Start now' ? null : p.valueOfWaitingUsd],
      false,
      [undefined, undefined, USD, USD],
    );

  r++;
  put(['Searched', report.search.text]);
  put(['Plans evaluated', report.search.plansEvaluated], false, [undefined, '#,##0']);
  summary.getCell(`A${put(['Verdict', report.verdict.text])}`).font = { bold: true };
  put([
    'Convention',
    "NPV: month 0 undiscounted, month m discounted by (1 + DiscountRate)^(-m/12) (Excel's NPV() would discount month 0); IRR: the monthly IRR annualized, (1 + IRR)^12 - 1; a plan is discounted at --discount-rate",
  ]);
  summary.columns.forEach((col, i) => {
    col.width = i === 0 ? 30 : i === 1 ? 20 : 18;
  });

  assumptionsSheet(wb, report);
  return wb;
}

/** The frontier: the best plan at each AI share of the grid. */
function frontierSheet(wb: import('exceljs').Workbook, report: StrategyReport): void {
  const ws = wb.addWorksheet('Frontier');
  ws.columns = [
    { header: 'AI share', key: 'aiShare', width: 10 },
    { header: 'Best plan at that share', key: 'text', width: 60 },
    { header: '--plan', key: 'planFlag', width: 24 },
    { header: 'NPV', key: 'npvUsd', width: 16 },
    { header: 'vs mining', key: 'npvVsMiningUsd', width: 16 },
  ];
  for (const p of report.frontier)
    ws.addRow({
      aiShare: p.aiShare,
      text: p.text,
      planFlag: planCell(p),
      npvUsd: p.npvUsd,
      npvVsMiningUsd: p.npvVsMiningUsd,
    });
  ws.getColumn(1).numFmt = '0%';
  for (const c of [4, 5]) ws.getColumn(c).numFmt = USD;
  styleHeader(ws);
}

/** exceljs, loaded here only for --format xlsx. */
async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as unknown as ExcelJs & { default?: ExcelJs };
  return (mod.default ?? mod) as ExcelJs;
}

async function bytesOf(wb: import('exceljs').Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook's bytes. */
export async function projectXlsx(report: ProjectReport): Promise<Uint8Array> {
  return bytesOf(buildProjectWorkbook(await loadExcelJs(), report));
}

/** The `strategy` workbook's bytes: the report and the best plan's monthly flows (null: keeping mining is best). */
export async function strategyXlsx(
  report: StrategyReport,
  bestMonths: readonly StrategyMonth[] | null,
): Promise<Uint8Array> {
  return bytesOf(buildStrategyWorkbook(await loadExcelJs(), report, bestMonths));
}
