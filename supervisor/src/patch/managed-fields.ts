/**
 * `metadata.managedFields` as a list of manager records, after apimachinery
 * `pkg/util/managedfields/internal` (managedfields.go, fieldmanager.go, capmanagers.go).
 *
 * A manager is identified by name, operation and subresource, plus apiVersion for Update managers
 * (appliers keep one entry across versions). Entries are encoded sorted as upstream sorts them:
 * Apply before Update, then by time, manager, apiVersion and subresource.
 */
import type { ManagedFieldsEntry } from '../api/types';
import { FieldSet } from './field-set';
import { fieldSetFromFieldsV1, fieldSetToFieldsV1 } from './fields-v1';
import { isObject } from './json-util';

export interface ManagerRecord {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldSet;
}

/** Update managers beyond this count are folded into `ancient-changes` (upstream DefaultMaxUpdateManagers). */
export const MAX_UPDATE_MANAGERS = 10;
export const ANCIENT_CHANGES_MANAGER = 'ancient-changes';

/** The identity upstream builds with BuildManagerIdentifier (JSON in ManagedFieldsEntry field order). */
export function managerIdentity(r: Pick<ManagerRecord, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: Record<string, string> = { manager: r.manager, operation: r.operation };
  if (r.operation === 'Update' && r.apiVersion) id.apiVersion = r.apiVersion;
  if (r.subresource) id.subresource = r.subresource;
  return JSON.stringify(id);
}

/** How conflicts name a manager: `"m"`, `"m" using v1`, `"m" with subresource "status" using v1`. */
export function describeManager(r: Pick<ManagerRecord, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let out = JSON.stringify(r.manager);
  if (r.subresource) out += ` with subresource ${JSON.stringify(r.subresource)}`;
  if (r.operation === 'Update') out += ` using ${r.apiVersion}`;
  return out;
}

/** Decodes managedFields; entries with the same identity are united. Throws an Error when malformed. */
export function decodeManagedFields(entries: unknown): ManagerRecord[] {
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new Error('managedFields must be a list');
  const byId = new Map<string, ManagerRecord>();
  for (const entry of entries) {
    if (!isObject(entry)) throw new Error('a managedFields entry must be an object');
    const { manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource } = entry;
    if (operation !== 'Apply' && operation !== 'Update') throw new Error(`unsupported managedFields operation ${JSON.stringify(operation)}`);
    if (fieldsType !== undefined && fieldsType !== 'FieldsV1') throw new Error(`unsupported managedFields fieldsType ${JSON.stringify(fieldsType)}`);
    const record: ManagerRecord = {
      manager: typeof manager === 'string' ? manager : '',
      operation,
      apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
      time: typeof time === 'string' ? time : undefined,
      subresource: typeof subresource === 'string' && subresource ? subresource : undefined,
      fields: fieldsV1 === undefined || fieldsV1 === null ? new FieldSet() : fieldSetFromFieldsV1(fieldsV1),
    };
    const id = managerIdentity(record);
    const seen = byId.get(id);
    if (seen) seen.fields = seen.fields.union(record.fields);
    else byId.set(id, record);
  }
  return [...byId.values()];
}

/** Decodes, treating malformed stored entries as absent (upstream resets undecodable managedFields). */
export function decodeManagedFieldsLenient(entries: unknown): ManagerRecord[] {
  try {
    return decodeManagedFields(entries);
  } catch {
    return [];
  }
}

function seconds(time: string | undefined): number {
  const ms = time ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Encodes records as stored entries: empty sets dropped, upstream's sort order. */
export function encodeManagedFields(records: readonly ManagerRecord[]): ManagedFieldsEntry[] {
  return records
    .filter((r) => !r.fields.isEmpty())
    .sort(
      (p, q) =>
        compareStrings(p.operation, q.operation) ||
        seconds(p.time) - seconds(q.time) ||
        compareStrings(p.manager, q.manager) ||
        compareStrings(p.apiVersion, q.apiVersion) ||
        compareStrings(p.subresource ?? '', q.subresource ?? ''),
    )
    .map((r) => {
      const entry: ManagedFieldsEntry = { manager: r.manager, operation: r.operation, apiVersion: r.apiVersion };
      if (r.time) entry.time = r.time;
      entry.fieldsType = 'FieldsV1';
      entry.fieldsV1 = fieldSetToFieldsV1(r.fields);
      if (r.subresource) entry.subresource = r.subresource;
      return entry;
    });
}

/**
 * Folds the oldest Update managers into one `ancient-changes` manager per apiVersion until at most
 * MAX_UPDATE_MANAGERS Update managers remain (upstream capManagersManager).
 */
export function capUpdateManagers(records: ManagerRecord[]): ManagerRecord[] {
  const updaters = records.filter((r) => r.operation === 'Update');
  if (updaters.length <= MAX_UPDATE_MANAGERS) return records;
  updaters.sort((a, b) => seconds(a.time) - seconds(b.time) || compareStrings(managerIdentity(a), managerIdentity(b)));
  let out = [...records];
  let count = updaters.length;
  const firstByVersion = new Map<string, ManagerRecord>();
  for (const u of updaters) {
    if (count <= MAX_UPDATE_MANAGERS) break;
    const first = firstByVersion.get(u.apiVersion);
    if (!first) {
      firstByVersion.set(u.apiVersion, u);
      continue;
    }
    const bucketId = managerIdentity({ manager: ANCIENT_CHANGES_MANAGER, operation: 'Update', apiVersion: u.apiVersion });
    let bucket = out.find((r) => managerIdentity(r) === bucketId);
    if (!bucket) {
      bucket = { ...first, manager: ANCIENT_CHANGES_MANAGER, subresource: undefined };
      out = out.map((r) => (r === first ? (bucket as ManagerRecord) : r));
      firstByVersion.set(u.apiVersion, bucket);
    }
    bucket.fields = bucket.fields.union(u.fields);
    bucket.time = u.time;
    out = out.filter((r) => r !== u);
    count--;
  }
  return out;
}
