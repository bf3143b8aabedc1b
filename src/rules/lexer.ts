/**
 * Lexer for the threshold-rule language used by `hashcalc check --assert`.
 *
 * One left-to-right pass, no backtracking and no regular expressions over the whole input, so time is linear
 * in the input length. The input length is capped before lexing (MAX_EXPRESSION_LENGTH).
 *
 * Identifiers: segments of [A-Za-z_][A-Za-z0-9_-]* joined by '.', with no spaces around the dot. A '-' belongs to
 * an identifier only when it sits directly between two identifier characters ([A-Za-z0-9_]), so `ai-lease` and
 * `gpu-2` are names while `a - b`, `a -b` and `a- b` are subtractions. Consequence worth knowing: `x-1` is the
 * name "x-1", not x minus 1; write `x - 1` to subtract.
 */

/** Longest accepted expression, in UTF-16 code units (what String#length counts). */
export const MAX_EXPRESSION_LENGTH = 4096;

/** Deepest accepted nesting of parentheses, unary minus and `not`, counted together. */
export const MAX_NESTING_DEPTH = 64;

/** Path segments that are never accepted in an expression nor produced by flattenMetrics. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Message prefix naming where the expression came from. */
export const DEFAULT_LABEL = '--assert';

/**
 * Every error from parsing or evaluating a rule. `position` is a 0-based offset into the expression text;
 * the message is one line: `<label>: <detail> at column <position + 1>[; <hint>]`.
 */
export class RuleError extends Error {
  readonly position: number;
  readonly detail: string;
  readonly label: string;
  readonly hint: string | undefined;

  constructor(detail: string, position: number, label: string = DEFAULT_LABEL, hint?: string) {
    const prefix = label === '' ? '' : `${label}: `;
    super(`${prefix}${detail} at column ${position + 1}${hint === undefined ? '' : `; ${hint}`}`);
    this.name = 'RuleError';
    this.position = position;
    this.detail = detail;
    this.label = label;
    this.hint = hint;
  }
}

export type Operator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&&'
  | '||'
  | '!'
  | '('
  | ')';

export type Keyword = 'and' | 'or' | 'not' | 'true' | 'false';

export type Token =
  | { kind: 'number'; value: number; percent: boolean; text: string; pos: number }
  | { kind: 'path'; path: string; pos: number }
  | { kind: 'keyword'; keyword: Keyword; pos: number }
  | { kind: 'op'; op: Operator; pos: number }
  | { kind: 'eof'; pos: number };

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['and', 'or', 'not', 'true', 'false']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Shortens user text quoted inside a one-line message. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `'${shown}'`;
}

/** How a single unexpected character is shown: printable ASCII as itself, anything else as U+XXXX. */
function showChar(text: string, pos: number): string {
  const cp = text.codePointAt(pos) ?? 0;
  if (cp >= 0x21 && cp <= 0x7e) return `'${String.fromCharCode(cp)}'`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text of a token for messages such as "after '>='". */
export function tokenText(token: Token): string {
  switch (token.kind) {
    case 'number':
      return quote(token.text);
    case 'path':
      return quote(token.path);
    case 'keyword':
      return `'${token.keyword}'`;
    case 'op':
      return `'${token.op}'`;
    case 'eof':
      return 'end of expression';
  }
}

/**
 * Produces tokens on demand, so a parser pulling from it reports the leftmost problem in the text, whether it
 * is a bad character or a misplaced token. Construction checks the input type and length.
 */
export class Lexer {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly label: string = DEFAULT_LABEL,
  ) {
    if (typeof text !== 'string') throw new RuleError('expression must be a string', 0, label);
    if (text.length > MAX_EXPRESSION_LENGTH) {
      throw new RuleError(
        `expression too long (max ${MAX_EXPRESSION_LENGTH} characters, got ${text.length})`,
        MAX_EXPRESSION_LENGTH,
        label,
      );
    }
  }

  /** The next token; `eof` (repeatedly) at the end. Throws RuleError. */
  next(): Token {
    const { text, label } = this;
    const n = text.length;
    while (this.i < n && isSpace(text.charCodeAt(this.i))) this.i++;
    const start = this.i;
    if (start >= n) return { kind: 'eof', pos: n };
    const c = text.charCodeAt(start);
    if (isDigit(c)) {
      const token = lexNumber(text, start, label);
      this.i = start + token.text.length;
      return token;
    }
    if (isIdentStart(c)) {
      const end = scanName(text, start, label);
      this.i = end;
      const word = text.slice(start, end);
      return KEYWORDS.has(word)
        ? { kind: 'keyword', keyword: word as Keyword, pos: start }
        : { kind: 'path', path: word, pos: start };
    }
    const next = start + 1 < n ? text.charCodeAt(start + 1) : -1;
    const eq = next === 61; // '=' completes <=, >=, ==, !=
    let op: Operator;
    let width = 1;
    switch (c) {
      case 43: // +
        op = '+';
        break;
      case 45: // -
        op = '-';
        break;
      case 42: // *
        op = '*';
        break;
      case 47: // /
        op = '/';
        break;
      case 40: // (
        op = '(';
        break;
      case 41: // )
        op = ')';
        break;
      case 60: // <
        op = eq ? '<=' : '<';
        break;
      case 62: // >
        op = eq ? '>=' : '>';
        break;
      case 33: // !
        op = eq ? '!=' : '!';
        break;
      case 61: // =
        if (!eq) throw new RuleError("unexpected '='", start, label, "use '==' to compare");
        op = '==';
        break;
      case 38: // &
        if (next !== 38) throw new RuleError("unexpected '&'", start, label, "use 'and' or '&&'");
        op = '&&';
        break;
      case 124: // |
        if (next !== 124) throw new RuleError("unexpected '|'", start, label, "use 'or' or '||'");
        op = '||';
        break;
      case 37: // %
        throw new RuleError(
          "unexpected '%'",
          start,
          label,
          "a percent sign must directly follow a number, as in '2.5%'",
        );
      case 46: // .
        throw new RuleError(
          "unexpected '.'",
          start,
          label,
          isDigit(next) ? "write a leading zero, as in '0.5'" : undefined,
        );
      default:
        throw new RuleError(`unexpected character ${showChar(text, start)}`, start, label);
    }
    if (op.length === 2) width = 2;
    this.i = start + width;
    return { kind: 'op', op, pos: start };
  }
}

