import { getCondition } from './conditions';
import type { Pod } from './types';

/** Pod predicates from k8s.io/kubernetes/pkg/api/v1/pod and pkg/controller (IsPodReady, IsPodAvailable, IsPodActive). */
export function isPodReady(pod: Pod): boolean {
  return getCondition(pod.status?.conditions, 'Ready')?.status === 'True';
}

export function podReadyTime(pod: Pod): string | undefined {
  const c = getCondition(pod.status?.conditions, 'Ready');
  return c?.status === 'True' ? c.lastTransitionTime : undefined;
}

/** Ready for at least minReadySeconds of simulated time. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number, scale: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadyTime(pod);
  if (!since) return false;
  return ((nowMs - Date.parse(since)) / 1000) * scale > minReadySeconds;
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Not finished and not being deleted: counts towards a controller's replicas. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

/** The highest restart count among regular containers, then among restartable init containers. */
export function maxContainerRestarts(pod: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}
