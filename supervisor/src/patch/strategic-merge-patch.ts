/**
 * Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), after apimachinery
 * `pkg/util/strategicpatch/patch.go` with the server's options (MergeParallelList, IgnoreUnmatchedNulls):
 * maps merge recursively and `null` deletes; lists whose field has patch strategy `merge` merge item by
 * item on the patch merge key (or as sets when they hold primitives); other lists are replaced.
 *
 * Unlike upstream, values the original lacks are merged into an empty value instead of being copied
 * verbatim, so directive keys never reach the result even inside new subtrees (upstream relies on
 * decoding into Go structs to drop them).
 */
import { ApiError, errors } from '../api/errors';
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { cloneJson, isObject, jsonEqual, type Obj } from './json-util';
import { childSlot, itemSlot, patchMeta, rootSlot, type Slot } from './schema-walk';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  SET_ELEMENT_ORDER_PREFIX,
  applyRetainKeys,
  badPatchTypeError,
  hasDirectiveMarker,
  isDirectiveKey,
  noMergeKeyError,
  normalizeElementOrder,
  partitionByPresence,
  validateSetElementOrder,
} from './smp-directives';

/**
 * Applies a strategic merge patch to `original` and returns a new object; inputs are not mutated.
 * `schema` is the kind's schema (undefined when unknown: maps merge, lists are replaced).
 * Malformed patches are 400 BadRequest; a list of lists is 422 as upstream.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: SchemaNode | undefined, resolve: SchemaResolver): Obj {
  if (!isObject(patch)) throw errors.badRequest('invalid strategic merge patch: the patch body must be a JSON object');
  const base = isObject(original) ? cloneJson(original) : {};
  return mergeMap(base, cloneJson(patch), rootSlot(schema, resolve));
}

/** Merges `patch` into `original`; both are private copies and may be consumed. */
function mergeMap(original: Obj, patch: Obj, slot: Slot): Obj {
  if (Object.prototype.hasOwnProperty.call(patch, DIRECTIVE_MARKER)) {
    const directive = patch[DIRECTIVE_MARKER];
    delete patch[DIRECTIVE_MARKER];
    if (directive === 'replace') return mergeMap({}, patch, slot);
    if (directive === 'delete') return {};
    if (directive !== 'merge') throw badPatchTypeError(directive, patch);
  }
  applyRetainKeys(original, patch);
  const done = new Set<string>();
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const field = key.slice(SET_ELEMENT_ORDER_PREFIX.length);
    if (patch[field] === null) continue;
    applySetElementOrder(original, patch, field, patch[key], childSlot(slot, field));
    done.add(field);
  }
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) continue;
    const field = key.slice(DELETE_FROM_PRIMITIVE_LIST_PREFIX.length);
    const toDelete = patch[key];
    if (!Array.isArray(toDelete)) throw errors.badRequest('invalid patch format of primitive list');
    const current = original[field];
    if (Array.isArray(current)) original[field] = current.filter((v) => !toDelete.some((d) => jsonEqual(d, v)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (isDirectiveKey(key) || done.has(key)) continue;
    if (value === null) {
      delete original[key];
      continue;
    }
    const current = original[key];
    const child = childSlot(slot, key);
    if (isObject(value)) {
      const replace = patchMeta(child).strategy === 'replace';
      original[key] = mergeMap(isObject(current) && !replace ? current : {}, value, child);
    } else if (Array.isArray(value)) {
      original[key] = mergeListField(Array.isArray(current) ? current : [], value, child);
    } else {
      original[key] = value;
    }
  }
  return original;
}

/** Merges a list field by its patch strategy: `merge` lists merge, all others are replaced by the patch. */
function mergeListField(original: unknown[], patch: unknown[], slot: Slot): unknown[] {
  const meta = patchMeta(slot);
  if (meta.strategy !== 'merge') return normalizeReplacedList(patch, itemSlot(slot));
  return mergeList(original, patch, meta.mergeKey, itemSlot(slot));
}

/** A list taken from the patch as a whole: directive items are dropped and map items normalised. */
function normalizeReplacedList(patch: unknown[], items: Slot): unknown[] {
  return patch.filter((item) => !hasDirectiveMarker(item)).map((item) => (isObject(item) ? mergeMap({}, item, items) : item));
}

function mergeList(original: unknown[], patch: unknown[], mergeKey: string | undefined, items: Slot): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  if ([...original, ...patch].some(Array.isArray)) {
    throw new ApiError(422, 'Invalid', 'lists of lists are not supported');
  }
  const ofMaps = [...original, ...patch].some(isObject);
  if (!ofMaps) {
    const merged: unknown[] = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => jsonEqual(m, v))) merged.push(v);
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, undefined);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, undefined);
  }
  // Upstream refuses to merge maps without a merge key; replacing is the useful reading of such a schema.
  if (!mergeKey) return normalizeReplacedList(patch, items);

  let base = original;
  let plain: unknown[] = [];
  let replace = false;
  for (const item of patch) {
    if (!hasDirectiveMarker(item)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === 'delete') {
      if (item[mergeKey] === undefined) throw noMergeKeyError(item, mergeKey);
      base = base.filter((o) => !(isObject(o) && jsonEqual(o[mergeKey], item[mergeKey])));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw errors.badRequest('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchTypeError(directive, item);
    }
  }
  if (replace) {
    base = plain.map((item) => (isObject(item) ? mergeMap({}, item, items) : item));
    plain = [];
  }
  const merged = [...base];
  for (const item of plain) {
    if (!isObject(item) || item[mergeKey] === undefined) throw noMergeKeyError(item, mergeKey);
    const at = merged.findIndex((o) => isObject(o) && jsonEqual(o[mergeKey], item[mergeKey]));
    if (at >= 0) merged[at] = mergeMap(merged[at] as Obj, item, items);
    else merged.push(mergeMap({}, item, items));
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, plain, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, plain, base, mergeKey);
}

/**
 * `$setElementOrder/<field>`: merges the field's patch list (if any) into the original list, then
 * orders the result: items named by the directive in its order, server-only items in live order.
 */
function applySetElementOrder(original: Obj, patch: Obj, field: string, order: unknown, slot: Slot): void {
  if (!Array.isArray(order)) throw errors.badRequest('invalid patch: $setElementOrder must be a list');
  const current = original[field];
  const patchList = patch[field];
  if (current !== undefined && !Array.isArray(current)) throw errors.badRequest(`invalid patch: ${field} is not a list in the original object`);
  if (patchList !== undefined && !Array.isArray(patchList)) {
    throw errors.badRequest(`invalid patch: ${field} must be a list when $setElementOrder/${field} is given`);
  }
  const meta = patchMeta(slot);
  const mergeKey = meta.mergeKey;
  validateSetElementOrder(patchList, order, mergeKey);
  let merged: unknown[];
  if (Array.isArray(patchList)) merged = mergeListField(Array.isArray(current) ? current : [], patchList, slot);
  else if (Array.isArray(current)) merged = current;
  else return;
  const [patchItems, serverOnly] = partitionByPresence(merged, order, mergeKey);
  original[field] = normalizeElementOrder(patchItems, serverOnly, order, Array.isArray(current) ? current : [], mergeKey);
}
