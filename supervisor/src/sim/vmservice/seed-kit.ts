import type { KubeObject } from '../../api/types';
import type { SystemClient } from '../../controllers/kit/system-client';

/** Creates an object and then writes its status (the main endpoint ignores status on create). */
export function createWithStatus(client: SystemClient, apiVersion: string, plural: string, obj: KubeObject): KubeObject {
  const { status, ...rest } = obj;
  const created = client.create(apiVersion, plural, rest as KubeObject);
  return status === undefined ? created : client.updateStatus(apiVersion, plural, { ...created, status });
}

/** Creates the object unless one of that name exists; returns whether it created it. */
export function ensure(client: SystemClient, apiVersion: string, plural: string, obj: KubeObject): boolean {
  if (client.get(apiVersion, plural, obj.metadata.namespace ?? '', obj.metadata.name ?? '')) return false;
  createWithStatus(client, apiVersion, plural, obj);
  return true;
}
