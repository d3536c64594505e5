import { errors, type ApiError } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import { containerId } from '../container-status';
import type { InstanceWindow } from './log-series';

/**
 * Which container instance a log request reads, following the kubelet's
 * validateContainerLogStatus: the running or last terminated container, or with `previous`
 * the one before it; the same error texts when there is nothing to read.
 */
export interface ResolvedInstance extends InstanceWindow {
  instance: number;
  containerID: string;
  /** The instance is still running (a follow can continue). */
  running: boolean;
}

type Json = Record<string, unknown>;

function statusOf(pod: KubeObject, container: string): Json | undefined {
  const status = isObject(pod.status) ? pod.status : {};
  for (const list of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    const items = Array.isArray(status[list]) ? status[list] : [];
    const found = items.find((c) => isObject(c) && c.name === container);
    if (isObject(found)) return found;
  }
  return undefined;
}

function ms(value: unknown): number | undefined {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/** The instance number behind a container ID: ours are derived from it; others count restarts. */
function instanceOf(uid: string, container: string, id: string, guess: number): number {
  for (const candidate of [guess, guess - 1, guess + 1]) if (candidate >= 0 && containerId(uid, container, candidate) === id) return candidate;
  return Math.max(0, guess);
}

function fromTerminated(uid: string, container: string, t: Json, guess: number): ResolvedInstance {
  const id = String(t.containerID);
  return {
    instance: instanceOf(uid, container, id, guess),
    containerID: id,
    startedAt: ms(t.startedAt) ?? 0,
    finishedAt: ms(t.finishedAt) ?? 0,
    exitCode: typeof t.exitCode === 'number' ? t.exitCode : 0,
    running: false,
  };
}

export function resolveInstance(pod: KubeObject, container: string, previous: boolean): ResolvedInstance | ApiError {
  const podName = pod.metadata.name ?? '';
  const uid = pod.metadata.uid ?? '';
  const cs = statusOf(pod, container);
  if (!cs) return errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
  const state = isObject(cs.state) ? cs.state : {};
  const last = isObject(cs.lastState) && isObject(cs.lastState.terminated) ? cs.lastState.terminated : undefined;
  const restarts = typeof cs.restartCount === 'number' ? cs.restartCount : 0;
  const waiting = isObject(state.waiting) ? state.waiting : undefined;
  if (previous) {
    if (!last || !last.containerID) return errors.badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return fromTerminated(uid, container, last, waiting ? restarts : restarts - 1);
  }
  if (isObject(state.running)) {
    const id = String(cs.containerID ?? '');
    return { instance: instanceOf(uid, container, id, restarts), containerID: id, startedAt: ms(state.running.startedAt) ?? 0, running: true };
  }
  if (isObject(state.terminated)) {
    if (state.terminated.containerID) return fromTerminated(uid, container, state.terminated, restarts);
    if (last?.containerID) return fromTerminated(uid, container, last, restarts - 1);
    return errors.badRequest(`container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) return errors.badRequest(`container "${container}" in pod "${podName}" is terminated`);
    return fromTerminated(uid, container, last, restarts);
  }
  if (waiting) {
    const reason = String(waiting.reason ?? '');
    if (reason === 'ErrImagePull') return errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') return errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    return errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  return errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}
