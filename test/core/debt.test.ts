/**
 * Debt per option (src/core/projection/debt.ts): a leveraged project worked on paper, loans that amortize to
 * zero at their term, interest during construction capitalized or paid, a bullet, a grace period.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npv } from '../../src/core/finance.js';
import {
  type DebtTerms,
  debtSchedule,
  levelPayment,
  leveredOption,
  minDscrOfCash,
} from '../../src/core/projection/debt.js';

const TERMS: DebtTerms = {
  share: 0.7,
  annualRate: 0.08,
  feeShare: 0,
  termMonths: 60,
  graceMonths: 0,
  amortization: 'level',
  construction: 'capitalize',
  dscrCovenant: 1.25,
  costOfEquity: 0.1,
};

/** Month 0: -$100M of capex; months 1-60: CFADS $2M (no tax, no other cash). */
const capex = Array.from({ length: 61 }, (_, m) => (m === 0 ? 100e6 : 0));
const cash = Array.from({ length: 61 }, (_, m) => (m === 0 ? -100e6 : 2e6));
const zeros = new Array<number>(61).fill(0);

describe('a leveraged project on paper', () => {
  // Loan 0.7 x $100M = $70M drawn at month 0; r = 8% / 12 = 0.666...% a month over 60 months:
  // payment = 70M x r / (1 - (1 + r)^-60) = 70M x 0.0066667 / (1 - 0.671210) = $1,419,347.60.
  // DSCR = CFADS / service = 2,000,000 / 1,419,347.60 = 1.40910 every year (above the 1.25 covenant).
  // Equity: -$30M at month 0 (100M - 70M), then 2,000,000 - 1,419,347.60 = $580,652.40 for 60 months; its
  // monthly IRR i solves 30M = 580,652.40 x (1 - (1 + i)^-60) / i: i = 0.503991% (bisection), annualized
  // (1 + i)^12 - 1 = 6.2184%. The project's own: 100M = 2M x annuity(60, i): i = 0.618341%, 7.6777%/yr. The
  // loan's 8% nominal (8.30% effective) costs more than the project earns: leverage lowers equity's return.
  const levered = leveredOption(TERMS, { cash, capex, other: zeros, tax: zeros }, 0, 0, 5);

  it('the payment from the annuity formula, and DSCR = CFADS / payment each year', () => {
    expect(levelPayment(70e6, 0.08 / 12, 60)).toBeCloseTo(1_419_347.6, 1);
    expect(levered.amountUsd).toBe(70e6);
    expect(levered.schedule.service[1]).toBeCloseTo(1_419_347.6, 1);
    expect(levered.schedule.service[60]).toBeCloseTo(1_419_347.6, 1);
    for (const d of levered.dscrByYear) expect(d).toBeCloseTo(1.409098, 5);
    expect(levered.minDscr).toBeCloseTo(1.409098, 5);
    expect(levered.covenantBreached).toBe(false);
    expect(
      leveredOption({ ...TERMS, dscrCovenant: 1.5 }, { cash, capex, other: zeros, tax: zeros }, 0, 0, 5)
        .covenantBreached,
    ).toBe(true);
  });

  it('equity flows and IRR', () => {
    expect(levered.equityCash[0]).toBeCloseTo(-30e6, 3);
    expect(levered.equityCash[1]).toBeCloseTo(580_652.4, 1);
    expect(levered.equityCash[60]).toBeCloseTo(580_652.4, 1);
    expect(levered.equityIrr).toBeCloseTo(0.062184, 5);
    expect(levered.equityNpvUsd).toBeCloseTo(npv(1.1 ** (1 / 12) - 1, levered.equityCash), 3);
    expect(levered.schedule.repaidAtHorizonUsd).toBeCloseTo(0, 3);
  });

  it("the simulation's one-pass minimum DSCR is the same", () => {
    expect(minDscrOfCash(cash, capex, zeros, levered.schedule.service)).toBeCloseTo(
      levered.minDscr as number,
      12,
    );
  });

  it('interest is deductible: the tax shield is min(tax, rate x interest)', () => {
    // Tax of $100k a month at 25%: interest in month 1 is 70M x 0.08/12 = $466,667, 25% of it $116,667 > tax.
    const tax = zeros.map((_, m) => (m === 0 ? 0 : 100_000));
    const withTax = leveredOption(TERMS, { cash, capex, other: zeros, tax }, 0.25, 0, 5);
    expect(withTax.taxShield[1]).toBe(100_000);
    // Month 60: interest is on the last payment's balance, 1,419,347.60 / (1 + r) x r = $9,399.65; 25%: $2,349.91.
    expect(withTax.taxShield[60]).toBeCloseTo((1_419_347.6 / (1 + 0.08 / 12)) * (0.08 / 12) * 0.25, 1);
  });
});

