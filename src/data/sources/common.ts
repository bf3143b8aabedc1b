/** What a source module provides: endpoints (one HTTP GET each, parsed with a zod schema) and, per quantity, a reader. */
import type * as z from 'zod/mini';
import { FetchFailure, type HttpResponse } from '../http.js';
import { invalid } from '../sanity.js';
import type { LiveSourceId, Quantity, QuantityValues } from '../types.js';

export interface Endpoint<T> {
  /** Unique per request, e.g. "mempool:tip-height"; one endpoint is fetched once per refresh. */
  id: string;
  source: LiveSourceId;
  /** Host for messages: "mempool.space", "umbrel.local:3006". */
  host: string;
  /** The instance (base URL without the scheme) the cache keys its values by: "mempool.space/api". */
  instance: string;
  url: string;
  headers?: Record<string, string>;
  /** Parses and validates the body; throws FetchFailure('invalid') with a short phrase. */
  parse(response: HttpResponse): T;
}

export interface Reading<V> {
  value: V;
  /** Unix ms the value describes. */
  asOfMs: number;
}

export interface Provider<Q extends Quantity> {
  endpoint: Endpoint<unknown>;
  /** Extracts and sanity-checks the quantity; throws FetchFailure('invalid'). */
  read(parsed: unknown, fetchedAtMs: number): Reading<QuantityValues[Q]>;
}

export type Providers = { [Q in Quantity]?: Provider<Q>[] };

export function provider<T, Q extends Quantity>(
  endpoint: Endpoint<T>,
  read: (parsed: T, fetchedAtMs: number) => Reading<QuantityValues[Q]>,
): Provider<Q> {
  return { endpoint: endpoint as Endpoint<unknown>, read: (parsed, at) => read(parsed as T, at) };
}

/** An error page served with 200 (captive portals, proxies, a web UI instead of the API). */
export function looksLikeHtml(response: HttpResponse): boolean {
  return response.contentType.includes('text/html') || /^\s*</.test(response.body);
}

interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  expected?: string;
}

/** "difficulty: expected number" from the first zod issue. */
export function describeIssue(issue: IssueLike | undefined): string {
  if (!issue) return 'unexpected data';
  const path = issue.path && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  if (issue.code === 'invalid_type' && issue.expected) return `${path}: expected ${issue.expected}`;
  if (issue.code === 'invalid_format') return `${path}: unexpected format`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${path}: out of range`;
  return `${path}: unexpected value`;
}

/** JSON body validated with a schema. */
export function parseJson<S extends z.ZodMiniType>(response: HttpResponse, schema: S): z.infer<S> {
  if (looksLikeHtml(response)) throw invalid('sent an HTML page instead of JSON');
  let data: unknown;
  try {
    data = JSON.parse(response.body);
  } catch {
    throw invalid(response.body.trim() === '' ? 'sent an empty body' : 'sent malformed JSON');
  }
  const result = schema.safeParse(data);
  if (!result.success)
    throw invalid(`sent unexpected data (${describeIssue(result.error.issues[0] as IssueLike)})`);
  return result.data as z.infer<S>;
}

/** A plain-text number body (mempool tip height, blockchain.info /q/ endpoints). */
export function parseNumberText(response: HttpResponse, kind: 'integer' | 'decimal'): number {
  if (looksLikeHtml(response)) throw invalid('sent an HTML page instead of a number');
  const text = response.body.trim();
  const pattern = kind === 'integer' ? /^\d+$/ : /^\d+(\.\d+)?([eE][+-]?\d+)?$/;
  if (!pattern.test(text))
    throw invalid(
      text === ''
        ? 'sent an empty body'
        : `sent unexpected text instead of a number ('${text.slice(0, 20)}')`,
    );
  return Number(text);
}

export { hostOf, instanceOf, trimSlash } from './instances.js';

export { FetchFailure };
