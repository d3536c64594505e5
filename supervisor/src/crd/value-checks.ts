/**
 * The per-keyword checks of kube-openapi's schema validator for one value, with its messages
 * (`pkg/validation/errors/schema.go`) mapped to field errors the way apiextensions'
 * `kubeOpenAPIResultToFieldErrors` maps them (Required, NotSupported, TooLong, TooMany,
 * TypeInvalid; everything else Invalid).
 */
import type { SchemaNode } from '../openapi/schema-node';
import { fitsIntegerFormat, matchesStringFormat } from './formats';
import { compilePattern } from './patterns';
import type { Report } from './report';

export function checkString(r: Report, value: string, s: SchemaNode, path: string): void {
  const length = [...value].length;
  if (s.maxLength !== undefined && length > s.maxLength) r.tooLong(path, s.maxLength);
  if (s.minLength !== undefined && length < s.minLength) {
    r.invalid(path, value, `${r.subject(path)} should be at least ${s.minLength} chars long`);
  }
  if (s.pattern !== undefined) {
    const re = compilePattern(s.pattern);
    if (re instanceof RegExp && !re.test(value)) r.invalid(path, value, `${r.subject(path)} should match '${s.pattern}'`);
  }
  if (s.format && !matchesStringFormat(s.format, value)) {
    r.typeInvalid(path, value, `${r.subject(path)} must be of type ${s.format}: ${JSON.stringify(value)}`);
  }
}

function isMultipleOf(value: number, factor: number): boolean {
  const quotient = value / factor;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

export function checkNumber(r: Report, value: number, s: SchemaNode, path: string): void {
  const subject = r.subject(path);
  if (s.format && !fitsIntegerFormat(s.format, value)) {
    r.typeInvalid(path, value, `${subject} must be of type ${s.format}: ${JSON.stringify(String(value))}`);
  }
  if (s.multipleOf !== undefined && s.multipleOf > 0 && !isMultipleOf(value, s.multipleOf)) {
    r.invalid(path, value, `${subject} should be a multiple of ${s.multipleOf}`);
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum)) {
    r.invalid(path, value, `${subject} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`);
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)) {
    r.invalid(path, value, `${subject} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`);
  }
}

export function checkArraySize(r: Report, value: unknown[], s: SchemaNode, path: string): void {
  if (s.minItems !== undefined && value.length < s.minItems) {
    r.invalid(path, value.length, `${r.subject(path)} should have at least ${s.minItems} items`);
  }
  if (s.maxItems !== undefined && value.length > s.maxItems) r.tooMany(path, value.length, s.maxItems);
  // uniqueItems: true is rejected in CRD schemas; kept for schemas that reach here by other routes.
  if (s.uniqueItems && new Set(value.map((v) => canonicalJson(v))).size !== value.length) {
    r.invalid(path, value, `${r.subject(path)} shouldn't contain duplicates`);
  }
}

export function checkObjectSize(r: Report, value: Record<string, unknown>, s: SchemaNode, path: string): void {
  const count = Object.keys(value).length;
  if (s.minProperties !== undefined && count < s.minProperties) {
    r.invalid(path, count, `${r.subject(path)} should have at least ${s.minProperties} properties`);
  }
  if (s.maxProperties !== undefined && count > s.maxProperties) r.tooMany(path, count, s.maxProperties);
}

/** Enum values are listed as strings when they are strings, else as JSON (as upstream does). */
export function checkEnum(r: Report, value: unknown, s: SchemaNode, path: string): void {
  if (!s.enum || s.enum.length === 0) return;
  const actual = canonicalJson(value);
  if (s.enum.some((candidate) => canonicalJson(candidate) === actual)) return;
  r.notSupported(path, value, s.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
}

/** JSON with object keys sorted, so deep equality is string equality (Go's json.Marshal sorts keys too). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'null';
}
