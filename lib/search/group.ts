import type { KubeObject } from '../k8s/types';
import type { ResourceDescriptor } from '../resources/types';
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
    const hit: SearchHit = { ...m, obj, name: obj.metadata.name ?? '', namespace: obj.metadata.namespace };
    if (top.length === cap && (cap === 0 || compareHits(hit, top[cap - 1]!) >= 0)) continue;
    // Binary insertion into the kept best `cap`, sorted.
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareHits(top[mid]!, hit) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, hit);
    if (top.length > cap) top.pop();
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
