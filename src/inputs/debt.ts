/**
 * The loans of `project` (--debt-share and the debt rows, rows/debt.ts): per option its terms for the core
 * (core/projection/debt.ts), or null without debt. The terms mean nothing without a loan: given as flags
 * without one, a usage error.
 */
import type { DebtTerms } from '../core/projection/debt.js';
import type { OptionId } from '../core/units.js';
import { UsageError } from '../errors.js';
import type { Given } from './layers.js';
import { type Assumptions, type Inputs, numberInput, textInput } from './resolve.js';
import { DEBT_TERM_IDS } from './rows/debt.js';

const SHARE_IDS: Record<Exclude<OptionId, 'sell'>, string> = {
  mining: 'debtShareMining',
  'ai-lease': 'debtShareLease',
  'gpu-cloud': 'debtShareGpu',
};

/** A loan given by its amount instead (per option): it funds the build's capex up to the amount. */
const AMOUNT_IDS: Record<Exclude<OptionId, 'sell'>, string> = {
  mining: 'debtAmountMining',
  'ai-lease': 'debtAmountLease',
  'gpu-cloud': 'debtAmountGpu',
};

/** Each option's loan, or null when no option borrows (the default: unlevered, as before). */
export function resolveDebt(
  inputs: Inputs,
  into: Assumptions,
  discountRate: number,
): Partial<Record<OptionId, DebtTerms>> | null {
  const all = numberInput(inputs, 'debtShare', into);
  const amounts = new Map<OptionId, number>();
  const shares = Object.entries(SHARE_IDS).map(([id, row]) => {
    const given = inputs.given[row] as Given<number> | undefined;
    const byAmount = inputs.given[AMOUNT_IDS[id as keyof typeof AMOUNT_IDS]] as Given<number> | undefined;
    if (byAmount) {
      if (given)
        throw new UsageError(`${given.from} and ${byAmount.from}: give one, a loan-to-cost or an amount`);
      const usd = numberInput(inputs, AMOUNT_IDS[id as keyof typeof AMOUNT_IDS], into);
      amounts.set(id as OptionId, usd);
      // A loan by amount funds up to all of the build's capex: the core caps its draws at the amount.
      return [id as OptionId, usd > 0 ? 1 : 0] as const;
    }
    return [id as OptionId, given ? numberInput(inputs, row, into) : all] as const;
  });
  if (shares.every(([, share]) => share === 0)) {
    const stray = DEBT_TERM_IDS.map((id) => inputs.given[id]).find((g) => g?.origin === 'flag');
    if (stray) throw new UsageError(`${stray.from}: only with a loan (--debt-share FRACTION above 0)`);
    return null;
  }
  const reference = inputs.given.debtReference as Given<number> | undefined;
  const fixed = inputs.given.debtRate as Given<number> | undefined;
  if (reference && fixed)
    throw new UsageError(
      `${fixed.from} and ${reference.from}: give one, a fixed rate or a reference rate plus --debt-spread`,
    );
  const spreadGiven = inputs.given.debtSpread as Given<number> | undefined;
  if (spreadGiven && !reference && spreadGiven.origin === 'flag')
    throw new UsageError(`${spreadGiven.from}: only with --debt-reference (a floating rate)`);
  const annualRate = reference
    ? numberInput(inputs, 'debtReference', into) + numberInput(inputs, 'debtSpread', into)
    : numberInput(inputs, 'debtRate', into);
  const equity = inputs.given.costOfEquity as Given<number> | undefined;
  const costOfEquity = equity
    ? numberInput(inputs, 'costOfEquity', into)
    : numberInput(inputs, 'costOfEquity', into, {
        value: discountRate,
        origin: 'default',
        basis: 'the --discount-rate',
      });
  const common = {
    annualRate,
    feeShare: numberInput(inputs, 'debtFee', into),
    termMonths: Math.round(numberInput(inputs, 'debtTermYears', into) * 12),
    graceMonths: numberInput(inputs, 'debtGraceMonths', into),
    amortization: textInput<DebtTerms['amortization']>(inputs, 'debtAmortization', into),
    construction: textInput<DebtTerms['construction']>(inputs, 'interestDuringConstruction', into),
    dscrCovenant: numberInput(inputs, 'dscrCovenant', into),
    costOfEquity,
  };
  return Object.fromEntries(
    shares
      .filter(([, share]) => share > 0)
      .map(([id, share]) => {
        const usd = amounts.get(id);
        return [id, usd === undefined ? { ...common, share } : { ...common, share, amountUsd: usd }];
      }),
  );
}
