/**
 * Recursive-descent parser and normalizing formatter for threshold rules.
 *
 * Grammar (lowest precedence first):
 *   expr       := or
 *   or         := and (('or' | '||') and)*                       left-associative
 *   and        := not (('and' | '&&') not)*                      left-associative
 *   not        := ('not' | '!') not | comparison
 *   comparison := additive (('<'|'<='|'>'|'>='|'=='|'!=') additive)?   non-associative: `1 < 2 < 3` is an error
 *   additive   := multiplicative (('+' | '-') multiplicative)*   left-associative
 *   multiplicative := unary (('*' | '/') unary)*                 left-associative
 *   unary      := '-' unary | primary
 *   primary    := number | 'true' | 'false' | path | '(' expr ')'
 *
 * There is no call, index or member syntax beyond dotted metric paths, so `process.exit()` is a parse error.
 * Binary chains are parsed with loops; only parentheses, unary minus and `not` recurse, and together they are
 * capped at MAX_NESTING_DEPTH, so hostile nesting cannot overflow the stack.
 *
 * AST nodes are plain data (deep-equality friendly). Source offsets live in a WeakMap side table
 * (nodePosition) so that `parse(format(ast))` deep-equals `ast` even though spacing changes.
 */
import { DEFAULT_LABEL, Lexer, MAX_NESTING_DEPTH, RuleError, type Token, tokenText } from './lexer.js';

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';

export type RuleNode =
  /** A literal. With `percent`, the written number is `value` and it evaluates to value / 100. */
  | { type: 'number'; value: number; percent: boolean }
  | { type: 'boolean'; value: boolean }
  | { type: 'path'; path: string }
  | { type: 'negate'; operand: RuleNode }
  | { type: 'not'; operand: RuleNode }
  | { type: 'arithmetic'; op: ArithmeticOp; left: RuleNode; right: RuleNode }
  | { type: 'compare'; op: ComparisonOp; left: RuleNode; right: RuleNode }
  | { type: 'logical'; op: LogicalOp; left: RuleNode; right: RuleNode };

export interface ParseOptions {
  /** Message prefix, default '--assert'. Use '' for none. */
  label?: string;
}

const positions = new WeakMap<RuleNode, number>();

/**
 * 0-based source offset of a parsed node: the start of a literal or path, the operator of an operator node.
 * Undefined for nodes not produced by parse().
 */
export function nodePosition(node: RuleNode): number | undefined {
  return positions.get(node);
}

function at<N extends RuleNode>(node: N, pos: number): N {
  positions.set(node, pos);
  return node;
}

const COMPARISON_OPS: ReadonlySet<string> = new Set<ComparisonOp>(['<', '<=', '>', '>=', '==', '!=']);

class Parser {
  private current: Token;
  private prev: Token | undefined;
  private depth = 0;

  constructor(
    private readonly lexer: Lexer,
    private readonly label: string,
  ) {
    this.current = lexer.next();
  }

  private peek(): Token {
    return this.current;
  }

  private previous(): Token | undefined {
    return this.prev;
  }

  private advance(): Token {
    const t = this.current;
    if (t.kind !== 'eof') {
      this.prev = t;
      this.current = this.lexer.next();
    }
    return t;
  }

  private isOp(t: Token, ...ops: string[]): boolean {
    return t.kind === 'op' && ops.includes(t.op);
  }

  private isKeyword(t: Token, keyword: string): boolean {
    return t.kind === 'keyword' && t.keyword === keyword;
  }

  private error(detail: string, pos: number, hint?: string): RuleError {
    return new RuleError(detail, pos, this.label, hint);
  }

