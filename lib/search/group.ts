import type { KubeObject } from '../k8s/types';
import type { ResourceDescriptor, StatusSummary } from '../resources/types';
import type { IndexSearchGroup, KindState } from '../inventory-index/summary-types';
import { keepBest } from './keep-best';
import { matchObject, type Match } from './match';
import type { SearchQuery } from './query';

/**
 * Search results grouped by kind, in the order of the sources: per kind the number of matches
 * and the best `cap` of them (best score first, then by name and namespace). Only the shown
 * hits are sorted and kept, so a query matching 60,000 pods stays cheap.
 */
export interface SearchSource {
  d: ResourceDescriptor;
  /** Undefined while the kind's objects are loading. */
  items?: readonly KubeObject[];
  error?: string;
}

export interface SearchHit extends Match {
  obj: KubeObject;
  name: string;
  namespace?: string;
  /** Known status when `obj` is only a projection (a hit from the inventory index). */
  status?: StatusSummary;
}

export interface SearchGroup {
  d: ResourceDescriptor;
  total: number;
  hits: SearchHit[];
  loading: boolean;
  error?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true });

export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || collator.compare(a.name, b.name) || collator.compare(a.namespace ?? '', b.namespace ?? '');
}

export function searchKind(q: SearchQuery, items: readonly KubeObject[], cap: number): { total: number; hits: SearchHit[] } {
  const top: SearchHit[] = [];
  let total = 0;
  for (const obj of items) {
    const m = matchObject(q, obj);
    if (!m) continue;
    total++;
    keepBest(top, { ...m, obj, name: obj.metadata.name ?? '', namespace: obj.metadata.namespace }, cap, compareHits);
  }
  return { total, hits: top };
}

export function searchGroups(q: SearchQuery, sources: readonly SearchSource[], cap = 25): SearchGroup[] {
  return sources.map(({ d, items, error }) => {
    if (!items) return { d, total: 0, hits: [], loading: !error, ...(error ? { error } : {}) };
    return { d, ...searchKind(q, items, cap), loading: false, ...(error ? { error } : {}) };
  });
}

/** Total matches across the groups that have loaded. */
export function totalHits(groups: readonly SearchGroup[]): number {
  return groups.reduce((n, g) => n + g.total, 0);
}

/**
 * A kind's group from the inventory index's answer: hits carry their status, and their `obj` is
 * just name, namespace and the labels that matched. Loading until the index has read the kind.
 */
export function indexGroup(d: ResourceDescriptor, state: KindState | undefined, found: IndexSearchGroup | undefined): SearchGroup {
  if (state?.state === 'error') return { d, total: 0, hits: [], loading: false, error: state.message };
  if (!state || state.state === 'loading') return { d, total: 0, hits: [], loading: true };
  const hits = (found?.hits ?? []).map((h) => ({
    obj: { metadata: { name: h.name, ...(h.namespace ? { namespace: h.namespace } : {}), labels: Object.fromEntries(h.labels) } },
    name: h.name,
    ...(h.namespace ? { namespace: h.namespace } : {}),
    score: h.score,
    labels: h.labels,
    status: { health: h.health, text: h.text },
  }));
  return { d, total: found?.total ?? 0, hits, loading: false };
}
