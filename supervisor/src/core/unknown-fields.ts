import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { isObject } from '../api/types';

/**
 * Finds and drops fields a schema does not declare, as the real API server does when it decodes
 * into typed structs (built-ins) or prunes (CRDs). Paths are reported as upstream's strict decoder
 * prints them (`spec.containers[0].foo`), for fieldValidation Strict (400) and Warn (a warning).
 */
export interface PruneResult {
  object: Record<string, unknown>;
  unknown: string[];
}

function resolved(node: SchemaNode | undefined, resolve: SchemaResolver): SchemaNode | undefined {
  return node ? resolve(node) : undefined;
}

function isOpen(node: SchemaNode): boolean {
  return node['x-kubernetes-preserve-unknown-fields'] === true || node['x-kubernetes-int-or-string'] === true || (!node.type && !node.properties && !node.items && node.additionalProperties === undefined);
}

function walk(value: unknown, node: SchemaNode | undefined, resolve: SchemaResolver, path: string, unknown: string[]): unknown {
  const schema = resolved(node, resolve);
  if (!schema || isOpen(schema)) return value;
  if (Array.isArray(value)) {
    if (!schema.items) return value;
    return value.map((v, i) => walk(v, schema.items, resolve, `${path}[${i}]`, unknown));
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  for (const [k, v] of Object.entries(value)) {
    const child = `${path ? `${path}.` : ''}${k}`;
    const prop = schema.properties?.[k];
    if (prop) out[k] = walk(v, prop, resolve, child, unknown);
    else if (isObject(schema.additionalProperties)) out[k] = walk(v, schema.additionalProperties, resolve, child, unknown);
    else if (schema.additionalProperties === true) out[k] = v;
    else if (embedded && (k === 'apiVersion' || k === 'kind' || k === 'metadata')) out[k] = v;
    else if (!schema.properties && schema.additionalProperties === undefined) out[k] = v;
    else unknown.push(child);
  }
  return out;
}

/** Prunes `obj` against `schema`; the root's apiVersion, kind and metadata are always kept. */
export function pruneUnknownFields(obj: Record<string, unknown>, schema: SchemaNode, resolve: SchemaResolver, keepMetadata = true): PruneResult {
  const unknown: string[] = [];
  const root = resolve(schema);
  const pruned = walk(obj, { ...root, properties: { ...root.properties } }, resolve, '', unknown) as Record<string, unknown>;
  if (keepMetadata) {
    for (const k of ['apiVersion', 'kind', 'metadata']) if (k in obj && !(k in pruned)) pruned[k] = obj[k];
  }
  return { object: pruned, unknown: unknown.filter((p) => !(keepMetadata && ['apiVersion', 'kind', 'metadata'].includes(p))) };
}