  private enter(pos: number): void {
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw this.error(`expression nested too deeply (max ${MAX_NESTING_DEPTH} levels)`, pos);
    }
  }

  private leave(): void {
    this.depth--;
  }

  parseRule(): RuleNode {
    if (this.peek().kind === 'eof') throw this.error('empty expression', this.peek().pos);
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') throw this.trailing(t);
    return node;
  }

  private chained(op: string, pos: number): RuleError {
    return this.error(
      `comparisons cannot be chained ('${op}' after a comparison)`,
      pos,
      "combine them with 'and', as in 'a < b and b < c'",
    );
  }

  /** A token after a complete operand where an operator (or `expected`) had to come. */
  private unexpectedAfterOperand(t: Token, expected: string): RuleError {
    const prev = this.previous();
    if (this.isOp(t, '(') && prev !== undefined && prev.kind === 'path') {
      return this.error(`unexpected '(' after ${tokenText(prev)}`, t.pos, 'function calls are not supported');
    }
    return this.error(`unexpected ${tokenText(t)}`, t.pos, `expected an operator or ${expected}`);
  }

  /** A token where an operator or the end was expected. */
  private trailing(t: Token): RuleError {
    if (this.isOp(t, ')')) return this.error("unmatched ')'", t.pos);
    return this.unexpectedAfterOperand(t, 'the end of the expression');
  }

  private parseOr(): RuleNode {
    let left = this.parseAnd();
    for (;;) {
      const t = this.peek();
      if (!(this.isKeyword(t, 'or') || this.isOp(t, '||'))) return left;
      this.advance();
      const right = this.parseAnd();
      left = at({ type: 'logical', op: 'or', left, right }, t.pos);
    }
  }

  private parseAnd(): RuleNode {
    let left = this.parseNot();
    for (;;) {
      const t = this.peek();
      if (!(this.isKeyword(t, 'and') || this.isOp(t, '&&'))) return left;
      this.advance();
      const right = this.parseNot();
      left = at({ type: 'logical', op: 'and', left, right }, t.pos);
    }
  }

  private parseNot(): RuleNode {
    const t = this.peek();
    if (this.isKeyword(t, 'not') || this.isOp(t, '!')) {
      this.advance();
      this.enter(t.pos);
      const operand = this.parseNot();
      this.leave();
      return at({ type: 'not', operand }, t.pos);
    }
    return this.parseComparison();
  }

  private parseComparison(): RuleNode {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISON_OPS.has(t.op)) {
      this.advance();
      const right = this.parseAdditive();
      const next = this.peek();
      if (next.kind === 'op' && COMPARISON_OPS.has(next.op)) throw this.chained(next.op, next.pos);
      return at({ type: 'compare', op: t.op as ComparisonOp, left, right }, t.pos);
    }
    return left;
  }

  private parseAdditive(): RuleNode {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '+', '-')) return left;
      this.advance();
      const right = this.parseMultiplicative();
      left = at({ type: 'arithmetic', op: t.kind === 'op' && t.op === '+' ? '+' : '-', left, right }, t.pos);
    }
  }

  private parseMultiplicative(): RuleNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '*', '/')) return left;
      this.advance();
      const right = this.parseUnary();
      left = at({ type: 'arithmetic', op: t.kind === 'op' && t.op === '*' ? '*' : '/', left, right }, t.pos);
    }
  }

  private parseUnary(): RuleNode {
    const t = this.peek();
    if (this.isOp(t, '-')) {
      this.advance();
      this.enter(t.pos);
      const operand = this.parseUnary();
      this.leave();
      return at({ type: 'negate', operand }, t.pos);
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RuleNode {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.advance();
        return at({ type: 'number', value: t.value, percent: t.percent }, t.pos);
      case 'path':
        this.advance();
        return at({ type: 'path', path: t.path }, t.pos);
      case 'keyword':
        if (t.keyword === 'true' || t.keyword === 'false') {
          this.advance();
          return at({ type: 'boolean', value: t.keyword === 'true' }, t.pos);
        }
        break;
      case 'op':
        if (t.op === '(') {
          this.advance();
          this.enter(t.pos);
          if (this.isOp(this.peek(), ')')) throw this.error("empty parentheses '()'", this.peek().pos);
          const inner = this.parseOr();
          const close = this.peek();
          if (close.kind === 'eof') throw this.error("unclosed '('", t.pos, "add a matching ')'");
          if (!this.isOp(close, ')')) throw this.unexpectedAfterOperand(close, "')'");
          this.advance();
          this.leave();
          return inner;
        }
        break;
      case 'eof':
        break;
    }
    throw this.expectedExpression(t);
  }

  private expectedExpression(t: Token): RuleError {
    const prev = this.previous();
    const after = prev === undefined ? '' : ` after ${tokenText(prev)}`;
    if (t.kind === 'eof') return this.error(`expected an expression${after}`, t.pos);
    const hint =
      this.isKeyword(t, 'not') || this.isOp(t, '!')
        ? `wrap the negation in parentheses, as in '(not x)'`
        : t.kind === 'op' && t.op === '+'
          ? 'there is no unary plus'
          : undefined;
    return this.error(`expected an expression${after} but found ${tokenText(t)}`, t.pos, hint);
  }
}

