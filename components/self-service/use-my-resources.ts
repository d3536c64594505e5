'use client';

import { useMemo } from 'react';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { usePermittedLists } from '@/components/resource/use-permitted-lists';
import type { KubeObject } from '@/lib/k8s/types';
import type { RelatedQuery } from '@/lib/related/related-plan';
import { myResources, type ResourceRow } from '@/lib/self-service/resources';

/**
 * The namespace's own objects for "My resources", live: VMs, pods, Deployments,
 * VirtualMachineServices, Services and every served operator-backed service kind — plus the
 * namespace's events (for progress lines) and all its pods (for Deployments' progress). Only
 * kinds the cluster serves and the user may list are read (see usePermittedLists).
 */
const BASE = ['virtualmachines.vmoperator.vmware.com', 'deployments.apps', 'pods', 'virtualmachineservices.vmoperator.vmware.com', 'services'];

export interface MyResources {
  rows: ResourceRow[];
  events: KubeObject[];
  pods: KubeObject[];
  served: Map<string, ServedResource>;
  /** Kinds the user may not list here (their rows cannot be shown). */
  hidden: string[];
  pending: boolean;
}

export function useMyResources(namespace: string): MyResources {
  const discovery = useDiscovery();
  const serviceKinds = useMemo(() => (discovery.data?.resources ?? []).filter((r) => r.descriptor.tree?.service && r.descriptor.namespaced).map((r) => r.descriptor.id).sort(), [discovery.data]);
  const queries = useMemo<RelatedQuery[]>(
    () => [...BASE, ...serviceKinds, 'events'].map((id) => ({ key: id, title: id, descriptorId: id, namespace, keep: { kind: 'all' } })),
    [namespace, serviceKinds],
  );
  const lists = usePermittedLists(queries);
  return useMemo(() => {
    const kinds = [...BASE, ...serviceKinds];
    const rows = myResources(kinds.map((id) => ({ descriptorId: id, items: lists.results.get(id) ?? [] })));
    return {
      rows,
      events: lists.results.get('events') ?? [],
      pods: lists.results.get('pods') ?? [],
      served: lists.served,
      hidden: lists.skipped.filter((q) => q.descriptorId !== 'events' && lists.served.has(q.descriptorId)).map((q) => lists.served.get(q.descriptorId)?.descriptor.labelPlural ?? q.descriptorId),
      pending: lists.pending,
    };
  }, [lists, serviceKinds]);
}
