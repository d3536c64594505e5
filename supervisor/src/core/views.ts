import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { apiVersionOf } from '../api/types';
import type { Stored } from '../storage/store';

/**
 * Turns stored objects into what a served resource returns: the stored JSON as is when the
 * served version is the storage version (the fast path lists rely on), otherwise a converted copy
 * (apiVersion rewritten for CRD versions, field renames for events.k8s.io/v1).
 */
export function servedApiVersion(rt: ResourceType): string {
  return apiVersionOf(rt.group, rt.version);
}

export function needsConversion(rt: ResourceType): boolean {
  return rt.view !== undefined || rt.version !== rt.storageVersion;
}

export function viewObject(rt: ResourceType, stored: Stored): KubeObject {
  const obj = JSON.parse(stored.json) as KubeObject;
  if (rt.view) return rt.view.toView(obj);
  obj.apiVersion = servedApiVersion(rt);
  return obj;
}

/** The served form for reading only (tables, projections): no copy when no conversion is needed. */
export function readView(rt: ResourceType, stored: Stored): Readonly<KubeObject> {
  return needsConversion(rt) ? viewObject(rt, stored) : stored.obj;
}

export function viewJson(rt: ResourceType, stored: Stored): string {
  return needsConversion(rt) ? JSON.stringify(viewObject(rt, stored)) : stored.json;
}

/** Converts a client's object (in the served version) to the storage form. */
export function toStorage(rt: ResourceType, obj: KubeObject): KubeObject {
  if (rt.view) return rt.view.fromView(obj);
  return { ...obj, apiVersion: apiVersionOf(rt.group, rt.storageVersion), kind: rt.kind };
}

/** Converts a storage-form object (not yet stored) to the served version. */
export function fromStorage(rt: ResourceType, obj: KubeObject): KubeObject {
  if (rt.view) return rt.view.toView(obj);
  return { ...obj, apiVersion: servedApiVersion(rt) };
}
