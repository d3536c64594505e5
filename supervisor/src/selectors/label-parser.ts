/**
 * `parseLabelSelector`: the `labelSelector` query parameter, with apimachinery's `labels.Parse`
 * grammar and error texts (the API server answers 400 with exactly the parse error):
 *
 *   selector    ::= requirement ("," requirement)*
 *   requirement ::= ["!"] KEY [ ("in"|"notin") "(" values ")" | ("="|"=="|"!="|">"|"<") VALUE ]
 */
import { errors } from '../api/errors';
import { tokenize, type Token, type TokenKind } from './label-lexer';
import { everythingSelector, newRequirement, sortByKey, type LabelOperator, type LabelRequirement, type LabelSelector } from './label-requirement';
import { fieldInvalid, qualifiedNameErrors } from './label-validation';

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

class ParseError extends Error {}

/** Parser over the token list; `values` context reads the keywords `in`/`notin` as identifiers. */
class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private at(index: number, values: boolean): Token {
    const t = this.tokens[index] ?? { kind: 'end', literal: '' };
    if (values && (t.kind === 'in' || t.kind === 'notIn')) return { kind: 'identifier', literal: t.literal };
    return t;
  }
  lookahead(values = true): Token {
    return this.at(this.position, values);
  }
  consume(values = true): Token {
    return this.at(this.position++, values);
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const t = this.lookahead();
      if (t.kind === 'end') return requirements;
      if (t.kind !== 'identifier' && t.kind !== 'doesNotExist') {
        throw new ParseError(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.requirement());
      const next = this.consume();
      if (next.kind === 'end') return requirements;
      if (next.kind !== 'comma') throw new ParseError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.kind !== 'identifier' && after.kind !== 'doesNotExist') {
        throw new ParseError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelRequirement {
    try {
      const { key, unary } = this.keyAndUnaryOperator();
      if (unary) return build(key, unary, []);
      const operator = this.operator();
      const values = operator === 'in' || operator === 'notin' ? this.valueSet() : [this.exactValue()];
      return build(key, operator, [...new Set(values)].sort());
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
  }

  /** Upstream infers `exists` for a bare key and `!` for `!key`; a `!key` never takes an operator. */
  private keyAndUnaryOperator(): { key: string; unary?: LabelOperator } {
    let t = this.consume();
    let negated = false;
    if (t.kind === 'doesNotExist') {
      negated = true;
      t = this.consume();
    }
    if (t.kind !== 'identifier') throw new ParseError(`found '${t.literal}', expected: identifier`);
    const keyErrs = qualifiedNameErrors(t.literal);
    if (keyErrs.length > 0) throw new ParseError(fieldInvalid(null, t.literal, keyErrs.join('; ')));
    if (negated) return { key: t.literal, unary: '!' };
    const next = this.lookahead().kind;
    return next === 'end' || next === 'comma' ? { key: t.literal, unary: 'exists' } : { key: t.literal };
  }

  private operator(): LabelOperator {
    const t = this.consume(false);
    const byKind: Partial<Record<TokenKind, LabelOperator>> = {
      in: 'in',
      notIn: 'notin',
      equals: '=',
      doubleEquals: '==',
      notEquals: '!=',
      greaterThan: 'gt',
      lessThan: 'lt',
    };
    const op = byKind[t.kind];
    if (!op) throw new ParseError(`found '${t.literal}', expected: ${BINARY_OPERATORS}`);
    return op;
  }

  private valueSet(): string[] {
    const open = this.consume();
    if (open.kind !== 'openPar') throw new ParseError(`found '${open.literal}' expected: '('`);
    const first = this.lookahead();
    if (first.kind === 'closePar') {
      this.consume();
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== 'comma') {
      throw new ParseError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.identifierList();
    this.consume(); // the `)` that ended the list
    return values;
  }

  /** Comma-separated, possibly empty identifiers up to (not including) `)`; `(a,)` holds `""`. */
  private identifierList(): string[] {
    const values: string[] = [];
    for (;;) {
      const t = this.consume();
      if (t.kind === 'identifier') {
        values.push(t.literal);
        const next = this.lookahead();
        if (next.kind === 'closePar') return values;
        if (next.kind !== 'comma') throw new ParseError(`found '${next.literal}', expected: ',' or ')'`);
      } else if (t.kind === 'comma') {
        if (values.length === 0) values.push('');
        const next = this.lookahead().kind;
        if (next === 'closePar') {
          values.push('');
          return values;
        }
        if (next === 'comma') values.push('');
      } else {
        throw new ParseError(`found '${t.literal}', expected: ',', or identifier`);
      }
    }
  }

  private exactValue(): string {
    const next = this.lookahead();
    if (next.kind === 'end' || next.kind === 'comma') return '';
    const t = this.consume();
    if (t.kind !== 'identifier') throw new ParseError(`found '${t.literal}', expected: identifier`);
    return t.literal;
  }
}

function build(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const result = newRequirement(key, operator, values);
  if ('error' in result) throw new ParseError(result.error);
  return result.requirement;
}

/** Parses a `labelSelector` query value; throws a 400 `BadRequest` ApiError on invalid input. */
export function parseLabelSelector(s: string): LabelSelector {
  if (s.trim() === '') return everythingSelector;
  try {
    const requirements = new Parser(tokenize(s)).parse();
    return { requirements: sortByKey(requirements), matchesNothing: false };
  } catch (e) {
    if (e instanceof ParseError) throw errors.badRequest(e.message);
    throw e;
  }
}
