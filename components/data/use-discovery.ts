'use client';

import { useQuery } from '@tanstack/react-query';
import { kubeFetch } from '@/lib/k8s/client';
import { AGGREGATED_ACCEPT, parseAggregatedDiscovery } from '@/lib/k8s/discovery';
import { descriptorFor, type DiscoveredResource } from '@/lib/resources/registry';
import type { ResourceDescriptor } from '@/lib/resources/types';

/**
 * What the API serves (aggregated discovery of /api and /apis), with each resource's descriptor
 * and served version. Re-read every few minutes so new CRDs appear.
 */
export interface ServedResource {
  descriptor: ResourceDescriptor;
  version: string;
  discovered: DiscoveredResource;
}

export interface Discovery {
  resources: ServedResource[];
  byId: Map<string, ServedResource>;
}

async function load(): Promise<Discovery> {
  const [core, groups] = await Promise.all([
    kubeFetch('/api', { accept: AGGREGATED_ACCEPT }),
    kubeFetch('/apis', { accept: AGGREGATED_ACCEPT }),
  ]);
  const discovered = [...parseAggregatedDiscovery(core.data), ...parseAggregatedDiscovery(groups.data)].filter((r) => r.verbs.includes('list'));
  const resources = discovered.map((r) => {
    const descriptor = descriptorFor(r);
    return { descriptor, version: r.version, discovered: r };
  });
  return { resources, byId: new Map(resources.map((r) => [r.descriptor.id, r])) };
}

export function useDiscovery() {
  return useQuery({ queryKey: ['k8s', 'discovery'], queryFn: load, staleTime: 5 * 60_000, refetchInterval: 5 * 60_000 });
}

/** The served version of a registry kind, once discovery has loaded. */
export function useServed(id: string): ServedResource | undefined {
  return useDiscovery().data?.byId.get(id);
}
