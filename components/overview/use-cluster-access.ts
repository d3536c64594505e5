'use client';

import { useQueries, type QueryObserverResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { kubeFetch } from '@/lib/k8s/client';

/**
 * Whether the user may list and watch each resource across all namespaces (SelfSubjectAccessReview
 * per verb, cached under the same keys as `useCanCluster` and the inventory tree, so a review is
 * asked once per tab). A live list needs both verbs; nothing is listed before both are known.
 */
export interface ApiResource {
  group: string;
  resource: string;
}

async function review(verb: string, group: string, resource: string): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group, resource } } },
  });
  return data.status?.allowed === true;
}

export const accessKey = (r: ApiResource) => `${r.group}/${r.resource}`;

const combine = (rs: QueryObserverResult<boolean>[]) => rs.map((r) => r.data);

/** Per `group/resource`: true when list and watch are both allowed, undefined while unknown. */
export function useClusterAccess(resources: readonly ApiResource[], enabled = true): Map<string, boolean | undefined> {
  const answers = useQueries({
    queries: resources.flatMap((r) =>
      ['list', 'watch'].map((verb) => ({ queryKey: ['k8s', 'ssar', verb, r.group, r.resource], queryFn: () => review(verb, r.group, r.resource), staleTime: 60_000, enabled })),
    ),
    combine,
  });
  // A stable Map while the answers stay the same, so pages can memoise on it.
  const key = `${resources.map(accessKey).join(',')}|${answers.map(String).join(',')}`;
  return useMemo(() => {
    const out = new Map<string, boolean | undefined>();
    resources.forEach((r, i) => {
      const list = answers[2 * i];
      const watch = answers[2 * i + 1];
      out.set(accessKey(r), list === false || watch === false ? false : list === undefined || watch === undefined ? undefined : true);
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures resources and answers
  }, [key]);
}
