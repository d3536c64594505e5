import { genericStatus } from '../../health/conditions';
import { nodeStatus } from '../../health/node-health';
import { podReason, podStatus, readyCount, restarts } from '../../health/pod-health';
import { condition, type KubeObject } from '../../k8s/types';
import { ageColumn, nameColumn, namespaceColumn, pathColumn } from '../columns';
import { bytesText, cpuText, get, list, parseQuantity, str } from '../format';
import type { ResourceDescriptor } from '../types';

/** Core kinds: namespaces, hosts (nodes), vSphere Pods, services, configuration and storage. */
const keys = (o: KubeObject, field: 'data' | 'stringData') => Object.keys((o[field] as Record<string, unknown> | undefined) ?? {}).length;

export const namespaceDescriptor: ResourceDescriptor = {
  id: 'namespaces', group: '', versions: ['v1'], resource: 'namespaces', kind: 'Namespace', namespaced: false,
  label: 'Namespace', labelPlural: 'Namespaces', icon: 'namespace', actions: ['delete'], searchable: true,
  columns: [nameColumn, pathColumn('phase', 'Status', 'status.phase'), ageColumn],
  status: (o) => (o.status?.phase === 'Terminating' ? { health: 'progressing', text: 'Terminating' } : { health: 'healthy', text: str(o.status?.phase) ?? 'Active' }),
};

export const nodeDescriptor: ResourceDescriptor = {
  id: 'nodes', group: '', versions: ['v1'], resource: 'nodes', kind: 'Node', namespaced: false,
  label: 'Host', labelPlural: 'Hosts', icon: 'host', actions: ['cordon', 'uncordon'], searchable: true,
  columns: [
    nameColumn,
    { id: 'status', header: 'Status', cell: (o) => nodeStatus(o).text },
    { id: 'zone', header: 'Zone', cell: (o) => o.metadata.labels?.['topology.kubernetes.io/zone'] },
    { id: 'cpu', header: 'CPU', cell: (o) => cpuText(parseQuantity(get(o, 'status.capacity.cpu'))), align: 'right' },
    { id: 'memory', header: 'Memory', cell: (o) => bytesText(parseQuantity(get(o, 'status.capacity.memory'))), align: 'right' },
    pathColumn('version', 'Version', 'status.nodeInfo.kubeletVersion', { priority: 1 }),
    ageColumn,
  ],
  status: nodeStatus,
  summary: (o) => [
    { label: 'Zone', value: o.metadata.labels?.['topology.kubernetes.io/zone'] },
    { label: 'Internal IP', value: str((list(get(o, 'status.addresses')) as { type?: string; address?: string }[]).find((a) => a.type === 'InternalIP')?.address), mono: true },
    { label: 'OS image', value: str(get(o, 'status.nodeInfo.osImage')) },
    { label: 'Kubelet', value: str(get(o, 'status.nodeInfo.kubeletVersion')) },
    { label: 'Schedulable', value: o.spec?.unschedulable === true ? 'No (cordoned)' : 'Yes' },
  ],
};

export const podDescriptor: ResourceDescriptor = {
  id: 'pods', group: '', versions: ['v1'], resource: 'pods', kind: 'Pod', namespaced: true,
  label: 'vSphere Pod', labelPlural: 'vSphere Pods', icon: 'pod', actions: ['delete'], searchable: true,
  tree: { group: 'vSphere Pods', order: 20 },
  subresources: ['log', 'status'],
  columns: [
    nameColumn,
    namespaceColumn,
    { id: 'ready', header: 'Ready', cell: readyCount, align: 'right', width: 0.6 },
    { id: 'status', header: 'Status', cell: podReason },
    { id: 'restarts', header: 'Restarts', cell: restarts, align: 'right', width: 0.6 },
    pathColumn('node', 'Host', 'spec.nodeName', { priority: 1 }),
    pathColumn('ip', 'IP', 'status.podIP', { priority: 1 }),
    ageColumn,
  ],
  status: podStatus,
  summary: (o) => [
    { label: 'Status', value: podReason(o) },
    { label: 'Host', value: str(o.spec?.nodeName), ref: o.spec?.nodeName ? { group: '', kind: 'Node', name: String(o.spec.nodeName) } : undefined },
    { label: 'Pod IP', value: str(o.status?.podIP), mono: true },
    { label: 'Host IP', value: str(o.status?.hostIP), mono: true },
    { label: 'QoS class', value: str(o.status?.qosClass) },
    { label: 'Restarts', value: restarts(o) },
    { label: 'Images', value: (list(o.spec?.containers) as { image?: string }[]).map((c) => c.image).join(', '), mono: true },
    { label: 'Scheduled', value: condition(o, 'PodScheduled')?.status === 'False' ? condition(o, 'PodScheduled')?.message : 'Yes' },
  ],
};

