/**
 * Field-level comparison of two versions of an object (structured-merge-diff `TypedValue.Compare`):
 * which paths were added, modified or removed going from `lhs` to `rhs`.
 *
 * Leaves compare by value. A granular map or list that appears (or disappears) is itself added (or
 * removed) along with its contents; that is where the `"."` marks of Update managers come from.
 * Two empty-or-absent containers compare as leaves, so `{}` versus absent is a change. Upstream
 * compares typed Go objects, where zero-value fields (Slot.implicit) exist whenever their parent
 * does; an absent implicit field is treated as present, so e.g. `spec` gets no "." on create.
 */
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { fieldElement, type FieldPath, type PathElement } from './field-path';
import { FieldSet } from './field-set';
import { collectFields, itemElement, scopeFieldSet, shapeOf, type FieldScope } from './field-set-of';
import { isEmptyContainer, jsonEqual } from './json-util';
import { childSlot, itemSlot, listSemantics, rootSlot, type Slot } from './schema-walk';

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** Compares two whole objects and restricts the result to `scope`. */
export function compareObjects(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined, resolve: SchemaResolver, scope: FieldScope = {}): Comparison {
  const out: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareAt(lhs, rhs, rootSlot(schema, resolve), [], out);
  return { added: scopeFieldSet(out.added, scope), modified: scopeFieldSet(out.modified, scope), removed: scopeFieldSet(out.removed, scope) };
}

function emptyOrAbsent(v: unknown): boolean {
  return v === undefined || isEmptyContainer(v);
}

/** `lImplicit`/`rImplicit`: the side lacks the value but its Go zero value would have it. */
function compareAt(lhs: unknown, rhs: unknown, slot: Slot, path: FieldPath, out: Comparison, lImplicit = false, rImplicit = false): void {
  if (lhs === undefined && rhs === undefined) return;
  const ls = lhs === undefined ? undefined : shapeOf(lhs, slot);
  const rs = rhs === undefined ? undefined : shapeOf(rhs, slot);
  if (ls && rs && ls !== rs) {
    // A value changed kind (e.g. scalar to map): the path changed and the old and new contents went and came.
    out.modified.insert(path);
    if (ls !== 'leaf') collectFields(lhs, slot, path, out.removed);
    if (rs !== 'leaf') collectFields(rhs, slot, path, out.added);
    return;
  }
  const shape = ls ?? rs;
  if (shape === 'leaf' || (emptyOrAbsent(lhs) && emptyOrAbsent(rhs))) {
    if (lhs === undefined) {
      if (!(lImplicit && isEmptyContainer(rhs))) out.added.insert(path);
    } else if (rhs === undefined) {
      if (!(rImplicit && isEmptyContainer(lhs))) out.removed.insert(path);
    } else if (!jsonEqual(lhs, rhs)) out.modified.insert(path);
    return;
  }
  if (shape === 'map') compareMaps(lhs as Record<string, unknown> | undefined, rhs as Record<string, unknown> | undefined, slot, path, out, lImplicit, rImplicit);
  else compareLists(lhs as unknown[] | undefined, rhs as unknown[] | undefined, slot, path, out);
  if (lhs === undefined && !lImplicit) out.added.insert(path);
  else if (rhs === undefined && !rImplicit) out.removed.insert(path);
}

function compareMaps(
  lhs: Record<string, unknown> | undefined,
  rhs: Record<string, unknown> | undefined,
  slot: Slot,
  path: FieldPath,
  out: Comparison,
  lImplicit: boolean,
  rImplicit: boolean,
): void {
  const keys = new Set([...Object.keys(lhs ?? {}), ...Object.keys(rhs ?? {})]);
  const lPresent = lhs !== undefined || lImplicit;
  const rPresent = rhs !== undefined || rImplicit;
  for (const key of keys) {
    const child = childSlot(slot, key);
    const implicit = child.implicit === true;
    compareAt(lhs?.[key], rhs?.[key], child, [...path, fieldElement(key)], out, implicit && lPresent, implicit && rPresent);
  }
}

function compareLists(lhs: unknown[] | undefined, rhs: unknown[] | undefined, slot: Slot, path: FieldPath, out: Comparison): void {
  const sem = listSemantics(slot);
  const items = itemSlot(slot);
  const index = (list: unknown[] | undefined) => {
    const byElement = new Map<PathElement, unknown>();
    for (const item of list ?? []) {
      const element = itemElement(item, sem, items);
      if (!byElement.has(element)) byElement.set(element, item);
    }
    return byElement;
  };
  const left = index(lhs);
  const right = index(rhs);
  for (const element of new Set([...left.keys(), ...right.keys()])) {
    compareAt(left.get(element), right.get(element), items, [...path, element], out);
  }
}
