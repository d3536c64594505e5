/**
 * The schema-aware merge and removal server-side apply uses (structured-merge-diff `Merge` and
 * `RemoveItems`): maps merge recursively, associative lists merge item by item on their keys, set
 * lists by value, and atomic values are replaced by the applied configuration.
 *
 * A `null` in the applied configuration removes the field from the result (the field is still owned);
 * built-in kinds drop nulls when decoded upstream, and storing them would only leak into clients.
 */
import { fieldElement, type PathElement } from './field-path';
import type { FieldSet } from './field-set';
import { itemElement } from './field-set-of';
import { cloneJson, isObject, type Obj } from './json-util';
import { childSlot, isAtomicMap, itemSlot, listSemantics, type ListSemantics, type Slot } from './schema-walk';

/** Merges `rhs` (the applied configuration) over `lhs` (live); returns a new value, `undefined` for "absent". */
export function mergeTyped(lhs: unknown, rhs: unknown, slot: Slot): unknown {
  if (rhs === undefined) return cloneJson(lhs);
  if (rhs === null) return undefined;
  if (isObject(rhs) && !isAtomicMap(slot)) return mergeMaps(isObject(lhs) ? lhs : {}, rhs, slot);
  if (Array.isArray(rhs)) {
    const sem = listSemantics(slot);
    if (sem.type !== 'atomic') return mergeLists(Array.isArray(lhs) ? lhs : [], rhs, sem, itemSlot(slot));
  }
  return cloneJson(rhs);
}

function mergeMaps(lhs: Obj, rhs: Obj, slot: Slot): Obj {
  const out: Obj = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  for (const [key, value] of Object.entries(lhs)) {
    put(key, Object.prototype.hasOwnProperty.call(rhs, key) ? mergeTyped(value, rhs[key], childSlot(slot, key)) : cloneJson(value));
  }
  for (const [key, value] of Object.entries(rhs)) {
    if (!Object.prototype.hasOwnProperty.call(lhs, key)) put(key, mergeTyped(undefined, value, childSlot(slot, key)));
  }
  return out;
}

/**
 * Merges two keyed lists in the order upstream produces: applied items in applied order, live-only
 * items kept where they were relative to the items both lists share.
 */
function mergeLists(lhs: unknown[], rhs: unknown[], sem: ListSemantics, items: Slot): unknown[] {
  const lEls = lhs.map((item) => itemElement(item, sem, items));
  const rEls = rhs.map((item) => itemElement(item, sem, items));
  const firstIndex = (els: PathElement[]) => {
    const m = new Map<PathElement, number>();
    els.forEach((e, i) => m.has(e) || m.set(e, i));
    return m;
  };
  const lIndex = firstIndex(lEls);
  const rIndex = firstIndex(rEls);
  const shared = [...new Set(rEls.filter((e) => lIndex.has(e)))];
  let nextShared = 0;
  const emitted = new Set<PathElement>();
  const out: unknown[] = [];
  const mergeItem = (e: PathElement) => {
    emitted.add(e);
    const l = lIndex.has(e) ? lhs[lIndex.get(e) as number] : undefined;
    const r = rhs[rIndex.get(e) as number];
    const merged = sem.type === 'set' ? cloneJson(r) : mergeTyped(l, r, items);
    if (merged !== undefined) out.push(merged);
    if (shared[nextShared] === e) nextShared++;
  };
  let li = 0;
  let ri = 0;
  while (li < lEls.length || ri < rEls.length) {
    const le = lEls[li];
    const re = rEls[ri];
    if (le !== undefined && re !== undefined) {
      if (le === re) {
        if (!emitted.has(le)) mergeItem(le);
        li++;
        ri++;
        continue;
      }
      if (rIndex.has(le) && nextShared < shared.length && shared[nextShared] !== le) {
        li++;
        continue;
      }
    }
    if (le !== undefined) {
      if (!rIndex.has(le)) {
        out.push(cloneJson(lhs[li]));
        li++;
        continue;
      }
      if (emitted.has(le)) {
        li++;
        continue;
      }
    }
    if (re !== undefined) {
      if (!emitted.has(re)) mergeItem(re);
      ri++;
    }
  }
  return out;
}

/**
 * Removes every path of `set` from `value` (a member removes its whole subtree). A map or list that
 * this removal leaves empty is removed too, as upstream turns it into null. Returns a new value.
 */
export function removePaths(value: unknown, set: FieldSet, slot: Slot): unknown {
  if (set.isEmpty()) return value;
  if (isObject(value) && !isAtomicMap(slot)) {
    const out: Obj = {};
    for (const [key, child] of Object.entries(value)) {
      const element = fieldElement(key);
      if (set.hasMember(element)) continue;
      const below = set.child(element);
      const kept = below.isEmpty() ? child : removePaths(child, below, childSlot(slot, key));
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length === 0 && Object.keys(value).length > 0 ? undefined : out;
  }
  if (Array.isArray(value)) {
    const sem = listSemantics(slot);
    if (sem.type === 'atomic') return value;
    const items = itemSlot(slot);
    const out: unknown[] = [];
    for (const item of value) {
      const element = itemElement(item, sem, items);
      if (set.hasMember(element)) continue;
      const below = set.child(element);
      const kept = below.isEmpty() ? item : removePaths(item, below, items);
      if (kept !== undefined) out.push(kept);
    }
    return out.length === 0 && value.length > 0 ? undefined : out;
  }
  return value;
}
