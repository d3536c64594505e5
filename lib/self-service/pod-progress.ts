import { condition, type KubeObject } from '../k8s/types';
import { get, list, num, str } from '../resources/format';
import { eventMessage, latestOf, withWarning, type Progress } from './progress-events';

/**
 * A pod's way to running (scheduled on a host, image pulled, containers started, ready) and a
 * Deployment's (its pods, counted), from the pod's status and the kubelet's events. Errors the
 * kubelet reports while waiting (image pull failures, crash loops) are named with their own
 * message; otherwise the newest Warning event tells why it is stuck.
 */
interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; running?: unknown; terminated?: { reason?: string; exitCode?: number } };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}

const OF = 4;
const PULL_ERRORS = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'];

function statuses(pod: KubeObject): ContainerStatus[] {
  return [...list(get(pod, 'status.initContainerStatuses')), ...list(get(pod, 'status.containerStatuses'))] as ContainerStatus[];
}

function core(pod: KubeObject, events: readonly KubeObject[]): Progress {
  const phase = str(pod.status?.phase) ?? 'Pending';
  const ip = str(pod.status?.podIP);
  if (pod.metadata.deletionTimestamp) return { health: 'progressing', step: 'Terminating' };
  if (phase === 'Succeeded') return { health: 'healthy', step: 'Completed' };
  if (phase === 'Failed') return { health: 'error', step: `Failed${str(pod.status?.reason) ? `: ${str(pod.status?.reason)}` : ''}`, warning: str(pod.status?.message) };
  const scheduled = condition(pod, 'PodScheduled');
  if (scheduled?.status === 'False') return { health: 'warning', step: 'Waiting for a host', stage: { index: 1, of: OF }, warning: scheduled.message || scheduled.reason };
  if (!scheduled) return { health: 'progressing', step: 'Choosing a host', stage: { index: 1, of: OF } };
  const cs = statuses(pod);
  const pullError = cs.find((c) => PULL_ERRORS.includes(c.state?.waiting?.reason ?? ''));
  if (pullError) return { health: 'error', step: `Cannot pull the image (${pullError.state!.waiting!.reason})`, warning: pullError.state!.waiting!.message };
  const crash = cs.find((c) => c.state?.waiting?.reason === 'CrashLoopBackOff');
  if (crash) {
    const last = crash.lastState?.terminated;
    const exit = last ? ` — exited with ${last.exitCode ?? '?'}${last.reason ? ` (${last.reason})` : ''}` : '';
    return { health: 'error', step: `Crashing: container ${crash.name ?? ''} restarted ${crash.restartCount ?? 0} times${exit}` };
  }
  const waiting = cs.find((c) => c.state?.waiting);
  if (phase === 'Pending' || waiting) {
    const reason = waiting?.state?.waiting?.reason;
    if (reason && reason !== 'ContainerCreating' && reason !== 'PodInitializing') return { health: 'warning', step: `Waiting: ${reason}`, stage: { index: 2, of: OF }, warning: waiting?.state?.waiting?.message };
    const last = latestOf(pod, events, ['Pulling', 'Pulled', 'Created', 'Started']);
    const lastReason = str(last?.reason);
    if (lastReason === 'Pulling') return { health: 'progressing', step: eventMessage(last!), stage: { index: 2, of: OF } };
    if (lastReason === 'Pulled' || lastReason === 'Created') return { health: 'progressing', step: 'Starting the containers', stage: { index: 3, of: OF } };
    return { health: 'progressing', step: 'Creating the containers', stage: { index: 2, of: OF } };
  }
  const ready = condition(pod, 'Ready');
  if (ready?.status !== 'True') return { health: 'progressing', step: 'Running, not ready yet', stage: { index: 3, of: OF }, detail: ready?.message };
  return { health: 'healthy', step: ip ? `Running — ${ip}` : 'Running', stage: { index: OF, of: OF } };
}

export function podProgress(pod: KubeObject, events: readonly KubeObject[]): Progress {
  return withWarning(core(pod, events), pod, events);
}

function selects(selector: Record<string, string> | undefined, pod: KubeObject): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v);
}

/** A Deployment's pods (by its selector's matchLabels), in its namespace. */
export function deploymentPods(dep: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const selector = get(dep, 'spec.selector.matchLabels') as Record<string, string> | undefined;
  return pods.filter((p) => p.metadata.namespace === dep.metadata.namespace && selects(selector, p));
}

const RANK: Record<string, number> = { error: 0, warning: 1, progressing: 2, unknown: 3, healthy: 4 };

/** "3/3 ready"; while not, the least advanced pod's step ("Pulling image …"). */
export function deploymentProgress(dep: KubeObject, pods: readonly KubeObject[], events: readonly KubeObject[]): Progress {
  const want = num(dep.spec?.replicas) ?? 1;
  const ready = num(dep.status?.readyReplicas) ?? 0;
  const updated = num(dep.status?.updatedReplicas) ?? 0;
  const count = `${ready}/${want} ready`;
  if (dep.metadata.deletionTimestamp) return { health: 'progressing', step: 'Deleting' };
  const progressing = condition(dep, 'Progressing');
  if (progressing?.status === 'False') return { health: 'error', step: `Stalled — ${count}`, warning: progressing.message || progressing.reason };
  if (want === 0) return { health: 'healthy', step: 'Scaled to zero' };
  if (ready >= want && updated >= want) return { health: 'healthy', step: `Running — ${count}` };
  const mine = deploymentPods(dep, pods).map((p) => podProgress(p, events));
  const worst = mine.sort((a, b) => (RANK[a.health] ?? 3) - (RANK[b.health] ?? 3) || (a.stage?.index ?? 0) - (b.stage?.index ?? 0))[0];
  if (!worst) return withWarning({ health: 'progressing', step: `Starting — ${count}` }, dep, events);
  return { health: worst.health === 'healthy' ? 'progressing' : worst.health, step: `${worst.step} — ${count}`, warning: worst.warning, detail: worst.detail };
}
