/**
 * Strategic-merge-patch directives and list ordering, after apimachinery `pkg/util/strategicpatch`:
 * `$patch`, `$retainKeys`, `$setElementOrder/<field>`, `$deleteFromPrimitiveList/<field>`, and the
 * rule that merged lists keep patch order for patched items and live order for server-only items.
 */
import { errors, type ApiError } from '../api/errors';
import { isObject, jsonEqual, preview, type Obj } from './json-util';

export const DIRECTIVE_MARKER = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder/';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList/';

/** True for keys that are patch directives and must never reach a stored object. */
export function isDirectiveKey(key: string): boolean {
  return key === DIRECTIVE_MARKER || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER_PREFIX) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX);
}

/** True for a list item that carries a `$patch` directive. */
export function hasDirectiveMarker(item: unknown): item is Obj {
  return isObject(item) && Object.prototype.hasOwnProperty.call(item, DIRECTIVE_MARKER);
}

export function noMergeKeyError(item: unknown, mergeKey: string): ApiError {
  return errors.badRequest(`map: ${preview(item)} does not contain declared merge key: ${mergeKey}`);
}

export function badPatchTypeError(directive: unknown, item: unknown): ApiError {
  return errors.badRequest(`unknown patch type: ${preview(directive)} in map: ${preview(item)}`);
}

/**
 * `$retainKeys: [..]` clears every key of `original` that the list does not name. Every non-null
 * field the patch sets must be listed, or the patch is malformed (upstream ErrBadPatchFormatForRetainKeys).
 */
export function applyRetainKeys(original: Obj, patch: Obj): void {
  if (!Object.prototype.hasOwnProperty.call(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw errors.badRequest('invalid patch format of retainKeys');
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || isDirectiveKey(key)) continue;
    if (!retain.includes(key)) throw errors.badRequest('invalid patch format of retainKeys');
  }
  for (const key of Object.keys(original)) if (!retain.includes(key)) delete original[key];
}

/** Equality of two items for ordering purposes: by merge key for maps, by value for primitives. */
function sameItem(a: unknown, b: unknown, mergeKey: string | undefined): boolean {
  if (mergeKey && isObject(a) && isObject(b)) return a[mergeKey] !== undefined && jsonEqual(a[mergeKey], b[mergeKey]);
  return jsonEqual(a, b);
}

export function indexOfItem(list: readonly unknown[], item: unknown, mergeKey: string | undefined): number {
  return list.findIndex((candidate) => sameItem(candidate, item, mergeKey));
}

/** Splits `items` into those present in `by` and the rest, keeping relative order. */
export function partitionByPresence(items: unknown[], by: readonly unknown[], mergeKey: string | undefined): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const item of items) (indexOfItem(by, item, mergeKey) >= 0 ? present : absent).push(item);
  return [present, absent];
}

/** Stable sort of `items` by their position in `order`; items not found keep their place at the end. */
function sortByOrder(items: unknown[], order: readonly unknown[], mergeKey: string | undefined): unknown[] {
  const ranked = items.map((item, i) => ({ item, i, at: indexOfItem(order, item, mergeKey) }));
  ranked.sort((a, b) => {
    const ra = a.at < 0 ? Number.MAX_SAFE_INTEGER : a.at;
    const rb = b.at < 0 ? Number.MAX_SAFE_INTEGER : b.at;
    return ra !== rb ? ra - rb : a.i - b.i;
  });
  return ranked.map((r) => r.item);
}

/**
 * Orders a merged list: patched items follow `patchOrder`, server-only items follow `serverOrder`
 * (the live list), and the two are interleaved so a server-only item stays in front of a patched
 * item it preceded in the live list (upstream normalizeElementOrder + mergeSortedSlice).
 */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string | undefined,
): unknown[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOfItem(serverOrder, left[i], mergeKey);
      const ri = indexOfItem(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/**
 * Checks that the non-deleting items of a patch list appear in `$setElementOrder` in the same
 * relative order (upstream validatePatchWithSetOrderList).
 */
export function validateSetElementOrder(patchList: readonly unknown[] | undefined, order: readonly unknown[], mergeKey: string | undefined): void {
  if (!patchList || patchList.length === 0 || order.length === 0) return;
  const items = patchList.filter((item) => !hasDirectiveMarker(item));
  let p = 0;
  for (let o = 0; p < items.length && o < order.length; o++) {
    if (mergeKey && (!isObject(items[p]) || !isObject(order[o]))) throw noMergeKeyError(isObject(items[p]) ? order[o] : items[p], mergeKey);
    if (sameItem(items[p], order[o], mergeKey)) p++;
  }
  if (p < items.length) {
    throw errors.badRequest(`invalid patch: the order in patch list ${preview(patchList)} doesn't match $setElementOrder list ${preview(order)}`);
  }
}
