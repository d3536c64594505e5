import { errors } from '../api/errors';
import type { KubeObject } from '../api/types';
import type { StoreEvent, Stored } from '../storage/store';
import { needsConversion, viewJson } from '../core/views';
import { negotiate } from '../http/respond';
import type { ResourceRequest } from './core';
import { selectionFor } from './selection';
import { TableStream, metadataItem } from './table-output';

/**
 * Watch: newline-delimited JSON events on a chunked 200 response. Starts from the current state
 * (rv unset or "0": synthetic ADDED events), from an exact resourceVersion (replaying retained
 * history; 410 Expired as an ERROR event when it is too old), or as a watch-list
 * (sendInitialEvents with the initial-events-end bookmark). Selector transitions turn into
 * ADDED/DELETED; bookmarks only when asked for.
 */
const BOOKMARK_INTERVAL_MS = 30_000;
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

type WireEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; stored: Stored };

export function handleWatch(r: ResourceRequest): void {
  const { core, rt, req, res, url, info } = r;
  const q = url.searchParams;
  const negotiated = negotiate(req.headers.accept, true);
  const selection = selectionFor(rt, info.namespace, q);
  const rvParam = q.get('resourceVersion') ?? '';
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const sendInitial = q.get('sendInitialEvents');
  const match = q.get('resourceVersionMatch') ?? '';
  if (sendInitial !== null) {
    if (sendInitial === 'true' && (match !== 'NotOlderThan' || !bookmarks)) {
      throw errors.invalid('meta.k8s.io', 'ListOptions', '', [{ type: 'FieldValueForbidden', message: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan and allowWatchBookmarks to true', field: 'sendInitialEvents' }]);
    }
  } else if (match) {
    throw errors.invalid('meta.k8s.io', 'ListOptions', '', [{ type: 'FieldValueForbidden', message: `Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided`, field: 'resourceVersionMatch' }]);
  }
  if (rvParam && !/^\d+$/.test(rvParam)) throw errors.badRequest(`invalid resourceVersion: ${rvParam}`);
  const timeoutSeconds = q.has('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : 1800 + Math.floor(Math.random() * 1800);

  const table = negotiated.projection === 'table' ? new TableStream(rt) : undefined;
  const encode = (type: string, stored: Stored): string => {
    let object: string;
    if (table) object = JSON.stringify(table.row(stored));
    else if (negotiated.projection === 'metadata') object = JSON.stringify(metadataItem(rt, stored));
    else object = needsConversion(rt) ? viewJson(rt, stored) : stored.json;
    return `{"type":"${type}","object":${object}}\n`;
  };
  const bookmark = (rv: number, initialEnd = false): string => {
    const metadata: KubeObject['metadata'] = { resourceVersion: String(rv) };
    if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
    return `{"type":"BOOKMARK","object":${JSON.stringify({ kind: rt.kind, apiVersion, metadata })}}\n`;
  };

  res.writeHead(200, { 'Content-Type': negotiated.contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  req.socket.setNoDelay(true);

  let closed = false;
  let lastSent = core.store.resourceVersion;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = (): void => {};
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    res.end();
  };
  const send = (chunk: string): void => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const toWire = (e: StoreEvent): WireEvent | undefined => {
    if (selection.namespace && e.namespace !== selection.namespace) return undefined;
    if (selection.everything) return { type: e.type, stored: e.cur };
    const now = e.type !== 'DELETED' && selection.matches(e.cur);
    const before = e.prev !== undefined && e.type !== 'ADDED' && selection.matches(e.prev);
    if (e.type === 'DELETED') return before ? { type: 'DELETED', stored: e.cur } : undefined;
    if (now && before) return { type: 'MODIFIED', stored: e.cur };
    if (now) return { type: 'ADDED', stored: e.cur };
    if (before) return { type: 'DELETED', stored: { obj: e.prev!.obj, json: stampRv(e.prev!, e.rv), rv: e.rv } };
    return undefined;
  };
  const deliver = (e: StoreEvent): void => {
    const w = toWire(e);
    lastSent = e.rv;
    if (w) send(encode(w.type, w.stored));
  };

  req.on('close', close);
  res.on('error', close);
  timers.push(setTimeout(close, Math.max(0, timeoutSeconds) * 1000));

  const current = core.store.resourceVersion;
  if (rvParam === '' || rvParam === '0' || sendInitial === 'true') {
    for (const s of core.store.list(rt.table, selection.namespace || undefined)) if (selection.everything || selection.matches(s)) send(encode('ADDED', s));
    if (sendInitial === 'true') send(bookmark(current, true));
  } else {
    const from = Number(rvParam);
    if (from < core.store.history.startRv) {
      const status = errors.expired(`too old resource version: ${from} (${current})`).toStatus();
      send(`{"type":"ERROR","object":${JSON.stringify(status)}}\n`);
      close();
      return;
    }
    for (const e of core.store.history.since(from)) if (e.table === rt.table) deliver(e);
  }
  unsubscribe = core.store.subscribe(rt.table, deliver);
  if (bookmarks) {
    const tick = (): void => {
      if (closed) return;
      send(bookmark(Math.max(lastSent, core.store.resourceVersion)));
      timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
    };
    timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
  }
}

function stampRv(s: Stored, rv: number): string {
  const obj = JSON.parse(s.json) as KubeObject;
  obj.metadata.resourceVersion = String(rv);
  return JSON.stringify(obj);
}
