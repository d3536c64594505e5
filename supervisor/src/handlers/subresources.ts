import { errors } from '../api/errors';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import { deleteObject, parseDeleteOptions } from '../core/deletion';
import { viewObject } from '../core/views';
import { mediaType, readBody, parseJson } from '../http/body';
import { writeJson } from '../http/respond';
import type { ResourceRequest } from './core';
import { handlePatch, respondWrite } from './resources';
import { readObjectBody, writeOptions } from './write-options';
import { handleScale } from './scale';
import { handleLog } from './logs';
import { handleTokenRequest } from './token-request';

/** Subresources: status, scale, log, token, binding, eviction, finalize. */
export async function handleSubresource(r: ResourceRequest): Promise<void> {
  const { rt, info } = r;
  const sub = info.subresource;
  if (!rt.subresources.includes(sub) || info.rest.length) throw errors.pathNotFound();
  switch (sub) {
    case 'status':
      return handleStatus(r);
    case 'scale':
      return handleScale(r);
    case 'log':
      if (info.verb !== 'get') throw errors.methodNotAllowed();
      return handleLog(r);
    case 'token':
      if (info.verb !== 'create') throw errors.methodNotAllowed();
      return handleTokenRequest(r);
    case 'binding':
      if (info.verb !== 'create') throw errors.methodNotAllowed();
      return handleBinding(r);
    case 'eviction':
      if (info.verb !== 'create') throw errors.methodNotAllowed();
      return handleEviction(r);
    case 'finalize':
      if (info.verb !== 'update') throw errors.methodNotAllowed();
      return handleFinalize(r);
    default:
      throw errors.pathNotFound();
  }
}

async function handleStatus(r: ResourceRequest): Promise<void> {
  const { core, rt, info, url, req, res } = r;
  if (info.verb === 'get') {
    writeJson(res, 200, core.objects.get(rt, info.namespace, info.pathName));
    return;
  }
  if (info.verb === 'patch') return handlePatch(r, 'status');
  if (info.verb !== 'update') throw errors.methodNotAllowed();
  const existing = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!existing) throw errors.notFound(rt, info.pathName);
  const input = await readObjectBody(req);
  const obj = core.objects.normalize(rt, info.namespace, input);
  if (obj.metadata.name !== undefined && obj.metadata.name !== info.pathName) throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.pathName})`);
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== existing.obj.metadata.resourceVersion) throw errors.staleUpdate(rt, info.pathName);
  await respondWrite(r, core.objects.commitUpdate(rt, existing, obj, writeOptions(req, url.searchParams, r.user, 'status')));
}

/** pods/binding: what a scheduler posts to place a pod on a node. */
async function handleBinding(r: ResourceRequest): Promise<void> {
  const { core, rt, info, req, url } = r;
  const binding = await readObjectBody(req);
  const target = isObject(binding) && isObject(binding.target) ? binding.target : undefined;
  const nodeName = target && typeof target.name === 'string' ? target.name : '';
  if (!nodeName) throw errors.invalid('', 'Binding', info.pathName, [{ type: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
  const existing = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!existing) throw errors.notFound(rt, info.pathName);
  const pod = viewObject(rt, existing);
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  if (spec.nodeName) throw errors.conflict(rt, info.pathName, `pod ${info.pathName} is already assigned to node "${String(spec.nodeName)}"`);
  spec.nodeName = nodeName;
  pod.spec = spec;
  const opts = writeOptions(req, url.searchParams, r.user, 'binding');
  core.objects.commitUpdate(rt, existing, core.objects.normalize(rt, info.namespace, pod), opts);
  await core.store.durable();
  writeJson(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/** pods/eviction: a policy-checked delete. */
async function handleEviction(r: ResourceRequest): Promise<void> {
  const { core, rt, info, req, url } = r;
  const body = await readBody(req);
  const eviction = body.length ? parseJson(body.toString('utf8')) : {};
  const deleteOptions = isObject(eviction) && isObject(eviction.deleteOptions) ? eviction.deleteOptions : {};
  deleteObject(core.objects, rt, info.namespace, info.pathName, parseDeleteOptions(deleteOptions, new URLSearchParams()), writeOptions(req, url.searchParams, r.user));
  await core.store.durable();
  writeJson(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/** namespaces/finalize: only spec.finalizers may change; the namespace goes once both finalizer lists are empty. */
async function handleFinalize(r: ResourceRequest): Promise<void> {
  const { core, rt, info, req, url } = r;
  if (mediaType(req.headers['content-type']) === 'application/vnd.kubernetes.protobuf') throw errors.unsupportedMediaType('protobuf is not supported for namespaces/finalize');
  const input = (await readObjectBody(req)) as KubeObject;
  const existing = core.objects.getStored(rt, '', info.pathName);
  if (!existing) throw errors.notFound(rt, info.pathName);
  const next = JSON.parse(existing.json) as KubeObject;
  const finalizers = isObject(input.spec) && Array.isArray(input.spec.finalizers) ? input.spec.finalizers : [];
  next.spec = { ...(isObject(next.spec) ? next.spec : {}), finalizers };
  await respondWrite(r, core.objects.commitUpdate(rt, existing, next, writeOptions(req, url.searchParams, r.user, 'finalize')));
}
