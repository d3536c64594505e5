import type { KubeObject } from '../k8s/types';
import { searchKind } from '../search/group';
import type { SearchQuery } from '../search/query';
import type { Health, ResourceDescriptor } from '../resources/types';
import type { HealthCounts, IndexSearchGroup, InventorySummary, KindState } from './summary-types';

/**
 * The index's pure half: what is kept of each object, and the counts and search results made
 * from it. A projection is shaped like a KubeObject's metadata so `matchObject` reads it as is.
 */
export interface Projection {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  health: Health;
  text: string;
}

export interface IndexedKind {
  state: KindState;
  items: ReadonlyMap<string, Projection>;
}

export function project(d: Pick<ResourceDescriptor, 'status'>, obj: KubeObject): Projection {
  const s = d.status(obj);
  const m = obj.metadata;
  const metadata: Projection['metadata'] = { name: m.name ?? '' };
  if (m.namespace) metadata.namespace = m.namespace;
  if (m.labels && Object.keys(m.labels).length > 0) metadata.labels = m.labels;
  return { metadata, health: s.health, text: s.text };
}

export function projectionKey(obj: { metadata: { name?: string; namespace?: string } }): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

function add(counts: HealthCounts, h: Health): void {
  counts.total++;
  counts[h] = (counts[h] ?? 0) + 1;
}

/** Counts per kind and per namespace; kinds still loading or failed have no counts. */
export function summarize(kinds: ReadonlyMap<string, IndexedKind>, generation: string): InventorySummary {
  const out: InventorySummary = { generation, kinds: {}, namespaces: {} };
  for (const [id, k] of kinds) {
    if (k.state.state !== 'ready') {
      out.kinds[id] = k.state;
      continue;
    }
    const counts: HealthCounts = { total: 0 };
    for (const p of k.items.values()) {
      add(counts, p.health);
      const ns = p.metadata.namespace;
      if (ns === undefined) continue;
      const perNs = (out.namespaces[ns] ??= {});
      add((perNs[id] ??= { total: 0 }), p.health);
    }
    out.kinds[id] = { ...k.state, counts };
  }
  return out;
}

/** The best `cap` matches per kind, in the order of `order` (kinds not indexed are skipped). */
export function searchIndex(q: SearchQuery, kinds: ReadonlyMap<string, IndexedKind>, order: readonly string[], cap: number): IndexSearchGroup[] {
  const groups: IndexSearchGroup[] = [];
  for (const id of order) {
    const k = kinds.get(id);
    if (!k || k.state.state !== 'ready') continue;
    const { total, hits } = searchKind(q, [...k.items.values()] as unknown as KubeObject[], cap);
    if (total === 0) continue;
    groups.push({
      kind: id,
      total,
      hits: hits.map((h) => {
        const p = h.obj as unknown as Projection;
        return { name: h.name, ...(h.namespace ? { namespace: h.namespace } : {}), health: p.health, text: p.text, score: h.score, labels: h.labels };
      }),
    });
  }
  return groups;
}
