import { DESCRIPTORS } from '../resources/registry';
import type { ResourceDescriptor } from '../resources/types';

/**
 * The kinds global search looks through: the registry's `searchable` kinds, VMs, pods, services
 * and namespaces and hosts first, then operator-backed service instances, then workloads.
 */
const FIRST = ['virtualmachines.vmoperator.vmware.com', 'pods', 'services', 'virtualmachineservices.vmoperator.vmware.com', 'namespaces', 'nodes'];

function rank(d: ResourceDescriptor): number {
  const i = FIRST.indexOf(d.id);
  if (i >= 0) return i;
  return d.tree?.service ? 100 + d.tree.order : 200 + (d.tree?.order ?? 0);
}

export function searchDescriptors(all: readonly ResourceDescriptor[] = DESCRIPTORS): ResourceDescriptor[] {
  return all.filter((d) => d.searchable).sort((a, b) => rank(a) - rank(b));
}
