import { errors } from '../api/errors';
import { deleteObject, parseDeleteOptions } from '../core/deletion';
import type { WriteResult } from '../core/objects';
import { patchObject, patchTypeOf } from '../core/patching';
import { mediaType, parseJson, readBody } from '../http/body';
import { negotiate, warningHeader, writeJson } from '../http/respond';
import type { ResourceRequest } from './core';
import { handleList, snapshot } from './list';
import { selectionFor } from './selection';
import { handleWatch } from './watch';
import { readObjectBody, writeOptions } from './write-options';
import { renderTable, metadataItem } from './table-output';
import { handleReview } from './reviews';
import { handleSubresource } from './subresources';
import { viewJson } from '../core/views';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from '../protobuf';

/** Dispatches a resource request (already authenticated and authorized) by verb and subresource. */
export async function handleResource(r: ResourceRequest): Promise<void> {
  const { rt, info } = r;
  if (info.subresource) return handleSubresource(r);
  if (!rt.verbs.includes(info.verb)) throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
  if (!rt.namespaced && info.namespace && info.resource !== 'namespaces') throw errors.pathNotFound();
  if (rt.namespaced && !info.namespace && !['list', 'watch'].includes(info.verb)) throw errors.pathNotFound();
  if (rt.computed) return handleComputed(r);
  switch (info.verb) {
    case 'get':
      return handleGet(r);
    case 'list':
      return handleList(r);
    case 'watch':
      return handleWatch(r);
    case 'create':
      if (rt.virtual) return handleReview(r);
      return respondWrite(r, r.core.objects.create(rt, info.namespace, await readObjectBody(r.req), writeOptions(r.req, r.url.searchParams, r.user)));
    case 'update':
      return respondWrite(r, r.core.objects.update(rt, info.namespace, info.pathName, await readObjectBody(r.req), writeOptions(r.req, r.url.searchParams, r.user)));
    case 'patch':
      return handlePatch(r);
    case 'delete':
      return handleDelete(r);
    case 'deletecollection':
      return handleDeleteCollection(r);
    default:
      throw errors.methodNotAllowed();
  }
}

function handleGet(r: ResourceRequest): void {
  const { core, rt, info, req, res, url } = r;
  const negotiated = negotiate(req.headers.accept, true);
  const stored = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!stored) throw errors.notFound(rt, info.pathName);
  if (negotiated.projection === 'table') {
    const include = (url.searchParams.get('includeObject') ?? 'Metadata') as 'None' | 'Metadata' | 'Object';
    writeJson(res, 200, renderTable(rt, [stored], { resourceVersion: '' }, include), {}, negotiated.contentType);
  } else if (negotiated.projection === 'metadata') {
    writeJson(res, 200, metadataItem(rt, stored), {}, negotiated.contentType);
  } else {
    writeJson(res, 200, viewJson(rt, stored));
  }
}

/** get/list of a computed kind; selectors apply, resourceVersion is the store's current one. */
function handleComputed(r: ResourceRequest): void {
  const { core, rt, info, res, url } = r;
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  if (info.verb === 'get') {
    const obj = rt.computed!.get(info.namespace, info.pathName);
    if (!obj) throw errors.notFound(rt, info.pathName);
    writeJson(res, 200, obj);
    return;
  }
  if (info.verb !== 'list') throw errors.methodNotAllowed();
  const selection = selectionFor(rt, info.namespace, url.searchParams);
  const rv = String(core.store.resourceVersion);
  const items = rt.computed!.list(rt.namespaced ? info.namespace || undefined : undefined).filter((o) => selection.everything || selection.matches({ obj: o, json: '', rv: 0 }));
  writeJson(res, 200, { kind: rt.listKind, apiVersion, metadata: { resourceVersion: rv }, items });
}

/** Answers a write once it is durable: nothing is acknowledged that a crash could lose. */
export async function respondWrite(r: ResourceRequest, result: WriteResult): Promise<void> {
  await r.core.store.durable();
  writeJson(r.res, result.code, result.object, warningHeader(result.warnings));
}

export async function handlePatch(r: ResourceRequest, subresource?: string): Promise<void> {
  const { core, rt, info, req, url } = r;
  const type = patchTypeOf(mediaType(req.headers['content-type']), rt);
  const body = (await readBody(req)).toString('utf8');
  const opts = writeOptions(req, url.searchParams, r.user, subresource);
  const forceParam = url.searchParams.get('force');
  const force = forceParam === null ? undefined : forceParam === 'true';
  await respondWrite(r, patchObject(core.objects, rt, info.namespace, info.pathName, type, body, { ...opts, force }));
}

/** DeleteOptions arrive as JSON, or as protobuf from kubectl drain; an empty body means defaults. */
async function readDeleteBody(r: ResourceRequest): Promise<unknown> {
  const body = await readBody(r.req);
  if (body.length === 0) return {};
  if (isKubernetesProtobuf(r.req.headers['content-type'])) return decodeKubernetesProtobuf(body).object;
  return parseJson(body.toString('utf8'));
}

async function handleDelete(r: ResourceRequest): Promise<void> {
  const { core, rt, info, url } = r;
  const options = parseDeleteOptions(await readDeleteBody(r), url.searchParams);
  const opts = writeOptions(r.req, url.searchParams, r.user);
  await respondWrite(r, deleteObject(core.objects, rt, info.namespace, info.pathName, options, { ...opts, dryRun: opts.dryRun || options.dryRun }));
}

async function handleDeleteCollection(r: ResourceRequest): Promise<void> {
  const { core, rt, url } = r;
  const options = parseDeleteOptions(await readDeleteBody(r), url.searchParams);
  const opts = { ...writeOptions(r.req, url.searchParams, r.user), ...(options.dryRun ? { dryRun: true } : {}) };
  const snap = await snapshot(r, false);
  const items = [];
  for (const s of snap.items) {
    const { namespace = '', name = '' } = s.obj.metadata;
    if (!core.objects.getStored(rt, namespace, name)) continue;
    items.push(deleteObject(core.objects, rt, namespace, name, options, opts).object);
  }
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  await core.store.durable();
  writeJson(r.res, 200, { kind: rt.listKind, apiVersion, metadata: { resourceVersion: String(core.store.resourceVersion) }, items });
}
