/**
 * Evaluator for the client-go JSONPath dialect (see jsonpath-parser.ts), with missing keys allowed
 * as CRD printer columns and kubectl use it: a missing field yields no value, while a type error
 * (indexing a non-array, an out-of-range index, an incomparable filter) fails the whole path.
 * Compiled paths are cached by source text.
 */
import { isObject } from '../api/types';
import { JsonPathSyntaxError, parseTemplate, type PathNode, type TemplatePart } from './jsonpath-parser';

export { JsonPathSyntaxError };

/** A failure while walking a value (upstream returns it as an error; printer cells become null). */
export class JsonPathEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathEvalError';
  }
}

export interface CompiledJsonPath {
  readonly source: string;
  /** Every match, actions in order (literal template text included as string values). Throws JsonPathEvalError. */
  find(data: unknown): unknown[];
  /** Renders like `kubectl -o jsonpath`: text verbatim, each action's results space-joined. Throws JsonPathEvalError. */
  text(data: unknown): string;
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledJsonPath>();

/**
 * Compiles (once, then from cache) a path or template. A path without `{` is wrapped in `{…}`,
 * the printer-column convention (`.status.phase` means `{.status.phase}`). Throws JsonPathSyntaxError.
 */
export function compileJsonPath(path: string): CompiledJsonPath {
  const hit = cache.get(path);
  if (hit) return hit;
  const parts = parseTemplate(path.includes('{') ? path : `{${path}}`);
  const compiled: CompiledJsonPath = {
    source: path,
    find: (data) => parts.flatMap((part) => evalPart(part, data)),
    text: (data) => parts.map((part) => (part.kind === 'text' ? part.value : evalPart(part, data).map(formatJsonPathValue).join(' '))).join(''),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(path, compiled);
  return compiled;
}

/** All matches of `path` in `obj`; `[]` when nothing matches or the walk fails. Throws JsonPathSyntaxError on a malformed path. */
export function jsonPathEvaluate(obj: unknown, path: string): unknown[] {
  const compiled = compileJsonPath(path);
  try {
    return compiled.find(obj);
  } catch (e) {
    if (e instanceof JsonPathEvalError) return [];
    throw e;
  }
}

/** The parse error of a path, or undefined when it compiles (for validating CRD `jsonPath`s). */
export function jsonPathSyntaxError(path: string): string | undefined {
  try {
    compileJsonPath(path);
    return undefined;
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return e.message;
    throw e;
  }
}

function evalPart(part: TemplatePart, data: unknown): unknown[] {
  return part.kind === 'text' ? [part.value] : evalList([data], part.nodes);
}

function evalList(input: unknown[], nodes: PathNode[]): unknown[] {
  let cur = input;
  for (const node of nodes) cur = evalNode(cur, node);
  return cur;
}

const absent = (v: unknown): boolean => v === undefined || v === null;

function evalNode(input: unknown[], node: PathNode): unknown[] {
  switch (node.kind) {
    case 'field':
      if (node.name === '') return input;
      return input.filter((v) => isObject(v) && Object.hasOwn(v, node.name)).map((v) => (v as Record<string, unknown>)[node.name]);
    case 'wildcard':
      return input.flatMap((v) => (Array.isArray(v) ? v : isObject(v) ? Object.values(v) : []));
    case 'recursive':
      return input.flatMap(descendants);
    case 'slice':
      return input.flatMap((v) => evalSlice(v, node));
    case 'union':
      return node.branches.flatMap((branch) => evalList(input, branch));
    case 'filter':
      return input.flatMap((v) => evalFilter(v, node));
    case 'text':
      return [node.value];
    case 'number':
    case 'bool':
      return input.map(() => node.value);
    case 'identifier':
      throw new JsonPathEvalError(`unrecognized identifier ${node.name}`);
  }
}

/** Upstream `..`: every container (object or array) at or below the value, parents first. */
function descendants(value: unknown): unknown[] {
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  if (children.length === 0) return [];
  return [value, ...children.flatMap(descendants)];
}

function evalSlice(value: unknown, node: Extract<PathNode, { kind: 'slice' }>): unknown[] {
  if (absent(value)) return [];
  if (!Array.isArray(value)) throw new JsonPathEvalError(`${typeName(value)} is not array or slice`);
  const len = value.length;
  let start = node.start ?? 0;
  if (start < 0) start += len;
  let end = node.end ?? len;
  if (end < 0 || (end === 0 && node.endDerived)) end += len;
  if (end !== start) {
    if (start >= len || start < 0) throw new JsonPathEvalError(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len) throw new JsonPathEvalError(`array index out of bounds: index ${end - 1}, length ${len}`);
  }
  if (end < start) throw new JsonPathEvalError(`invalid slice index ${start} > ${end}`);
  const step = node.step ?? 1;
  if (step <= 0) throw new JsonPathEvalError(`invalid slice step ${step}`);
  const out: unknown[] = [];
  for (let i = start; i < end; i += step) out.push(value[i]);
  return out;
}

function evalFilter(value: unknown, node: Extract<PathNode, { kind: 'filter' }>): unknown[] {
  if (!Array.isArray(value)) throw new JsonPathEvalError(`${typeName(value)} is not array or slice and cannot be filtered`);
  return value.filter((item) => {
    if (node.op === 'exists') {
      try {
        return evalList([item], node.left).length > 0;
      } catch {
        return false;
      }
    }
    const lefts = evalList([item], node.left);
    if (lefts.length !== 1) throw new JsonPathEvalError('can only compare one element at a time');
    const rights = evalList([item], node.right);
    if (rights.length !== 1) throw new JsonPathEvalError('can only compare one element at a time');
    return compare(lefts[0], node.op, rights[0]);
  });
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown): BasicKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  throw new JsonPathEvalError('invalid type for comparison');
}

/** text/template's eq/ne/lt/le/gt/ge: both sides must be the same basic kind; bools only compare for equality. */
function compare(left: unknown, op: string, right: unknown): boolean {
  const kind = basicKind(left);
  if (basicKind(right) !== kind) throw new JsonPathEvalError('incompatible types for comparison');
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (kind === 'bool') throw new JsonPathEvalError('invalid type for comparison');
  const [a, b] = [left as number | string, right as number | string];
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      throw new JsonPathEvalError(`unrecognized filter operator ${op}`);
  }
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (isObject(v)) return 'map[string]interface {}';
  return typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : typeof v;
}

/**
 * One value as upstream `PrintResults` prints it: objects and arrays as compact JSON with sorted
 * keys (Go `json.Marshal`), strings verbatim, numbers and booleans as Go's `fmt.Print`, and null as
 * `<no value>`.
 */
export function formatJsonPathValue(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** Go prints integral JSON numbers as int64 and others as `%v` of float64 (`%g`, exponent from 1e+06 or below 1e-04). */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Go `json.Marshal` of decoded JSON: compact, map keys sorted by byte order, HTML-significant characters escaped. */
function goJson(value: unknown): string {
  const encode = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(encode).join(',')}]`;
    if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${encode(v[k])}`).join(',')}}`;
    return JSON.stringify(v) ?? 'null';
  };
  return encode(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
