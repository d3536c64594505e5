import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { INT_OR_STRING_FORMAT, QUANTITY_FORMAT } from './openapi-schema';

/**
 * A JSON Schema (draft 7 subset) checker that interprets the schema directly — no code
 * generation, so it runs under a CSP without 'unsafe-eval' (ajv compiles validators with
 * `new Function`). Covers what Kubernetes schemas use: type, enum, const, required, properties,
 * additionalProperties, items, min/max (length, items, value), pattern, multipleOf, uniqueItems,
 * allOf/anyOf/oneOf/not, if/then/else, local `$ref`s, and the console's own formats for
 * quantities and int-or-string. Unknown fields are never errors: the YAML keeps them.
 */
export interface ValueError {
  /** Path segments from the root to the offending value. */
  path: (string | number)[];
  keyword: string;
  message: string;
  schemaPath: string;
}

const QUANTITY_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;
const regexCache = new Map<string, RegExp | null>();

function regex(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(t: string, v: unknown, format: string | undefined): boolean {
  const actual = typeOf(v);
  if (t === actual) return true;
  if (t === 'number' && actual === 'integer') return true;
  // Quantities and int-or-string fields are text in the form but may be numbers in YAML.
  if (t === 'string' && (actual === 'integer' || actual === 'number') && (format === QUANTITY_FORMAT || format === INT_OR_STRING_FORMAT)) return true;
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function resolveRef(ref: string, root: JSONSchema7): JSONSchema7 | undefined {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur && typeof cur === 'object' ? (cur as JSONSchema7) : undefined;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

interface Walk {
  root: JSONSchema7;
  errors: ValueError[];
  /** Stops after this many errors (a huge wrong document must not hang the page). */
  limit: number;
  depth: number;
}

function check(def: JSONSchema7Definition | undefined, v: unknown, path: (string | number)[], sp: string, w: Walk): void {
  if (def === undefined || def === true || w.errors.length >= w.limit || w.depth > 64) return;
  const push = (keyword: string, message: string): void => {
    w.errors.push({ path, keyword, message, schemaPath: `${sp}/${keyword}` });
  };
  if (def === false) return push('false schema', 'is not allowed');
  let s = def;
  if (s.$ref) {
    const target = resolveRef(s.$ref, w.root);
    if (!target) return;
    s = { ...target, ...s, $ref: undefined };
  }
  w.depth++;
  try {
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => typeMatches(t, v, s.format))) return push('type', `must be ${types.join(' or ')}`);
    }
    if (s.enum && !s.enum.some((e) => deepEqual(e, v))) push('enum', `must be one of: ${s.enum.map((e) => String(e)).join(', ')}`);
    if (s.const !== undefined && !deepEqual(s.const, v)) push('const', `must be ${String(s.const)}`);
    if (typeof v === 'string') checkString(s, v, push);
    if (typeof v === 'number') checkNumber(s, v, push);
    if (Array.isArray(v)) checkArray(s, v, path, sp, w, push);
    else if (v && typeof v === 'object') checkObject(s, v as Record<string, unknown>, path, sp, w, push);
    checkCombinators(s, v, path, sp, w, push);
  } finally {
    w.depth--;
  }
}

type Push = (keyword: string, message: string) => void;

function checkString(s: JSONSchema7, v: string, push: Push): void {
  const len = [...v].length;
  if (typeof s.minLength === 'number' && len < s.minLength) push('minLength', s.minLength === 1 ? 'must not be empty' : `must be at least ${plural(s.minLength, 'character')}`);
  if (typeof s.maxLength === 'number' && len > s.maxLength) push('maxLength', `must be at most ${plural(s.maxLength, 'character')}`);
  if (s.pattern) {
    const re = regex(s.pattern);
    if (re && !re.test(v)) push('pattern', `must match the pattern ${s.pattern}`);
  }
  if (s.format === QUANTITY_FORMAT && v !== '' && !QUANTITY_RE.test(v.trim())) push('format', 'must be a quantity such as 500m, 2, 512Mi or 4Gi');
}

function checkNumber(s: JSONSchema7, v: number, push: Push): void {
  if (typeof s.minimum === 'number' && v < s.minimum) push('minimum', `must be at least ${s.minimum}`);
  if (typeof s.maximum === 'number' && v > s.maximum) push('maximum', `must be at most ${s.maximum}`);
  if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) push('exclusiveMinimum', `must be more than ${s.exclusiveMinimum}`);
  if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) push('exclusiveMaximum', `must be less than ${s.exclusiveMaximum}`);
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9) push('multipleOf', `must be a multiple of ${s.multipleOf}`);
}

function checkArray(s: JSONSchema7, v: unknown[], path: (string | number)[], sp: string, w: Walk, push: Push): void {
  if (typeof s.minItems === 'number' && v.length < s.minItems) push('minItems', `must have at least ${plural(s.minItems, 'item')}`);
  if (typeof s.maxItems === 'number' && v.length > s.maxItems) push('maxItems', `must have at most ${plural(s.maxItems, 'item')}`);
  if (s.uniqueItems && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i)) push('uniqueItems', 'must not contain duplicates');
  if (Array.isArray(s.items)) v.forEach((x, i) => check((s.items as JSONSchema7Definition[])[i] ?? s.additionalItems, x, [...path, i], `${sp}/items/${i}`, w));
  else if (s.items !== undefined) v.forEach((x, i) => check(s.items as JSONSchema7Definition, x, [...path, i], `${sp}/items`, w));
}

function checkObject(s: JSONSchema7, v: Record<string, unknown>, path: (string | number)[], sp: string, w: Walk, push: Push): void {
  for (const r of s.required ?? []) {
    if (v[r] === undefined) w.errors.push({ path: [...path, r], keyword: 'required', message: 'is required', schemaPath: `${sp}/required` });
  }
  const keys = Object.keys(v);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) push('minProperties', `must have at least ${plural(s.minProperties, 'entry')}`);
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) push('maxProperties', `must have at most ${plural(s.maxProperties, 'entry')}`);
  for (const k of keys) {
    if (v[k] === undefined) continue;
    const own = s.properties?.[k];
    if (own !== undefined) check(own, v[k], [...path, k], `${sp}/properties/${k}`, w);
    else if (typeof s.additionalProperties === 'object') check(s.additionalProperties, v[k], [...path, k], `${sp}/additionalProperties`, w);
  }
}

function checkCombinators(s: JSONSchema7, v: unknown, path: (string | number)[], sp: string, w: Walk, push: Push): void {
  const passes = (d: JSONSchema7Definition) => validateValue(d, v, w.root, 1).length === 0;
  s.allOf?.forEach((d, i) => check(d, v, path, `${sp}/allOf/${i}`, w));
  if (s.anyOf && !s.anyOf.some(passes)) push('anyOf', 'must match one of the allowed shapes');
  if (s.oneOf && s.oneOf.filter(passes).length !== 1) push('oneOf', 'must match exactly one of the allowed shapes');
  if (s.not !== undefined && passes(s.not)) push('not', 'is not allowed');
  if (s.if !== undefined) {
    const branch = passes(s.if) ? s.then : s.else;
    if (branch !== undefined) check(branch, v, path, sp, w);
  }
}

/** Every error of `value` against `schema` (refs resolve against `root`), at most `limit`. */
export function validateValue(schema: JSONSchema7Definition, value: unknown, root: JSONSchema7 = typeof schema === 'object' ? schema : {}, limit = 200): ValueError[] {
  const w: Walk = { root, errors: [], limit, depth: 0 };
  check(schema, value, [], '#', w);
  return w.errors;
}
