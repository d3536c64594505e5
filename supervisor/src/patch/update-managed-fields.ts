/**
 * Field ownership for non-apply writes (create, update, patch), after structured-merge-diff
 * `Updater.Update` and apimachinery's managedFieldsUpdater: the fields a write adds or changes become
 * the writer's (operation Update), every other manager loses them, and removed fields leave every set.
 */
import type { ManagedFieldsEntry } from '../api/types';
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { compareObjects, type Comparison } from './compare';
import type { FieldSet } from './field-set';
import type { FieldScope } from './field-set-of';
import { isObject, jsonEqual } from './json-util';
import { capUpdateManagers, decodeManagedFields, decodeManagedFieldsLenient, encodeManagedFields, managerIdentity, type ManagerRecord } from './managed-fields';

/** Who writes, when, and how the object's fields are read: what every field-ownership update takes. */
export interface FieldManagerContext {
  manager: string;
  /** apiVersion of the request, e.g. "v1" or "apps/v1". */
  apiVersion: string;
  /** RFC 3339 time recorded on the entries this write touches. */
  time: string;
  subresource?: string;
  /** Track `status` on the main resource (kinds without a status subresource); apply also merges it. */
  includeStatus?: boolean;
  schema: SchemaNode | undefined;
  resolve: SchemaResolver;
}

export interface UpdateManagedFieldsParams extends FieldManagerContext {
  /** The stored object before the write; undefined for a create. */
  live: Record<string, unknown> | undefined;
  /** The object about to be stored. Its `metadata.managedFields`, if changed from live's, replace them. */
  updated: Record<string, unknown>;
  operation?: 'Update';
}

export function metadataOf(obj: unknown): Record<string, unknown> {
  return isObject(obj) && isObject(obj.metadata) ? obj.metadata : {};
}

/**
 * Removes from every manager but `selfId` what another writer changed or removed; managers left with
 * nothing are dropped. Returns new records (the inputs are not modified).
 */
export function transferOwnership(records: readonly ManagerRecord[], cmp: Comparison, selfId: string | undefined): ManagerRecord[] {
  const taken: FieldSet = cmp.added.union(cmp.modified).union(cmp.removed);
  return records
    .map((r) => (managerIdentity(r) === selfId ? r : { ...r, fields: r.fields.difference(taken) }))
    .filter((r) => !r.fields.isEmpty());
}

/**
 * The managers before the write. Upstream honours managedFields a client sends when they differ from
 * the stored ones; `[{}]` (entries with neither manager nor fields) clears them, and an empty list or
 * undecodable entries mean "keep the stored ones". Returns undefined for "strip all managed fields".
 */
function startingRecords(live: unknown, updated: unknown): ManagerRecord[] | undefined {
  const stored = metadataOf(live).managedFields;
  const sent = metadataOf(updated).managedFields;
  if (Array.isArray(sent) && sent.length > 0 && !jsonEqual(sent, stored)) {
    if (sent.every((e) => isObject(e) && !e.manager && !e.fieldsV1)) return undefined;
    try {
      return decodeManagedFields(sent);
    } catch {
      return decodeManagedFieldsLenient(stored);
    }
  }
  return decodeManagedFieldsLenient(stored);
}

/**
 * Returns the `managedFields` to store with `updated`. An existing object that has no managed fields
 * stays untracked (upstream skipNonAppliedManager); creates are always tracked. A write that changes
 * nothing leaves the writer's entry, including its time, as it was.
 */
export function updateManagedFields(p: UpdateManagedFieldsParams): ManagedFieldsEntry[] {
  const records = startingRecords(p.live, p.updated);
  if (records === undefined) return [];
  if (p.live !== undefined && records.length === 0) return [];
  const scope: FieldScope = { subresource: p.subresource, includeStatus: p.includeStatus };
  const cmp = compareObjects(p.live ?? {}, p.updated, p.schema, p.resolve, scope);
  const self = { manager: p.manager, operation: 'Update' as const, apiVersion: p.apiVersion, subresource: p.subresource };
  return encodeManagedFields(capUpdateManagers(recordUpdate(records, cmp, self, p.time)));
}

/** Applies one Update write to the records: others lose what changed, the writer gains it. */
export function recordUpdate(records: readonly ManagerRecord[], cmp: Comparison, self: Omit<ManagerRecord, 'fields' | 'time'>, time: string): ManagerRecord[] {
  // The writer's own earlier entry also loses removed fields, so it is not exempt here.
  const next = transferOwnership(records, cmp, undefined);
  const gained = cmp.added.union(cmp.modified);
  if (gained.isEmpty()) return next;
  const id = managerIdentity(self);
  const prev = next.find((r) => managerIdentity(r) === id);
  if (prev) return next.map((r) => (r === prev ? { ...r, fields: r.fields.union(gained), time } : r));
  return [...next, { ...self, time, fields: gained }];
}
