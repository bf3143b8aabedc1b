/**
 * Evaluation of parsed threshold rules over named metrics, plus helpers to build the metric table from a JSON
 * report (flattenMetrics) and to suggest a metric for a misspelt path (suggestMetric).
 *
 * Semantics, chosen so that a rule's verdict never depends on JavaScript coercions:
 * - Types are number and boolean; there is no coercion between them. Arithmetic, unary minus and ordering
 *   comparisons on a boolean, `==`/`!=` between a number and a boolean, and and/or/not on a number are errors.
 *   Arithmetic always has number type, even when its value is null, so `not (a / 0)` is a type error whatever
 *   the data.
 * - A null metric means "no value" (e.g. paybackYears null = never pays back). Arithmetic involving null is null;
 *   any comparison with a null side is false (including `!=`); a null where true/false is needed (operand of
 *   and/or/not, or the whole rule) counts as false. Each such case adds a note to the result so the reader can
 *   see why. Beware that negation flips it: with paybackYears null, `not (paybackYears > 5)` passes; write
 *   `paybackYears <= 5` to make a missing payback fail.
 * - Division by zero gives null (with a note), as does any arithmetic that overflows; results are never
 *   Infinity or NaN. A metric that is a non-finite number is treated as null.
 * - Both sides of and/or are always evaluated (no short-circuit), so an unknown metric or a type error is
 *   reported whatever the data says.
 * - A path the lookup does not know (undefined) is an error: "unknown metric 'options.foo.bar'", with
 *   suggestions when the caller supplies the known paths.
 */
import { editDistance } from '../core/suggest.js';
import { DEFAULT_LABEL, quote, RESERVED_SEGMENTS, RuleError } from './lexer.js';
import { type ComparisonOp, format, nodePosition, parse, type RuleNode } from './parser.js';

export type MetricValue = number | boolean | null;

/** Returns a metric's value, or undefined when no such metric exists. */
export type MetricLookup = (path: string) => MetricValue | undefined;

export interface EvaluateOptions {
  /** Message prefix, default '--assert'. Use '' for none. */
  label?: string;
  /** All valid metric paths; when given, an unknown metric error suggests the closest ones. */
  knownPaths?: Iterable<string>;
}

export interface EvaluationResult {
  value: MetricValue;
  /** One-line RuleError message when evaluation failed; value is then null. */
  error?: string;
  /** 0-based offset of the node the error refers to (0 for nodes not produced by parse). */
  position?: number;
  /** Explanations of null handling (null metrics, division by zero), in evaluation order, de-duplicated. */
  notes: string[];
}

export interface RuleResult {
  /** Normalized expression (format of the parsed rule); the input itself when it does not parse. */
  text: string;
  /** Left-hand side for a top-level comparison, else the whole result. */
  value: MetricValue;
  /** Right-hand side for a top-level comparison, else null. */
  threshold: MetricValue;
  /** True only when the rule evaluated to true without error. */
  passed: boolean;
  /** One-line message when the rule failed to parse or evaluate. */
  error?: string;
  /** 0-based offset into the expression for `error`. */
  errorPosition?: number;
  notes: string[];
}

type Val =
  | { t: 'number'; v: number | null }
  | { t: 'boolean'; v: boolean | null }
  /** A null metric: no value, and so no known type. */
  | { t: 'null'; v: null };

const NULL_VAL: Val = { t: 'null', v: null };

class Evaluator {
  readonly notes = new Set<string>();

  constructor(
    private readonly lookup: MetricLookup,
    private readonly label: string,
    private readonly knownPaths: Iterable<string> | undefined,
  ) {}

  private pos(node: RuleNode): number {
    return nodePosition(node) ?? 0;
  }

  private col(node: RuleNode): number {
    return this.pos(node) + 1;
  }

  private error(detail: string, node: RuleNode, hint?: string): RuleError {
    return new RuleError(detail, this.pos(node), this.label, hint);
  }

