import { podPlacement, vmPlacement, type Placement } from '../health/capacity';
import type { KubeObject } from '../k8s/types';
import { podBucket } from '../overview/counts';
import { str } from '../resources/format';
import { compareText } from '../inventory/roll-up';
import { keepBest } from '../search/keep-best';
import { matchObject } from '../search/match';
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
  /** Lower-cased name, label keys and values, to rule objects out of a search cheaply. */
  hay: string;
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
  const hay = [metadata.name, ...Object.entries(metadata.labels ?? {}).flat()].join('\u0000').toLowerCase();
  const p: Projection = { metadata, health: s.health, text: s.text, hay };
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

/**
 * `matchObject`'s verdict and score without walking labels: a projection matches when every
 * free-text term is in its name or a label key or value (`hay`), every `key=value` holds and no
 * `key!=value` is violated; the score follows `matchObject` (a text term found only in labels
 * scores as a label hit). Undefined when it does not match.
 */
function quickScore(q: SearchQuery, p: Projection): number | undefined {
  let score = 0;
  let lowerName: string | undefined;
  for (const t of q.terms) {
    if (t.kind === 'label') {
      const has = p.metadata.labels !== undefined && Object.prototype.hasOwnProperty.call(p.metadata.labels, t.key);
      const same = has && p.metadata.labels![t.key] === t.value;
      if (t.op === '=' ? !same : same) return undefined;
      score += t.op === '=' ? 20 : 1;
      continue;
    }
    if (!p.hay.includes(t.text)) return undefined;
    // `hay` starts with the lower-cased name; cut only for objects that got this far.
    if (lowerName === undefined) {
      const end = p.hay.indexOf('\u0000');
      lowerName = end < 0 ? p.hay : p.hay.slice(0, end);
    }
    score += lowerName === t.text ? 100 : lowerName.startsWith(t.text) ? 60 : lowerName.includes(t.text) ? 40 : 10;
  }
  return score;
}

interface Scored {
  p: Projection;
  score: number;
}

const better = (a: Scored, b: Scored) => b.score - a.score || compareText(a.p.metadata.name, b.p.metadata.name) || compareText(a.p.metadata.namespace ?? '', b.p.metadata.namespace ?? '');

/** How many match, and the best `cap` (best score, then natural name and namespace order). */
function topMatches(q: SearchQuery, items: Iterable<Projection>, cap: number): { total: number; top: Projection[] } {
  const top: Scored[] = [];
  let total = 0;
  for (const p of items) {
    const score = quickScore(q, p);
    if (score === undefined) continue;
    total++;
    keepBest(top, { p, score }, cap, better);
  }
  return { total, top: top.map((x) => x.p) };
}

/** The best `cap` matches per kind, in the order of `order` (kinds not indexed are skipped). */
export function searchIndex(q: SearchQuery, kinds: ReadonlyMap<string, IndexedKind>, order: readonly string[], cap: number): IndexSearchGroup[] {
  const groups: IndexSearchGroup[] = [];
  for (const id of order) {
    const k = kinds.get(id);
    if (!k || k.state.state !== 'ready') continue;
    if (q.terms.length === 0) continue;
    const { total, top } = topMatches(q, k.items.values(), cap);
    if (total === 0) continue;
    groups.push({
      kind: id,
      total,
      hits: top.map((p) => {
        // Only the shown hits are matched in full, for the labels that made them match.
        const m = matchObject(q, p as unknown as KubeObject)!;
        return { name: p.metadata.name, ...(p.metadata.namespace ? { namespace: p.metadata.namespace } : {}), health: p.health, text: p.text, score: m.score, labels: m.labels };
      }),
    });
  }
  return groups;
}

/**
 * The pods and VMs placed on `host` (`hostAllocation`'s terms), per kind in `order`, at most
 * `cap` each in natural name then namespace order: the Hosts branch's children.
 */
export function placedOn(kinds: ReadonlyMap<string, IndexedKind>, host: string, order: readonly string[], cap: number): IndexSearchGroup[] {
  const groups: IndexSearchGroup[] = [];
  const byName = (a: Projection, b: Projection) => compareText(a.metadata.name, b.metadata.name) || compareText(a.metadata.namespace ?? '', b.metadata.namespace ?? '');
  for (const id of order) {
    const k = kinds.get(id);
    if (!k || k.state.state !== 'ready') continue;
    const top: Projection[] = [];
    let total = 0;
    for (const p of k.items.values()) {
      if (p.place?.host !== host) continue;
      total++;
      keepBest(top, p, cap, byName);
    }
    groups.push({
      kind: id,
      total,
      hits: top.map((p) => ({ name: p.metadata.name, ...(p.metadata.namespace ? { namespace: p.metadata.namespace } : {}), health: p.health, text: p.text, score: 0, labels: [] })),
    });
  }
  return groups;
}
