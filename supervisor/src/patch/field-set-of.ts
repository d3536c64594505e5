/**
 * The field set of an object (structured-merge-diff `ToFieldSet`) and the scope of tracked fields.
 *
 * Leaves are members; granular maps contribute only their members; items of associative (`map`)
 * lists are members themselves (`k:{..}`) plus their fields; items of `set` lists are `v:` members;
 * atomic lists and maps are single leaves. An empty granular map contributes nothing.
 */
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { fieldElement, keyElement, valueElement, type FieldPath, type PathElement } from './field-path';
import { FieldSet } from './field-set';
import { isObject } from './json-util';
import { childSlot, fieldDefault, isAtomicMap, itemSlot, listSemantics, rootSlot, type ListSemantics, type Slot } from './schema-walk';

/**
 * Which fields ownership tracks. The main resource ignores `status` unless `includeStatus` (set it for
 * kinds without a status subresource); the `status` subresource tracks only `status`.
 */
export interface FieldScope {
  subresource?: string;
  includeStatus?: boolean;
}

/** metadata members the server owns; never part of a manager's field set (upstream stripMetaManager). */
export const SERVER_OWNED_METADATA = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'clusterName',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

export type Shape = 'map' | 'list' | 'leaf';

/** How a present value is walked: granular map, non-atomic list, or a single leaf. */
export function shapeOf(value: unknown, slot: Slot): Shape {
  if (isObject(value)) return isAtomicMap(slot) ? 'leaf' : 'map';
  if (Array.isArray(value)) return listSemantics(slot).type === 'atomic' ? 'leaf' : 'list';
  return 'leaf';
}

/**
 * The path element of a list item. Missing key fields fall back to the schema default (as upstream
 * does for e.g. `protocol: TCP` in ports); items that cannot be keyed are identified by value.
 */
export function itemElement(item: unknown, sem: ListSemantics, items: Slot): PathElement {
  if (sem.type === 'map' && isObject(item) && sem.keys.length > 0) {
    const fields: Record<string, unknown> = {};
    for (const key of sem.keys) {
      const value = item[key] ?? fieldDefault(items, key);
      if (value !== undefined && value !== null) fields[key] = value;
    }
    return keyElement(fields);
  }
  return valueElement(item);
}

/** The field set of `obj` restricted to `scope`. */
export function fieldSetOf(obj: unknown, schema: SchemaNode | undefined, resolve: SchemaResolver, scope: FieldScope = {}): FieldSet {
  const set = new FieldSet();
  collectFields(obj, rootSlot(schema, resolve), [], set);
  return scopeFieldSet(set, scope);
}

/** Adds the field set of `value`, found at `path`, into `set` (the path itself only if it is a leaf). */
export function collectFields(value: unknown, slot: Slot, path: FieldPath, set: FieldSet): void {
  const shape = shapeOf(value, slot);
  if (shape === 'leaf') {
    set.insert(path);
  } else if (shape === 'map') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (child !== undefined) collectFields(child, childSlot(slot, key), [...path, fieldElement(key)], set);
    }
  } else {
    const sem = listSemantics(slot);
    const items = itemSlot(slot);
    for (const item of value as unknown[]) {
      const itemPath = [...path, itemElement(item, sem, items)];
      set.insert(itemPath);
      if (sem.type === 'map' && shapeOf(item, items) === 'map') collectFields(item, items, itemPath, set);
    }
  }
}

const STRIPPED = FieldSet.of([['f:apiVersion'], ['f:kind'], ...SERVER_OWNED_METADATA.map((name) => ['f:metadata', fieldElement(name)])]);
const STATUS = FieldSet.of([['f:status']]);
const METADATA_ITSELF = FieldSet.of([['f:metadata']]);

/** Drops what `scope` does not track: type meta, server-owned metadata, and status or everything but status. */
export function scopeFieldSet(set: FieldSet, scope: FieldScope = {}): FieldSet {
  if (scope.subresource === 'status') return set.restrictTo('f:status');
  const kept = set.difference(METADATA_ITSELF).recursiveDifference(STRIPPED);
  return scope.includeStatus ? kept : kept.recursiveDifference(STATUS);
}
