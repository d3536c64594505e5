import { isMap, isNode, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { acceptedTypes, allowsUnknownFields, childSchema, resolveSchema, type KindSchema, type OpenApiSchema } from './openapi-schema';
import type { YamlPath } from './yaml-edit';
import type { YamlDoc, YamlError } from './yaml-model';
import { formatPath } from './yaml-paths';

/**
 * Schema validation of a parsed document against the kind's live OpenAPI schema: type
 * mismatches, unknown fields (the API server rejects them under fieldValidation=Strict), enum
 * values and required fields — each a diagnostic at the offending key or value. `status` and the
 * server-owned `metadata.managedFields` are not checked: a save never writes them.
 * Completion and hover live in ./yaml-complete and are re-exported here.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: Severity;
  message: string;
  /** The field path, when the diagnostic is about a field. */
  path?: YamlPath;
  source: 'yaml' | 'schema' | 'server';
}

const SKIPPED: readonly string[] = ['status', 'metadata.managedFields'];
const MAX_DIAGNOSTICS = 200;

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function range(node: unknown, fallback: { from: number; to: number }): { from: number; to: number } {
  return isNode(node) && node.range ? { from: node.range[0], to: node.range[1] } : fallback;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return String(value);
}

const ARTICLE: Record<string, string> = { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'true or false', object: 'a mapping', array: 'a list' };

function typeOfScalar(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function fits(actual: string, accepted: string[]): boolean {
  return accepted.length === 0 || accepted.includes(actual) || (actual === 'integer' && accepted.includes('number'));
}

function expected(accepted: string[]): string {
  return accepted.map((t) => ARTICLE[t] ?? t).join(' or ');
}

export function validateDocument(doc: YamlDoc, root: KindSchema): EditorDiagnostic[] {
  const out: EditorDiagnostic[] = [];
  const top = resolveSchema(root, root.schema);
  if (!top || !doc.contents) return out;
  const whole = range(doc.contents, { from: 0, to: 0 });
  if (!isMap(doc.contents)) {
    out.push({ ...whole, severity: 'error', message: `A ${root.gvk.kind} must be a mapping of fields, not ${isSeq(doc.contents) ? 'a list' : 'a single value'}`, source: 'schema' });
    return out;
  }
  walk(doc.contents, top, [], whole, root, out);
  return out.slice(0, MAX_DIAGNOSTICS);
}

function walk(node: Node | null | unknown, schema: OpenApiSchema, path: (string | number)[], keyRange: { from: number; to: number }, root: KindSchema, out: EditorDiagnostic[]): void {
  if (out.length >= MAX_DIAGNOSTICS || SKIPPED.includes(formatPath(path))) return;
  const accepted = acceptedTypes(root, schema);
  const where = path.length ? formatPath(path) : root.gvk.kind;
  if (isMap(node)) {
    if (!fits('object', accepted)) {
      out.push({ ...range(node, keyRange), severity: 'error', message: `${where} must be ${expected(accepted)}, not a mapping`, path, source: 'schema' });
      return;
    }
    const present = new Set<string>();
    for (const pair of node.items) {
      const key = keyName(pair);
      present.add(key);
      const kr = range(pair.key, keyRange);
      const child = childSchema(root, schema, key);
      if (!child) {
        if (!allowsUnknownFields(schema)) {
          const parentLabel = path.length ? formatPath(path) : root.gvk.kind;
          out.push({ ...kr, severity: 'error', message: `Unknown field "${key}" in ${parentLabel}: the server rejects it (strict field validation)`, path: [...path, key], source: 'schema' });
        }
        continue;
      }
      walk(pair.value, child, [...path, key], kr, root, out);
    }
    for (const req of schema.required ?? []) {
      if (!present.has(req)) {
        out.push({ ...keyRange, severity: 'error', message: `${where} is missing the required field "${req}"`, path: [...path, req], source: 'schema' });
      }
    }
    return;
  }
  if (isSeq(node)) {
    if (!fits('array', accepted)) {
      out.push({ ...range(node, keyRange), severity: 'error', message: `${where} must be ${expected(accepted)}, not a list`, path, source: 'schema' });
      return;
    }
    node.items.forEach((item, i) => {
      const child = childSchema(root, schema, i);
      if (child) walk(item, child, [...path, i], range(item, keyRange), root, out);
    });
    return;
  }
  if (isScalar(node)) {
    const v = node.value;
    // null means "not set" to the API server.
    if (v === null || v === undefined) return;
    const actual = typeOfScalar(v);
    if (!fits(actual, accepted)) {
      out.push({ ...range(node, keyRange), severity: 'error', message: `${where} must be ${expected(accepted)}, not ${describeValue(v)}`, path, source: 'schema' });
      return;
    }
    if (schema.enum && schema.enum.length > 0 && !schema.enum.some((e) => e === v)) {
      const options = schema.enum.map((e) => String(e)).join(', ');
      out.push({ ...range(node, keyRange), severity: 'error', message: `${where} must be one of ${options}; "${String(v)}" is not`, path, source: 'schema' });
    }
  }
}

/** Parse errors as diagnostics (the text stays as typed). */
export function yamlErrorDiagnostics(errors: readonly YamlError[], textLength: number): EditorDiagnostic[] {
  return errors.map((e) => {
    const from = Math.min(e.from, textLength);
    const to = Math.min(Math.max(e.to, from), textLength);
    return { from, to, severity: 'error', message: e.message, source: 'yaml' };
  });
}

export { completeAt, hoverAt, type CompletionItem, type CompletionResult, type HoverInfo } from './yaml-complete';