export const serviceDescriptor: ResourceDescriptor = {
  id: 'services', group: '', versions: ['v1'], resource: 'services', kind: 'Service', namespaced: true,
  label: 'Service', labelPlural: 'Services', icon: 'network', actions: ['delete'], searchable: true,
  tree: { group: 'Network', order: 60 },
  columns: [
    nameColumn,
    namespaceColumn,
    pathColumn('type', 'Type', 'spec.type'),
    pathColumn('clusterIP', 'Cluster IP', 'spec.clusterIP'),
    { id: 'external', header: 'External IP', cell: (o) => (list(get(o, 'status.loadBalancer.ingress')) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname).join(', ') },
    { id: 'ports', header: 'Ports', cell: (o) => (list(o.spec?.ports) as { port?: number; protocol?: string; nodePort?: number }[]).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ') },
    ageColumn,
  ],
  status: (o) => {
    if (o.spec?.type === 'LoadBalancer' && list(get(o, 'status.loadBalancer.ingress')).length === 0) return { health: 'progressing', text: 'Pending IP', reasons: ['The load balancer has no external address yet.'] };
    return { health: 'healthy', text: str(o.spec?.type) ?? 'ClusterIP' };
  },
};

export const configMapDescriptor: ResourceDescriptor = {
  id: 'configmaps', group: '', versions: ['v1'], resource: 'configmaps', kind: 'ConfigMap', namespaced: true,
  label: 'ConfigMap', labelPlural: 'ConfigMaps', icon: 'config', actions: ['delete'],
  tree: { group: 'Configuration', order: 70 },
  columns: [nameColumn, namespaceColumn, { id: 'data', header: 'Data', cell: (o) => keys(o, 'data'), align: 'right' }, ageColumn],
  status: () => ({ health: 'healthy', text: '' }),
};

export const secretDescriptor: ResourceDescriptor = {
  id: 'secrets', group: '', versions: ['v1'], resource: 'secrets', kind: 'Secret', namespaced: true,
  label: 'Secret', labelPlural: 'Secrets', icon: 'secret', actions: ['delete'],
  tree: { group: 'Configuration', order: 70 },
  columns: [nameColumn, namespaceColumn, pathColumn('type', 'Type', 'type'), { id: 'data', header: 'Data', cell: (o) => keys(o, 'data'), align: 'right' }, ageColumn],
  status: () => ({ health: 'healthy', text: '' }),
};

export const pvcDescriptor: ResourceDescriptor = {
  id: 'persistentvolumeclaims', group: '', versions: ['v1'], resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true,
  label: 'Volume claim', labelPlural: 'Volume claims', icon: 'storage', actions: ['delete'],
  tree: { group: 'Storage', order: 65 },
  columns: [nameColumn, namespaceColumn, pathColumn('phase', 'Status', 'status.phase'), pathColumn('volume', 'Volume', 'spec.volumeName', { priority: 1 }), pathColumn('capacity', 'Capacity', 'status.capacity.storage'), pathColumn('class', 'Storage class', 'spec.storageClassName'), ageColumn],
  status: (o) => (o.status?.phase === 'Bound' ? { health: 'healthy', text: 'Bound' } : o.status?.phase === 'Lost' ? { health: 'error', text: 'Lost' } : { health: 'progressing', text: str(o.status?.phase) ?? 'Pending' }),
};

export const eventDescriptor: ResourceDescriptor = {
  id: 'events', group: '', versions: ['v1'], resource: 'events', kind: 'Event', namespaced: true,
  label: 'Event', labelPlural: 'Events', icon: 'event', actions: [],
  columns: [
    { id: 'last', header: 'Last seen', cell: (o, now) => ageColumn.cell({ metadata: { creationTimestamp: str(o.lastTimestamp) ?? str(o.eventTime) ?? o.metadata.creationTimestamp } }, now), align: 'right', width: 0.6 },
    pathColumn('type', 'Type', 'type', { width: 0.6 }),
    pathColumn('reason', 'Reason', 'reason'),
    { id: 'object', header: 'Object', cell: (o) => `${str(get(o, 'involvedObject.kind'))?.toLowerCase()}/${str(get(o, 'involvedObject.name'))}`, width: 1.5 },
    pathColumn('message', 'Message', 'message', { width: 4 }),
  ],
  status: (o) => (o.type === 'Warning' ? { health: 'warning', text: 'Warning' } : { health: 'healthy', text: 'Normal' }),
};

export const serviceAccountDescriptor: ResourceDescriptor = {
  id: 'serviceaccounts', group: '', versions: ['v1'], resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true,
  label: 'Service account', labelPlural: 'Service accounts', icon: 'config', actions: ['delete'],
  columns: [nameColumn, namespaceColumn, ageColumn],
  status: genericStatus,
};

export const resourceQuotaDescriptor: ResourceDescriptor = {
  id: 'resourcequotas', group: '', versions: ['v1'], resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true,
  label: 'Resource quota', labelPlural: 'Resource quotas', icon: 'config', actions: ['delete'],
  tree: { group: 'Configuration', order: 70 },
  columns: [nameColumn, namespaceColumn, { id: 'used', header: 'Used / hard', cell: (o) => Object.entries((get(o, 'status.hard') as Record<string, string>) ?? {}).map(([k, v]) => `${k}: ${str(get(o, `status.used.${k}`)) ?? '0'}/${v}`).join(', '), width: 4 }, ageColumn],
  status: () => ({ health: 'healthy', text: '' }),
};

export const CORE_DESCRIPTORS = [namespaceDescriptor, nodeDescriptor, podDescriptor, serviceDescriptor, configMapDescriptor, secretDescriptor, pvcDescriptor, eventDescriptor, serviceAccountDescriptor, resourceQuotaDescriptor];
