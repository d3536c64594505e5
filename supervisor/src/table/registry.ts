/**
 * Lookup of the built-in printers by group and resource, and the default table for every other
 * kind (apiserver `rest.defaultTableConvertor`: `Name` plus `Created At` as an RFC 3339 date).
 */
import type { KubeObject } from '../api/types';
import { cronJobPrinter, jobPrinter } from './batch-printers';
import { configMapPrinter, namespacePrinter, nodePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core-printers';
import { eventPrinter, eventsV1Printer } from './event-printer';
import { CREATION_TIMESTAMP_DESCRIPTION, column, nameColumn, str } from './format';
import { parseTimestamp } from './human-duration';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './network-printers';
import { podPrinter } from './pod-printer';
import { horizontalPodAutoscalerPrinter, leasePrinter, podDisruptionBudgetPrinter, priorityClassPrinter } from './policy-printers';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac-printers';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage-printers';
import type { Printer, TableCell } from './types';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, replicationControllerPrinter, statefulSetPrinter } from './workload-printers';

/** `resource` or `resource.group`, the GroupResource spelling used as the key. */
export function resourceKey(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

const printers = new Map<string, Printer>([
  ['pods', podPrinter],
  ['namespaces', namespacePrinter],
  ['nodes', nodePrinter],
  ['services', servicePrinter],
  ['endpoints', endpointsPrinter],
  ['configmaps', configMapPrinter],
  ['secrets', secretPrinter],
  ['serviceaccounts', serviceAccountPrinter],
  ['events', eventPrinter],
  ['resourcequotas', resourceQuotaPrinter],
  ['persistentvolumeclaims', persistentVolumeClaimPrinter],
  ['persistentvolumes', persistentVolumePrinter],
  ['replicationcontrollers', replicationControllerPrinter],
  ['deployments.apps', deploymentPrinter],
  ['replicasets.apps', replicaSetPrinter],
  ['statefulsets.apps', statefulSetPrinter],
  ['daemonsets.apps', daemonSetPrinter],
  ['jobs.batch', jobPrinter],
  ['cronjobs.batch', cronJobPrinter],
  ['endpointslices.discovery.k8s.io', endpointSlicePrinter],
  ['events.events.k8s.io', eventsV1Printer],
  ['ingresses.networking.k8s.io', ingressPrinter],
  ['ingressclasses.networking.k8s.io', ingressClassPrinter],
  ['networkpolicies.networking.k8s.io', networkPolicyPrinter],
  ['storageclasses.storage.k8s.io', storageClassPrinter],
  ['leases.coordination.k8s.io', leasePrinter],
  ['rolebindings.rbac.authorization.k8s.io', roleBindingPrinter],
  ['clusterrolebindings.rbac.authorization.k8s.io', clusterRoleBindingPrinter],
  ['priorityclasses.scheduling.k8s.io', priorityClassPrinter],
  ['poddisruptionbudgets.policy', podDisruptionBudgetPrinter],
  ['horizontalpodautoscalers.autoscaling', horizontalPodAutoscalerPrinter],
]);

/**
 * The built-in printer for a resource (plural, lowercase), or undefined when upstream has none
 * (e.g. roles, clusterroles, limitranges, customresourcedefinitions): use `defaultPrinter` then.
 */
export function printerFor(group: string, resource: string): Printer | undefined {
  return printers.get(resourceKey(group, resource));
}

/** printerFor by `resourceKey` spelling. */
export function printerForKey(key: string): Printer | undefined {
  return printers.get(key);
}

/** `Created At` is the creation time in RFC 3339 UTC, seconds precision, as Go's `time.RFC3339` formats it. */
function createdAt(obj: KubeObject): TableCell {
  const ms = parseTimestamp(obj.metadata.creationTimestamp);
  if (typeof ms !== 'number') return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const defaultPrinter: Printer = {
  columns: [nameColumn(), column('Created At', 'date', CREATION_TIMESTAMP_DESCRIPTION)],
  row: (obj) => [str(obj.metadata.name), createdAt(obj)],
};
