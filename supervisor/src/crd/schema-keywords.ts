/**
 * The static checks apiextensions runs on every node of a CRD's openAPIV3Schema before the
 * structural checks (`ValidateCustomResourceDefinitionOpenAPISchema` in
 * `pkg/apis/apiextensions/validation/validation.go`): unsupported keywords, the
 * properties/additionalProperties exclusion, where defaults may appear, and the declarations of
 * `x-kubernetes-list-type`/`-list-map-keys`/`-map-type`. Messages are upstream's.
 *
 * `x-kubernetes-validations` (CEL) rules are accepted without any check and never evaluated.
 */
import { FieldErrors } from '../api/errors';
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, index, key } from './field-path';

const OPENAPI_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
/** Keywords a structural schema cannot express; their presence also stops the structural pass. */
const UNSUPPORTED = ['id', 'additionalItems', 'patternProperties', 'definitions', 'dependencies', '$ref', 'xml'];
const MUST_NOT_BE_TRUE = ['readOnly', 'writeOnly'];
const META_FIELDS = new Set(['metadata', 'kind', 'apiVersion']);

export interface SchemaKeywordOptions {
  /**
   * The newer list-type rules (set items atomic; map keys required or defaulted and not
   * nullable; set/map items not nullable). Upstream enforces them on create, and on update only
   * when the stored CRD already satisfied them, so existing CRDs keep updating.
   */
  strictListTypes: boolean;
}

interface Context extends SchemaKeywordOptions {
  isRoot: boolean;
  insideResourceMeta: boolean;
  forbiddenDefaultsReason?: string;
}

/**
 * Checks `schema` (found at `path`) and reports into `errs`. Returns false when the schema uses
 * something a structural schema cannot represent, in which case upstream skips (and hides) the
 * structural checks; callers do the same.
 */
export function checkSchemaKeywords(schema: SchemaNode, path: string, errs: FieldErrors, options: SchemaKeywordOptions): boolean {
  if (schema.nullable) errs.forbidden(child(path, 'nullable'), 'nullable cannot be true at the root');
  return walk(schema, path, { ...options, isRoot: true, insideResourceMeta: false }, errs);
}

function raw(s: SchemaNode): Record<string, unknown> {
  return s as unknown as Record<string, unknown>;
}

function walk(s: SchemaNode, path: string, ctx: Context, errs: FieldErrors): boolean {
  let representable = checkNode(s, path, ctx, errs);
  const sub = (node: unknown, at: string, next: Context): void => {
    if (isObject(node)) representable = walk(node as SchemaNode, at, next, errs) && representable;
    else if (node !== undefined) {
      // Upstream fails to decode such a CRD at all; here it is reported with the other errors.
      errs.invalid(at, node, 'must be a JSON schema object');
      representable = false;
    }
  };
  const nested: Context = { ...ctx, isRoot: false };
  if (s.additionalProperties !== undefined && typeof s.additionalProperties !== 'boolean') {
    const reason = ctx.insideResourceMeta ? 'inside additionalProperties applying to object metadata' : ctx.forbiddenDefaultsReason;
    sub(s.additionalProperties, child(path, 'additionalProperties'), { ...nested, forbiddenDefaultsReason: reason });
  }
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const next: Context = { ...nested };
    if ((ctx.isRoot || s['x-kubernetes-embedded-resource']) && META_FIELDS.has(name)) {
      next.insideResourceMeta = true;
      if (ctx.isRoot) next.forbiddenDefaultsReason = `in top-level ${name}`;
    }
    sub(prop, key(child(path, 'properties'), name), next);
  }
  sub(s.not, child(path, 'not'), nested);
  for (const junctor of ['allOf', 'oneOf', 'anyOf'] as const) {
    (s[junctor] ?? []).forEach((node, i) => sub(node, index(child(path, junctor), i), nested));
  }
  if (!Array.isArray(s.items)) sub(s.items, child(path, 'items'), nested);
  checkListAndMapTypes(s, path, ctx.strictListTypes, errs);
  return representable;
}

