'use client';

import { useQuery } from '@tanstack/react-query';
import { kubeFetch } from '@/lib/k8s/client';
import { rulesAllow, type ResourceRule, type RulesReviewStatus } from '@/lib/k8s/access';

/**
 * Access decisions from SelfSubjectRulesReview, one review per namespace (cached), so hiding or
 * disabling actions costs one request per namespace rather than one per button. The cluster
 * scope uses namespace "" (cluster-wide rules only).
 */
export function rulesQueryKey(namespace: string): readonly unknown[] {
  return ['k8s', 'rules', namespace];
}

export async function fetchRules(namespace: string): Promise<ResourceRule[]> {
  const { data } = await kubeFetch<{ status?: RulesReviewStatus }>('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: namespace || 'default' } },
  });
  return data.status?.resourceRules ?? [];
}

export function useRules(namespace: string) {
  return useQuery({ queryKey: rulesQueryKey(namespace), queryFn: () => fetchRules(namespace), staleTime: 60_000 });
}

/** Whether the user may `verb` the resource in the namespace; undefined while unknown. */
export function useCan(verb: string, group: string, resource: string, namespace: string, name = ''): boolean | undefined {
  const { data } = useRules(namespace);
  return data ? rulesAllow(data, verb, group, resource, name) : undefined;
}

/** Cluster-wide checks (e.g. list namespaces, nodes) need a SelfSubjectAccessReview. */
export function useCanCluster(verb: string, group: string, resource: string): boolean | undefined {
  const { data } = useQuery({
    queryKey: ['k8s', 'ssar', verb, group, resource],
    staleTime: 60_000,
    queryFn: async () => {
      const { data: review } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group, resource } } },
      });
      return review.status?.allowed === true;
    },
  });
  return data;
}
