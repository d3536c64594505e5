/**
 * Pruning of fields a structural schema does not declare, as apiextensions'
 * `pkg/apiserver/schema/pruning/algorithm.go` does on create, update and read.
 *
 * - Unknown keys of an object are dropped unless the object (or an ancestor object, up to the next
 *   declared property) has `x-kubernetes-preserve-unknown-fields: true`; declared properties and
 *   `additionalProperties` schemas inside a preserved object are still pruned.
 * - At a resource root (the object itself, or a value with `x-kubernetes-embedded-resource`),
 *   `apiVersion`, `kind` and `metadata` are always kept and never pruned by the schema: root
 *   metadata is ObjectMeta, validated by the server.
 * - `additionalProperties: true` keeps values as they are (upstream would empty nested objects
 *   under it; CRDs rarely use the boolean form and keeping data is the safer failure).
 *
 * Dropped fields are reported as paths like `spec.foo` or `spec.ports[0].foo`; the caller turns them
 * into `unknown field "spec.foo"` (fieldValidation=Strict → 400, Warn → Warning header).
 */
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, index } from './field-path';

export interface PruneResult<T> {
  object: T;
  unknownPaths: string[];
}

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

export function pruneUnknownFields<T>(obj: T, schema: SchemaNode, options: { isResourceRoot?: boolean } = {}): PruneResult<T> {
  const unknownPaths: string[] = [];
  const object = prune(obj, schema, '', options.isResourceRoot ?? true, unknownPaths) as T;
  return { object, unknownPaths };
}

function prune(x: unknown, s: SchemaNode | undefined, path: string, isResourceRoot: boolean, dropped: string[]): unknown {
  if (s?.['x-kubernetes-preserve-unknown-fields']) return skipPrune(x, s, path, isResourceRoot, dropped);
  if (Array.isArray(x)) return x.map((item, i) => prune(item, s?.items, index(path, i), false, dropped));
  if (!isObject(x)) return x;
  const out: Record<string, unknown> = {};
  const embedded = isResourceRoot || !!s?.['x-kubernetes-embedded-resource'];
  for (const [k, v] of Object.entries(x)) {
    if (embedded && META_FIELDS.has(k)) {
      out[k] = v;
      continue;
    }
    const next = s && schemaFor(s, k);
    if (next === 'keep') out[k] = v;
    else if (next) out[k] = prune(v, next, child(path, k), false, dropped);
    else dropped.push(child(path, k));
  }
  return out;
}

/** Inside a preserved object: unknown keys stay, known ones are pruned by their own schema. */
function skipPrune(x: unknown, s: SchemaNode, path: string, isResourceRoot: boolean, dropped: string[]): unknown {
  if (Array.isArray(x)) {
    const items = s.items;
    return items ? x.map((item, i) => skipPrune(item, items, index(path, i), false, dropped)) : x;
  }
  if (!isObject(x)) return x;
  const out: Record<string, unknown> = {};
  const embedded = isResourceRoot || !!s['x-kubernetes-embedded-resource'];
  for (const [k, v] of Object.entries(x)) {
    const next = embedded && META_FIELDS.has(k) ? 'keep' : schemaFor(s, k);
    out[k] = next && next !== 'keep' ? prune(v, next, child(path, k), false, dropped) : v;
  }
  return out;
}

function schemaFor(s: SchemaNode, key: string): SchemaNode | 'keep' | undefined {
  const prop = s.properties?.[key];
  if (prop) return prop;
  if (isObject(s.additionalProperties)) return s.additionalProperties;
  return s.additionalProperties === true ? 'keep' : undefined;
}
