/**
 * What the site is worth (issue 22, sections 3 and 4): the residual rule or an exit value (`--residual`), a
 * sale of the site (`--sell-per-mw`) and each option's discount rate (`--discount-rate-lease`, ...), with
 * where each came from. A bad value is a usage error naming where it came from and what is accepted.
 */
import { SALE_MARKS } from '../catalog/valuations.js';
import type { ExitValue, ResidualRule, SiteSale } from '../core/projection/types.js';
import type { OptionId } from '../core/units.js';
import { UsageError } from '../errors.js';
import { readNumber } from './parse.js';

/** What the site is worth and each option's rate, as resolveProjection (resolve.ts) resolves them. */
export interface ValueSettings {
  /** The residual rule (economic, book, none); with an exit value, the rule it replaces is not used. */
  residual: ResidualRule;
  /** `--residual cap-rate:R`, `multiple:X`, `per-mw:USD` or `per-it-mw:USD`; null: the rule. */
  exitValue: ExitValue | null;
  /** The options whose own rate was given (an option absent: --discount-rate). */
  discountRates: Partial<Record<OptionId, number>>;
  /** `--sell-per-mw`: the fourth option, sell the site; null: none. */
  sale: (SiteSale & { markId: string | null }) | null;
}

const RESIDUAL_ACCEPTS =
  'economic, book, none, cap-rate:R (0 < R <= 1, e.g. cap-rate:0.07 or 7%), multiple:X (0 to 100, e.g. multiple:12), per-mw:USD or per-it-mw:USD (0 to 100M, e.g. per-mw:6.9M)';

const EXIT_METHODS = ['cap-rate', 'multiple', 'per-mw', 'per-it-mw'] as const;

/** `--residual`: a rule, or METHOD:VALUE for an exit value. */
export function parseResidual(text: string, from: string): { rule: ResidualRule; exit: ExitValue | null } {
  const trimmed = text.trim();
  if (trimmed === 'economic' || trimmed === 'book' || trimmed === 'none')
    return { rule: trimmed, exit: null };
  const colon = trimmed.indexOf(':');
  const method = colon < 0 ? '' : trimmed.slice(0, colon).trim();
  const raw = colon < 0 ? '' : trimmed.slice(colon + 1);
  const bad = () => new UsageError(`${from}: expected ${RESIDUAL_ACCEPTS}, got '${text}'`);
  if (!(EXIT_METHODS as readonly string[]).includes(method)) throw bad();
  if (method === 'cap-rate') {
    const capRate = readNumber(raw, { percent: true });
    if (!(capRate > 0 && capRate <= 1)) throw bad();
    return { rule: 'economic', exit: { method, capRate } };
  }
  if (method === 'multiple') {
    const multiple = readNumber(raw.replace(/x$/i, ''));
    if (!(multiple >= 0 && multiple <= 100)) throw bad();
    return { rule: 'economic', exit: { method, multiple } };
  }
  const usdPerMw = readNumber(raw, { suffixes: true });
  if (!(usdPerMw >= 0 && usdPerMw <= 100_000_000)) throw bad();
  return { rule: 'economic', exit: { method: method as 'per-mw' | 'per-it-mw', usdPerMw } };
}

const SALE_ACCEPTS = `USD per MW of grid power from 0 to 100M, optionally @MONTH (whole months from 0 to the horizon), e.g. 6.9M or 6.9M@12, or a sale or bid per gross MW of hashcalc catalog valuations (${SALE_MARKS.map((m) => m.id).join(', ')}), optionally @MONTH`;

/** `--sell-per-mw USD[@MONTH]` or `MARK[@MONTH]`, the month within the horizon. */
export function parseSale(
  text: string,
  from: string,
  horizonMonths: number,
): SiteSale & { markId: string | null } {
  const [price = '', month, ...rest] = text.trim().split('@');
  const bad = () => new UsageError(`${from}: expected ${SALE_ACCEPTS}, got '${text}'`);
  if (rest.length > 0) throw bad();
  const mark = SALE_MARKS.find((m) => m.id === price.trim());
  const usdPerMw = mark ? mark.low : readNumber(price, { suffixes: true });
  if (!(usdPerMw >= 0 && usdPerMw <= 100_000_000)) throw bad();
  let saleMonth = 0;
  if (month !== undefined) {
    saleMonth = readNumber(month);
    if (!Number.isInteger(saleMonth) || saleMonth < 0) throw bad();
    if (saleMonth > horizonMonths)
      throw new UsageError(
        `${from}: the sale's month must be within the horizon (0 to ${horizonMonths} months), got '${text}'`,
      );
  }
  return { usdPerMw, month: saleMonth, markId: mark ? mark.id : null };
}