describe('amortization', () => {
  const long = Array.from({ length: 121 }, (_, m) => (m === 0 ? 1e6 : 0));
  for (const amortization of ['level', 'linear', 'bullet'] as const) {
    it(`${amortization}: the balance is zero at the term's end and principal sums to the amount`, () => {
      const s = debtSchedule(long, 0, { ...TERMS, share: 1, amortization, termMonths: 36 });
      expect(s.maturityMonth).toBe(36);
      expect(s.balance[35]).toBeGreaterThan(0);
      expect(s.balance[36]).toBe(0);
      expect(s.repaidAtHorizonUsd).toBe(0);
      expect(s.principal.reduce((a, b) => a + b, 0)).toBeCloseTo(1e6, 6);
      expect(s.service[37]).toBe(0);
    });
  }

  it('linear: level principal, interest on the falling balance', () => {
    // 1M over 10 months at 12%/yr (1% a month): month 1 pays 100,000 + 10,000; month 2 100,000 + 9,000.
    const s = debtSchedule(long, 0, {
      ...TERMS,
      share: 1,
      annualRate: 0.12,
      amortization: 'linear',
      termMonths: 10,
    });
    expect(s.principal[1]).toBeCloseTo(100_000, 6);
    expect(s.interestPaid[1]).toBeCloseTo(10_000, 6);
    expect(s.interestPaid[2]).toBeCloseTo(9_000, 6);
  });

  it('bullet: interest only, the balloon at the term, not in the DSCR service', () => {
    const s = debtSchedule(long, 0, {
      ...TERMS,
      share: 1,
      annualRate: 0.12,
      amortization: 'bullet',
      termMonths: 24,
    });
    expect(s.principal[23]).toBe(0);
    expect(s.principal[24]).toBe(1e6);
    expect(s.service[24]).toBeCloseTo(10_000, 6);
  });

  it('grace: interest only for the grace months after the last draw, then the term', () => {
    const s = debtSchedule(long, 0, { ...TERMS, share: 1, graceMonths: 6, termMonths: 24 });
    expect(s.principal[6]).toBe(0);
    expect(s.principal[7]).toBeGreaterThan(0);
    expect(s.maturityMonth).toBe(30);
    expect(s.balance[30]).toBe(0);
  });

  it('a loan that outlives the horizon is repaid at it', () => {
    const short = long.slice(0, 13);
    const s = debtSchedule(short, 0, { ...TERMS, share: 1, amortization: 'linear', termMonths: 24 });
    expect(s.repaidAtHorizonUsd).toBeCloseTo(0.5e6, 6);
  });

  it('property: any level or linear loan is repaid exactly at its term', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.integer({ min: 12, max: 480 }),
        fc.constantFrom('level', 'linear'),
        (rate, term, amortization) => {
          const flows = Array.from({ length: term + 2 }, (_, m) => (m === 0 ? 1e8 : 0));
          const s = debtSchedule(flows, 0, {
            ...TERMS,
            share: 0.8,
            annualRate: rate,
            termMonths: term,
            amortization,
          });
          // The last month's payment is the schedule's (level: the annuity; linear: amount / term), no remainder.
          const last = amortization === 'level' ? (s.service[term - 1] as number) : 8e7 / term;
          const paid = amortization === 'level' ? (s.service[term] as number) : (s.principal[term] as number);
          return s.balance[term] === 0 && Math.abs(paid - last) < 1e-6 * 8e7;
        },
      ),
    );
  });
});

describe('interest during construction', () => {
  // $10M of capex at the end of months 0, 1 and 2, all of it borrowed at 12%/yr (1% a month); the build ends
  // at month 2. Capitalized: month 1 adds 10M x 1% = $100,000, month 2 adds 20.1M x 1% = $201,000:
  // balance 30M + 301,000 = $30,301,000. Paid: equity pays $100,000 and $200,000; the balance stays $30M.
  const build = [10e6, 10e6, 10e6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const terms = { ...TERMS, share: 1, annualRate: 0.12, termMonths: 12 };

  it('capitalized: the balance grows by the interest', () => {
    const s = debtSchedule(build, 2, { ...terms, construction: 'capitalize' });
    expect(s.amountUsd).toBe(30e6);
    expect(s.capitalized[1]).toBeCloseTo(100_000, 6);
    expect(s.capitalized[2]).toBeCloseTo(201_000, 6);
    expect(s.balance[2]).toBeCloseTo(30_301_000, 6);
    expect(s.interestPaid[2]).toBe(0);
    expect(s.service[2]).toBe(0);
    // Month 3: the first payment, on 30.301M.
    expect(s.interestPaid[3]).toBeCloseTo(303_010, 6);
  });

  it('a loan given by its amount funds the build up to it: $25M of the $30M, the first two months and half the third', () => {
    // Each month's draw is all of its capex until the draws reach $25M: 10M, 10M, then 5M of month 2's 10M.
    const s = debtSchedule(build, 2, { ...terms, construction: 'pay', amountUsd: 25e6 });
    expect([s.draw[0], s.draw[1], s.draw[2]]).toEqual([10e6, 10e6, 5e6]);
    expect(s.amountUsd).toBe(25e6);
    // An amount above the build's capex funds all of it, no more.
    expect(debtSchedule(build, 2, { ...terms, amountUsd: 1e9 }).amountUsd).toBe(30e6);
  });

  it('paid: equity pays it, the balance is the draws', () => {
    const s = debtSchedule(build, 2, { ...terms, construction: 'pay' });
    expect(s.interestPaid[1]).toBeCloseTo(100_000, 6);
    expect(s.interestPaid[2]).toBeCloseTo(200_000, 6);
    expect(s.balance[2]).toBeCloseTo(30e6, 6);
    // Paid in the build, but not debt service in the DSCR (the project has no operating cash yet).
    expect(s.service[2]).toBe(0);
  });

  it('the fee is paid by equity at signing', () => {
    const cash13 = build.map((c) => -c);
    const zero13 = build.map(() => 0);
    const levered = leveredOption(
      { ...terms, feeShare: 0.01 },
      { cash: cash13, capex: build, other: zero13, tax: zero13 },
      0,
      2,
      2,
    );
    expect(levered.feeUsd).toBeCloseTo(300_000, 6);
    expect(levered.equityCash[0]).toBeCloseTo(-300_000, 6);
  });
});
