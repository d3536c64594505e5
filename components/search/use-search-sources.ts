'use client';

import { useQueries, useQueryClient, type QueryObserverResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchRules, rulesQueryKey } from '@/components/data/use-access';
import { useDiscovery } from '@/components/data/use-discovery';
import { listQueryKey } from '@/components/data/use-kube-list';
import { useNamespaces } from '@/components/data/use-namespaces';
import { accessKey, useClusterAccess } from '@/components/overview/use-cluster-access';
import { useThrottled } from '@/components/overview/use-throttled';
import { useLiveLists } from '@/components/resource/use-live-lists';
import type { ResourceRule } from '@/lib/k8s/access';
import type { KubeObject } from '@/lib/k8s/types';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { useInventorySummary } from '@/components/data/use-inventory-summary';
import type { SearchSource } from '@/lib/search/group';
import { searchDescriptors } from '@/lib/search/kinds';
import { planSearch, type KindPlan, type SearchKind } from '@/lib/search/plan';
import type { SearchQuery } from '@/lib/search/query';

/**
 * What search looks through, per kind: live lists chosen by `planSearch` (the cache's when
 * present, else label-selected or whole lists, only where the user may list), merged per kind.
 * Kinds the user may not list anywhere are reported as skipped and never requested.
 */
export interface SearchSources {
  sources: SearchSource[];
  /** Per kind id: the namespaces it was read in, when not cluster-wide. */
  scopes: Map<string, string[] | undefined>;
  skipped: KindPlan[];
  /** Namespaces searched for kinds not readable cluster-wide. */
  namespaces: string[];
  /** Kinds the console server's inventory index searches instead (see `useIndexSearch`). */
  indexed: ResourceDescriptor[];
}

const combineRules = (rs: QueryObserverResult<ResourceRule[]>[]) => rs.map((r) => r.data);
/** Above this many objects in all, matching reruns at most once a second. */
const LARGE = 5000;

export function useSearchSources(query: SearchQuery, enabled: boolean): SearchSources {
  const client = useQueryClient();
  const discovery = useDiscovery();
  const namespaces = useNamespaces();
  // Kinds the index covers (or is reading) are searched on the server; while its first answer
  // is awaited, namespaced kinds wait too rather than start a cluster-wide list.
  const { summary, pending } = useInventorySummary(enabled);
  const indexedKey = searchDescriptors()
    .filter((d) => d.namespaced && (pending || (summary?.kinds[d.id] !== undefined && summary.kinds[d.id]!.state !== 'error')))
    .map((d) => d.id)
    .join(' ');
  const served = useMemo(() => {
    const skip = new Set(indexedKey.split(' '));
    return searchDescriptors().flatMap((d) => {
      const s = discovery.data?.byId.get(d.id);
      return s && !skip.has(d.id) ? [{ d, version: s.version }] : [];
    });
  }, [discovery.data, indexedKey]);
  const indexed = useMemo(() => {
    const ids = new Set(indexedKey.split(' '));
    return searchDescriptors().filter((d) => ids.has(d.id) && discovery.data?.byId.has(d.id));
  }, [indexedKey, discovery.data]);
  const access = useClusterAccess(served.map((s) => s.d), enabled && !!discovery.data);
  const anyDenied = served.some((s) => access.get(accessKey(s.d)) === false);
  const nsKey = namespaces.names.join('\n');
  const nsNames = useMemo(() => (nsKey ? nsKey.split('\n') : []), [nsKey]);
  const rules = useQueries({
    queries: (enabled && anyDenied ? nsNames : []).map((ns) => ({ queryKey: rulesQueryKey(ns), queryFn: () => fetchRules(ns), staleTime: 60_000 })),
    combine: combineRules,
  });

  const kinds: SearchKind[] = served.map((s) => ({ ...s, clusterAccess: access.get(accessKey(s.d)) }));
  const plans = enabled
    ? planSearch({
        kinds,
        query,
        namespaces: nsNames,
        rules: (ns) => (anyDenied ? rules[nsNames.indexOf(ns)] : undefined),
        isCached: (path) => client.getQueryData(listQueryKey(path)) !== undefined,
      })
    : [];
  // Plans are rebuilt every render; key them on what they ask for so lists and matching are not.
  const planKey = plans.map((p) => `${p.d.id}:${p.state}:${p.state === 'read' ? p.paths.join(' ') : p.state === 'known' ? p.items.length : ''}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- planKey captures the plans
  const stablePlans = useMemo(() => plans, [planKey]);
  const paths = useMemo(() => stablePlans.flatMap((p) => (p.state === 'read' ? p.paths : [])), [stablePlans]);
  const live = useLiveLists(paths);
  const current = useMemo(() => ({ paths, lists: live.lists, errors: live.errors }), [paths, live.lists, live.errors]);
  const size = live.lists.reduce((n, l) => n + (l?.items.length ?? 0), 0);
  const snapshot = useThrottled(current, size > LARGE ? 1000 : 0);

  return useMemo(() => {
    const byPath = new Map(snapshot.paths.map((p, i) => [p, { list: snapshot.lists[i], error: snapshot.errors[i] }]));
    const sources: SearchSource[] = [];
    const scopes = new Map<string, string[] | undefined>();
    const skipped: KindPlan[] = [];
    for (const p of stablePlans) {
      if (p.state === 'skip') skipped.push(p);
      else if (p.state === 'pending') sources.push({ d: p.d });
      else if (p.state === 'known') sources.push({ d: p.d, items: p.items });
      else {
        scopes.set(p.d.id, p.namespaces);
        const results = p.paths.map((path) => byPath.get(path));
        const error = results.find((r) => r?.error)?.error?.message;
        const loaded = results.every((r) => r?.list);
        const items: KubeObject[] | undefined = loaded ? (results.length === 1 ? results[0]!.list!.items : results.flatMap((r) => r!.list!.items)) : undefined;
        sources.push({ d: p.d, ...(items ? { items } : {}), ...(error && !items ? { error } : {}) });
      }
    }
    return { sources, scopes, skipped, namespaces: anyDenied ? nsNames : [], indexed };
  }, [snapshot, stablePlans, anyDenied, nsNames, indexed]);
}
