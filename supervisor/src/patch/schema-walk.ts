/**
 * Schema navigation shared by strategic merge patch and field tracking.
 *
 * A Slot is the schema position of one value: the node as written in its parent (`raw`, which may be
 * a `$ref` or `allOf:[{$ref}]` wrapper carrying extensions such as `x-kubernetes-patch-strategy`) and
 * the resolved node. Extensions are read from the wrapper first, then from the resolved node, because
 * upstream OpenAPI puts patch extensions beside the reference. A Slot without a schema is "unknown":
 * maps are granular and lists atomic there.
 */
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { isObject } from './json-util';

export interface Slot {
  readonly raw?: SchemaNode;
  readonly node?: SchemaNode;
  readonly resolve: SchemaResolver;
  /** True for an object root (top level or `x-kubernetes-embedded-resource`): its `metadata` is ObjectMeta. */
  readonly objectRoot?: boolean;
  /**
   * True when the field exists in the Go zero value of its parent: a non-pointer struct (published with
   * `default: {}`) or a field without omitempty (published as `required`). Upstream compares typed
   * objects, so such a field never appears or disappears as a whole while its parent exists.
   */
  readonly implicit?: boolean;
}

export type ListType = 'atomic' | 'set' | 'map';

export interface ListSemantics {
  type: ListType;
  /** Key fields of a `map` list, in schema order. */
  keys: string[];
}

export interface PatchMeta {
  /** The list or map strategy for strategic merge patch: merge, replace, or none given. */
  strategy: 'merge' | 'replace' | '';
  retainKeys: boolean;
  mergeKey?: string;
}

const mapOfStrings: SchemaNode = { type: 'object', additionalProperties: { type: 'string' } };

/**
 * ObjectMeta's list and map semantics, used when the caller's schema does not describe `metadata`
 * (CRD schemas usually do not). Mirrors the markers on apimachinery's ObjectMeta.
 */
export const OBJECT_META_SCHEMA: SchemaNode = {
  type: 'object',
  properties: {
    labels: mapOfStrings,
    annotations: mapOfStrings,
    finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          name: { type: 'string' },
          uid: { type: 'string' },
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['uid'],
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
    },
    managedFields: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' },
  },
  additionalProperties: false,
};

function makeSlot(raw: SchemaNode | undefined, resolve: SchemaResolver, required = false): Slot {
  if (!raw) return { resolve };
  const node = resolve(raw);
  const defaulted = raw.default ?? node.default;
  const zeroStruct = isObject(defaulted) && Object.keys(defaulted).length === 0;
  return { raw, node, resolve, objectRoot: ext(raw, node, 'x-kubernetes-embedded-resource') === true, implicit: required || zeroStruct };
}

function ext(raw: SchemaNode | undefined, node: SchemaNode | undefined, name: `x-${string}`): unknown {
  return raw?.[name] ?? node?.[name];
}

/** The slot of a whole object of the given schema (`undefined` when the kind has no known schema). */
export function rootSlot(schema: SchemaNode | undefined, resolve: SchemaResolver): Slot {
  return { ...makeSlot(schema, resolve), objectRoot: true };
}

/** The slot of member `key` of a map value at `slot`. */
export function childSlot(slot: Slot, key: string): Slot {
  const node = slot.node;
  if (slot.objectRoot && key === 'metadata') {
    const given = node?.properties?.metadata;
    const resolved = given ? slot.resolve(given) : undefined;
    return resolved?.properties?.labels ? makeSlot(given, slot.resolve) : makeSlot(OBJECT_META_SCHEMA, slot.resolve);
  }
  if (!node) return { resolve: slot.resolve };
  const prop = node.properties?.[key];
  if (prop) return makeSlot(prop, slot.resolve, node.required?.includes(key) ?? false);
  if (isObject(node.additionalProperties)) return makeSlot(node.additionalProperties as SchemaNode, slot.resolve);
  return { resolve: slot.resolve };
}

/** The slot of the items of a list value at `slot`. */
export function itemSlot(slot: Slot): Slot {
  return makeSlot(slot.node?.items, slot.resolve);
}

/** True when `x-kubernetes-map-type: atomic` makes a map one indivisible value. */
export function isAtomicMap(slot: Slot): boolean {
  return ext(slot.raw, slot.node, 'x-kubernetes-map-type') === 'atomic';
}

/** The strategic-merge-patch metadata of the field at `slot`. */
export function patchMeta(slot: Slot): PatchMeta {
  const strategies = String(ext(slot.raw, slot.node, 'x-kubernetes-patch-strategy') ?? '')
    .split(',')
    .map((s) => s.trim());
  const mergeKey = ext(slot.raw, slot.node, 'x-kubernetes-patch-merge-key');
  return {
    strategy: strategies.includes('merge') ? 'merge' : strategies.includes('replace') ? 'replace' : '',
    retainKeys: strategies.includes('retainKeys'),
    mergeKey: typeof mergeKey === 'string' && mergeKey ? mergeKey : undefined,
  };
}

/**
 * How server-side apply treats a list: `x-kubernetes-list-type` wins; otherwise a patch merge key makes
 * it a map keyed by that field (as kube-openapi's schema conversion does for built-in kinds), a bare
 * `merge` strategy makes it a set, and everything else is atomic.
 */
export function listSemantics(slot: Slot): ListSemantics {
  const listType = ext(slot.raw, slot.node, 'x-kubernetes-list-type');
  const mapKeys = ext(slot.raw, slot.node, 'x-kubernetes-list-map-keys');
  if (listType === 'map') return { type: 'map', keys: Array.isArray(mapKeys) ? mapKeys.map(String) : [] };
  if (listType === 'set') return { type: 'set', keys: [] };
  if (listType === 'atomic') return { type: 'atomic', keys: [] };
  const meta = patchMeta(slot);
  if (meta.strategy === 'merge' && meta.mergeKey) return { type: 'map', keys: [meta.mergeKey] };
  if (meta.strategy === 'merge') return { type: 'set', keys: [] };
  return { type: 'atomic', keys: [] };
}

/** The schema default of a field of the items at `item` (used for list-map keys the object omits). */
export function fieldDefault(item: Slot, field: string): unknown {
  const prop = item.node?.properties?.[field];
  if (!prop) return undefined;
  return prop.default ?? item.resolve(prop).default;
}
