import { condition, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { list } from '../resources/format';

/**
 * A pod's status as kubectl's STATUS column computes it (waiting/terminated reasons first,
 * Init:x/y, Terminating), with plain-language reasons when it is not healthy.
 */
interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number; signal?: number }; running?: unknown };
}

const BAD_WAITING = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'InvalidImageName', 'CreateContainerError', 'RunContainerError']);

export function podReason(pod: KubeObject): string {
  const status = pod.status ?? {};
  let reason = typeof status.reason === 'string' ? status.reason : typeof status.phase === 'string' ? status.phase : 'Pending';
  const inits = list(status.initContainerStatuses) as ContainerStatus[];
  const initTotal = list((pod.spec ?? {}).initContainers).length;
  let initializing = false;
  inits.forEach((c, i) => {
    if (c.state?.terminated?.exitCode === 0) return;
    initializing = true;
    if (c.state?.terminated) reason = `Init:${c.state.terminated.reason || `ExitCode:${c.state.terminated.exitCode}`}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initTotal}`;
  });
  if (!initializing) {
    let running = false;
    for (const c of [...(list(status.containerStatuses) as ContainerStatus[])].reverse()) {
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) running = true;
    }
    if (reason === 'Completed' && running) reason = condition(pod, 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export function restarts(pod: KubeObject): number {
  return (list(pod.status?.containerStatuses) as ContainerStatus[]).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

export function readyCount(pod: KubeObject): string {
  const statuses = list(pod.status?.containerStatuses) as ContainerStatus[];
  const total = list((pod.spec ?? {}).containers).length;
  return `${statuses.filter((c) => c.ready).length}/${total}`;
}

export function podStatus(pod: KubeObject): StatusSummary {
  const text = podReason(pod);
  const reasons: string[] = [];
  for (const c of list(pod.status?.containerStatuses) as ContainerStatus[]) {
    const w = c.state?.waiting;
    if (w?.reason && BAD_WAITING.has(w.reason)) reasons.push(`Container ${c.name}: ${w.reason}${w.message ? ` — ${w.message}` : ''}${c.restartCount ? ` (restarted ${c.restartCount} times)` : ''}`);
  }
  const scheduled = condition(pod, 'PodScheduled');
  if (scheduled?.status === 'False') reasons.push(`Not scheduled: ${scheduled.message ?? scheduled.reason ?? 'no host fits'}`);
  if (text === 'Running' && condition(pod, 'Ready')?.status === 'True') return { health: 'healthy', text };
  if (text === 'Completed' || text === 'Succeeded') return { health: 'healthy', text: 'Completed' };
  if (BAD_WAITING.has(text) || /^Init:(CrashLoop|Err|ImagePull)|Error|Failed|OOMKilled|ExitCode|Signal|Evicted/.test(text)) return { health: 'error', text, reasons };
  if (scheduled?.status === 'False') return { health: 'warning', text: 'Unschedulable', reasons };
  if (text === 'Running') return { health: 'warning', text: 'NotReady', reasons: reasons.length ? reasons : ['Containers are running but not ready.'] };
  return { health: 'progressing', text, reasons };
}
