/**
 * Tokenizer for the label selector grammar of apimachinery's `labels.Parse`. Identifiers are any
 * run of characters that are neither whitespace nor one of `=!(),<>`; `in`/`notin` are keywords
 * only where an operator may stand (the parser decides by context).
 */

export type TokenKind =
  | 'end'
  | 'closePar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

export interface Token {
  kind: TokenKind;
  literal: string;
}

const SYMBOLS = new Map<string, TokenKind>(Object.entries({
  ')': 'closePar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  '<': 'lessThan',
  '!=': 'notEquals',
  '(': 'openPar',
}) as [string, TokenKind][]);

const KEYWORDS = new Map<string, TokenKind>([
  ['in', 'in'],
  ['notin', 'notIn'],
]);

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecial(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

/** All tokens of `s`, ending with one `end` token. Never fails: every special character is a token. */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s.charAt(pos))) pos++;
    if (pos >= s.length) {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    const ch = s.charAt(pos);
    if (isSpecial(ch)) {
      // Longest match: the only two-character symbols are `==` and `!=`.
      const two = s.slice(pos, pos + 2);
      const twoKind = two.length === 2 ? SYMBOLS.get(two) : undefined;
      if (twoKind) {
        tokens.push({ kind: twoKind, literal: two });
        pos += 2;
      } else {
        tokens.push({ kind: SYMBOLS.get(ch) ?? 'identifier', literal: ch });
        pos += 1;
      }
      continue;
    }
    const start = pos;
    while (pos < s.length && !isSpecial(s.charAt(pos)) && !isWhitespace(s.charAt(pos))) pos++;
    const word = s.slice(start, pos);
    tokens.push({ kind: KEYWORDS.get(word) ?? 'identifier', literal: word });
  }
}
