'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { INVENTORY_SEARCH_PATH, type IndexSearchResult } from '@/lib/inventory-index/summary-types';
import { notifyUnauthorized } from '@/lib/k8s/client';
import { useInventorySummary } from './use-inventory-summary';

/**
 * Search over the console server's inventory index (GET /api/inventory/search). Asked again when
 * the index's generation changes, so results follow the cluster; the previous answer stays on
 * screen while the next one is on its way (`placeholder`). Disabled with an empty query.
 */
export function useIndexSearch(q: string, scope: 'tree' | 'search', cap: number, enabled: boolean): { data?: IndexSearchResult; error?: Error; placeholder: boolean } {
  const { summary } = useInventorySummary(enabled);
  const generation = summary?.generation;
  const query = useQuery({
    queryKey: ['glasspane', 'inventory-search', scope, cap, q, generation],
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ q, scope, cap: String(cap) });
      const res = await fetch(`${INVENTORY_SEARCH_PATH}?${params}`, { credentials: 'same-origin', cache: 'no-store', signal });
      if (res.status === 401) notifyUnauthorized();
      if (!res.ok) throw new Error(`search failed (${res.status})`);
      return (await res.json()) as IndexSearchResult;
    },
    enabled: enabled && q.length > 0 && generation !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 10_000,
    retry: 1,
  });
  return { data: query.data, error: query.error ?? undefined, placeholder: query.isPlaceholderData };
}
