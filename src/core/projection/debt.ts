/**
 * Debt per option (issue 23): a loan sized on the option's build capex, its monthly schedule, the cash to
 * equity after debt service, the equity NPV and IRR, and the debt service coverage ratio by year. Pure.
 *
 * Conventions (docs/model.md, "Debt"):
 * - The build is months 0 to `drawEndMonth` (an AI option's go-live, when the fit-out is spent and the first
 *   GPUs bought; month 0 for mining). The loan funds `share` of each of those months' capex as it is spent
 *   (loan-to-cost); later capex (refreshes) is paid by equity. The amount is the sum of the draws.
 * - The rate is nominal annual, monthly rate = annual / 12 (how loans and notes quote). A month's interest is
 *   the opening balance x monthly rate and is due at the month's end, like every other flow.
 * - During the build interest is capitalized (added to the balance) or paid by equity (`construction`).
 * - After the last draw: `graceMonths` of interest only, then `termMonths` of amortization: level payment
 *   (annuity, mortgage-style), level principal (linear) or a bullet (interest only, the balance at the end).
 * - An upfront fee (`feeShare` of the amount) is paid by equity at signing (month 0).
 * - A balance still outstanding at the horizon is repaid then, out of the last month's cash (the residual
 *   value's sale or a refinancing): equity receives the residual net of it.
 * - CFADS (cash available for debt service) = EBITDA - tax of the unlevered project = cash after tax + capex
 *   - other cash (equipment sales and the residual are not operating cash). Debt service = interest paid +
 *   scheduled principal after the build; a bullet's balloon and the horizon's repayment are refinanced or
 *   paid from a sale, not from a year's cash, so they are not in the DSCR. DSCR of year y (months 12y-11 to
 *   12y, month 0 in year 1) = the CFADS of its months with debt service / that service; null without service.
 * - Interest is deductible: equity's tax falls by min(tax paid, tax rate x interest paid) each month (with
 *   tax on positive EBIT month by month, exactly the tax on EBIT - interest); capitalized interest gets no
 *   deduction here (it would be depreciated with the asset), nor does the fee.
 */
import { annualRate, irr, npvMonthly } from '../finance.js';

export type Amortization = 'level' | 'linear' | 'bullet';
export type ConstructionInterest = 'capitalize' | 'pay';

export interface DebtTerms {
  /** Loan-to-cost: the share of the build's capex the loan funds, 0..1. */
  share: number;
  /**
   * A loan given by its amount: it funds `share` of each build month's capex until the draws reach the amount
   * (so at most the build's capex). Absent: the share alone sizes it.
   */
  amountUsd?: number;
  /** Nominal annual rate (monthly: / 12). */
  annualRate: number;
  /** Upfront fee, a share of the amount, paid at signing (month 0). */
  feeShare: number;
  /** Amortization months after the grace period. */
  termMonths: number;
  /** Interest-only months after the last draw. */
  graceMonths: number;
  amortization: Amortization;
  construction: ConstructionInterest;
  /** The minimum DSCR the loan's covenant asks for (e.g. 1.25). */
  dscrCovenant: number;
  /** Annual rate equity's cash is discounted at. */
  costOfEquity: number;
}

/** A loan's months: draws, interest, principal and balance per month (month 0 is today). */
export interface DebtSchedule {
  drawEndMonth: number;
  amountUsd: number;
  feeUsd: number;
  /** Drawn at the month's end (share x the month's capex, within the build). */
  draw: Float64Array;
  /** Accrued on the opening balance. */
  interest: Float64Array;
  /** Interest added to the balance (capitalized during the build). */
  capitalized: Float64Array;
  /** Interest paid in cash (paid during the build, or after it). */
  interestPaid: Float64Array;
  /** Scheduled principal (a bullet's balloon included). */
  principal: Float64Array;
  /** Debt service counted in the DSCR: interest paid and scheduled principal after the build, no balloon. */
  service: Float64Array;
  /** Balance at the month's end, after its draw and payments (before a repayment at the horizon). */
  balance: Float64Array;
  /** Balance repaid at the horizon (last month) from its cash; 0 when the loan matured within it. */
  repaidAtHorizonUsd: number;
  /** The month the last scheduled payment falls (may be past the horizon). */
  maturityMonth: number;
}

