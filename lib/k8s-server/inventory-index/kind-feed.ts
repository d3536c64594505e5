import 'server-only';
import type { IncomingMessage } from 'node:http';
import { project, projectionKey, type IndexedKind, type Projection } from '../../inventory-index/aggregate';
import type { KindState } from '../../inventory-index/summary-types';
import { backoffDelay } from '../../k8s/backoff';
import type { KubeObject } from '../../k8s/types';
import type { ResourceDescriptor } from '../../resources/types';
import { readAll, sendUpstream, UpstreamUnavailable } from '../upstream';

/**
 * One kind, listed in all namespaces with the user's token and kept current by a watch; only the
 * projection of each object is kept (a whole pod is about 6 KB of JSON, its projection a few
 * hundred bytes). The list is read in pages, so the console never holds a whole large list.
 * Contract with the API server: a watch resumes from the last resourceVersion seen (bookmarks
 * included); a 410 or an expired continue token means list again; any other failure retries
 * with capped back-off while the last counts stay, marked stale.
 */
export interface KindFeed extends IndexedKind {
  stop(): void;
}

const PAGE = 500;
const HEADERS = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': 'glasspane-console/0.1' });

class Gone extends Error {}

async function getJson(token: string, path: string, signal: AbortSignal): Promise<Record<string, unknown>> {
  const res = await sendUpstream({ method: 'GET', path, headers: HEADERS(token), signal, timeoutMs: 15_000 });
  const body = JSON.parse((await readAll(res, 256 * 1024 * 1024)).toString('utf8')) as Record<string, unknown>;
  if (res.statusCode === 410) throw new Gone();
  if ((res.statusCode ?? 0) >= 400) throw new Error(typeof body.message === 'string' ? body.message : `listing failed with ${res.statusCode}`);
  return body;
}

/** Runs one list at a time for an index: listing every kind at once only raises the peak memory. */
export type ListGate = <T>(list: () => Promise<T>) => Promise<T>;

export function listGate(): ListGate {
  let chain: Promise<unknown> = Promise.resolve();
  return (list) => {
    const run = chain.then(list, list);
    chain = run.catch(() => undefined);
    return run;
  };
}

export function startKindFeed(token: string, d: ResourceDescriptor, path: string, onChange: () => void, gate: ListGate = (list) => list()): KindFeed {
  const abort = new AbortController();
  const feed: KindFeed = { state: { state: 'loading' }, items: new Map<string, Projection>(), stop: () => abort.abort() };
  const setState = (s: KindState) => {
    feed.state = s;
    onChange();
  };

  const list = async (): Promise<string> => {
    const items = new Map<string, Projection>();
    let cont = '';
    let rv = '';
    do {
      const page = await getJson(token, `${path}?limit=${PAGE}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, abort.signal);
      for (const o of (page.items as KubeObject[] | undefined) ?? []) items.set(projectionKey(o), project(d, o));
      const meta = (page.metadata ?? {}) as { continue?: string; resourceVersion?: string };
      cont = meta.continue ?? '';
      rv = meta.resourceVersion ?? rv;
    } while (cont);
    feed.items = items;
    setState({ state: 'ready' });
    return rv;
  };

  /** Applies events until the watch ends; returns the last resourceVersion, or throws Gone. */
  const watch = async (rv: string): Promise<string> => {
    const res: IncomingMessage = await sendUpstream({ method: 'GET', path: `${path}?watch=true&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(rv)}`, headers: HEADERS(token), signal: abort.signal, timeoutMs: 15_000 });
    if (res.statusCode === 410) throw new Gone();
    if ((res.statusCode ?? 0) >= 400) throw new Error(`watch failed with ${res.statusCode}: ${(await readAll(res)).toString('utf8').slice(0, 200)}`);
    if (feed.state.state === 'ready' && feed.state.stale) setState({ state: 'ready' });
    let buffer = '';
    for await (const chunk of res) {
      buffer += (chunk as Buffer).toString('utf8');
      let nl: number;
      let changed = false;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line) as { type: string; object: KubeObject & { code?: number } };
        if (event.type === 'ERROR') {
          if (event.object.code === 410) throw new Gone();
          throw new Error(`watch error: ${String((event.object as { message?: unknown }).message ?? 'unknown')}`);
        }
        rv = event.object.metadata?.resourceVersion ?? rv;
        if (event.type === 'BOOKMARK') continue;
        const key = projectionKey(event.object);
        if (event.type === 'DELETED') (feed.items as Map<string, Projection>).delete(key);
        else (feed.items as Map<string, Projection>).set(key, project(d, event.object));
        changed = true;
      }
      if (changed) onChange();
    }
    return rv;
  };

  void (async () => {
    let rv: string | undefined;
    let attempt = 0;
    while (!abort.signal.aborted) {
      try {
        rv ??= await gate(list);
        rv = await watch(rv);
        attempt = 0;
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof Gone) {
          rv = undefined;
          continue;
        }
        const message = e instanceof UpstreamUnavailable || e instanceof Error ? e.message : String(e);
        if (feed.state.state === 'ready') setState({ state: 'ready', stale: true });
        else setState({ state: 'error', message });
        await new Promise((r) => setTimeout(r, backoffDelay(attempt++, 1000, 30_000)));
      }
    }
  })();
  return feed;
}
