import type { KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { deploymentProgress, podProgress } from './pod-progress';
import type { Progress } from './progress-events';
import { cnpgProgress, serviceInstanceProgress, serviceProgress } from './service-progress';
import { vmProgress } from './vm-progress';

/**
 * The progress line of anything on "My resources": one sentence saying the current step on the
 * way from request to ready, derived from the object's conditions and its events (see the
 * per-kind modules). `status` is the kind's own health (its registry descriptor), used for
 * kinds without a dedicated reading.
 */
export type { Progress } from './progress-events';
export { eventsFor, latestWarning } from './progress-events';
export { vmIp, vmProgress } from './vm-progress';
export { deploymentPods, deploymentProgress, podProgress } from './pod-progress';
export { cnpgProgress, loadBalancerAddresses, serviceInstanceProgress, serviceProgress } from './service-progress';

export interface ProgressContext {
  /** Events of the namespace (any order). */
  events: readonly KubeObject[];
  /** Pods of the namespace, for workloads. */
  pods: readonly KubeObject[];
  /** The kind's descriptor status. */
  status: (obj: KubeObject) => StatusSummary;
}

function groupOf(apiVersion: string | undefined): string {
  const av = apiVersion ?? '';
  return av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
}

export function progressOf(obj: KubeObject, ctx: ProgressContext): Progress {
  const group = groupOf(obj.apiVersion);
  const kind = obj.kind ?? '';
  if (group === 'vmoperator.vmware.com' && kind === 'VirtualMachine') return vmProgress(obj, ctx.events);
  if (group === 'vmoperator.vmware.com' && kind === 'VirtualMachineService') return serviceProgress(obj, ctx.events);
  if (group === '' && kind === 'Pod') return podProgress(obj, ctx.events);
  if (group === '' && kind === 'Service') return serviceProgress(obj, ctx.events);
  if (group === 'apps' && kind === 'Deployment') return deploymentProgress(obj, ctx.pods, ctx.events);
  if (group === 'postgresql.cnpg.io' && kind === 'Cluster') return cnpgProgress(obj, ctx.events);
  return serviceInstanceProgress(obj, ctx.status(obj), ctx.events);
}
