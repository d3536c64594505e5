import { hexOf } from './hash';
import { imageId, normalizedImage } from './images';
import type { ContainerPoint, Terminated } from './container-timeline';
import { pointAt, type ContainerTimeline } from './pod-timeline';
import { timestamp } from '../../core/metadata';

/**
 * `containerStatuses[]` / `initContainerStatuses[]` entries as the kubelet (containerd runtime)
 * reports them, from a container's timeline point. Container IDs are deterministic per pod,
 * container and instance.
 */
export type Json = Record<string, unknown>;

export function containerId(podUid: string, container: string, instance: number): string {
  return `containerd://${hexOf('container', podUid, container, instance)}`;
}

function terminatedJson(podUid: string, container: string, t: Terminated): Json {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      startedAt: timestamp(new Date(t.startedAt)),
      finishedAt: timestamp(new Date(t.finishedAt)),
      containerID: containerId(podUid, container, t.instance),
    },
  };
}

/** The waiting reason of a container the kubelet has not started yet. */
export function defaultWaitingReason(hasInitContainers: boolean): string {
  return hasInitContainers ? 'PodInitializing' : 'ContainerCreating';
}

export function containerStatusJson(podUid: string, ct: ContainerTimeline, p: ContainerPoint | undefined, defaultReason: string): Json {
  const base: Json = { name: ct.name, image: normalizedImage(ct.spec.image), imageID: p?.pulled ? imageId(ct.spec.image) : '' };
  if (!p) {
    return { ...base, ready: false, restartCount: 0, started: false, state: { waiting: { reason: defaultReason } }, lastState: {} };
  }
  const s = p.state;
  let state: Json;
  let id: string | undefined;
  if (s.kind === 'running') {
    state = { running: { startedAt: timestamp(new Date(s.startedAt)) } };
    id = containerId(podUid, ct.name, s.instance);
  } else if (s.kind === 'terminated') {
    state = terminatedJson(podUid, ct.name, s);
    id = containerId(podUid, ct.name, s.instance);
  } else {
    state = { waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } };
    // A container waiting to restart still reports the ID of the one that exited.
    if (p.last) id = containerId(podUid, ct.name, p.last.instance);
  }
  const out: Json = { ...base, ready: p.ready, restartCount: p.restartCount, started: p.started, state, lastState: p.last ? terminatedJson(podUid, ct.name, p.last) : {} };
  if (id) out.containerID = id;
  // Field order as the kubelet serializes it: containerID after imageID.
  return id ? { name: out.name, image: out.image, imageID: out.imageID, containerID: id, ...out } : out;
}

export interface ContainerSnapshot {
  ct: ContainerTimeline;
  point: ContainerPoint | undefined;
}

export function snapshotsAt(containers: ContainerTimeline[], t: number): ContainerSnapshot[] {
  return containers.map((ct) => ({ ct, point: pointAt(ct, t) }));
}
