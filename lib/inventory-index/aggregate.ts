import { podPlacement, vmPlacement, type Placement } from '../health/capacity';
import type { KubeObject } from '../k8s/types';
import { podBucket } from '../overview/counts';
import { str } from '../resources/format';
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
  /** The Overview's status bucket (VMs: power state; pods: `podBucket`). */
  bucket?: string;
  /** Where a pod or VM runs and what it takes there (`hostAllocation`'s terms). */
  place?: Placement;
}

export interface IndexedKind {
  state: KindState;
  items: ReadonlyMap<string, Projection>;
}

const POD = 'pods';
const VM = 'virtualmachines.vmoperator.vmware.com';

export function project(d: Pick<ResourceDescriptor, 'id' | 'status'>, obj: KubeObject): Projection {
  const s = d.status(obj);
  const m = obj.metadata;
  const metadata: Projection['metadata'] = { name: m.name ?? '' };
  if (m.namespace) metadata.namespace = m.namespace;
  if (m.labels && Object.keys(m.labels).length > 0) metadata.labels = m.labels;
  const p: Projection = { metadata, health: s.health, text: s.text };
  const place = d.id === POD ? podPlacement(obj) : d.id === VM ? vmPlacement(obj) : undefined;
  if (place) p.place = place;
  if (d.id === POD) p.bucket = podBucket(s.text);
  else if (d.id === VM) p.bucket = str(obj.status?.powerState) ?? 'Creating';
  return p;
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
  const out: InventorySummary = { generation, kinds: {}, namespaces: {}, hosts: {} };
  for (const [id, k] of kinds) {
    if (k.state.state !== 'ready') {
      out.kinds[id] = k.state;
      continue;
    }
    const counts: HealthCounts = { total: 0 };
    const buckets: Record<string, number> = {};
    for (const p of k.items.values()) {
      add(counts, p.health);
      if (p.bucket !== undefined) buckets[p.bucket] = (buckets[p.bucket] ?? 0) + 1;
      if (p.place) {
        const h = (out.hosts[p.place.host] ??= { cpu: 0, memory: 0, pods: 0, vms: 0 });
        h.cpu += p.place.cpu;
        h.memory += p.place.memory;
        if (id === POD) h.pods++;
        else h.vms++;
      }
      const ns = p.metadata.namespace;
      if (ns === undefined) continue;
      const perNs = (out.namespaces[ns] ??= {});
      add((perNs[id] ??= { total: 0 }), p.health);
    }
    out.kinds[id] = { ...k.state, counts, ...(Object.keys(buckets).length ? { buckets } : {}) };
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
