import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { intOf } from './hash';
import { containerSpecs, type ContainerKind, type ContainerSpec, type RestartPolicy } from './behavior';
import { fieldPath, simulateContainer, type ContainerPoint, type PodEnv, type TimelineEvent } from './container-timeline';

/**
 * A bound pod's whole life on its host as the spherelet runs it: the CRX sandbox boots, init
 * containers run one after another, the containers are pulled and started in order (the
 * kubelet's serial image pulls), then each lives on its own (exits, restarts, backs off). A
 * deletion cuts everything at the moment it was requested: running containers are stopped.
 *
 * It is a pure function of the pod spec, its uid, the moment the spherelet took the pod
 * (`anchor`, stored as `status.startTime`), the deletion request time and the time scale, so
 * a restarted supervisor recomputes exactly what it had shown.
 */
export interface ContainerTimeline {
  name: string;
  kind: ContainerKind;
  spec: ContainerSpec;
  points: ContainerPoint[];
}

export interface PodTimeline {
  anchor: number;
  sandboxAt: number;
  /** Init containers (in order) and sidecars, then the containers. */
  containers: ContainerTimeline[];
  /** When every init container has completed (undefined: not yet). */
  initializedAt?: number;
  events: TimelineEvent[];
  /** The first transition after `until` (undefined: nothing more will happen). */
  nextAt?: number;
  /** Graceful deletion: when the containers have stopped and the deletion can be confirmed. */
  stoppedAt?: number;
}

export interface TimelineInputs {
  anchor: number;
  until: number;
  scale: number;
  /** When the deletion was requested (deletionTimestamp minus the grace period). */
  deletionAt?: number;
}

/** The CRX VM behind a vSphere Pod takes a moment to power on before images are pulled. */
export function sandboxDelayMs(uid: string): number {
  return intOf(1500, 3000, uid, 'crx-boot');
}

/** How long containers take to stop after SIGTERM (they all honour it). */
export function stopDelayMs(uid: string): number {
  return intOf(800, 2500, uid, 'stop');
}

export function restartPolicyOf(pod: KubeObject): RestartPolicy {
  const p = isObject(pod.spec) ? pod.spec.restartPolicy : undefined;
  return p === 'Never' || p === 'OnFailure' ? p : 'Always';
}

export function buildTimeline(pod: KubeObject, inputs: TimelineInputs): PodTimeline {
  const uid = pod.metadata.uid ?? '';
  const limit = inputs.deletionAt === undefined ? inputs.until : Math.min(inputs.until, inputs.deletionAt);
  const env: PodEnv = { uid, name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', policy: restartPolicyOf(pod), scale: inputs.scale, limit };
  const tl: PodTimeline = { anchor: inputs.anchor, sandboxAt: inputs.anchor + sandboxDelayMs(uid) / inputs.scale, containers: [], events: [] };
  const noteNext = (at: number | undefined): void => {
    if (at !== undefined && (inputs.deletionAt === undefined || at <= inputs.deletionAt)) tl.nextAt = tl.nextAt === undefined ? at : Math.min(tl.nextAt, at);
  };
  noteNext(tl.sandboxAt > inputs.until ? tl.sandboxAt : undefined);

  let cursor: number | undefined = tl.sandboxAt <= limit ? tl.sandboxAt : undefined;
  for (const spec of containerSpecs(pod.spec, 'initContainers')) {
    const kind: ContainerKind = spec.restartPolicy === 'Always' ? 'sidecar' : 'init';
    const ct: ContainerTimeline = { name: spec.name, kind, spec, points: [] };
    tl.containers.push(ct);
    if (cursor === undefined) continue;
    const run = simulateContainer(spec, kind, cursor, env);
    ct.points = run.points;
    tl.events.push(...run.events);
    noteNext(run.nextAt);
    cursor = kind === 'sidecar' ? run.firstStartAt : run.doneAt;
  }
  tl.initializedAt = cursor;
  for (const spec of containerSpecs(pod.spec, 'containers')) {
    const ct: ContainerTimeline = { name: spec.name, kind: 'main', spec, points: [] };
    tl.containers.push(ct);
    if (cursor === undefined) continue;
    const run = simulateContainer(spec, 'main', cursor, env);
    ct.points = run.points;
    tl.events.push(...run.events);
    noteNext(run.nextAt);
    cursor = run.handoffAt;
  }
  if (inputs.deletionAt !== undefined) stopForDeletion(tl, inputs, uid);
  tl.events.sort((a, b) => a.at - b.at);
  return tl;
}

/** The state a container is in at `t` (undefined: the kubelet has not got to it yet). */
export function pointAt(ct: ContainerTimeline, t: number): ContainerPoint | undefined {
  let lo = 0;
  let hi = ct.points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ct.points[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ct.points[lo - 1] : undefined;
}

/** Graceful deletion: running containers get SIGTERM (Killing) and stop shortly after. */
function stopForDeletion(tl: PodTimeline, inputs: TimelineInputs, uid: string): void {
  const at = inputs.deletionAt!;
  const stopAt = at + stopDelayMs(uid) / inputs.scale;
  let anyRunning = false;
  for (const ct of tl.containers) {
    const p = pointAt(ct, at);
    if (!p || p.state.kind !== 'running') continue;
    anyRunning = true;
    tl.events.push({ at, type: 'Normal', reason: 'Killing', message: `Stopping container ${ct.name}`, fieldPath: fieldPath(ct.kind, ct.name) });
    const { instance, startedAt } = p.state;
    ct.points.push({ ...p, at: stopAt, ready: false, started: false, state: { kind: 'terminated', instance, startedAt, finishedAt: stopAt, exitCode: 0, reason: 'Completed' } });
  }
  tl.stoppedAt = anyRunning ? stopAt : at;
  if (tl.stoppedAt > inputs.until) {
    for (const ct of tl.containers) ct.points = ct.points.filter((p) => p.at <= inputs.until);
    tl.events = tl.events.filter((e) => e.at <= inputs.until);
  }
  tl.nextAt = tl.stoppedAt > inputs.until ? tl.stoppedAt : undefined;
  if (at > inputs.until) tl.nextAt = at;
}
