'use client';

import { useQueries, type QueryObserverResult } from '@tanstack/react-query';
import { INVENTORY_HOST_PATH, type IndexPlacedResult } from '@/lib/inventory-index/summary-types';
import { notifyUnauthorized } from '@/lib/k8s/client';

/**
 * The VMs and pods on each expanded host, from the console server's inventory index (GET
 * /api/inventory/host), asked again whenever the index's generation changes. Per host: the
 * answer, or undefined while it loads.
 */
const CAP = 500;

async function fetchPlaced(host: string, signal: AbortSignal): Promise<IndexPlacedResult> {
  const res = await fetch(`${INVENTORY_HOST_PATH}?${new URLSearchParams({ name: host, cap: String(CAP) })}`, { credentials: 'same-origin', cache: 'no-store', signal });
  if (res.status === 401) notifyUnauthorized();
  if (!res.ok) throw new Error(`the objects on ${host} could not be read (${res.status})`);
  return (await res.json()) as IndexPlacedResult;
}

const combine = (rs: QueryObserverResult<IndexPlacedResult>[]) => rs.map((r) => r.data);

export function useHostObjects(hosts: readonly string[], generation: string | undefined): Map<string, IndexPlacedResult | undefined> {
  const results = useQueries({
    queries: hosts.map((host) => ({
      queryKey: ['glasspane', 'inventory-host', host, generation],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPlaced(host, signal),
      enabled: generation !== undefined,
      staleTime: Infinity,
      gcTime: 10_000,
      placeholderData: (previous: IndexPlacedResult | undefined) => previous,
    })),
    combine,
  });
  return new Map(hosts.map((h, i) => [h, results[i]]));
}
