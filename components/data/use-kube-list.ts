'use client';

import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyWatchEvent } from '@/lib/k8s/apply-watch-event';
import { kubeGet } from '@/lib/k8s/client';
import { KubeError } from '@/lib/k8s/status';
import type { KubeList, KubeObject } from '@/lib/k8s/types';
import { useWatchHub } from './watch-hub-context';

/**
 * A live Kubernetes collection: listed once into the TanStack Query cache, then kept current by
 * a watch on the tab's stream from the list's resourceVersion. When the watch expires (410) the
 * list is fetched again; while the API is unreachable the last data stays on screen.
 */
export function listQueryKey(path: string): readonly unknown[] {
  return ['k8s', 'list', path];
}

/** A list as cached: `listedAt` changes only when the list is read again, not on watch events. */
export type LiveList<T extends KubeObject = KubeObject> = KubeList<T> & { listedAt: number };

export function useKubeList<T extends KubeObject = KubeObject>(path: string | undefined, opts: { watch?: boolean } = {}): UseQueryResult<LiveList<T>, KubeError> {
  const client = useQueryClient();
  const hub = useWatchHub();
  const watch = opts.watch !== false;
  const query = useQuery<LiveList<T>, KubeError>({
    queryKey: listQueryKey(path ?? ''),
    queryFn: async ({ signal }) => ({ ...(await kubeGet<KubeList<T>>(path!, signal)), listedAt: Date.now() }),
    enabled: !!path,
    staleTime: watch ? Infinity : 30_000,
    retry: (count, error) => (error.code === 503 || error.code >= 500) && count < 100,
    retryDelay: (count) => Math.min(30_000, 1000 * 2 ** count),
  });
  const rv = query.data?.metadata.resourceVersion;
  const listedAt = query.data?.listedAt;
  const { failureCount, error } = query;

  useEffect(() => {
    if (failureCount > 0 && error?.code === 503) hub.reportDown(error.message);
  }, [hub, failureCount, error]);

  // Subscribes once per list read (listedAt), not per event: the hub tracks the latest
  // resourceVersion itself, and a re-list after 410 brings a new listedAt and a new watch.
  useEffect(() => {
    if (!path || !watch || rv === undefined || listedAt === undefined) return;
    const key = listQueryKey(path);
    return hub.watch({
      path,
      resourceVersion: rv,
      onEvent: (event) => client.setQueryData<LiveList<T>>(key, (list) => (list ? { ...applyWatchEvent(list, event as never), listedAt: list.listedAt } : list)),
      onExpired: () => void client.invalidateQueries({ queryKey: key, exact: true }),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rv is read at subscription time only
  }, [hub, client, path, watch, listedAt]);

  return query;
}
