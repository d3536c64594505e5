'use client';

import { useMemo } from 'react';
import { useServed } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { contextTarget, refOfVm, VM_DESCRIPTOR_ID, vmByMoId } from '@/lib/embed/context';
import type { ContextObject } from '@/lib/embed/protocol';
import { collectionPath } from '@/lib/resources/paths';
import { useEmbed } from './embed-runtime';

/**
 * The host's context objects as Glasspane pages. Kubernetes references resolve at once; vSphere
 * VM ids are looked up in the live list of VMs (by `status.uniqueID`), so a VM that appears later
 * resolves when it does.
 */
export type Resolved =
  | { status: 'pending' }
  | { status: 'problem'; message: string }
  | { status: 'page'; descriptorId: string; namespace?: string; name: string; contextObject: ContextObject };

export function useResolvedContext(limit = 20): { targets: Resolved[]; empty: boolean } {
  const { state } = useEmbed();
  const targets = useMemo(() => state.context.objects.slice(0, limit).map((o) => ({ o, t: contextTarget(o) })), [state.context, limit]);
  const needsVms = targets.some(({ t }) => t.type === 'vm-by-moid');
  const vmServed = useServed(VM_DESCRIPTOR_ID);
  const vms = useKubeList(needsVms && vmServed ? collectionPath(vmServed.descriptor, vmServed.version) : undefined);

  const resolved = targets.map(({ o, t }): Resolved => {
    switch (t.type) {
      case 'page':
        return { status: 'page', descriptorId: t.descriptorId, namespace: t.namespace, name: t.name, contextObject: o };
      case 'unsupported':
        return { status: 'problem', message: t.reason };
      case 'none':
        return { status: 'problem', message: 'Nothing is selected.' };
      case 'vm-by-moid': {
        if (vms.error) return { status: 'problem', message: `The VM ${t.moId} could not be looked up: ${vms.error.message}` };
        if (!vms.data) return { status: 'pending' };
        const vm = vmByMoId(vms.data.items, t.moId);
        if (!vm) return { status: 'problem', message: `No Supervisor VM has the vSphere id ${t.moId}.` };
        const ref = refOfVm(vm);
        return { status: 'page', descriptorId: VM_DESCRIPTOR_ID, namespace: ref.namespace, name: ref.name, contextObject: o };
      }
    }
  });
  return { targets: resolved, empty: targets.length === 0 };
}
