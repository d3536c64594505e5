'use client';

import { useQueries, useQueryClient, type QueryObserverResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchRules, rulesQueryKey, useCanCluster } from '@/components/data/use-access';
import { useDiscovery } from '@/components/data/use-discovery';
import { liveListQuery, type LiveList } from '@/components/data/use-kube-list';
import { useHostObjects } from '@/components/data/use-host-objects';
import { useInventorySummary } from '@/components/data/use-inventory-summary';
import { useNamespaces } from '@/components/data/use-namespaces';
import { buildTree } from '@/lib/inventory/build-tree';
import { countedGroups, treeCounts } from '@/lib/inventory/summary-counts';
import { listHref } from '@/lib/resources/links';
import { assembleContents, assembleHosts, planLists, type ListResult, type ServedKind } from '@/lib/inventory/list-plan';
import type { TreeNode } from '@/lib/inventory/types';
import type { ResourceRule } from '@/lib/k8s/access';
import { kubeFetch } from '@/lib/k8s/client';
import { treeDescriptors } from '@/lib/resources/registry';

/**
 * The inventory tree from live data. Namespaces come first (no cluster-wide list blocks the
 * first paint); a namespace's lists are fetched once it is expanded, the Hosts branch's once it
 * is expanded. Access is decided before anything is listed (SelfSubjectAccessReview for
 * cluster-wide lists, SelfSubjectRulesReview per namespace), so no request answers 403.
 */
export interface InventoryWanted {
  clusterName: string;
  /**
   * Namespaces whose contents to load: the expanded ones, or all of them while filtering
   * without the inventory index (with it, `counted` is true and the filter asks the index).
   */
  namespaces: readonly string[] | 'all';
  hosts: boolean;
  /** Expanded hosts (names), whose VMs and pods the inventory index is asked for. */
  expandedHosts?: readonly string[];
}

export interface Inventory {
  tree: TreeNode;
  /** Live list paths to keep watched (render `<ListWatchers paths={…} />`). */
  paths: readonly string[];
  /** The counts come from the inventory index, which covers every tree kind the user has. */
  counted: boolean;
  /** A namespace's groups with their counts from the index (for the filter's results). */
  countedGroupsOf?: (ns: string) => TreeNode[];
}

async function reviewAccess(verb: string, group: string, resource: string): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group, resource } } },
  });
  return data.status?.allowed === true;
}

/** Same key and semantics as `useCanCluster`, so both share one cached review. */
const accessQuery = (verb: string, group: string, resource: string, enabled: boolean) => ({
  queryKey: ['k8s', 'ssar', verb, group, resource],
  queryFn: () => reviewAccess(verb, group, resource),
  staleTime: 60_000,
  enabled,
});

const combineAccess = (rs: QueryObserverResult<boolean>[]) => rs.map((r) => r.data);
const combineRules = (rs: QueryObserverResult<ResourceRule[]>[]) => rs.map((r) => r.data);
// A list's first pages are not the list: a cluster-wide list's first pages may hold nothing of
// an expanded namespace yet. They are passed apart, for `assembleContents` to use only for the
// namespaces they already cover whole.
const combineLists = (rs: QueryObserverResult<LiveList, Error>[]) =>
  rs.map((r) => ({ data: r.data?.partial ? undefined : r.data, partial: r.data?.partial ? r.data : undefined, error: r.data ? undefined : r.error?.message }));

