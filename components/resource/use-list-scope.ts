'use client';

import { useQueries } from '@tanstack/react-query';
import { useCan, useCanCluster, fetchRules, rulesQueryKey } from '@/components/data/use-access';
import { useNamespaces } from '@/components/data/use-namespaces';
import { rulesAllow } from '@/lib/k8s/access';
import type { ResourceDescriptor } from '@/lib/resources/types';

/**
 * Where a list may be read without a 403: one namespace when the user may list there; across
 * all namespaces when the user may list cluster-wide; otherwise in each namespace the user
 * works in where an access review allows it (e.g. `developer` sees team-a's pods under "All
 * namespaces"). `namespaces: [undefined]` means one cluster-wide read.
 */
export type ListScope = { state: 'loading' } | { state: 'denied' } | { state: 'ok'; namespaces: (string | undefined)[]; partial: boolean };

export function useListScope(d: Pick<ResourceDescriptor, 'group' | 'resource' | 'namespaced'>, namespace: string | undefined, verb = 'list'): ListScope {
  const inNamespace = useCan(verb, d.group, d.resource, namespace ?? '');
  const clusterWide = useCanCluster(verb, d.group, d.resource);
  const known = useNamespaces();
  const fallback = !namespace && d.namespaced && clusterWide === false ? known.names : [];
  const reviews = useQueries({ queries: fallback.map((ns) => ({ queryKey: rulesQueryKey(ns), queryFn: () => fetchRules(ns), staleTime: 60_000 })) });
  if (namespace && d.namespaced) {
    if (inNamespace === undefined) return { state: 'loading' };
    return inNamespace ? { state: 'ok', namespaces: [namespace], partial: false } : { state: 'denied' };
  }
  if (clusterWide === undefined) return { state: 'loading' };
  if (clusterWide) return { state: 'ok', namespaces: [undefined], partial: false };
  if (!d.namespaced) return { state: 'denied' };
  if (known.loading || reviews.some((r) => r.isPending)) return { state: 'loading' };
  const allowed = fallback.filter((_, i) => reviews[i]?.data && rulesAllow(reviews[i]!.data!, verb, d.group, d.resource));
  return allowed.length ? { state: 'ok', namespaces: allowed, partial: true } : { state: 'denied' };
}
