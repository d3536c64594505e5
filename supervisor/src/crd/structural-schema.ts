/**
 * Structural-schema validation of a CRD version's openAPIV3Schema, as apiextensions runs it on
 * CRD create/update (`pkg/apiserver/schema/validation.go`, `completeness.go`), after the keyword
 * checks of schema-keywords.ts and before the default checks of schema-defaults.ts:
 *
 * - `type` is set on the root and on every property, `items` and `additionalProperties` node,
 *   unless `x-kubernetes-int-or-string` or `x-kubernetes-preserve-unknown-fields` is true;
 * - inside allOf/anyOf/oneOf/not there is no type, description, title, default,
 *   additionalProperties, nullable or x-kubernetes-* extension, and `metadata` is not constrained
 *   (except the `anyOf: [{type: integer}, {type: string}]` int-or-string patterns);
 * - every field the root's junctors constrain is also declared outside them (upstream checks
 *   this from the root's junctors only, and so does this port);
 * - root `metadata` may only declare `name` and `generateName`;
 * - the root is an object, without additionalProperties; embedded resources are objects.
 *
 * As upstream, the structural errors are sorted by their text.
 */
import { FieldErrors, type StatusCause } from '../api/errors';
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, index, key } from './field-path';
import { compilePattern } from './patterns';
import { checkSchemaKeywords, type SchemaKeywordOptions } from './schema-keywords';
import { checkSchemaDefaults } from './schema-defaults';

type Level = 'root' | 'item' | 'field';

const TYPE_REQUIRED: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

export function validateStructuralSchema(
  schema: SchemaNode,
  fieldPath: string,
  options: SchemaKeywordOptions = { strictListTypes: true },
): StatusCause[] {
  const errs = new FieldErrors();
  if (!isObject(schema)) {
    errs.required(fieldPath, 'schemas are required');
    return errs.causes;
  }
  const representable = checkSchemaKeywords(schema, fieldPath, errs, options);
  if (!representable) return errs.causes;
  const structural = new FieldErrors();
  invariants(schema, 'root', fieldPath, structural);
  junctorCompleteness(schema, schema, fieldPath, fieldPath, structural);
  const text = (c: StatusCause): string => `${c.field}: ${c.message}`;
  errs.causes.push(...structural.causes.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0)));
  if (errs.empty) checkSchemaDefaults(schema, fieldPath, errs);
  return errs.causes;
}

function isTyped(s: SchemaNode, type: string): boolean {
  return isObject(s) && s.type === type && Object.keys(s).length === 1;
}

/** `anyOf: [{type: integer}, {type: string}]`, the int-or-string shape upstream exempts. */
function isIntOrStringAnyOf(anyOf: SchemaNode[] | undefined): boolean {
  return anyOf?.length === 2 && isTyped(anyOf[0] as SchemaNode, 'integer') && isTyped(anyOf[1] as SchemaNode, 'string');
}

function invariants(s: SchemaNode, level: Level, path: string, errs: FieldErrors): void {
  if (s.type === 'array' && s.items === undefined) errs.required(child(path, 'items'), 'must be specified');
  if (isObject(s.items)) invariants(s.items, 'item', child(path, 'items'), errs);
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    if (isObject(prop)) invariants(prop, 'field', key(child(path, 'properties'), name), errs);
  }
  if (s.additionalProperties !== undefined) {
    if (level === 'root') errs.forbidden(child(path, 'additionalProperties'), 'must not be used at the root');
    if (isObject(s.additionalProperties)) invariants(s.additionalProperties, 'field', child(path, 'additionalProperties'), errs);
  }
  const intOrString = !!s['x-kubernetes-int-or-string'];
  const preserve = !!s['x-kubernetes-preserve-unknown-fields'];
  const embedded = !!s['x-kubernetes-embedded-resource'];
  if (intOrString && preserve) {
    errs.invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true');
  }
  if (intOrString && embedded) {
    errs.invalid(child(path, 'x-kubernetes-embedded-resource'), true, 'must be false if x-kubernetes-int-or-string is true');
  }
  junctorInvariants(s, path, errs, isIntOrStringAnyOf(s.anyOf), isIntOrStringAnyOf(s.allOf?.[0]?.anyOf));
  if (embedded && s.type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    if (!s.type) errs.required(child(path, 'type'), detail);
    else errs.invalid(child(path, 'type'), s.type, detail);
  } else if (!s.type && !intOrString && !preserve) {
    errs.required(child(path, 'type'), TYPE_REQUIRED[level]);
  }
  if (embedded && s.additionalProperties !== undefined) {
    errs.forbidden(child(path, 'additionalProperties'), 'must not be used if x-kubernetes-embedded-resource is set');
  }
  if (level === 'root' && s.type && s.type !== 'object') errs.invalid(child(path, 'type'), s.type, 'must be object at the root');
  if (level === 'root' || embedded) resourceMetaInvariants(s, level, path, errs);
  if (embedded && !preserve && Object.keys(s.properties ?? {}).length === 0) {
    errs.required(child(path, 'properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields');
  }
}

