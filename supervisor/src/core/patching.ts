import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import { parseJson, parseYaml } from '../http/body';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, serverSideApply } from '../patch';
import type { Objects, WriteOptions, WriteResult } from './objects';
import { timestamp } from './metadata';
import { viewObject } from './views';

/**
 * PATCH: the Content-Type picks JSON patch, merge patch, strategic merge patch (built-in kinds
 * only; 415 for custom resources) or server-side apply (which creates missing objects). The
 * patched object then takes the ordinary update path; a patch that sets a stale
 * metadata.resourceVersion fails with 409.
 */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function patchTypeOf(mediaType: string, rt: ResourceType): PatchType {
  const t = PATCH_TYPES[mediaType];
  if (!t || (t === 'strategic' && !rt.strategicMerge)) {
    const accepted = ['application/json-patch+json', 'application/merge-patch+json', ...(rt.strategicMerge ? ['application/strategic-merge-patch+json'] : []), 'application/apply-patch+yaml'];
    throw errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
  }
  return t;
}

export interface PatchOptions extends WriteOptions {
  force?: boolean;
}

/** Applies a patch document to the served form of an object. */
export function applyPatchDocument(rt: ResourceType, current: KubeObject, type: Exclude<PatchType, 'apply'>, body: string): KubeObject {
  const patch = parseJson(body);
  let out: unknown;
  if (type === 'json') out = applyJsonPatch(current, patch);
  else if (type === 'merge') out = applyMergePatch(current, patch);
  else out = applyStrategicMergePatch(current, patch, rt.schema?.() ?? {}, rt.resolver);
  if (!isObject(out)) throw errors.badRequest('the patch result is not an object');
  return out as KubeObject;
}

export function patchObject(objects: Objects, rt: ResourceType, namespace: string, name: string, type: PatchType, body: string, opts: PatchOptions): WriteResult {
  if (opts.force !== undefined && type !== 'apply') {
    throw errors.invalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' }]);
  }
  if (type === 'apply' && !opts.fieldManager) {
    throw errors.invalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }]);
  }
  const existing = objects.getStored(rt, namespace, name);
  if (type === 'apply') {
    const applied = parseYaml(body);
    if (!isObject(applied)) throw errors.badRequest('the apply configuration must be an object');
    const appliedMeta = isObject(applied.metadata) ? applied.metadata : {};
    if (appliedMeta.name !== undefined && appliedMeta.name !== name) {
      throw errors.badRequest(`the name of the object (${String(appliedMeta.name)}) does not match the name on the URL (${name})`);
    }
    const common = { manager: opts.fieldManager!, force: opts.force === true, includeStatus: !rt.statusSubresource, apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version, time: timestamp(objects.now()), schema: rt.schema?.() ?? {}, resolve: rt.resolver, subresource: opts.subresource };
    if (!existing) {
      if (opts.subresource) throw errors.notFound(rt, name);
      const result = serverSideApply({ ...common, live: undefined, applied: { ...applied, metadata: { ...appliedMeta, name } } });
      const created = { ...result.object, metadata: { ...(result.object.metadata as object), managedFields: result.managedFields } };
      return objects.create(rt, namespace, created, { ...opts, applied: true });
    }
    if (appliedMeta.resourceVersion !== undefined && appliedMeta.resourceVersion !== existing.obj.metadata.resourceVersion) throw errors.staleUpdate(rt, name);
    const live = viewObject(rt, existing);
    const result = serverSideApply({ ...common, live, applied });
    const next = { ...result.object, metadata: { ...(result.object.metadata as object), managedFields: result.managedFields } } as KubeObject;
    return commit(objects, rt, namespace, name, existing.obj.metadata.resourceVersion, next, { ...opts, applied: true });
  }
  if (!existing) throw errors.notFound(rt, name);
  const current = viewObject(rt, existing);
  const patched = applyPatchDocument(rt, current, type, body);
  return commit(objects, rt, namespace, name, existing.obj.metadata.resourceVersion, patched, opts);
}

function commit(objects: Objects, rt: ResourceType, namespace: string, name: string, currentRv: string | undefined, patched: KubeObject, opts: WriteOptions): WriteResult {
  const meta = isObject(patched.metadata) ? patched.metadata : {};
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== currentRv) throw errors.staleUpdate(rt, name);
  if (meta.name !== undefined && meta.name !== name) throw errors.badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
  const obj = objects.normalize(rt, namespace, patched);
  const existing = objects.getStored(rt, namespace, name)!;
  return objects.commitUpdate(rt, existing, obj, opts);
}
