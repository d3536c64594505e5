import { createHash } from 'node:crypto';
import { ApiError } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { stableStringify } from '../../../util/stable-json';

/**
 * Create-or-get and create-or-update through the ordinary API path, the way operators use
 * controller-runtime's CreateOrUpdate: an AlreadyExists race is not an error, and an update is
 * written only when the fields the operator owns differ (so reconciling is idempotent and a
 * steady state produces no writes and no watch events).
 */
export function isApiError(e: unknown, code?: number): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** Returns the existing object, or creates `desired` and returns what was stored. */
export function ensureCreated<T extends KubeObject = KubeObject>(client: SystemClient, apiVersion: string, plural: string, desired: KubeObject): { obj: T; created: boolean } {
  const ns = desired.metadata.namespace ?? '';
  const name = desired.metadata.name ?? '';
  const existing = client.get<T>(apiVersion, plural, ns, name);
  if (existing) return { obj: existing, created: false };
  try {
    return { obj: client.create<T>(apiVersion, plural, desired), created: true };
  } catch (e) {
    if (!isApiError(e, 409)) throw e;
    const raced = client.get<T>(apiVersion, plural, ns, name);
    if (!raced) throw e;
    return { obj: raced, created: false };
  }
}

/**
 * kapp-style apply: the applied fields' digest is kept in `kapp.k14s.io/original-diff-md5`, and
 * the object is rewritten only when the desired fields change, never because the server (or
 * another controller) defaulted or adjusted them — which would otherwise loop forever.
 */
export const ORIGINAL_DIGEST = 'kapp.k14s.io/original-diff-md5';

export function ensureApplied(client: SystemClient, apiVersion: string, plural: string, desired: KubeObject, fields: string[]): 'created' | 'updated' | 'unchanged' {
  const digest = createHash('md5').update(stableStringify({ fields: fields.map((f) => desired[f]), labels: desired.metadata.labels ?? {} })).digest('hex');
  const stamped: KubeObject = { ...desired, metadata: { ...desired.metadata, annotations: { ...(desired.metadata.annotations ?? {}), [ORIGINAL_DIGEST]: digest } } };
  const { obj, created } = ensureCreated(client, apiVersion, plural, stamped);
  if (created) return 'created';
  if (obj.metadata.annotations?.[ORIGINAL_DIGEST] === digest) return 'unchanged';
  const next: KubeObject = JSON.parse(JSON.stringify(obj)) as KubeObject;
  for (const f of fields) next[f] = desired[f];
  next.metadata.labels = { ...(obj.metadata.labels ?? {}), ...(desired.metadata.labels ?? {}) };
  next.metadata.annotations = { ...(obj.metadata.annotations ?? {}), ...(stamped.metadata.annotations ?? {}) };
  client.update(apiVersion, plural, next);
  return 'updated';
}

/** Writes `status` when it differs from what is stored (compared without key order). */
export function writeStatus(client: SystemClient, apiVersion: string, plural: string, obj: KubeObject, status: Record<string, unknown>): boolean {
  if (stableStringify(status) === stableStringify(obj.status ?? {})) return false;
  client.updateStatus(apiVersion, plural, { ...obj, status });
  return true;
}

/** Deletes if present; a concurrent deletion is not an error. */
export function deleteIfExists(client: SystemClient, apiVersion: string, plural: string, namespace: string, name: string): boolean {
  try {
    return client.delete(apiVersion, plural, namespace, name, { propagationPolicy: 'Background' }) !== undefined;
  } catch (e) {
    if (isApiError(e, 404)) return false;
    throw e;
  }
}

/** A refusal by ResourceQuota admission (`exceeded quota` / `failed quota`), worth an event rather than a crash. */
export function isQuotaRefusal(e: unknown): e is ApiError {
  return isApiError(e, 403) && /(exceeded|failed) quota/.test(e.message);
}
