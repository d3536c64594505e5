'use client';

import { useQuery } from '@tanstack/react-query';
import { loadKindSchema, type GroupVersionKind, type KindSchema } from '@/lib/editor/openapi';

/**
 * The kind's schema from the cluster's live /openapi/v3 (undefined while loading, when the
 * server does not describe the kind, or without a gvk). Failures leave the editor without
 * schema help rather than breaking it.
 */
export function useKindSchema(gvk: GroupVersionKind | undefined): { schema: KindSchema | undefined; loading: boolean; error: Error | null } {
  const q = useQuery({
    queryKey: ['k8s', 'openapi-kind', gvk?.group, gvk?.version, gvk?.kind],
    queryFn: async () => (await loadKindSchema(gvk!)) ?? null,
    enabled: !!gvk,
    staleTime: 5 * 60_000,
    retry: 1,
  });
  return { schema: q.data ?? undefined, loading: q.isPending && !!gvk, error: q.error };
}
