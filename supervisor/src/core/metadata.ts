import { randomUUID, randomInt } from 'node:crypto';
import type { StatusCause } from '../api/errors';
import type { KubeObject, ObjectMeta } from '../api/types';
import { isObject } from '../api/types';

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
      const msg = qualifiedNameError(k);
      if (msg) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${k}": ${msg}`, field: `metadata.${field}` });
      if (field === 'labels' && typeof v === 'string' && !LABEL_VALUE.test(v)) {
        causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`, field: `metadata.labels` });
      }
    }
  }
  if (isObject(meta.annotations)) {
    const size = Object.entries(meta.annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
    if (size > 256 * 1024) causes.push({ type: 'FieldValueTooLong', message: 'Too long: must have at most 262144 bytes', field: 'metadata.annotations' });
  }
  if (meta.finalizers !== undefined && !(Array.isArray(meta.finalizers) && meta.finalizers.every((f) => typeof f === 'string'))) {
    causes.push({ type: 'FieldValueTypeInvalid', message: 'Invalid value: must be a list of strings', field: 'metadata.finalizers' });
  }
  return causes;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function qualifiedNameError(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return 'prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return undefined;
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

/** Everything except metadata and status, for generation bumps. */
export function specSignature(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return JSON.stringify(rest);
}
