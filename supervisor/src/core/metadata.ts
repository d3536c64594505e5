import { randomUUID, randomInt } from 'node:crypto';
import type { StatusCause } from '../api/errors';
import type { KubeObject, ObjectMeta } from '../api/types';
import { isObject } from '../api/types';
import { labelValueErrors, qualifiedNameErrors } from '../selectors/label-validation';

/** Server-owned metadata: uids, timestamps, generateName, and what clients may not change. */
const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function generateNameSuffix(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += GENERATE_ALPHABET[randomInt(GENERATE_ALPHABET.length)];
  return s;
}

export function newUid(): string {
  return randomUUID();
}

/** RFC 3339 with seconds precision, UTC, as metav1.Time serializes. */
export function timestamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime serializes. */
export function microTimestamp(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function validateMetadataShape(meta: unknown): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!isObject(meta)) return [{ type: 'FieldValueRequired', message: 'Required value', field: 'metadata' }];
  for (const field of ['labels', 'annotations'] as const) {
    const map = meta[field];
    if (map === undefined || map === null) continue;
    if (!isObject(map)) {
      causes.push({ type: 'FieldValueTypeInvalid', message: 'Invalid value: must be a map of strings', field: `metadata.${field}` });
      continue;
    }
    for (const [k, v] of Object.entries(map)) {
      if (typeof v !== 'string') causes.push({ type: 'FieldValueTypeInvalid', message: `Invalid value: ${JSON.stringify(v)}: must be a string`, field: `metadata.${field}` });
      for (const msg of qualifiedNameErrors(k)) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${k}": ${msg}`, field: `metadata.${field}` });
      if (field === 'labels' && typeof v === 'string') {
        for (const msg of labelValueErrors(v)) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${v}": ${msg}`, field: `metadata.labels` });
      }
    }
  }
  if (isObject(meta.annotations)) {
    const size = Object.entries(meta.annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
    if (size > 256 * 1024) causes.push({ type: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes', field: 'metadata.annotations' });
  }
  if (meta.finalizers !== undefined && !(Array.isArray(meta.finalizers) && meta.finalizers.every((f) => typeof f === 'string'))) {
    causes.push({ type: 'FieldValueTypeInvalid', message: 'Invalid value: must be a list of strings', field: 'metadata.finalizers' });
  }
  return causes;
}

/** Fields of metadata that only the server sets; a client's values are replaced on create. */
export function resetServerFieldsForCreate(meta: ObjectMeta, now: Date, generation: boolean): void {
  meta.uid = newUid();
  meta.creationTimestamp = timestamp(now);
  if (generation) meta.generation = 1;
  else delete meta.generation;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
}

/** Carries server-owned metadata over from the stored object on update. */
export function preserveServerFields(meta: ObjectMeta, old: ObjectMeta): void {
  meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  meta.generation = old.generation;
  if (old.deletionTimestamp) {
    meta.deletionTimestamp = old.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  delete meta.selfLink;
}

/** Empty maps and lists in metadata are dropped, as Go's omitempty does on the real server. */
export function compactMetadata(meta: ObjectMeta): void {
  for (const key of ['labels', 'annotations'] as const) {
    const v = meta[key];
    if (v !== undefined && (v === null || Object.keys(v).length === 0)) delete meta[key];
  }
  for (const key of ['ownerReferences', 'finalizers', 'managedFields'] as const) {
    const v = meta[key];
    if (v !== undefined && (v === null || (Array.isArray(v) && v.length === 0))) delete meta[key];
  }
}

/** Everything except metadata and status, for generation bumps. */
export function specSignature(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return JSON.stringify(rest);
}