/** Parses a rule expression. Throws RuleError (with a 0-based `position`) on any problem. */
export function parse(text: string, options: ParseOptions = {}): RuleNode {
  const label = options.label ?? DEFAULT_LABEL;
  return new Parser(new Lexer(text, label), label).parseRule();
}

// ---------------------------------------------------------------------------------------------------------
// Formatter

/** Binding strength; a child weaker than its slot requires gets parentheses. */
const Level = {
  Or: 1,
  And: 2,
  Not: 3,
  Compare: 4,
  Additive: 5,
  Multiplicative: 6,
  Unary: 7,
  Primary: 8,
} as const;
type Level = number;

function levelOf(node: RuleNode): Level {
  switch (node.type) {
    case 'number':
    case 'boolean':
    case 'path':
      return Level.Primary;
    case 'negate':
      return Level.Unary;
    case 'not':
      return Level.Not;
    case 'compare':
      return Level.Compare;
    case 'arithmetic':
      return node.op === '+' || node.op === '-' ? Level.Additive : Level.Multiplicative;
    case 'logical':
      return node.op === 'or' ? Level.Or : Level.And;
  }
}

/** Shortest decimal text that reads back as the same double ("0.1", "1e+21", "5e-7"). */
function formatNumberLiteral(value: number): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`number literal must be finite and non-negative, got ${value}`);
  }
  return String(value);
}

function formatChild(node: RuleNode, minimum: Level): string {
  const text = formatNode(node);
  return levelOf(node) < minimum ? `(${text})` : text;
}

function formatNode(node: RuleNode): string {
  switch (node.type) {
    case 'number':
      return `${formatNumberLiteral(node.value)}${node.percent ? '%' : ''}`;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'path':
      return node.path;
    case 'negate':
      // A negated negation prints as -(-x): "--x" is valid but reads like a typo.
      return node.operand.type === 'negate'
        ? `-(${formatNode(node.operand)})`
        : `-${formatChild(node.operand, Level.Unary)}`;
    case 'not':
      // Comparisons under `not` get (redundant) parentheses for readability: not (a > 5).
      return node.operand.type === 'compare'
        ? `not (${formatNode(node.operand)})`
        : `not ${formatChild(node.operand, Level.Not)}`;
    case 'compare':
      // Non-associative: both sides must be additive-level or tighter.
      return `${formatChild(node.left, Level.Additive)} ${node.op} ${formatChild(node.right, Level.Additive)}`;
    case 'arithmetic':
    case 'logical': {
      const level = levelOf(node);
      // Left-associative: the right operand at the same level needs parentheses.
      return `${formatChild(node.left, level)} ${node.op} ${formatChild(node.right, level + 1)}`;
    }
  }
}

/**
 * Normalized text of a rule: single spaces around binary operators, word operators (and/or/not), minimal
 * parentheses (plus `not (comparison)` for readability). Round-trips: parse(format(ast)) deep-equals ast, as
 * long as the formatted text is within MAX_EXPRESSION_LENGTH (added spaces can push a near-limit input past it).
 */
export function format(node: RuleNode): string {
  return formatNode(node);
}
