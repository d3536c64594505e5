/**
 * Server-side apply (`application/apply-patch+yaml`), after structured-merge-diff `Updater.Apply` and
 * the apimachinery field manager around it:
 * 1. merge the applied configuration into live (maps recursively, associative lists by key, set lists
 *    by value, everything else atomic);
 * 2. the applier's Apply field set becomes exactly the configuration's field set;
 * 3. fields the applier applied before but no longer does are removed unless another manager owns them;
 * 4. a field that this changes (or adds) and another manager owns is a conflict, a 409, unless `force`
 *    moves it to the applier; fields removed leave every manager's set.
 */
import { errors } from '../api/errors';
import type { KubeObject, ManagedFieldsEntry } from '../api/types';
import { applyConflictError, type ManagerConflict } from './apply-conflict';
import { compareObjects } from './compare';
import { FieldSet } from './field-set';
import { fieldSetOf, type FieldScope } from './field-set-of';
import { cloneJson, isObject, jsonEqual, type Obj } from './json-util';
import { KUBECTL_SSA_MANAGER, conflictsAllowedByLastApplied, syncLastApplied } from './last-applied';
import { capUpdateManagers, decodeManagedFieldsLenient, encodeManagedFields, managerIdentity, type ManagerRecord } from './managed-fields';
import { rootSlot } from './schema-walk';
import { mergeTyped, removePaths } from './typed-merge';
import { metadataOf, recordUpdate, transferOwnership, type FieldManagerContext } from './update-managed-fields';

/** The manager that, on the first apply to an untracked object, owns everything already there. */
export const BEFORE_FIRST_APPLY_MANAGER = 'before-first-apply';

/** Metadata the server sets; an applied configuration cannot change them on an existing object. */
const SERVER_SET_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

export interface ServerSideApplyParams extends FieldManagerContext {
  /** The stored object; undefined when the apply creates it. */
  live: Record<string, unknown> | undefined;
  /** The applied configuration, as decoded from the request body. */
  applied: unknown;
  force: boolean;
}

export interface ServerSideApplyResult {
  /** The object to store, with `metadata.managedFields` set to `managedFields` (absent when empty). */
  object: KubeObject;
  managedFields: ManagedFieldsEntry[];
}

/** The part of the configuration this request may change: status only on /status, no status otherwise. */
function configInScope(applied: Obj, scope: FieldScope): Obj {
  if (scope.subresource === 'status') return applied.status === undefined ? {} : { status: applied.status };
  const config = { ...applied };
  if (!scope.includeStatus) delete config.status;
  if (isObject(config.metadata)) {
    const meta = { ...config.metadata };
    for (const key of SERVER_SET_METADATA) delete meta[key];
    config.metadata = meta;
  }
  return config;
}

function withoutManagedFields(obj: Obj): Obj {
  const copy = cloneJson(obj);
  if (isObject(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

/** Returns the object to store and its managed fields, or throws the upstream 409 on conflicts. */
export function serverSideApply(p: ServerSideApplyParams): ServerSideApplyResult {
  if (!isObject(p.applied)) throw errors.badRequest('the applied configuration must be a JSON or YAML object');
  const applied = p.applied;
  const sentManaged = metadataOf(applied).managedFields;
  if (sentManaged !== undefined && sentManaged !== null) throw errors.badRequest('metadata.managedFields must be nil');
  const scope: FieldScope = { subresource: p.subresource, includeStatus: p.includeStatus };
  const self = { manager: p.manager, operation: 'Apply' as const, apiVersion: p.apiVersion, subresource: p.subresource };
  const selfId = managerIdentity(self);

  let records = decodeManagedFieldsLenient(metadataOf(p.live).managedFields);
  if (p.live !== undefined && records.length === 0) {
    const existing = compareObjects({}, p.live, p.schema, p.resolve, scope);
    records = recordUpdate([], existing, { manager: BEFORE_FIRST_APPLY_MANAGER, operation: 'Update', apiVersion: p.apiVersion, subresource: p.subresource }, p.time);
  }
  const live = p.live === undefined ? undefined : withoutManagedFields(p.live);
  const config = configInScope(applied, scope);
  const slot = rootSlot(p.schema, p.resolve);
  let merged = live === undefined ? withoutManagedFields(applied) : ((mergeTyped(live, config, slot) as Obj | undefined) ?? {});

  const previous = records.find((r) => managerIdentity(r) === selfId);
  const applierRecord: ManagerRecord = { ...self, time: previous?.time, fields: fieldSetOf(config, p.schema, p.resolve, scope) };
  const others = records.filter((r) => r !== previous);
  if (previous && !previous.fields.isEmpty()) {
    const owned = others.reduce((acc, r) => acc.union(r.fields), applierRecord.fields);
    const stale = previous.fields.intersection(fieldSetOf(merged, p.schema, p.resolve, scope)).difference(owned);
    merged = (removePaths(merged, stale, slot) as Obj | undefined) ?? {};
  }

  const cmp = compareObjects(live ?? {}, merged, p.schema, p.resolve, scope);
  const changed = cmp.added.union(cmp.modified);
  const conflicts: ManagerConflict[] = others
    .map((manager) => ({ manager, fields: manager.fields.intersection(changed) }))
    .filter((c) => !c.fields.isEmpty());
  if (conflicts.length > 0 && !p.force) {
    const all = conflicts.reduce((acc, c) => acc.union(c.fields), new FieldSet());
    const allowed = p.manager === KUBECTL_SSA_MANAGER && conflictsAllowedByLastApplied(p.live, all, p.schema, p.resolve, scope);
    if (!allowed) throw applyConflictError(conflicts);
  }

  const objectChanged = live === undefined || !jsonEqual(live, merged);
  if (objectChanged || !applierRecord.time) applierRecord.time = p.time;
  let next = transferOwnership([...others, applierRecord], cmp, selfId).filter((r) => !r.fields.isEmpty());
  next = capUpdateManagers(next);
  if (p.manager === KUBECTL_SSA_MANAGER && live !== undefined) syncLastApplied(merged, applied);

  const managedFields = encodeManagedFields(next);
  const meta = isObject(merged.metadata) ? merged.metadata : (merged.metadata = {});
  if (managedFields.length > 0) meta.managedFields = managedFields as unknown as Obj[];
  else delete meta.managedFields;
  return { object: merged as KubeObject, managedFields };
}