export function useInventory(wanted: InventoryWanted): Inventory {
  const client = useQueryClient();
  const ns = useNamespaces();
  const discovery = useDiscovery();
  const kinds = useMemo<ServedKind[]>(
    () => treeDescriptors().flatMap((d) => {
      const served = discovery.data?.byId.get(d.id);
      return served ? [{ d, version: served.version }] : [];
    }),
    [discovery.data],
  );

  const { summary } = useInventorySummary();
  const counts = useMemo(() => treeCounts(summary, kinds.map((k) => k.d)), [summary, kinds]);
  // useNamespaces returns a fresh array on every render; key on the content instead.
  const namesKey = ns.names.join('\n');
  const names = useMemo(() => (namesKey ? namesKey.split('\n') : []), [namesKey]);
  const known = useMemo(() => new Set(names), [names]);
  const wantedNs = useMemo(
    () => (wanted.namespaces === 'all' ? (counts ? [] : names) : wanted.namespaces.filter((n) => known.has(n))),
    [wanted.namespaces, names, known, counts],
  );
  const canNodes = useCanCluster('list', '', 'nodes');
  const canWatchNodes = useCanCluster('watch', '', 'nodes');
  const hostsVisible = canNodes === true && canWatchNodes === true;

  // Cluster-wide reviews only for users who may list namespaces, and only once something is open.
  const clusterChecks = ns.canListAll === true && (wantedNs.length > 0 || (wanted.hosts && hostsVisible));
  const access = useQueries({
    queries: kinds.flatMap(({ d }) => [accessQuery('list', d.group, d.resource, clusterChecks), accessQuery('watch', d.group, d.resource, clusterChecks)]),
    combine: combineAccess,
  });
  const anyDenied = access.some((a) => a === false);
  const rulesNs = useMemo(() => (ns.canListAll === false || anyDenied ? wantedNs : []), [ns.canListAll, anyDenied, wantedNs]);
  const rules = useQueries({
    queries: rulesNs.map((n) => ({ queryKey: rulesQueryKey(n), queryFn: () => fetchRules(n), staleTime: 60_000 })),
    combine: combineRules,
  });

  const plan = useMemo(() => {
    const accessById = new Map<string, boolean | undefined>();
    kinds.forEach(({ d }, i) => {
      const list = access[2 * i];
      const watch = access[2 * i + 1];
      accessById.set(d.id, ns.canListAll === false ? false : list === undefined || watch === undefined ? undefined : list && watch);
    });
    const rulesBy = new Map(rulesNs.map((n, i) => [n, rules[i]]));
    return planLists({ kinds, namespaces: wantedNs, hosts: wanted.hosts && hostsVisible, clusterAccess: (id) => accessById.get(id), rules: (n) => rulesBy.get(n), perNamespace: !!counts });
  }, [kinds, access, rules, rulesNs, wantedNs, wanted.hosts, hostsVisible, ns.canListAll, counts]);

  const placedHosts = useMemo(() => (counts && wanted.hosts ? (wanted.expandedHosts ?? []) : []), [counts, wanted.hosts, wanted.expandedHosts]);
  const hostObjects = useHostObjects(placedHosts, summary?.generation);
  const hostKey = placedHosts.map((h) => `${h}:${hostObjects.get(h)?.generation ?? ''}`).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- hostKey captures the answers
  const placed = useMemo(() => (counts && summary ? { use: summary.hosts, objects: new Map(placedHosts.map((h) => [h, hostObjects.get(h)?.groups])) } : undefined), [counts, summary, hostKey]);

  // The same cache entries as `useKubeList`, which keeps them live (see `ListWatchers`).
  const lists = useQueries({ queries: plan.paths.map((path) => liveListQuery(client, path)), combine: combineLists });

  const tree = useMemo(() => {
    const results = new Map<string, ListResult>(plan.paths.map((p, i) => [p, lists[i] ?? {}]));
    const objects = new Map((ns.objects ?? []).map((o) => [o.metadata.name ?? '', o]));
    return buildTree({
      clusterName: wanted.clusterName,
      namespaces: names.map((name) => ({ name, object: objects.get(name) })),
      kinds: kinds.map((k) => k.d),
      contents: assembleContents(plan, kinds, results),
      hosts: hostsVisible ? { ...assembleHosts(plan, wanted.hosts, results), ...(placed ? { placed } : {}) } : undefined,
      namespacesLoading: ns.loading,
      counts,
    });
  }, [plan, lists, names, ns.objects, ns.loading, kinds, wanted.clusterName, wanted.hosts, hostsVisible, counts, placed]);

  const countedGroupsOf = useMemo(
    () => (counts ? (n: string) => countedGroups(n, kinds.map((k) => k.d), counts(n), (d) => listHref(d, n)) : undefined),
    [counts, kinds],
  );
  return { tree, paths: plan.paths, counted: counts !== undefined, countedGroupsOf };
}
