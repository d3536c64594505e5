'use client';

import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchRules, rulesQueryKey } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { rulesAllow } from '@/lib/k8s/access';
import { kubeFetch } from '@/lib/k8s/client';
import type { KubeObject } from '@/lib/k8s/types';
import { collectionPath, withQuery } from '@/lib/resources/paths';
import type { RelatedQuery } from '@/lib/related/related-plan';
import { useLiveLists } from './use-live-lists';

/**
 * Live lists for a set of queries (the Related tab, a host's VMs and pods, a namespace's
 * counts), read only where the user may list (SelfSubjectRulesReview per namespace, a
 * SelfSubjectAccessReview for cluster-wide reads) and only for kinds the cluster serves.
 * Queries that cannot be read are reported as skipped, never sent.
 */
export interface PermittedLists {
  results: Map<string, KubeObject[]>;
  served: Map<string, ServedResource>;
  skipped: RelatedQuery[];
  pending: boolean;
}

async function ssar(group: string, resource: string): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'list', group, resource } } },
  });
  return data.status?.allowed === true;
}

export function usePermittedLists(queries: RelatedQuery[]): PermittedLists {
  const discovery = useDiscovery();
  const namespaces = [...new Set(queries.map((q) => q.namespace).filter((n): n is string => !!n))];
  const clusterKinds = [...new Set(queries.filter((q) => !q.namespace).map((q) => q.descriptorId))];
  const servedOf = (id: string) => discovery.data?.byId.get(id);
  const rules = useQueries({ queries: namespaces.map((ns) => ({ queryKey: rulesQueryKey(ns), queryFn: () => fetchRules(ns), staleTime: 60_000 })) });
  const cluster = useQueries({
    queries: clusterKinds.map((id) => {
      const d = servedOf(id)?.descriptor;
      return { queryKey: ['k8s', 'ssar', 'list', d?.group ?? '', d?.resource ?? id], queryFn: () => ssar(d!.group, d!.resource), enabled: !!d, staleTime: 60_000 };
    }),
  });

  const decided = !discovery.isPending && rules.every((r) => !r.isPending) && cluster.every((c, i) => !c.isPending || !servedOf(clusterKinds[i]!));
  const readable: { q: RelatedQuery; path: string }[] = [];
  const skipped: RelatedQuery[] = [];
  if (decided) {
    for (const q of queries) {
      const s = servedOf(q.descriptorId);
      const d = s?.descriptor;
      const allowed = !d
        ? false
        : q.namespace
          ? rulesAllow(rules[namespaces.indexOf(q.namespace)]?.data ?? [], 'list', d.group, d.resource)
          : cluster[clusterKinds.indexOf(q.descriptorId)]?.data === true;
      if (!allowed || !s) skipped.push(q);
      else readable.push({ q, path: withQuery(collectionPath(s.descriptor, s.version, q.namespace), { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector }) });
    }
  }
  const lists = useLiveLists(readable.map((r) => r.path));
  const key = readable.map((r) => r.q.key).join(',');
  const results = useMemo(() => {
    const m = new Map<string, KubeObject[]>();
    key.split(',').forEach((k, i) => k && m.set(k, lists.lists[i]?.items ?? []));
    return m;
  }, [key, lists.lists]);
  const served = new Map(queries.map((q) => [q.descriptorId, servedOf(q.descriptorId)] as const).filter((e): e is [string, ServedResource] => !!e[1]));
  return { results, served, skipped, pending: !decided || lists.pending };
}
