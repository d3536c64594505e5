/**
 * Field selectors (`fieldSelector` query parameter) with apimachinery's `fields.ParseSelector`
 * syntax and errors: terms `f=v`, `f==v`, `f!=v` joined by `,` (AND). In values, `\,` `\=` and
 * `\\` escape; an unescaped `,` splits terms and an unescaped `=` in a value is an error.
 * Fields that the resource does not support fail with `field label not supported: <f>`, as the
 * API server's field label conversion does.
 */
import { errors } from '../api/errors';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  /** In upstream order: terms sorted by their source text. Empty = matches everything. */
  readonly requirements: readonly FieldRequirement[];
}

export const everythingFieldSelector: FieldSelector = Object.freeze({ requirements: Object.freeze([]) });

/** Terms split on unescaped commas; escapes are kept for the value unescaping that follows. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charAt(i);
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** Splits at the first operator; at one position `!=` wins over `==`, which wins over `=`. */
function splitTerm(term: string): { field: string; op: '!=' | '==' | '='; rest: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), op, rest: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let escaped = false;
  for (const c of s) {
    if (escaped) {
      if (c !== '\\' && c !== ',' && c !== '=') throw errors.badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. as its code point.
      throw errors.badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (escaped) throw errors.badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** `fields.EscapeValue`: the inverse of the value unescaping. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * Parses a `fieldSelector` query value. Syntax errors come first (as upstream parses before it
 * converts field labels), then the first unsupported field. Errors are 400 `BadRequest`.
 */
export function parseFieldSelector(s: string, supported: (field: string) => boolean): FieldSelector {
  if (s === '') return everythingFieldSelector;
  const terms = splitTerms(s).sort();
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw errors.badRequest(`invalid selector: '${s}'; can't understand '${term}'`);
    const value = unescapeValue(split.rest);
    requirements.push({ field: split.field, operator: split.op === '!=' ? '!=' : '=', value });
  }
  for (const r of requirements) {
    if (!supported(r.field)) throw errors.badRequest(`field label not supported: ${r.field}`);
  }
  return { requirements };
}

/** `getField` answers a field's value; an absent field counts as `""`, as upstream's `fields.Set.Get`. */
export function matchesFields(selector: FieldSelector, getField: (field: string) => string | undefined): boolean {
  for (const r of selector.requirements) {
    const actual = getField(r.field) ?? '';
    if (r.operator === '=' ? actual !== r.value : actual === r.value) return false;
  }
  return true;
}

/** Upstream `Selector.String()`: `f=v,f!=v` with values escaped. */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
}

/**
 * The name a selector pins with `metadata.name=<n>` (upstream `RequiresExactMatch("metadata.name")`,
 * which requestinfo uses to treat list/watch as a request for that one object, e.g. for RBAC
 * `resourceNames` and `kubectl wait`/`delete` of one object). Undefined when there is no such term.
 */
export function singleNameFromFieldSelector(selector: FieldSelector | undefined): string | undefined {
  if (!selector) return undefined;
  for (const r of selector.requirements) {
    if (r.field === 'metadata.name' && r.operator === '=') return r.value;
  }
  return undefined;
}
