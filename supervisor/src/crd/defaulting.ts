/**
 * Structural defaulting, as apiextensions' `pkg/apiserver/schema/defaulting/algorithm.go` plus
 * `PruneNonNullableNullsWithoutDefaults`, applied on create, update and read after pruning:
 *
 * - a declared property that is missing gets a deep copy of its `default`, and defaulting then
 *   continues into the defaulted value (so nested defaults inside it apply too);
 * - recursion follows properties, `items` and `additionalProperties`;
 * - a `null` where the schema is not `nullable` is replaced by the default when there is one,
 *   and otherwise removed (so a required field reads as missing rather than as a type error).
 */
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';

/** Returns a defaulted deep copy; `obj` is not modified. */
export function applyDefaults<T>(obj: T, schema: SchemaNode): T {
  const copy = structuredClone(obj);
  defaultNode(copy, schema);
  dropNonNullableNulls(copy, schema);
  return copy;
}

function isNonNullableNullWithDefault(value: unknown, s: SchemaNode | undefined): s is SchemaNode {
  return value === null && !!s && !s.nullable && s.default !== undefined;
}

function defaultNode(x: unknown, s: SchemaNode | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    x.forEach((item, i) => {
      if (isNonNullableNullWithDefault(item, s.items)) x[i] = structuredClone(s.items.default);
      defaultNode(x[i], s.items);
    });
    return;
  }
  if (!isObject(x)) return;
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    if (prop.default === undefined) continue;
    if (!(k in x) || isNonNullableNullWithDefault(x[k], prop)) x[k] = structuredClone(prop.default);
  }
  const additional = isObject(s.additionalProperties) ? s.additionalProperties : undefined;
  for (const k of Object.keys(x)) {
    const prop = s.properties?.[k];
    if (prop) {
      defaultNode(x[k], prop);
    } else if (additional) {
      if (isNonNullableNullWithDefault(x[k], additional)) x[k] = structuredClone(additional.default);
      defaultNode(x[k], additional);
    }
  }
}

function dropNonNullableNulls(x: unknown, s: SchemaNode | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    for (const item of x) dropNonNullableNulls(item, s.items);
    return;
  }
  if (!isObject(x)) return;
  const additional = isObject(s.additionalProperties) ? s.additionalProperties : undefined;
  for (const [k, v] of Object.entries(x)) {
    const prop = s.properties?.[k] ?? additional;
    if (!prop) continue;
    if (v === null && !prop.nullable && prop.default === undefined) delete x[k];
    else dropNonNullableNulls(v, prop);
  }
}