/** Splits a whole expression into tokens, ending with one `eof` token. Throws RuleError. */
export function tokenize(text: string, label: string = DEFAULT_LABEL): Token[] {
  const lexer = new Lexer(text, label);
  const tokens: Token[] = [];
  for (;;) {
    const t = lexer.next();
    tokens.push(t);
    if (t.kind === 'eof') return tokens;
  }
}

/** digits ('.' digits)? ([eE] [+-]? digits)? '%'? — and nothing name-like directly after it. */
function lexNumber(text: string, start: number, label: string): Token & { kind: 'number' } {
  const n = text.length;
  let i = start;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    if (!(i < n && isDigit(text.charCodeAt(i)))) {
      throw new RuleError(`expected a digit after '.' in number ${quote(text.slice(start, i))}`, i, label);
    }
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const e = i < n ? text.charCodeAt(i) : -1;
  if (e === 101 || e === 69) {
    i++;
    const sign = i < n ? text.charCodeAt(i) : -1;
    if (sign === 43 || sign === 45) i++;
    if (!(i < n && isDigit(text.charCodeAt(i)))) {
      throw new RuleError(`expected exponent digits in number ${quote(text.slice(start, i))}`, i, label);
    }
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const numberText = text.slice(start, i);
  let percent = false;
  if (i < n && text.charCodeAt(i) === 37) {
    percent = true;
    i++;
  }
  if (i < n && (isIdentChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) {
    let j = i;
    while (j < n && (isIdentChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
    throw new RuleError(`invalid number ${quote(text.slice(start, j))}`, start, label);
  }
  const value = Number(numberText);
  if (!Number.isFinite(value)) {
    throw new RuleError(`number ${quote(numberText)} is out of range`, start, label);
  }
  return { kind: 'number', value, percent, text: text.slice(start, i), pos: start };
}

/** End offset of the dotted name starting at `start`; rejects reserved segments and dangling dots. */
function scanName(text: string, start: number, label: string): number {
  const n = text.length;
  let i = start;
  let segStart = start;
  for (;;) {
    // One segment: [A-Za-z_] then identifier characters, with '-' only between two identifier characters.
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isIdentChar(c)) {
        i++;
      } else if (c === 45 && i + 1 < n && isIdentChar(text.charCodeAt(i + 1))) {
        i += 2;
      } else {
        break;
      }
    }
    const segment = text.slice(segStart, i);
    if (RESERVED_SEGMENTS.has(segment)) {
      throw new RuleError(
        `${quote(segment)} is reserved and cannot be part of a metric path`,
        segStart,
        label,
      );
    }
    if (!(i < n && text.charCodeAt(i) === 46)) return i;
    const after = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (!isIdentStart(after)) {
      throw new RuleError(
        `expected a name after '.' in ${quote(text.slice(start, i + 1))}`,
        i + 1,
        label,
        'each path segment starts with a letter or _',
      );
    }
    i++;
    segStart = i;
  }
}
