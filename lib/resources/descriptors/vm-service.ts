import { genericStatus } from '../../health/conditions';
import { vmStatus } from '../../health/vm-health';
import { ageColumn, nameColumn, namespaceColumn, pathColumn } from '../columns';
import { get, list, str } from '../format';
import type { KubeObject } from '../../k8s/types';
import type { ObjectRef, ResourceDescriptor } from '../types';

/** VM Service (vmoperator.vmware.com): VMs and what they are made from. */
const GROUP = 'vmoperator.vmware.com';
const VERSIONS = ['v1alpha5', 'v1alpha4', 'v1alpha3', 'v1alpha2'];

/** The VM's image (spec.image: a namespace VirtualMachineImage or a ClusterVirtualMachineImage), for a link. */
function imageRef(o: KubeObject): ObjectRef | undefined {
  const kind = str(get(o, 'spec.image.kind'));
  const name = str(get(o, 'spec.image.name'));
  if (!name || (kind !== 'VirtualMachineImage' && kind !== 'ClusterVirtualMachineImage')) return undefined;
  return { group: GROUP, kind, namespace: kind === 'VirtualMachineImage' ? o.metadata.namespace : undefined, name };
}

export const virtualMachineDescriptor: ResourceDescriptor = {
  id: `virtualmachines.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'virtualmachines', kind: 'VirtualMachine', namespaced: true,
  label: 'Virtual machine', labelPlural: 'Virtual Machines', icon: 'vm', searchable: true,
  actions: ['vm-power-on', 'vm-power-off', 'vm-suspend', 'vm-restart', 'delete'],
  tree: { group: 'Virtual Machines', order: 10 },
  subresources: ['status'],
  columns: [
    nameColumn,
    namespaceColumn,
    { id: 'power', header: 'Power state', cell: (o) => str(o.status?.powerState) ?? 'Creating' },
    pathColumn('class', 'Class', 'spec.className'),
    { id: 'image', header: 'Image', cell: (o) => str(get(o, 'spec.image.name')) ?? str(o.spec?.imageName), priority: 1 },
    pathColumn('ip', 'Primary IP', 'status.network.primaryIP4'),
    pathColumn('host', 'Host', 'status.nodeName', { priority: 1 }),
    ageColumn,
  ],
  status: vmStatus,
  summary: (o) => [
    { label: 'Power state', value: str(o.status?.powerState) ?? 'Creating' },
    { label: 'Desired power state', value: str(o.spec?.powerState) ?? 'PoweredOn' },
    { label: 'Class', value: str(o.spec?.className), ref: o.spec?.className ? { group: GROUP, kind: 'VirtualMachineClass', namespace: o.metadata.namespace, name: String(o.spec.className) } : undefined },
    { label: 'Image', value: str(get(o, 'spec.image.name')) ?? str(o.spec?.imageName), ref: imageRef(o), mono: true },
    { label: 'Guest OS', value: str(get(o, 'status.guest.guestFullName')) ?? str(get(o, 'status.guest.guestID')) },
    { label: 'Primary IPv4', value: str(get(o, 'status.network.primaryIP4')), mono: true },
    { label: 'Host', value: str(o.status?.nodeName), ref: o.status?.nodeName ? { group: '', kind: 'Node', name: String(o.status.nodeName) } : undefined },
    { label: 'Zone', value: str(o.status?.zone) },
    { label: 'Storage class', value: str(o.spec?.storageClass) },
    { label: 'vSphere ID', value: str(o.status?.uniqueID), mono: true },
    { label: 'BIOS UUID', value: str(o.status?.biosUUID), mono: true },
  ],
};

export const vmClassDescriptor: ResourceDescriptor = {
  id: `virtualmachineclasses.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'virtualmachineclasses', kind: 'VirtualMachineClass', namespaced: true,
  label: 'VM class', labelPlural: 'VM classes', icon: 'class', actions: ['delete'],
  columns: [nameColumn, namespaceColumn, pathColumn('cpu', 'CPU', 'spec.hardware.cpus', { align: 'right' }), pathColumn('memory', 'Memory', 'spec.hardware.memory', { align: 'right' }), pathColumn('reserved', 'Reserved CPU', 'spec.policies.resources.requests.cpu', { priority: 1 }), ageColumn],
  status: genericStatus,
};

const imageColumns = [nameColumn, pathColumn('display', 'Display name', 'status.name', { width: 2 }), pathColumn('os', 'OS', 'status.osInfo.type'), pathColumn('osVersion', 'OS version', 'status.osInfo.version'), pathColumn('version', 'Image version', 'status.productInfo.version', { priority: 1 }), ageColumn];

export const vmImageDescriptor: ResourceDescriptor = {
  id: `virtualmachineimages.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'virtualmachineimages', kind: 'VirtualMachineImage', namespaced: true,
  label: 'VM image', labelPlural: 'VM images', icon: 'image', actions: ['delete'],
  columns: [namespaceColumn, ...imageColumns],
  status: genericStatus,
};

export const clusterVmImageDescriptor: ResourceDescriptor = {
  id: `clustervirtualmachineimages.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'clustervirtualmachineimages', kind: 'ClusterVirtualMachineImage', namespaced: false,
  label: 'Cluster VM image', labelPlural: 'Cluster VM images', icon: 'image', actions: ['delete'],
  columns: imageColumns,
  status: genericStatus,
};

export const vmServiceDescriptor: ResourceDescriptor = {
  id: `virtualmachineservices.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'virtualmachineservices', kind: 'VirtualMachineService', namespaced: true,
  label: 'VM service', labelPlural: 'VM services', icon: 'network', actions: ['delete'], searchable: true,
  tree: { group: 'Network', order: 60 },
  columns: [nameColumn, namespaceColumn, pathColumn('type', 'Type', 'spec.type'), { id: 'ip', header: 'External IP', cell: (o) => (list(get(o, 'status.loadBalancer.ingress')) as { ip?: string }[]).map((i) => i.ip).join(', ') }, ageColumn],
  status: (o) => (o.spec?.type === 'LoadBalancer' && list(get(o, 'status.loadBalancer.ingress')).length === 0 ? { health: 'progressing', text: 'Pending IP' } : { health: 'healthy', text: str(o.spec?.type) ?? '' }),
};

export const vmSnapshotDescriptor: ResourceDescriptor = {
  id: `virtualmachinesnapshots.${GROUP}`, group: GROUP, versions: VERSIONS, resource: 'virtualmachinesnapshots', kind: 'VirtualMachineSnapshot', namespaced: true,
  label: 'VM snapshot', labelPlural: 'VM snapshots', icon: 'storage', actions: ['delete'],
  columns: [nameColumn, namespaceColumn, pathColumn('vm', 'VM', 'spec.vmName'), ageColumn],
  status: genericStatus,
};

export const VM_DESCRIPTORS = [virtualMachineDescriptor, vmClassDescriptor, vmImageDescriptor, clusterVmImageDescriptor, vmServiceDescriptor, vmSnapshotDescriptor];
