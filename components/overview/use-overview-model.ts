'use client';

import { useMemo } from 'react';
import { clusterCapacity, clusterCapacityFromUse, type ClusterCapacity } from '@/lib/overview/cluster-capacity';
import { healthCounts, namespaceCounts, podCounts, vmCounts, type KindCounts } from '@/lib/overview/counts';
import { overallHealth, type HealthPart, type OverallHealth } from '@/lib/overview/overall-health';
import { recentWarnings, type WarningRow } from '@/lib/overview/warning-events';
import { countByHealth } from '@/lib/health/roll-up';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { countedOf, itemsOf, type OverviewData, type Slot, type SlotData } from './use-overview-data';

/**
 * The Overview's aggregates, each memoised on the list it comes from, so a watch event on pods
 * recomputes pod counts and capacity but not VM or service counts. Nothing here is per object
 * for rendering: only counts, per-host sums and the newest few warnings.
 */
export interface KindTile {
  slot: Slot;
  d?: ResourceDescriptor;
  data: SlotData;
  counts?: KindCounts;
}

export interface OverviewModel {
  capacity?: ClusterCapacity;
  /** Pods or VMs still loading while hosts are shown: allocation is not complete yet. */
  capacityPartial: boolean;
  hosts: SlotData;
  namespaces: KindTile;
  vms: KindTile;
  pods: KindTile;
  workloads: KindTile[];
  services: KindTile[];
  warnings?: WarningRow[];
  events: SlotData;
  overall: OverallHealth;
}

const LOADING: SlotData = { state: 'loading' };

export function useOverviewModel({ slots, served, serviceKinds, hostUse }: OverviewData): OverviewModel {
  const slot = (s: Slot) => slots.get(s) ?? LOADING;
  const nodes = itemsOf(slot('nodes'));
  const pods = itemsOf(slot('pods'));
  const vms = itemsOf(slot('vms'));
  const namespaces = itemsOf(slot('namespaces'));
  const deployments = itemsOf(slot('deployments'));
  const statefulsets = itemsOf(slot('statefulsets'));
  const events = itemsOf(slot('events'));
  const vmD = served.get('vms');
  const podD = served.get('pods');
  const nsD = served.get('namespaces');
  const deployD = served.get('deployments');
  const stsD = served.get('statefulsets');

  const capacity = useMemo(() => (nodes ? (hostUse ? clusterCapacityFromUse(nodes, hostUse) : clusterCapacity(nodes, pods ?? [], vms ?? [])) : undefined), [nodes, pods, vms, hostUse]);
  const vmsCounted = countedOf(slot('vms'));
  const podsCounted = countedOf(slot('pods'));
  const vmC = useMemo(() => vmsCounted ?? (vms && vmD ? vmCounts(vmD, vms) : undefined), [vms, vmD, vmsCounted]);
  const podC = useMemo(() => podsCounted ?? (pods && podD ? podCounts(podD, pods) : undefined), [pods, podD, podsCounted]);
  const nsC = useMemo(() => (namespaces && nsD ? namespaceCounts(nsD, namespaces) : undefined), [namespaces, nsD]);
  const deployCounted = countedOf(slot('deployments'));
  const stsCounted = countedOf(slot('statefulsets'));
  const deployC = useMemo(() => deployCounted ?? (deployments && deployD ? healthCounts(deployD, deployments) : undefined), [deployments, deployD, deployCounted]);
  const stsC = useMemo(() => stsCounted ?? (statefulsets && stsD ? healthCounts(stsD, statefulsets) : undefined), [statefulsets, stsD, stsCounted]);
  const warnings = useMemo(() => (events ? recentWarnings(events, 20) : undefined), [events]);

  // Service kinds vary in number, so they are not memoised one by one; their statuses are
  // cached per object, which keeps recounting them cheap.
  const services: KindTile[] = serviceKinds.map((d) => {
    const data = slot(`service:${d.id}`);
    const items = itemsOf(data);
    return { slot: `service:${d.id}` as Slot, d, data, counts: countedOf(data) ?? (items ? healthCounts(d, items) : undefined) };
  });

  const hostHealth = useMemo(() => (capacity ? countByHealth(capacity.hosts.map((h) => h.status.health)) : undefined), [capacity]);
  const parts: HealthPart[] = [];
  // Kinds that are absent or failed to list are left out (their panels say why).
  const part = (one: string, many: string, data: SlotData, health: KindCounts['health'] | undefined) => {
    if (data.state === 'loading' || data.state === 'ready' || data.state === 'counted') parts.push({ one, many, health });
  };
  part('host', 'hosts', slot('nodes'), hostHealth);
  part('virtual machine', 'virtual machines', slot('vms'), vmC?.health);
  part('vSphere Pod', 'vSphere Pods', slot('pods'), podC?.health);
  part('Deployment', 'Deployments', slot('deployments'), deployC?.health);
  part('StatefulSet', 'StatefulSets', slot('statefulsets'), stsC?.health);
  for (const s of services) if (s.d) part(s.d.label, s.d.labelPlural, s.data, s.counts?.health);
  const overall = overallHealth(parts);

  return {
    capacity,
    capacityPartial: !!capacity && (slot('pods').state === 'loading' || slot('vms').state === 'loading'),
    hosts: slot('nodes'),
    namespaces: { slot: 'namespaces', d: nsD, data: slot('namespaces'), counts: nsC },
    vms: { slot: 'vms', d: vmD, data: slot('vms'), counts: vmC },
    pods: { slot: 'pods', d: podD, data: slot('pods'), counts: podC },
    workloads: [
      { slot: 'deployments', d: deployD, data: slot('deployments'), counts: deployC },
      { slot: 'statefulsets', d: stsD, data: slot('statefulsets'), counts: stsC },
    ],
    services,
    warnings,
    events: slot('events'),
    overall,
  };
}
