/**
 * Validation of a custom resource against its version's structural schema, reproducing what
 * kube-openapi's SchemaValidator plus apiextensions' list-type and embedded-resource checks
 * report, with their messages, e.g.
 *   spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"
 *   spec.replicas: Invalid value: 7: spec.replicas in body should be less than or equal to 5
 *   spec.name: Required value
 *   spec.mode: Unsupported value: "x": supported values: "a", "b"
 * As upstream, a type error reports the JSON type of the bad value (not the value) as the value.
 *
 * Paths follow kube-openapi: properties and additionalProperties keys as `.name`, items as `[i]`.
 * `x-kubernetes-validations` (CEL) rules are not evaluated: the supervisor accepts them in CRDs and
 * ignores them, so only the OpenAPI keywords constrain custom resources.
 */
import type { StatusCause } from '../api/errors';
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, index } from './field-path';
import { checkEmbeddedResource, checkListType } from './list-type-checks';
import { Report } from './report';
import { checkArraySize, checkEnum, checkNumber, checkObjectSize, checkString } from './value-checks';

export interface CustomResourceValidationOptions {
  /** Prepended to every reported field (used to validate a schema's `default` inside a CRD). */
  fieldPrefix?: string;
  /**
   * Whether the validated value is a whole resource (the default). A resource root's own
   * apiVersion/kind/metadata are checked by the server, not here; a non-root value under
   * `x-kubernetes-embedded-resource` gets the embedded-resource checks.
   */
  isResourceRoot?: boolean;
}

export function validateCustomResource(obj: unknown, schema: SchemaNode, options: CustomResourceValidationOptions = {}): StatusCause[] {
  const r = new Report(options.fieldPrefix ?? '');
  validateNode(r, obj, schema, '', options.isResourceRoot ?? true);
  return r.causes;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

function jsonType(value: unknown): JsonType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  return undefined;
}

/** The types a node admits; int-or-string widens to both, as the structural schema converts it. */
function allowedTypes(s: SchemaNode): string[] | undefined {
  if (s['x-kubernetes-int-or-string']) return ['integer', 'string'];
  return s.type ? [s.type] : undefined;
}

function validateNode(r: Report, value: unknown, s: SchemaNode, path: string, isResourceRoot: boolean): void {
  const allowed = allowedTypes(s);
  if (value === null || value === undefined) {
    if (!s.nullable && allowed) r.typeInvalid(path, 'null', `${r.subject(path)} must be of type ${allowed.join(',')}: "null"`);
    // As upstream, a nullable enum must list null explicitly to admit it.
    checkEnum(r, null, s, path);
    return;
  }
  const actual = jsonType(value);
  if (allowed && actual && !allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
    r.typeInvalid(path, actual, `${r.subject(path)} must be of type ${allowed.join(',')}: "${actual}"`);
    return;
  }
  validateJunctors(r, value, s, path, isResourceRoot);
  if (typeof value === 'string') checkString(r, value, s, path);
  else if (typeof value === 'number') checkNumber(r, value, s, path);
  else if (Array.isArray(value)) validateArray(r, value, s, path);
  else if (isObject(value)) validateObject(r, value, s, path, isResourceRoot);
  checkEnum(r, value, s, path);
}

function validateArray(r: Report, value: unknown[], s: SchemaNode, path: string): void {
  if (s.items) {
    const items = s.items;
    value.forEach((item, i) => validateNode(r, item, items, index(path, i), false));
  }
  checkArraySize(r, value, s, path);
  checkListType(r, value, s, path);
}

function validateObject(r: Report, value: Record<string, unknown>, s: SchemaNode, path: string, isResourceRoot: boolean): void {
  checkObjectSize(r, value, s, path);
  const properties = s.properties ?? {};
  const additional = s.additionalProperties;
  for (const [k, v] of Object.entries(value)) {
    if (k in properties) continue;
    if (additional === false) r.invalid(path, k, `${path ? `${path}.` : ''}${k} in body is a forbidden property`);
    else if (isObject(additional)) validateNode(r, v, additional, child(path, k), false);
  }
  for (const [k, propSchema] of Object.entries(properties)) {
    if (k in value) validateNode(r, value[k], propSchema, child(path, k), false);
  }
  for (const k of s.required ?? []) {
    if (!(k in value)) r.required(child(path, k));
  }
  if (s['x-kubernetes-embedded-resource'] && !isResourceRoot) checkEmbeddedResource(r, value, path);
}

/** allOf/anyOf/oneOf/not with kube-openapi's composite messages (reported as Invalid ""). */
function validateJunctors(r: Report, value: unknown, s: SchemaNode, path: string, isResourceRoot: boolean): void {
  const attempt = (sub: SchemaNode): Report => {
    const sink = r.fork();
    validateNode(sink, value, sub, path, isResourceRoot);
    return sink;
  };
  const fewestErrors = (reports: Report[]): Report | undefined =>
    reports.reduce<Report | undefined>((best, cur) => (!best || cur.causes.length < best.causes.length ? cur : best), undefined);
  const quoted = JSON.stringify(path);

  if (s.anyOf?.length) {
    const results = s.anyOf.map(attempt);
    if (!results.some((res) => res.empty)) {
      r.invalid(path, '', `${quoted} must validate at least one schema (anyOf)`);
      const best = fewestErrors(results);
      if (best) r.merge(best);
    }
  }
  if (s.oneOf?.length) {
    const results = s.oneOf.map(attempt);
    const valid = results.filter((res) => res.empty).length;
    if (valid !== 1) {
      r.invalid(path, '', `${quoted} must validate one and only one schema (oneOf). ${valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`}`);
      const best = valid === 0 ? fewestErrors(results) : undefined;
      if (best) r.merge(best);
    }
  }
  if (s.allOf?.length) {
    const results = s.allOf.map(attempt);
    const valid = results.filter((res) => res.empty).length;
    for (const res of results) r.merge(res);
    if (valid !== results.length) r.invalid(path, '', `${quoted} must validate all the schemas (allOf)${valid === 0 ? '. None validated' : ''}`);
  }
  if (s.not && attempt(s.not).empty) r.invalid(path, '', `${quoted} must not validate the schema (not)`);
}