  eval(node: RuleNode): Val {
    switch (node.type) {
      case 'number':
        return { t: 'number', v: node.percent ? node.value / 100 : node.value };
      case 'boolean':
        return { t: 'boolean', v: node.value };
      case 'path':
        return this.metric(node);
      case 'negate': {
        const x = this.eval(node.operand);
        if (x.t === 'boolean') throw this.error("'-' needs a number, but its operand is true/false", node);
        return { t: 'number', v: x.v === null ? null : -x.v };
      }
      case 'not': {
        const x = this.truth(this.eval(node.operand), node);
        return { t: 'boolean', v: !x };
      }
      case 'arithmetic':
        return this.arithmetic(node);
      case 'compare':
        return { t: 'boolean', v: this.compare(node, this.eval(node.left), this.eval(node.right)) };
      case 'logical': {
        const l = this.truth(this.eval(node.left), node);
        const r = this.truth(this.eval(node.right), node);
        return { t: 'boolean', v: node.op === 'and' ? l && r : l || r };
      }
      default:
        throw new Error(`unknown rule node ${JSON.stringify((node as { type?: unknown }).type)}`);
    }
  }

  private metric(node: RuleNode & { type: 'path' }): Val {
    const raw: unknown = this.lookup(node.path);
    if (raw === undefined) {
      const suggestions = this.knownPaths === undefined ? [] : suggestMetric(node.path, this.knownPaths);
      const hint =
        suggestions.length === 0
          ? undefined
          : `did you mean ${suggestions.map((s) => quote(s, 120)).join(' or ')}?`;
      throw this.error(`unknown metric ${quote(node.path, 120)}`, node, hint);
    }
    if (raw === null) {
      this.notes.add(`${quote(node.path, 120)} is null (no value)`);
      return NULL_VAL;
    }
    if (typeof raw === 'boolean') return { t: 'boolean', v: raw };
    if (typeof raw === 'number') {
      if (Number.isFinite(raw)) return { t: 'number', v: raw };
      this.notes.add(`${quote(node.path, 120)} is not a finite number and counts as null`);
      return NULL_VAL;
    }
    throw this.error(`metric ${quote(node.path, 120)} has an unsupported value of type ${typeof raw}`, node);
  }

  private arithmetic(node: RuleNode & { type: 'arithmetic' }): Val {
    const l = this.eval(node.left);
    const r = this.eval(node.right);
    if (l.t === 'boolean' || r.t === 'boolean') {
      const side = l.t === 'boolean' ? 'left' : 'right';
      throw this.error(`'${node.op}' needs numbers, but its ${side} operand is true/false`, node);
    }
    if (l.v === null || r.v === null) return { t: 'number', v: null };
    if (node.op === '/' && r.v === 0) {
      this.notes.add(`division by zero at column ${this.col(node)} gives null`);
      return { t: 'number', v: null };
    }
    const v =
      node.op === '+' ? l.v + r.v : node.op === '-' ? l.v - r.v : node.op === '*' ? l.v * r.v : l.v / r.v;
    if (!Number.isFinite(v)) {
      this.notes.add(`'${node.op}' at column ${this.col(node)} overflows and gives null`);
      return { t: 'number', v: null };
    }
    return { t: 'number', v };
  }

  compare(node: RuleNode & { type: 'compare' }, l: Val, r: Val): boolean {
    const op = node.op;
    const equality = op === '==' || op === '!=';
    if (!equality && (l.t === 'boolean' || r.t === 'boolean')) {
      const side = l.t === 'boolean' ? 'left' : 'right';
      throw this.error(`'${op}' needs numbers, but its ${side} side is true/false`, node);
    }
    if (equality && ((l.t === 'number' && r.t === 'boolean') || (l.t === 'boolean' && r.t === 'number'))) {
      throw this.error(`'${op}' cannot compare a number with true/false`, node);
    }
    if (l.v === null || r.v === null) {
      const side =
        l.v === null ? (r.v === null ? 'both sides are' : 'its left side is') : 'its right side is';
      this.notes.add(`'${op}' at column ${this.col(node)} is false because ${side} null`);
      return false;
    }
    return compareValues(op, l.v, r.v);
  }

