import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import { viewObject } from '../core/views';
import { applyPatchDocument, patchTypeOf } from '../core/patching';
import { mediaType, readBody } from '../http/body';
import { writeJson, warningHeader } from '../http/respond';
import { labelSelectorToString } from '../selectors';
import type { Stored } from '../storage/store';
import type { ResourceRequest } from './core';
import { readObjectBody, writeOptions } from './write-options';

/**
 * The scale subresource: an autoscaling/v1 Scale view of spec.replicas (and status), through the
 * kind's scale paths (fixed for built-ins, specReplicasPath etc. for CRDs).
 */
function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/^\./, '').split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(cur[part])) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

export function scaleOf(rt: ResourceType, obj: KubeObject): KubeObject {
  const spec = rt.scale!;
  const selectorValue = spec.labelSelectorPath ? getPath(obj, spec.labelSelectorPath) : undefined;
  const selector = typeof selectorValue === 'string' ? selectorValue : isObject(selectorValue) ? labelSelectorToString(selectorValue) : '';
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const replicas = getPath(obj, spec.specReplicasPath);
  const statusReplicas = getPath(obj, spec.statusReplicasPath);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof replicas === 'number' ? replicas : 0 },
    status: { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0, ...(selector ? { selector } : {}) },
  };
}

function replicasFrom(scale: unknown, name: string): number {
  const spec = isObject(scale) && isObject(scale.spec) ? scale.spec : {};
  const n = spec.replicas ?? 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw errors.invalid('autoscaling', 'Scale', name, [{ type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(n)}: must be greater than or equal to 0`, field: 'spec.replicas' }]);
  }
  return n;
}

export async function handleScale(r: ResourceRequest): Promise<void> {
  const { core, rt, info, req, res, url } = r;
  if (!rt.scale) throw errors.pathNotFound();
  const existing: Stored | undefined = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!existing) throw errors.notFound(rt, info.pathName);
  const current = viewObject(rt, existing);
  if (info.verb === 'get') {
    writeJson(res, 200, scaleOf(rt, current));
    return;
  }
  let desired: KubeObject;
  if (info.verb === 'update') {
    desired = (await readObjectBody(req)) as KubeObject;
    const rv = isObject(desired.metadata) ? desired.metadata.resourceVersion : undefined;
    if (rv && rv !== existing.obj.metadata.resourceVersion) throw errors.staleUpdate(rt, info.pathName);
  } else if (info.verb === 'patch') {
    const type = patchTypeOf(mediaType(req.headers['content-type']), { ...rt, strategicMerge: true });
    if (type === 'apply') throw errors.unsupportedMediaType('server-side apply is not supported on the scale subresource');
    desired = applyPatchDocument({ ...rt, schema: undefined }, scaleOf(rt, current), type, (await readBody(req)).toString('utf8'));
  } else {
    throw errors.methodNotAllowed();
  }
  const next = JSON.parse(existing.json) as KubeObject;
  setPath(next as Record<string, unknown>, rt.scale.specReplicasPath, replicasFrom(desired, info.pathName));
  const result = core.objects.commitUpdate(rt, existing, next, writeOptions(req, url.searchParams, r.user, 'scale'));
  await core.store.durable();
  writeJson(res, 200, scaleOf(rt, result.object), warningHeader(result.warnings));
}
