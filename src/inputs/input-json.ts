/**
 * The JSON (with comments) of a scenario or config file, checked before any of it is used: nesting at most
 * MAX_NESTING deep (scanned without recursion, so a hostile file never exhausts the stack), no duplicate keys
 * and no `__proto__`, `constructor` or `prototype` keys, each refused in one line naming the file, the key
 * path and the line and column.
 */
import type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
import { UsageError } from '../errors.js';

/** Deepest nesting of objects and arrays a scenario may have (its own format needs 4). */
export const MAX_NESTING = 32;

/** Keys that would reach an object's prototype (or pretend to) and that no setting has. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// jsonc-parser's SyntaxKind (a const enum, not importable here).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF_TOKEN = 17;

/** "line 3, column 7" (1-based) of an offset in text. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

/** A key as shown in a message: control characters escaped (\u000a), so the message stays one line. */
function shownKey(key: string): string {
  let out = '';
  for (const c of key) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

function keyPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${shownKey(key)}` : shownKey(key),
    '',
  );
}

/** The value of a scenario or config file's text (BOM removed), or a UsageError naming `file`. */
export async function parseInputJson(file: string, source: string): Promise<unknown> {
  // Loaded only when a file is read: its module set-up (string caches for its formatter) costs ~1 ms a run.
  const { createScanner, getNodeValue, parseTree, printParseErrorCode } = await import(
    'jsonc-parser/lib/esm/main.js'
  );
  // Depth first, by the scanner (iterative): the parser recurses, and ~10k brackets overflow the stack.
  const scanner = createScanner(source, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF_TOKEN; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_NESTING)
        throw new UsageError(
          `${file}: nested more than ${MAX_NESTING} levels deep at ${lineColumn(source, scanner.getTokenOffset())}`,
        );
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    throw new UsageError(
      `${file}: not valid JSON at ${lineColumn(source, first.offset)}: ${PARSE_ERROR_TEXT[code] ?? code}`,
    );
  }
  if (!root) throw new UsageError(`${file}: not valid JSON at line 1, column 1: expected a value`);
  checkKeys(file, source, root, []);
  return getNodeValue(root);
}

function checkKeys(file: string, source: string, node: Node, path: (string | number)[]): void {
  if (node.type === 'array') {
    node.children?.forEach((child, i) => {
      checkKeys(file, source, child, [...path, i]);
    });
    return;
  }
  if (node.type !== 'object') return;
  const seen = new Set<string>();
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    const at = lineColumn(source, keyNode.offset);
    if (RESERVED_KEYS.has(key))
      throw new UsageError(
        `${file}: key '${keyPath([...path, key])}' at ${at} is not allowed (__proto__, constructor and prototype are reserved)`,
      );
    if (seen.has(key)) throw new UsageError(`${file}: duplicate key '${keyPath([...path, key])}' at ${at}`);
    seen.add(key);
    if (valueNode) checkKeys(file, source, valueNode, [...path, key]);
  }
}