  /**
   * The boolean value of an operand of and/or/not (`at` is that operator), or of the whole rule (`at`
   * undefined). A null counts as false.
   */
  truth(x: Val, at: (RuleNode & { type: 'not' | 'logical' }) | undefined): boolean {
    if (x.t === 'number') {
      if (at === undefined) {
        throw new RuleError(
          'the rule gives a number, not true/false',
          0,
          this.label,
          "add a comparison, as in '... >= 2'",
        );
      }
      const op = at.type === 'not' ? 'not' : at.op;
      throw this.error(`'${op}' needs true/false, but got a number`, at);
    }
    if (x.v === null) {
      if (at === undefined) {
        this.notes.add('the rule gives null, which counts as false');
      } else {
        const op = at.type === 'not' ? 'not' : at.op;
        this.notes.add(`a null operand of '${op}' at column ${this.col(at)} counts as false`);
      }
      return false;
    }
    return x.v;
  }
}

function compareValues(op: ComparisonOp, l: number | boolean, r: number | boolean): boolean {
  switch (op) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
    case '==':
      return l === r;
    case '!=':
      return l !== r;
  }
}

/** -0 is reported as 0. */
function plain(v: MetricValue): MetricValue {
  return v === 0 ? 0 : v;
}

function failure(e: unknown): { error: string; position: number } {
  if (e instanceof RuleError) return { error: e.message, position: e.position };
  throw e;
}

/**
 * Evaluates a parsed rule. Never throws for rule problems (unknown metric, type error): they come back in
 * `error` with value null. Exceptions thrown by `lookup` itself propagate.
 */
export function evaluate(
  ast: RuleNode,
  lookup: MetricLookup,
  options: EvaluateOptions = {},
): EvaluationResult {
  const ev = new Evaluator(lookup, options.label ?? DEFAULT_LABEL, options.knownPaths);
  try {
    const x = ev.eval(ast);
    return { value: plain(x.v), notes: [...ev.notes] };
  } catch (e) {
    return { value: null, ...failure(e), notes: [...ev.notes] };
  }
}

/**
 * Parses (when given text) and checks a rule. A rule must be a comparison or otherwise give true/false.
 * For a top-level comparison, `value` is its left side and `threshold` its right side. Never throws for rule
 * problems: parse and evaluation errors come back in `error`, with passed false.
 */
export function evaluateRule(
  rule: string | RuleNode,
  lookup: MetricLookup,
  options: EvaluateOptions = {},
): RuleResult {
  const label = options.label ?? DEFAULT_LABEL;
  let ast: RuleNode;
  try {
    ast = typeof rule === 'string' ? parse(rule, { label }) : rule;
  } catch (e) {
    const f = failure(e);
    return {
      text: String(rule),
      value: null,
      threshold: null,
      passed: false,
      error: f.error,
      errorPosition: f.position,
      notes: [],
    };
  }
  const text = format(ast);
  const ev = new Evaluator(lookup, label, options.knownPaths);
  let value: MetricValue = null;
  let threshold: MetricValue = null;
  try {
    let passed: boolean;
    if (ast.type === 'compare') {
      const l = ev.eval(ast.left);
      const r = ev.eval(ast.right);
      value = plain(l.v);
      threshold = plain(r.v);
      passed = ev.compare(ast, l, r);
    } else {
      const x = ev.eval(ast);
      value = plain(x.v);
      passed = ev.truth(x, undefined);
    }
    return { text, value, threshold, passed, notes: [...ev.notes] };
  } catch (e) {
    const f = failure(e);
    return {
      text,
      value,
      threshold,
      passed: false,
      error: f.error,
      errorPosition: f.position,
      notes: [...ev.notes],
    };
  }
}

