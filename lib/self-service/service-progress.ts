import { condition, type KubeObject } from '../k8s/types';
import { get, list, num, str } from '../resources/format';
import type { StatusSummary } from '../resources/types';
import { withWarning, type Progress } from './progress-events';

/**
 * Progress of operator-backed services and of the ways in: a CloudNativePG Cluster in the
 * operator's own words (its `phase`, counted against the instances asked for), any other
 * service from its descriptor's status, and Services / VirtualMachineServices until their
 * load balancer has an address.
 */
export function cnpgProgress(cluster: KubeObject, events: readonly KubeObject[]): Progress {
  const want = num(cluster.spec?.instances) ?? 1;
  const ready = num(cluster.status?.readyInstances) ?? 0;
  const existing = num(cluster.status?.instances) ?? 0;
  const phase = str(cluster.status?.phase);
  const reason = str(cluster.status?.phaseReason);
  if (cluster.metadata.deletionTimestamp) return { health: 'progressing', step: 'Deleting' };
  if (!phase) return withWarning({ health: 'progressing', step: 'Waiting for the operator', detail: `0/${want} instances` }, cluster, events);
  if (condition(cluster, 'Ready')?.status === 'True' && ready >= want) return { health: 'healthy', step: `${phase} (${ready}/${want})` };
  // While instances are being created the operator counts them one by one ("replica 2 of 3").
  const creating = /primary|replica|creating/i.test(phase);
  const counted = creating ? `${Math.max(existing, 1)}/${want}` : `${ready}/${want} ready`;
  const health = /fail|error|lost|unrecoverable/i.test(phase) ? 'error' : 'progressing';
  return withWarning({ health, step: `${phase} (${counted})`, detail: reason }, cluster, events);
}

/** Any other operator-backed service: the descriptor's status text and health. */
export function serviceInstanceProgress(obj: KubeObject, status: StatusSummary, events: readonly KubeObject[]): Progress {
  if (obj.metadata.deletionTimestamp) return { health: 'progressing', step: 'Deleting' };
  const reason = status.reasons?.[0];
  return withWarning({ health: status.health, step: status.text, ...(reason && reason !== status.text ? { detail: reason } : {}) }, obj, events);
}

/** External addresses of a Service or VirtualMachineService (ingress IPs or host names). */
export function loadBalancerAddresses(obj: KubeObject): string[] {
  return (list(get(obj, 'status.loadBalancer.ingress')) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
}

/** A Service or VirtualMachineService: ready, or waiting for its load balancer's address. */
export function serviceProgress(obj: KubeObject, events: readonly KubeObject[]): Progress {
  if (obj.metadata.deletionTimestamp) return { health: 'progressing', step: 'Deleting' };
  const type = str(obj.spec?.type) ?? 'ClusterIP';
  if (type === 'LoadBalancer') {
    const ips = loadBalancerAddresses(obj);
    if (!ips.length) return withWarning({ health: 'progressing', step: 'Waiting for a load-balancer address' }, obj, events);
    return { health: 'healthy', step: `Ready — ${ips.join(', ')}` };
  }
  const ip = str(obj.spec?.clusterIP);
  return { health: 'healthy', step: ip && ip !== 'None' ? `Ready — cluster IP ${ip}` : 'Ready' };
}
