'use client';

import { useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyWatchEvents } from '@/lib/k8s/apply-watch-event';
import { listInPages } from '@/lib/k8s/paged-list';
import { KubeError } from '@/lib/k8s/status';
import type { KubeList, KubeObject, WatchEvent } from '@/lib/k8s/types';
import type { WatchHub } from '@/lib/k8s/watch-hub';
import { useWatchHub } from './watch-hub-context';

/**
 * A live Kubernetes collection: listed once into the TanStack Query cache, then kept current by
 * a watch on the tab's stream from the list's resourceVersion. When the watch expires (410) the
 * list is fetched again; while the API is unreachable the last data stays on screen.
 */
export function listQueryKey(path: string): readonly unknown[] {
  return ['k8s', 'list', path];
}

/**
 * A list as cached: `listedAt` changes only when the list is read again, not on watch events.
 * `partial` marks the first pages of a large list while the rest is still arriving: shown, but
 * not watched (the watch starts from the complete list, so no event is applied twice or lost).
 */
export type LiveList<T extends KubeObject = KubeObject> = KubeList<T> & { listedAt: number; partial?: true };

/**
 * The query of every live list (`useKubeList`, `useLiveLists`, the inventory): read in pages
 * (`listInPages`), showing the pages gathered so far while a large list is first read — a
 * re-list keeps showing the previous complete list until the new one is whole — never stale
 * (watches keep it current), and retried with capped back-off while the API is unavailable.
 */
export function liveListQuery<T extends KubeObject = KubeObject>(client: QueryClient, path: string) {
  const key = listQueryKey(path);
  return {
    queryKey: key,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<LiveList<T>> => {
      const list = await listInPages<T>(path, signal, (partial) => {
        const shown = client.getQueryData<LiveList<T>>(key);
        if (!shown || shown.partial) client.setQueryData<LiveList<T>>(key, { ...partial, listedAt: 0, partial: true });
      });
      return { ...list, listedAt: Date.now() };
    },
    staleTime: Infinity,
    retry: (count: number, error: Error) => ((error as Partial<KubeError>).code ?? 0) >= 500 && count < 100,
    retryDelay: (count: number) => Math.min(30_000, 1000 * 2 ** count),
  };
}

/**
 * Keeps a listed collection's cache entry current: a watch on the tab's stream from the list's
 * resourceVersion; on 410 the list is read again. Events are applied in bursts (`applyWatchEvents`)
 * at most every FLUSH_MS, so 200 changes a second make a few renders, not 200.
 */
const FLUSH_MS = 50;

export function watchListInto(hub: WatchHub, client: QueryClient, path: string, resourceVersion: string): () => void {
  const key = listQueryKey(path);
  let queue: WatchEvent<KubeObject>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const events = queue;
    queue = [];
    client.setQueryData<LiveList>(key, (list) => (list ? { ...applyWatchEvents(list, events), listedAt: list.listedAt } : list));
  };
  const stop = hub.watch({
    path,
    resourceVersion,
    onEvent: (event) => {
      queue.push(event as WatchEvent<KubeObject>);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    onExpired: () => void client.invalidateQueries({ queryKey: key, exact: true }),
  });
  return () => {
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    stop();
  };
}

export function useKubeList<T extends KubeObject = KubeObject>(path: string | undefined, opts: { watch?: boolean } = {}): UseQueryResult<LiveList<T>, KubeError> {
  const client = useQueryClient();
  const hub = useWatchHub();
  const watch = opts.watch !== false;
  const query = useQuery<LiveList<T>, KubeError>({
    ...liveListQuery<T>(client, path ?? ''),
    enabled: !!path,
    staleTime: watch ? Infinity : 30_000,
  });
  const rv = query.data?.metadata.resourceVersion;
  const listedAt = query.data?.partial ? undefined : query.data?.listedAt;
  const { failureCount, error } = query;

  useEffect(() => {
    if (failureCount > 0 && error?.code === 503) hub.reportDown(error.message);
  }, [hub, failureCount, error]);

  // Subscribes once per list read (listedAt), not per event: the hub tracks the latest
  // resourceVersion itself, and a re-list after 410 brings a new listedAt and a new watch.
  useEffect(() => {
    if (!path || !watch || rv === undefined || listedAt === undefined) return;
    return watchListInto(hub, client, path, rv);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rv is read at subscription time only
  }, [hub, client, path, watch, listedAt]);

  return query;
}
