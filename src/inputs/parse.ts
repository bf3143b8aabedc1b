/**
 * Flag value parsing and validation. Every numeric flag goes through one spec: the raw text is read
 * (percent, SI/money suffixes, thousands separators), then a zod check enforces the accepted range.
 * Failures are UsageErrors naming the flag, the accepted range and the value given.
 */
import * as z from 'zod/mini';
import { UsageError } from '../errors.js';

export interface NumberSpec {
  flag: string;
  /** Human description of what is accepted, e.g. "megawatts > 0 (e.g. 341)". */
  accepts: string;
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  integer?: boolean;
  /** Accept `2.5%` as 0.025. */
  percent?: boolean;
  /** Accept k/M/B/T-style suffixes (27.5k, 10M, 152.27T). */
  suffixes?: boolean;
}

const SUFFIX_SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  g: 1e9,
  G: 1e9,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  t: 1e12,
  T: 1e12,
  p: 1e15,
  P: 1e15,
  E: 1e18,
};

// Each part of these matches in one way only (no `\d+\.?\d*`, which splits a run of digits n ways), so a long
// text is accepted or refused in linear time.
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*[a-zA-Z%]{0,2}$/;

const NUMBER_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Z]{0,2})$/;

/** Read a number from flag text; NaN when it is not one. */
export function readNumber(raw: string, options: { percent?: boolean; suffixes?: boolean } = {}): number {
  let text = raw.trim().replace(/^\$/, '').replace(/_/g, '');
  // Commas only as thousands separators (84,775): "2,5" or "34,1" is an error, never silently 25 or 341.
  if (text.includes(',')) {
    if (!THOUSANDS.test(text)) return Number.NaN;
    text = text.replace(/,/g, '');
  }
  let scale = 1;
  if (options.percent && text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    scale = 0.01;
  }
  const match = NUMBER_TEXT.exec(text);
  if (!match) return Number.NaN;
  const [, digits = '', suffix = ''] = match;
  if (suffix) {
    const factor = options.suffixes && scale === 1 ? SUFFIX_SCALE[suffix] : undefined;
    if (factor === undefined) return Number.NaN;
    scale = factor;
  }
  return Number(digits) * scale;
}

const schemas = new WeakMap<NumberSpec, z.ZodMiniType<number>>();

/** The zod schema of a spec's accepted range, built once per spec. */
function schemaFor(spec: NumberSpec): z.ZodMiniType<number> {
  let schema = schemas.get(spec);
  if (!schema) {
    const checks = [];
    if (spec.min !== undefined) checks.push(spec.minExclusive ? z.gt(spec.min) : z.gte(spec.min));
    if (spec.max !== undefined) checks.push(spec.maxExclusive ? z.lt(spec.max) : z.lte(spec.max));
    const base = spec.integer ? z.int() : z.number();
    schema = checks.length > 0 ? base.check(...checks) : base;
    schemas.set(spec, schema);
  }
  return schema;
}

/** Parses and range-checks a value; `label` names where it came from (default: the flag). */
export function parseNumberFlag(raw: unknown, spec: NumberSpec, label: string = spec.flag): number {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  const value = readNumber(text, spec);
  if (!Number.isFinite(value) || !schemaFor(spec).safeParse(value).success) {
    throw new UsageError(`${label}: expected ${spec.accepts}, got '${text}'`);
  }
  return value;
}

export interface ModelCount {
  model: string;
  count: number | null;
}

/** MODEL[:COUNT] for --miner. */
export function parseModelCount(raw: string, flag: string): ModelCount {
  const at = raw.lastIndexOf(':');
  if (at < 0) return { model: raw.trim(), count: null };
  const model = raw.slice(0, at).trim();
  const countText = raw.slice(at + 1).trim();
  const count = readNumber(countText, { suffixes: true });
  if (!model || !z.int().check(z.gt(0)).safeParse(count).success) {
    throw new UsageError(
      `${flag}: expected MODEL or MODEL:COUNT with a whole count > 0 (e.g. s21xp:5000), got '${raw}'`,
    );
  }
  return { model, count };
}

/** An http(s) base URL without a trailing slash; `label` is the flag or variable it came from. */
export function baseUrl(raw: string, label: string, example: string): string {
  // A password is never echoed: what is quoted back has its user:password@ part left out.
  const quoted = raw.replace(/\/\/[^/?#]*@/, '//');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`${label}: expected an http(s) URL (e.g. ${example}), got '${quoted}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${label}: expected an http(s) URL (e.g. ${example}), got '${quoted}'`);
  }
  if (url.username || url.password)
    throw new UsageError(
      `${label}: credentials in URLs are not supported (user:password@ left out here); got '${quoted}'`,
    );
  if (url.search || url.hash)
    throw new UsageError(`${label}: expected a base URL without ?query or #fragment, got '${quoted}'`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