/** The annuity payment that repays `balance` over `months` at `monthly` rate (level, mortgage-style). */
export function levelPayment(balance: number, monthly: number, months: number): number {
  // 1 - (1 + r)^-n, accurate for small rates; a rate too small to matter is the zero rate's level principal.
  const annuity = -Math.expm1(-months * Math.log1p(monthly));
  if (!(monthly > 1e-12) || !(annuity > 0)) return balance / months;
  return (balance * monthly) / annuity;
}

/** The loan's months over flows of `capex.length` months (month 0 today, the last the horizon). */
export function debtSchedule(
  capex: ArrayLike<number>,
  drawEndMonth: number,
  terms: Pick<
    DebtTerms,
    | 'share'
    | 'amountUsd'
    | 'annualRate'
    | 'feeShare'
    | 'termMonths'
    | 'graceMonths'
    | 'amortization'
    | 'construction'
  >,
): DebtSchedule {
  const n = capex.length;
  const end = Math.min(Math.max(0, drawEndMonth), n - 1);
  const r = terms.annualRate / 12;
  const draw = new Float64Array(n);
  const interest = new Float64Array(n);
  const capitalized = new Float64Array(n);
  const interestPaid = new Float64Array(n);
  const principal = new Float64Array(n);
  const service = new Float64Array(n);
  const balance = new Float64Array(n);
  const firstAmortized = end + terms.graceMonths + 1;
  const maturityMonth = end + terms.graceMonths + terms.termMonths;
  let b = 0;
  let amountUsd = 0;
  // Fixed at the start of amortization: the level payment, or the level principal.
  let payment = 0;
  for (let m = 0; m < n; m++) {
    const accrued = b * r;
    interest[m] = accrued;
    if (m <= end) {
      if (terms.construction === 'capitalize') {
        capitalized[m] = accrued;
        b += accrued;
      } else interestPaid[m] = accrued;
      const wanted = terms.share * Math.max(0, capex[m] as number);
      const d =
        terms.amountUsd === undefined ? wanted : Math.min(wanted, Math.max(0, terms.amountUsd - amountUsd));
      draw[m] = d;
      amountUsd += d;
      b += d;
    } else {
      interestPaid[m] = accrued;
      let p = 0;
      if (m >= firstAmortized && m <= maturityMonth && b > 0) {
        if (m === firstAmortized)
          payment =
            terms.amortization === 'level'
              ? levelPayment(b, r, terms.termMonths)
              : terms.amortization === 'linear'
                ? b / terms.termMonths
                : 0;
        if (m === maturityMonth) p = b;
        else if (terms.amortization === 'level') p = payment - accrued;
        else if (terms.amortization === 'linear') p = payment;
      }
      principal[m] = p;
      service[m] = accrued + (terms.amortization === 'bullet' ? 0 : p);
      b -= p;
    }
    balance[m] = b;
  }
  return {
    drawEndMonth: end,
    amountUsd,
    feeUsd: terms.feeShare * amountUsd,
    draw,
    interest,
    capitalized,
    interestPaid,
    principal,
    service,
    balance,
    repaidAtHorizonUsd: b,
    maturityMonth,
  };
}

/** DSCR per year (year 1 holds months 0-12) over `years` years: CFADS / service where service > 0, else null. */
export function dscrByYear(
  cfads: ArrayLike<number>,
  service: ArrayLike<number>,
  years: number,
): (number | null)[] {
  const cash = new Array<number>(years).fill(0);
  const due = new Array<number>(years).fill(0);
  for (let m = 0; m < service.length; m++) {
    const s = service[m] as number;
    if (!(s > 0)) continue;
    const y = Math.max(0, Math.ceil(m / 12) - 1);
    if (y >= years) continue;
    cash[y] = (cash[y] as number) + (cfads[m] as number);
    due[y] = (due[y] as number) + s;
  }
  return due.map((d, y) => (d > 0 ? (cash[y] as number) / d : null));
}

/**
 * The lowest yearly DSCR of cash after tax `cash` (CFADS = cash + capex - other), in one pass without
 * allocation (a simulation runs it on every path); Infinity when no month has debt service.
 */
