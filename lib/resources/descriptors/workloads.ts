import { genericStatus } from '../../health/conditions';
import { cronJobStatus, daemonSetStatus, jobStatus, replicasStatus } from '../../health/workload-health';
import { ageColumn, nameColumn, namespaceColumn, pathColumn } from '../columns';
import { get, list, num, str } from '../format';
import type { ResourceDescriptor } from '../types';

/** apps/v1 and batch/v1 workloads. */
const images = (o: { spec?: Record<string, unknown> }) => (list(get(o, 'spec.template.spec.containers')) as { image?: string }[]).map((c) => c.image).join(', ');
const readyOf = (o: { spec?: Record<string, unknown>; status?: Record<string, unknown> }) => `${num(o.status?.readyReplicas) ?? 0}/${num(o.spec?.replicas) ?? 1}`;
const workloadTree = { group: 'Workloads', order: 30 };

export const deploymentDescriptor: ResourceDescriptor = {
  id: 'deployments.apps', group: 'apps', versions: ['v1'], resource: 'deployments', kind: 'Deployment', namespaced: true,
  label: 'Deployment', labelPlural: 'Deployments', icon: 'workload', actions: ['scale', 'delete'], searchable: true, tree: workloadTree,
  subresources: ['scale', 'status'],
  columns: [nameColumn, namespaceColumn, { id: 'ready', header: 'Ready', cell: readyOf, align: 'right' }, pathColumn('updated', 'Up-to-date', 'status.updatedReplicas', { align: 'right' }), pathColumn('available', 'Available', 'status.availableReplicas', { align: 'right' }), { id: 'images', header: 'Images', cell: images, priority: 1, width: 2 }, ageColumn],
  status: replicasStatus,
  summary: (o) => [
    { label: 'Replicas', value: `${num(o.status?.readyReplicas) ?? 0} ready of ${num(o.spec?.replicas) ?? 1}` },
    { label: 'Strategy', value: str(get(o, 'spec.strategy.type')) },
    { label: 'Images', value: images(o), mono: true },
  ],
};

export const replicaSetDescriptor: ResourceDescriptor = {
  id: 'replicasets.apps', group: 'apps', versions: ['v1'], resource: 'replicasets', kind: 'ReplicaSet', namespaced: true,
  label: 'ReplicaSet', labelPlural: 'ReplicaSets', icon: 'workload', actions: ['scale', 'delete'],
  subresources: ['scale', 'status'],
  columns: [nameColumn, namespaceColumn, pathColumn('desired', 'Desired', 'spec.replicas', { align: 'right' }), pathColumn('current', 'Current', 'status.replicas', { align: 'right' }), pathColumn('ready', 'Ready', 'status.readyReplicas', { align: 'right' }), ageColumn],
  status: replicasStatus,
};

export const statefulSetDescriptor: ResourceDescriptor = {
  id: 'statefulsets.apps', group: 'apps', versions: ['v1'], resource: 'statefulsets', kind: 'StatefulSet', namespaced: true,
  label: 'StatefulSet', labelPlural: 'StatefulSets', icon: 'workload', actions: ['scale', 'delete'], searchable: true, tree: workloadTree,
  subresources: ['scale', 'status'],
  columns: [nameColumn, namespaceColumn, { id: 'ready', header: 'Ready', cell: readyOf, align: 'right' }, { id: 'images', header: 'Images', cell: images, priority: 1, width: 2 }, ageColumn],
  status: replicasStatus,
};

export const daemonSetDescriptor: ResourceDescriptor = {
  id: 'daemonsets.apps', group: 'apps', versions: ['v1'], resource: 'daemonsets', kind: 'DaemonSet', namespaced: true,
  label: 'DaemonSet', labelPlural: 'DaemonSets', icon: 'workload', actions: ['delete'], tree: workloadTree,
  columns: [nameColumn, namespaceColumn, pathColumn('desired', 'Desired', 'status.desiredNumberScheduled', { align: 'right' }), pathColumn('ready', 'Ready', 'status.numberReady', { align: 'right' }), ageColumn],
  status: daemonSetStatus,
};

export const jobDescriptor: ResourceDescriptor = {
  id: 'jobs.batch', group: 'batch', versions: ['v1'], resource: 'jobs', kind: 'Job', namespaced: true,
  label: 'Job', labelPlural: 'Jobs', icon: 'job', actions: ['delete'], searchable: true, tree: workloadTree,
  columns: [nameColumn, namespaceColumn, { id: 'status', header: 'Status', cell: (o) => jobStatus(o).text }, { id: 'completions', header: 'Completions', cell: (o) => `${num(o.status?.succeeded) ?? 0}/${num(o.spec?.completions) ?? 1}`, align: 'right' }, ageColumn],
  status: jobStatus,
};

export const cronJobDescriptor: ResourceDescriptor = {
  id: 'cronjobs.batch', group: 'batch', versions: ['v1'], resource: 'cronjobs', kind: 'CronJob', namespaced: true,
  label: 'CronJob', labelPlural: 'CronJobs', icon: 'job', actions: ['delete'], tree: workloadTree,
  columns: [nameColumn, namespaceColumn, pathColumn('schedule', 'Schedule', 'spec.schedule'), pathColumn('suspend', 'Suspend', 'spec.suspend'), pathColumn('last', 'Last schedule', 'status.lastScheduleTime', { priority: 1 }), ageColumn],
  status: cronJobStatus,
};

export const endpointSliceDescriptor: ResourceDescriptor = {
  id: 'endpointslices.discovery.k8s.io', group: 'discovery.k8s.io', versions: ['v1'], resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true,
  label: 'EndpointSlice', labelPlural: 'EndpointSlices', icon: 'network', actions: [],
  columns: [nameColumn, namespaceColumn, pathColumn('type', 'Address type', 'addressType'), { id: 'endpoints', header: 'Endpoints', cell: (o) => (list(o.endpoints) as { addresses?: string[] }[]).flatMap((e) => e.addresses ?? []).join(', '), width: 2 }, ageColumn],
  status: genericStatus,
};

export const WORKLOAD_DESCRIPTORS = [deploymentDescriptor, replicaSetDescriptor, statefulSetDescriptor, daemonSetDescriptor, jobDescriptor, cronJobDescriptor, endpointSliceDescriptor];
