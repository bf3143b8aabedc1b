/** The `project` document's debt per option (core/projection/debt.ts): the loan, equity's returns, the DSCR. */
import type { OptionDebt } from '../core/projection/debt.js';
import type { ProjectedOptionReport } from './schemas.js';

type DebtReport = NonNullable<ProjectedOptionReport['debt']>;

export const DEBT_METHOD =
  "the loan funds its share of the build's capex (months 0 to go-live) as spent; rate nominal, monthly = annual / 12; CFADS = EBITDA - tax (unlevered); DSCR = CFADS / (interest + scheduled principal) per year, a bullet's balloon and the horizon's repayment not counted; a balance left at the horizon is repaid from its cash; interest paid is tax-deductible";

export function debtReport(d: OptionDebt): DebtReport {
  const s = d.schedule;
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  return {
    share: d.terms.share,
    amountUsd: d.amountUsd,
    feeUsd: d.feeUsd,
    rate: d.terms.annualRate,
    termMonths: d.terms.termMonths,
    graceMonths: d.terms.graceMonths,
    amortization: d.terms.amortization,
    interestDuringConstruction: d.terms.construction,
    capitalizedInterestUsd: sum(s.capitalized),
    interestPaidUsd: sum(s.interestPaid),
    maturityMonth: s.maturityMonth,
    repaidAtHorizonUsd: s.repaidAtHorizonUsd,
    costOfEquity: d.terms.costOfEquity,
    equityNpvUsd: d.equityNpvUsd,
    equityIrr: d.equityIrr,
    equityIrrNote: d.equityIrrNote,
    dscrByYear: d.dscrByYear,
    minDscr: d.minDscr,
    minDscrNote:
      d.minDscr === null
        ? d.amountUsd === 0
          ? 'no capex in the build to borrow against: no loan'
          : 'no debt service within the horizon'
        : null,
    dscrCovenant: d.terms.dscrCovenant,
    covenantBreached: d.covenantBreached,
    method: DEBT_METHOD,
  };
}

/** A month's debt figures (months[] of an option with a loan). */
export function debtMonth(d: OptionDebt, m: number) {
  const s = d.schedule;
  const last = m === s.draw.length - 1;
  return {
    debtDrawUsd: s.draw[m] as number,
    interestUsd: s.interest[m] as number,
    debtServiceUsd:
      (s.interestPaid[m] as number) + (s.principal[m] as number) + (last ? s.repaidAtHorizonUsd : 0),
    debtBalanceUsd: last ? 0 : (s.balance[m] as number),
    equityCashFlowUsd: d.equityCash[m] as number,
  };
}