export function minDscrOfCash(
  cash: ArrayLike<number>,
  capex: ArrayLike<number>,
  other: ArrayLike<number>,
  service: ArrayLike<number>,
): number {
  let lowest = Number.POSITIVE_INFINITY;
  let year = -1;
  let sumCash = 0;
  let sumDue = 0;
  for (let m = 0; m < service.length; m++) {
    const s = service[m] as number;
    if (!(s > 0)) continue;
    const y = Math.max(0, Math.ceil(m / 12) - 1);
    if (y !== year) {
      if (sumDue > 0 && sumCash / sumDue < lowest) lowest = sumCash / sumDue;
      year = y;
      sumCash = 0;
      sumDue = 0;
    }
    sumCash += (cash[m] as number) + (capex[m] as number) - (other[m] as number);
    sumDue += s;
  }
  if (sumDue > 0 && sumCash / sumDue < lowest) lowest = sumCash / sumDue;
  return lowest;
}

/** An option with debt: its loan, equity's cash and returns, and the coverage. */
export interface OptionDebt {
  terms: DebtTerms;
  schedule: DebtSchedule;
  amountUsd: number;
  feeUsd: number;
  /** CFADS per month: EBITDA - tax (unlevered). */
  cfads: Float64Array;
  /** The tax saved by deducting interest paid, per month. */
  taxShield: Float64Array;
  /** Cash to equity per month: project cash + draws - fee - interest paid - principal + tax shield - the horizon's repayment. */
  equityCash: Float64Array;
  equityNpvUsd: number;
  /** Annualized; null with equityIrrNote. */
  equityIrr: number | null;
  equityIrrNote: string | null;
  dscrByYear: (number | null)[];
  /** The lowest yearly DSCR; null when no year has debt service (no loan, or service past the horizon). */
  minDscr: number | null;
  covenantBreached: boolean;
}

/**
 * An option levered: `cash` its cash after tax per month (evaluateFlows), `tax` the tax in it per month,
 * `capex` and `other` its flows' (to take CFADS out of cash), `drawEndMonth` the build's last month.
 */
export function leveredOption(
  terms: DebtTerms,
  flows: {
    cash: ArrayLike<number>;
    capex: ArrayLike<number>;
    other: ArrayLike<number>;
    tax: ArrayLike<number>;
  },
  taxRate: number,
  drawEndMonth: number,
  years: number,
): OptionDebt {
  const { cash, capex, other, tax } = flows;
  const schedule = debtSchedule(capex, drawEndMonth, terms);
  const n = cash.length;
  const cfads = new Float64Array(n);
  const taxShield = new Float64Array(n);
  const equityCash = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    const c = cash[m] as number;
    cfads[m] = c + (capex[m] as number) - (other[m] as number);
    const shield = Math.min(Math.max(0, tax[m] as number), taxRate * (schedule.interestPaid[m] as number));
    taxShield[m] = shield;
    equityCash[m] =
      c +
      (schedule.draw[m] as number) -
      (schedule.interestPaid[m] as number) -
      (schedule.principal[m] as number) +
      shield;
  }
  equityCash[0] = (equityCash[0] as number) - schedule.feeUsd;
  equityCash[n - 1] = (equityCash[n - 1] as number) - schedule.repaidAtHorizonUsd;
  const equityIrr = irr(equityCash);
  const byYear = dscrByYear(cfads, schedule.service, years);
  const defined = byYear.filter((d): d is number => d !== null);
  const minDscr = defined.length > 0 ? Math.min(...defined) : null;
  return {
    terms,
    schedule,
    amountUsd: schedule.amountUsd,
    feeUsd: schedule.feeUsd,
    cfads,
    taxShield,
    equityCash,
    equityNpvUsd: npvMonthly(terms.costOfEquity, equityCash),
    equityIrr: equityIrr.rate === null ? null : annualRate(equityIrr.rate),
    equityIrrNote: equityIrr.note,
    dscrByYear: byYear,
    minDscr,
    covenantBreached: minDscr !== null && minDscr < terms.dscrCovenant,
  };
}