function resourceMetaInvariants(s: SchemaNode, level: Level, path: string, errs: FieldErrors): void {
  const propPath = (name: string): string => key(child(path, 'properties'), name);
  const { kind, apiVersion, metadata } = s.properties ?? {};
  if (kind && kind.type !== 'string') errs.invalid(child(propPath('kind'), 'type'), kind.type ?? '', 'must be string');
  if (apiVersion && apiVersion.type !== 'string') errs.invalid(child(propPath('apiVersion'), 'type'), apiVersion.type ?? '', 'must be string');
  if (!metadata) return;
  if (metadata.type !== 'object') errs.invalid(child(propPath('metadata'), 'type'), metadata.type ?? '', 'must be object');
  if (level !== 'root') return;
  // Only name/generateName may be constrained; type, description and default (checked elsewhere) are tolerated.
  const extra = Object.keys(metadata).filter((k) => !['type', 'description', 'title', 'default', 'properties'].includes(k));
  const props = Object.keys(metadata.properties ?? {}).filter((k) => k !== 'name' && k !== 'generateName');
  if (extra.length > 0 || props.length > 0) {
    errs.forbidden(propPath('metadata'), 'must not specify anything other than name and generateName, but metadata is implicitly specified');
  }
}

/** The value validations of one node: its junctors (recursively checked) and its pattern. */
function junctorInvariants(s: SchemaNode, path: string, errs: FieldErrors, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean): void {
  if (!skipAnyOf) (s.anyOf ?? []).forEach((v, i) => nestedInvariants(v, index(child(path, 'anyOf'), i), errs, false));
  (s.allOf ?? []).forEach((v, i) => nestedInvariants(v, index(child(path, 'allOf'), i), errs, skipFirstAllOfAnyOf && i === 0));
  (s.oneOf ?? []).forEach((v, i) => nestedInvariants(v, index(child(path, 'oneOf'), i), errs, false));
  if (s.not) nestedInvariants(s.not, child(path, 'not'), errs, false);
  if (typeof s.pattern === 'string') {
    const re = compilePattern(s.pattern);
    if (re instanceof Error) errs.invalid(child(path, 'pattern'), s.pattern, `must be a valid regular expression, but isn't: ${re.message}`);
  }
}

const FORBIDDEN_IN_JUNCTORS: [string, (v: unknown) => boolean, string][] = [
  ['type', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['additionalProperties', (v) => v !== undefined, 'must be undefined to be structural'],
  ['default', (v) => v !== undefined, 'must be undefined to be structural'],
  ['title', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['description', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['nullable', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-int-or-string', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', (v) => Array.isArray(v) && v.length > 0, 'must be empty to be structural'],
  ['x-kubernetes-list-type', (v) => v !== undefined, 'must be undefined to be structural'],
];

function nestedInvariants(v: SchemaNode, path: string, errs: FieldErrors, skipAnyOf: boolean): void {
  if (typeof v !== 'object' || v === null) return;
  junctorInvariants(v, path, errs, skipAnyOf, false);
  if (isObject(v.items)) nestedInvariants(v.items, child(path, 'items'), errs, false);
  for (const [name, prop] of Object.entries(v.properties ?? {})) nestedInvariants(prop, key(child(path, 'properties'), name), errs, false);
  for (const [k, present, detail] of FORBIDDEN_IN_JUNCTORS) {
    if (present((v as Record<string, unknown>)[k])) errs.forbidden(child(path, k), detail);
  }
  if (v.properties?.metadata) errs.forbidden(key(child(path, 'properties'), 'metadata'), 'must not be specified in a nested context');
}

/** Everything a junctor under `v` constrains must exist in the structural schema `s`. */
function junctorCompleteness(v: SchemaNode, s: SchemaNode | undefined, sPath: string, vPath: string, errs: FieldErrors): void {
  const nested: [SchemaNode | undefined, string][] = [
    [v.not, child(vPath, 'not')],
    ...(v.allOf ?? []).map((n, i): [SchemaNode, string] => [n, index(child(vPath, 'allOf'), i)]),
    ...(v.anyOf ?? []).map((n, i): [SchemaNode, string] => [n, index(child(vPath, 'anyOf'), i)]),
    ...(v.oneOf ?? []).map((n, i): [SchemaNode, string] => [n, index(child(vPath, 'oneOf'), i)]),
  ];
  for (const [node, at] of nested) if (isObject(node)) nestedCompleteness(node, s, sPath, at, errs);
}

function nestedCompleteness(v: SchemaNode, s: SchemaNode | undefined, sPath: string, vPath: string, errs: FieldErrors): void {
  if (!s) {
    errs.required(sPath, `because it is defined in ${vPath}`);
    return;
  }
  junctorCompleteness(v, s, sPath, vPath, errs);
  if (isObject(v.items)) nestedCompleteness(v.items, isObject(s.items) ? s.items : undefined, child(sPath, 'items'), child(vPath, 'items'), errs);
  for (const [name, prop] of Object.entries(v.properties ?? {})) {
    const sProp = s.properties?.[name];
    const sPropPath = key(child(sPath, 'properties'), name);
    const vPropPath = key(child(vPath, 'properties'), name);
    if (!sProp) errs.required(sPropPath, `because it is defined in ${vPropPath}`);
    else nestedCompleteness(prop, sProp, sPropPath, vPropPath, errs);
  }
}
