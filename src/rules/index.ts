/**
 * Threshold-rule expression language for `hashcalc check --assert 'EXPR'`. Pure code, no I/O.
 *
 *   const metrics = flattenMetrics(report);
 *   const result = evaluateRule(expr, lookupFrom(metrics), { knownPaths: metrics.keys() });
 *   // result: { text, value, threshold, passed, error?, errorPosition?, notes }
 *
 * Limits: expressions up to MAX_EXPRESSION_LENGTH (4096) characters, nesting of parentheses / unary minus /
 * not up to MAX_NESTING_DEPTH (64). Every problem is a RuleError with a 0-based `position`.
 */
export {
  type EvaluateOptions,
  type EvaluationResult,
  evaluate,
  evaluateRule,
  flattenMetrics,
  lookupFrom,
  MAX_METRIC_DEPTH,
  type MetricLookup,
  type MetricValue,
  type RuleResult,
  suggestMetric,
} from './evaluate.js';
export {
  DEFAULT_LABEL,
  Lexer,
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
  RESERVED_SEGMENTS,
  RuleError,
  type Token,
  tokenize,
} from './lexer.js';
export {
  type ArithmeticOp,
  type ComparisonOp,
  format,
  format as describe,
  type LogicalOp,
  nodePosition,
  type ParseOptions,
  parse,
  type RuleNode,
} from './parser.js';