/** A lookup over a metric table such as the one flattenMetrics returns. */
export function lookupFrom(metrics: ReadonlyMap<string, MetricValue>): MetricLookup {
  return (path) => metrics.get(path);
}

// ---------------------------------------------------------------------------------------------------------
// Metric table from a JSON report

/** Deepest object nesting flattenMetrics descends into; deeper values are left out. */
export const MAX_METRIC_DEPTH = 32;

/** A key usable as one path segment: what the lexer accepts as a segment, minus the reserved names. */
const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

function isSegment(key: string): boolean {
  return key.length <= 256 && SEGMENT.test(key) && !RESERVED_SEGMENTS.has(key);
}

/** The value of an own data property; undefined for accessors (getters are never called) and missing keys. */
function ownData(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

/**
 * Turns a JSON report into a table of dotted metric paths. Numbers, booleans and null become metrics
 * (non-finite numbers become null); strings and other values are left out. Arrays of objects that have a
 * string `id` are keyed by that id (options: [{ id: 'mining', ... }] -> 'options.mining....'; the first element
 * wins when an id repeats); other arrays and elements are left out since the rule grammar cannot address them.
 * Only own enumerable data properties are read (getters are not called). Keys that cannot be written as a path
 * segment, and `__proto__`, `constructor`, `prototype`, are never traversed or produced. Cycles and nesting
 * deeper than MAX_METRIC_DEPTH are skipped.
 */
export function flattenMetrics(obj: unknown): Map<string, MetricValue> {
  const out = new Map<string, MetricValue>();
  const ancestors = new Set<object>();

  const visitObject = (o: object, prefix: string, depth: number): void => {
    if (depth > MAX_METRIC_DEPTH || ancestors.has(o)) return;
    ancestors.add(o);
    for (const key of Object.keys(o)) {
      if (!isSegment(key)) continue;
      visitValue(ownData(o, key), prefix === '' ? key : `${prefix}.${key}`, depth + 1);
    }
    ancestors.delete(o);
  };

  const visitArray = (a: readonly unknown[], prefix: string, depth: number): void => {
    if (depth > MAX_METRIC_DEPTH || ancestors.has(a)) return;
    ancestors.add(a);
    const seen = new Set<string>();
    for (const index of Object.keys(a)) {
      const element = ownData(a, index);
      if (element === null || typeof element !== 'object' || Array.isArray(element)) continue;
      const id = ownData(element, 'id');
      if (typeof id !== 'string' || !isSegment(id) || seen.has(id)) continue;
      seen.add(id);
      visitObject(element, `${prefix}.${id}`, depth + 1);
    }
    ancestors.delete(a);
  };

  const visitValue = (value: unknown, path: string, depth: number): void => {
    if (value === null) out.set(path, null);
    else if (typeof value === 'number') out.set(path, Number.isFinite(value) ? value : null);
    else if (typeof value === 'boolean') out.set(path, value);
    else if (Array.isArray(value)) visitArray(value, path, depth);
    else if (typeof value === 'object') visitObject(value, path, depth);
  };

  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) visitObject(obj, '', 0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions

/**
 * Up to `max` known paths close to `path`, best first: case-insensitive edit distance within
 * max(2, min(4, floor(length / 5))), or known paths that end with '.' + path (a missing prefix such as
 * 'network.'). Only candidates within one edit of the best are kept. Empty when nothing is close.
 * Cost is bounded: candidates whose length differs by more than the limit are skipped without comparing.
 */
export function suggestMetric(path: string, knownPaths: Iterable<string>, max = 3): string[] {
  const target = path.toLowerCase();
  const limit = Math.max(2, Math.min(4, Math.floor(path.length / 5)));
  const scored: { path: string; score: number }[] = [];
  for (const known of knownPaths) {
    if (known === path) continue;
    const k = known.toLowerCase();
    let score = editDistance(target, k, limit);
    if (score > limit && k.endsWith(`.${target}`)) score = limit;
    if (score <= limit) scored.push({ path: known, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 1)
    .slice(0, max)
    .map((s) => s.path);
}
