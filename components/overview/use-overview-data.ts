'use client';

import { useMemo } from 'react';
import { useDiscovery } from '@/components/data/use-discovery';
import { useInventorySummary } from '@/components/data/use-inventory-summary';
import type { InventorySummary } from '@/lib/inventory-index/summary-types';
import { countsFromIndex, type KindCounts } from '@/lib/overview/counts';
import { useLiveLists } from '@/components/resource/use-live-lists';
import type { KubeObject } from '@/lib/k8s/types';
import { WARNINGS_PATH } from '@/lib/overview/warning-events';
import { DESCRIPTORS } from '@/lib/resources/registry';
import { collectionPath } from '@/lib/resources/paths';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { accessKey, useClusterAccess, type ApiResource } from './use-cluster-access';
import { useThrottled } from './use-throttled';

/**
 * The cluster-wide live lists the Overview aggregates: hosts, namespaces, VMs, pods, workloads,
 * each kind of operator-backed service, and Warning events. Each is read only when the cluster
 * serves the kind and the user may list and watch it everywhere; the paths are the ones the
 * inventory tree uses, so both share one cached, watched list. Results reach the aggregates at
 * most once a second when the inventory is large (see useThrottled).
 */
export type Slot = 'nodes' | 'namespaces' | 'vms' | 'pods' | 'deployments' | 'statefulsets' | 'events' | `service:${string}`;

export type SlotData =
  /** `total`: how many there are, known from a large list's first page before the rest arrives. */
  | { state: 'loading'; total?: number }
  /** Not served by this cluster, or not listable by this user: the Overview leaves it out. */
  | { state: 'absent' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: KubeObject[] }
  /** Counted by the console server's inventory index; the objects are not in the browser. */
  | { state: 'counted'; counts: KindCounts };

export interface OverviewData {
  slots: Map<Slot, SlotData>;
  /** Per-host allocation from the index, when pods and VMs are counted there. */
  hostUse?: InventorySummary['hosts'];
  served: Map<Slot, ResourceDescriptor>;
  serviceKinds: ResourceDescriptor[];
}

const FIXED: [Slot, string][] = [
  ['nodes', 'nodes'],
  ['namespaces', 'namespaces'],
  ['vms', 'virtualmachines.vmoperator.vmware.com'],
  ['pods', 'pods'],
  ['deployments', 'deployments.apps'],
  ['statefulsets', 'statefulsets.apps'],
];
const SERVICE_KINDS = DESCRIPTORS.filter((d) => d.tree?.service).sort((a, b) => a.tree!.order - b.tree!.order);
const EVENTS: ApiResource = { group: '', resource: 'events' };
const LISTED = new Set(['nodes', 'namespaces']);
/** Above this many objects in all, aggregates are recomputed at most once a second. */
const LARGE = 5000;

export function useOverviewData(): OverviewData {
  const discovery = useDiscovery();
  const wanted = useMemo(() => {
    const out: { slot: Slot; d: ResourceDescriptor; version: string }[] = [];
    const add = (slot: Slot, id: string) => {
      const s = discovery.data?.byId.get(id);
      if (s) out.push({ slot, d: s.descriptor, version: s.version });
    };
    for (const [slot, id] of FIXED) add(slot, id);
    for (const d of SERVICE_KINDS) add(`service:${d.id}`, d.id);
    return out;
  }, [discovery.data]);
  const resources = useMemo(() => [...wanted.map((w) => ({ group: w.d.group, resource: w.d.resource })), EVENTS], [wanted]);
  const access = useClusterAccess(resources, !!discovery.data);
  // Kinds the index counts (or is counting) are not listed here; nodes, namespaces and events
  // always are (they are few, and the capacity panel needs the hosts themselves).
  const { summary, pending } = useInventorySummary();
  const indexed = (id: string) => !LISTED.has(id) && summary?.kinds[id] !== undefined && summary.kinds[id].state !== 'error';
  const indexedKey = wanted.filter((w) => indexed(w.d.id)).map((w) => w.d.id).join(' ');

  const reads = useMemo(() => {
    const out: { slot: Slot; path: string }[] = [];
    const skip = new Set(indexedKey.split(' '));
    for (const w of wanted) {
      if (skip.has(w.d.id) || (pending && !LISTED.has(w.d.id))) continue;
      if (access.get(accessKey(w.d)) === true) out.push({ slot: w.slot, path: collectionPath(w.d, w.version) });
    }
    if (access.get(accessKey(EVENTS)) === true) out.push({ slot: 'events', path: WARNINGS_PATH });
    return out;
  }, [wanted, access, indexedKey, pending]);
  const live = useLiveLists(reads.map((r) => r.path));
  // Paths, lists and errors travel together so a throttled snapshot is always consistent.
  const current = useMemo(() => ({ reads, lists: live.lists, errors: live.errors }), [reads, live.lists, live.errors]);
  const size = live.lists.reduce((n, l) => n + (l?.items.length ?? 0), 0);
  const snapshot = useThrottled(current, size > LARGE ? 1000 : 0);

  return useMemo(() => {
    const slots = new Map<Slot, SlotData>();
    const served = new Map<Slot, ResourceDescriptor>();
    const decide = (slot: Slot, key: string, id?: string) => {
      const ix = id ? summary?.kinds[id] : undefined;
      if (id && indexed(id) && ix) {
        if (ix.state === 'ready' && ix.counts) slots.set(slot, { state: 'counted', counts: countsFromIndex(slot === 'vms' || slot === 'pods' ? slot : 'other', ix.counts, ix.buckets) });
        else slots.set(slot, { state: 'loading' });
        return;
      }
      const i = snapshot.reads.findIndex((r) => r.slot === slot);
      const list = i >= 0 ? snapshot.lists[i] : undefined;
      const error = i >= 0 ? snapshot.errors[i] : null;
      // Counts by status from a list's first pages would be wrong: it is loading until it is
      // whole, but its total is known from the first page (items so far + remainingItemCount).
      const remaining = list?.partial ? list.metadata.remainingItemCount : undefined;
      if (list && !list.partial) slots.set(slot, { state: 'ready', items: list.items });
      else if (list && remaining !== undefined) slots.set(slot, { state: 'loading', total: list.items.length + remaining });
      else if (error) slots.set(slot, { state: 'error', message: error.message });
      else if (access.get(key) === false) slots.set(slot, { state: 'absent' });
      else slots.set(slot, { state: 'loading' });
    };
    for (const w of wanted) {
      served.set(w.slot, w.d);
      decide(w.slot, accessKey(w.d), w.d.id);
    }
    for (const [slot] of FIXED) if (!served.has(slot)) slots.set(slot, discovery.isPending ? { state: 'loading' } : { state: 'absent' });
    decide('events', accessKey(EVENTS));
    const serviceKinds = SERVICE_KINDS.filter((d) => served.has(`service:${d.id}`));
    const counted = slots.get('pods')?.state === 'counted' || slots.get('vms')?.state === 'counted';
    return { slots, served, serviceKinds, ...(counted && summary ? { hostUse: summary.hosts } : {}) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `indexed` reads summary, a dependency
  }, [snapshot, wanted, access, discovery.isPending, summary]);
}

export function itemsOf(data: SlotData | undefined): KubeObject[] | undefined {
  return data?.state === 'ready' ? data.items : undefined;
}

export function countedOf(data: SlotData | undefined): KindCounts | undefined {
  return data?.state === 'counted' ? data.counts : undefined;
}
