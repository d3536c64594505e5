import type { DiscoveredResource } from '../resources/registry';

/**
 * Parses aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList from /api and
 * /apis) into the served resources, preferred version first per group. One request each for
 * the core and named groups, instead of one per group version.
 */
export const AGGREGATED_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

interface DiscoveryList {
  kind?: string;
  items?: {
    metadata?: { name?: string };
    versions?: { version: string; resources?: { resource: string; responseKind?: { kind?: string }; scope?: string; verbs?: string[] }[] }[];
  }[];
}

export function parseAggregatedDiscovery(doc: unknown): DiscoveredResource[] {
  const list = doc as DiscoveryList;
  if (list?.kind !== 'APIGroupDiscoveryList') return [];
  const out: DiscoveredResource[] = [];
  for (const group of list.items ?? []) {
    const name = group.metadata?.name ?? '';
    const seen = new Set<string>();
    for (const v of group.versions ?? []) {
      for (const r of v.resources ?? []) {
        if (seen.has(r.resource)) continue;
        seen.add(r.resource);
        out.push({ group: name, version: v.version, resource: r.resource, kind: r.responseKind?.kind ?? r.resource, namespaced: r.scope === 'Namespaced', verbs: r.verbs ?? [] });
      }
    }
  }
  return out;
}
