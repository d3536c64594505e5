import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { Store, Stored } from '../storage/store';
import { needsConversion, viewJson } from '../core/views';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodySink } from '../http/compression';
import { negotiate, writeJson } from '../http/respond';
import type { ResourceRequest } from './core';
import { parseLimit, selectionFor } from './selection';
import { decodeContinue, encodeContinue, keyOf } from './continue-token';
import { renderTable, metadataItem } from './table-output';

/**
 * GET on a collection: resourceVersion semantics (unset/"0" = current, N = not older than N,
 * Exact = that snapshot), limit/continue paging over one consistent snapshot, selectors, and the
 * Table and PartialObjectMetadataList projections. Items are emitted from their cached JSON.
 */
const TOO_LARGE_WAIT_MS = 3000;

async function waitForResourceVersion(store: Store, rv: number): Promise<void> {
  const deadline = Date.now() + TOO_LARGE_WAIT_MS;
  while (store.resourceVersion < rv) {
    if (Date.now() > deadline) {
      throw errors.timeout(`Too large resource version: ${rv}, current: ${store.resourceVersion}`, [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], 1);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function parseRv(raw: string, param = 'resourceVersion'): number {
  if (!/^\d+$/.test(raw)) throw errors.badRequest(`invalid ${param}: ${raw}`);
  return Number(raw);
}

export interface ListSnapshot {
  items: Stored[];
  rv: number;
  continueToken?: string;
  remaining?: number;
}

/** Selects the items of one page; shared by list and deletecollection. */
export async function snapshot(r: Pick<ResourceRequest, 'core' | 'rt' | 'info' | 'url'>, paged = true): Promise<ListSnapshot> {
  const { core, rt, info, url } = r;
  const q = url.searchParams;
  const selection = selectionFor(rt, info.namespace, q);
  const limit = paged ? parseLimit(q) : 0;
  const rvParam = q.get('resourceVersion') ?? '';
  const match = q.get('resourceVersionMatch') ?? '';
  const cont = q.get('continue') ?? '';
  if (match && !rvParam) {
    throw errors.invalid('meta.k8s.io', 'ListOptions', '', [{ type: 'FieldValueForbidden', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided', field: 'resourceVersionMatch' }]);
  }
  if (match && !['Exact', 'NotOlderThan'].includes(match)) {
    throw errors.invalid('meta.k8s.io', 'ListOptions', '', [{ type: 'FieldValueNotSupported', message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`, field: 'resourceVersionMatch' }]);
  }
  if (cont && rvParam && rvParam !== '0') {
    throw errors.invalid('meta.k8s.io', 'ListOptions', '', [{ type: 'FieldValueForbidden', message: 'Forbidden: specifying resource version is not allowed when using continue', field: 'resourceVersion' }]);
  }
  let at = core.store.resourceVersion;
  let start = '';
  if (cont) {
    const token = decodeContinue(cont);
    at = token.rv;
    start = token.start;
  } else if (rvParam && rvParam !== '0') {
    const rv = parseRv(rvParam);
    if (match === 'Exact') {
      if (rv > core.store.resourceVersion) await waitForResourceVersion(core.store, rv);
      at = rv;
    } else {
      await waitForResourceVersion(core.store, rv);
      at = core.store.resourceVersion;
    }
  }
  const all = at === core.store.resourceVersion ? core.store.list(rt.table, selection.namespace || undefined) : core.store.listAt(rt.table, at, selection.namespace || undefined);
  let from = 0;
  if (start) {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(all[mid]!) < start) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const items: Stored[] = [];
  let i = from;
  for (; i < all.length; i++) {
    const s = all[i]!;
    if (!selection.everything && !selection.matches(s)) continue;
    if (limit > 0 && items.length === limit) break;
    items.push(s);
  }
  const result: ListSnapshot = { items, rv: at };
  if (limit > 0 && i < all.length) {
    result.continueToken = encodeContinue(at, `${keyOf(items[items.length - 1]!)}\u0000`);
    if (selection.everything) result.remaining = all.length - i;
  }
  return result;
}

function listMetadata(s: ListSnapshot): string {
  const meta: Record<string, unknown> = { resourceVersion: String(s.rv) };
  if (s.continueToken) meta.continue = s.continueToken;
  if (s.remaining !== undefined) meta.remainingItemCount = s.remaining;
  return JSON.stringify(meta);
}

export async function handleList(r: ResourceRequest): Promise<void> {
  const { rt, req, res, url } = r;
  const negotiated = negotiate(req.headers.accept, true);
  const snap = await snapshot(r);
  if (negotiated.projection === 'table') {
    const include = (url.searchParams.get('includeObject') ?? 'Metadata') as 'None' | 'Metadata' | 'Object';
    writeJson(res, 200, renderTable(rt, snap.items, { resourceVersion: String(snap.rv), continue: snap.continueToken, remainingItemCount: snap.remaining }, include), {}, negotiated.contentType);
    return;
  }
  if (negotiated.projection === 'metadata') {
    const items = snap.items.map((s) => JSON.stringify(metadataItem(rt, s))).join(',');
    writeJson(res, 200, `{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":${listMetadata(snap)},"items":[${items}]}`, {}, negotiated.contentType);
    return;
  }
  await writeListStream(req, res, rt, snap);
}

const CHUNK_BYTES = 1 << 20;
const COMMA = Buffer.from(',');

/**
 * Each stored object's JSON as UTF-8 bytes, encoded once and reused by every list that sends it
 * (stored objects are immutable, so the cache is dropped with the object).
 */
const encoded = new WeakMap<Stored, Buffer>();

function bytesOf(s: Stored): Buffer {
  let b = encoded.get(s);
  if (!b) encoded.set(s, (b = Buffer.from(s.json)));
  return b;
}

/**
 * Streams a list in ~1 MiB chunks built from the items' cached bytes, waiting for the socket to
 * drain between chunks: the first bytes leave at once, TLS encrypts while the next chunk is
 * built, at most a few chunks are buffered (not the whole list), and a client that goes away
 * stops the work. The items are an immutable snapshot, so yielding between chunks is safe.
 */
async function writeListStream(req: IncomingMessage, res: ServerResponse, rt: ResourceType, snap: ListSnapshot): Promise<void> {
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  const convert = needsConversion(rt);
  let parts: Buffer[] = [Buffer.from(`{"kind":"${rt.listKind}","apiVersion":"${apiVersion}","metadata":${listMetadata(snap)},"items":[`)];
  let size = 0;
  // Headers wait for the first chunk: its size decides compression (as kube-apiserver decides
  // on the first write).
  let sink: ReturnType<typeof bodySink> | undefined;
  const open = (): ReturnType<typeof bodySink> => {
    const s = bodySink(req, res, size);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...s.headers });
    return s;
  };
  for (let i = 0; i < snap.items.length; i++) {
    const s = snap.items[i]!;
    if (i) parts.push(COMMA);
    const b = convert ? Buffer.from(viewJson(rt, s)) : bytesOf(s);
    parts.push(b);
    size += b.length;
    if (size >= CHUNK_BYTES) {
      sink ??= open();
      const flushed = sink.out.write(Buffer.concat(parts));
      parts = [];
      size = 0;
      if (!flushed && !(await drained(sink.out, res))) return;
    }
  }
  parts.push(Buffer.from(']}'));
  sink ??= open();
  sink.out.end(Buffer.concat(parts));
}

/** Resolves true on the sink's 'drain', false when the response closes first. */
function drained(out: NodeJS.WritableStream, res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      out.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    out.once('drain', onDrain);
    res.once('close', onClose);
  });
}
