import { rulesAllow, type ResourceRule } from '../k8s/access';
import type { KubeObject } from '../k8s/types';
import { collectionPath, withQuery } from '../resources/paths';
import type { ResourceDescriptor } from '../resources/types';
import type { SearchQuery } from './query';

/**
 * Where search reads each kind from, without a single request that answers 403: one
 * cluster-wide list when the user may list and watch the kind everywhere, else one list per
 * namespace the user works in where the rules allow it; nothing for a kind the user may not
 * list. A list already in the cache (the tree's, a list page's) is used as it is, live; otherwise
 * a query with label terms lets the API server select (`?labelSelector=`), so a label search
 * over 100,000 objects transfers only the matches. Namespaces a user may not list are still
 * searchable by name: they are the ones the console already knows the user works in.
 */
export interface SearchKind {
  d: ResourceDescriptor;
  version: string;
  /** May list and watch across all namespaces (cluster-scoped kinds: at all); undefined while unknown. */
  clusterAccess: boolean | undefined;
}

export interface SearchPlanInput {
  kinds: readonly SearchKind[];
  query: SearchQuery;
  /** Namespaces the user works in, used when a kind may not be read cluster-wide. */
  namespaces: readonly string[];
  /** A namespace's rules; undefined while unknown. */
  rules(namespace: string): readonly ResourceRule[] | undefined;
  /** Whether the cache already holds this list. */
  isCached(path: string): boolean;
}

export type KindPlan =
  | { d: ResourceDescriptor; state: 'pending' }
  | { d: ResourceDescriptor; state: 'skip' }
  | { d: ResourceDescriptor; state: 'known'; items: KubeObject[] }
  | { d: ResourceDescriptor; state: 'read'; paths: string[]; namespaces?: string[] };

const NAMESPACES_ID = 'namespaces';

/** A namespace the user works in but may not read, as far as search needs it. */
export function namespaceStub(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } };
}

export function planSearch(input: SearchPlanInput): KindPlan[] {
  const { query } = input;
  const pathFor = (base: string) => (!input.isCached(base) && query.labelSelector ? withQuery(base, { labelSelector: query.labelSelector }) : base);
  return input.kinds.map(({ d, version, clusterAccess }): KindPlan => {
    if (clusterAccess === undefined) return { d, state: 'pending' };
    if (clusterAccess) return { d, state: 'read', paths: [pathFor(collectionPath(d, version))] };
    if (!d.namespaced) return d.id === NAMESPACES_ID ? { d, state: 'known', items: input.namespaces.map(namespaceStub) } : { d, state: 'skip' };
    const allowed: string[] = [];
    for (const ns of input.namespaces) {
      const rules = input.rules(ns);
      if (!rules) return { d, state: 'pending' };
      if (rulesAllow([...rules], 'list', d.group, d.resource) && rulesAllow([...rules], 'watch', d.group, d.resource)) allowed.push(ns);
    }
    if (allowed.length === 0) return { d, state: 'skip' };
    return { d, state: 'read', paths: allowed.map((ns) => pathFor(collectionPath(d, version, ns))), namespaces: allowed };
  });
}