function checkNode(s: SchemaNode, path: string, ctx: Context, errs: FieldErrors): boolean {
  let representable = true;
  if (s.type !== undefined && !OPENAPI_TYPES.includes(s.type)) errs.notSupported(child(path, 'type'), s.type, OPENAPI_TYPES);
  if ((s.type as string | undefined) === 'null') errs.forbidden(child(path, 'type'), 'type cannot be set to null, use nullable as an alternative');
  if (s.default !== undefined && ctx.forbiddenDefaultsReason) {
    errs.forbidden(child(path, 'default'), `must not be set ${ctx.forbiddenDefaultsReason}`);
  }
  for (const k of UNSUPPORTED) {
    if (raw(s)[k] !== undefined) {
      errs.forbidden(child(path, k), `${k} is not supported`);
      representable = false;
    }
  }
  for (const k of MUST_NOT_BE_TRUE) if (raw(s)[k] === true) errs.forbidden(child(path, k), `${k} is not supported`);
  if (Array.isArray(s.items)) {
    errs.forbidden(child(path, 'items'), 'items must be a schema object and not an array');
    representable = false;
  }
  if (ctx.insideResourceMeta && s['x-kubernetes-embedded-resource']) {
    errs.forbidden(child(path, 'x-kubernetes-embedded-resource'), 'must not be used inside of resource meta');
  }
  if (s.uniqueItems === true) {
    errs.forbidden(child(path, 'uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic');
  }
  const ap = s.additionalProperties;
  if (ap !== undefined && Object.keys(s.properties ?? {}).length > 0 && ap !== true) {
    errs.forbidden(child(path, 'additionalProperties'), 'additionalProperties and properties are mutual exclusive');
    representable = false;
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === false) {
    errs.invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined');
  }
  return representable;
}

function requireType(s: SchemaNode, path: string, type: string, why: string, errs: FieldErrors): void {
  if (s.type === type) return;
  if (!s.type) errs.required(child(path, 'type'), `must be ${type} if ${why}`);
  else errs.invalid(child(path, 'type'), s.type, `must be ${type} if ${why}`);
}

function checkListAndMapTypes(s: SchemaNode, path: string, strict: boolean, errs: FieldErrors): void {
  const mapType = s['x-kubernetes-map-type'];
  if (mapType !== undefined) {
    requireType(s, path, 'object', 'x-kubernetes-map-type is specified', errs);
    if (mapType !== 'atomic' && mapType !== 'granular') errs.notSupported(child(path, 'x-kubernetes-map-type'), mapType, ['atomic', 'granular']);
  }
  const listType = s['x-kubernetes-list-type'];
  const mapKeys = s['x-kubernetes-list-map-keys'] ?? [];
  const items = isObject(s.items) && !Array.isArray(s.items) ? s.items : undefined;
  if (listType !== undefined) {
    requireType(s, path, 'array', 'x-kubernetes-list-type is specified', errs);
    if (!['atomic', 'set', 'map'].includes(listType)) errs.notSupported(child(path, 'x-kubernetes-list-type'), listType, ['atomic', 'set', 'map']);
  }
  if (mapKeys.length > 0 && listType !== 'map') {
    const detail = 'must be map if x-kubernetes-list-map-keys is non-empty';
    if (listType === undefined) errs.required(child(path, 'x-kubernetes-list-type'), detail);
    else errs.invalid(child(path, 'x-kubernetes-list-type'), listType, detail);
  }
  if (strict && (listType === 'set' || listType === 'map') && items?.nullable) {
    errs.forbidden(child(child(path, 'items'), 'nullable'), `cannot be nullable when x-kubernetes-list-type is ${listType}`);
  }
  if (strict && listType === 'set' && items) checkAtomicSetItems(items, path, errs);
  if (listType === 'map') checkListMap(s, items, mapKeys, path, strict, errs);
}

function checkAtomicSetItems(items: SchemaNode, path: string, errs: FieldErrors): void {
  const detail = 'must be atomic as item of a list with x-kubernetes-list-type=set';
  const itemsPath = child(path, 'items');
  if (items.type === 'array' && items['x-kubernetes-list-type'] !== undefined && items['x-kubernetes-list-type'] !== 'atomic') {
    errs.invalid(child(itemsPath, 'x-kubernetes-list-type'), items['x-kubernetes-list-type'], detail);
  }
  if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
    errs.invalid(child(itemsPath, 'x-kubernetes-map-type'), items['x-kubernetes-map-type'] ?? null, detail);
  }
}

function checkListMap(s: SchemaNode, items: SchemaNode | undefined, mapKeys: string[], path: string, strict: boolean, errs: FieldErrors): void {
  const itemsPath = child(path, 'items');
  if (mapKeys.length === 0) errs.required(child(path, 'x-kubernetes-list-map-keys'), 'must not be empty if x-kubernetes-list-type is map');
  if (!items) {
    if (s.items === undefined) errs.required(itemsPath, 'must have a schema if x-kubernetes-list-type is map');
    return;
  }
  if (items.type !== 'object') {
    errs.invalid(child(itemsPath, 'type'), items.type ?? '', "must be object if parent array's x-kubernetes-list-type is map");
    return;
  }
  const seen = new Set<string>();
  for (const k of mapKeys) {
    const keyPath = key(child(itemsPath, 'properties'), k);
    const prop = items.properties?.[k];
    if (!prop) errs.invalid(child(path, 'x-kubernetes-list-map-keys'), mapKeys, 'entries must all be names of item properties');
    else {
      if (prop.type === 'array' || prop.type === 'object') {
        errs.invalid(child(keyPath, 'type'), items.type, "must be a scalar type if parent array's x-kubernetes-list-type is map");
      }
      if (strict && !(items.required ?? []).includes(k) && prop.default === undefined) {
        errs.required(child(keyPath, 'default'), 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property');
      }
      if (strict && prop.nullable) errs.forbidden(child(keyPath, 'nullable'), 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable');
    }
    if (seen.has(k)) errs.invalid(child(path, 'x-kubernetes-list-map-keys'), mapKeys, 'must not contain duplicate entries');
    seen.add(k);
  }
}

/** Whether `schema` already satisfies the strict list-type rules (used to ratchet them on update). */
export function meetsStrictListTypes(schema: SchemaNode): boolean {
  const strict = new FieldErrors();
  const lenient = new FieldErrors();
  checkSchemaKeywords(schema, '', strict, { strictListTypes: true });
  checkSchemaKeywords(schema, '', lenient, { strictListTypes: false });
  return strict.causes.length === lenient.causes.length;
}
