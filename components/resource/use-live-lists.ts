'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listQueryKey, liveListQuery, watchListInto, type LiveList } from '@/components/data/use-kube-list';
import { useWatchHub } from '@/components/data/watch-hub-context';
import type { KubeError } from '@/lib/k8s/status';
import type { KubeObject } from '@/lib/k8s/types';

/**
 * Several live collections at once (a varying number: one per namespace the user may use, or
 * one per related kind), in the same cache entries as `useKubeList`: each is listed, then kept
 * current by a watch on the tab's stream from its list's resourceVersion, and re-listed on 410.
 */
export interface LiveLists {
  lists: (LiveList | undefined)[];
  errors: (KubeError | null)[];
  pending: boolean;
  /** Some list shows only its first pages; the rest is still arriving. */
  loadingMore: boolean;
}

/** Module-level, so TanStack Query re-runs it (and changes identity) only when a result changes. */
function combine(results: { data?: LiveList; error: Error | null; isPending: boolean }[]): LiveLists {
  return {
    lists: results.map((r) => r.data),
    errors: results.map((r) => (r.error as KubeError | null) ?? null),
    pending: results.some((r) => r.isPending),
    loadingMore: results.some((r) => r.data?.partial === true),
  };
}

export function useLiveLists(paths: string[]): LiveLists {
  const client = useQueryClient();
  const hub = useWatchHub();
  const combined = useQueries({
    queries: paths.map((path) => liveListQuery(client, path)),
    combine,
  });

  // One subscription per list read: the key changes when a list is (re)read, not on events.
  const reads = paths.map((p, i) => `${p}@${combined.lists[i]?.partial ? '' : (combined.lists[i]?.listedAt ?? '')}`).join('\n');
  useEffect(() => {
    const stops: (() => void)[] = [];
    for (const entry of reads.split('\n')) {
      const at = entry.lastIndexOf('@');
      const path = entry.slice(0, at);
      if (!path || !entry.slice(at + 1)) continue;
      const rv = client.getQueryData<LiveList>(listQueryKey(path))?.metadata.resourceVersion;
      if (rv !== undefined) stops.push(watchListInto(hub, client, path, rv));
    }
    return () => stops.forEach((stop) => stop());
  }, [client, hub, reads]);

  return combined;
}

/** All items of several lists, each object once. */
export function mergeItems(lists: (LiveList | undefined)[]): KubeObject[] {
  const seen = new Set<string>();
  const out: KubeObject[] = [];
  for (const l of lists) {
    for (const o of l?.items ?? []) {
      const k = o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(o);
    }
  }
  return out;
}
