import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { qosClass } from '../../api/builtin/pod-strategy';
import { missingAnnotations } from './annotations';
import type { TimelineEvent } from './container-timeline';
import { buildTimeline, type PodTimeline } from './pod-timeline';
import { podStatusAt, transitionTimes, type StatusInputs } from './pod-status';
import type { Json } from './container-status';

/**
 * One spherelet sync of one pod, decided without side effects: which annotations to add, the
 * status to write (only when it differs from the stored one), the kubelet events that happened
 * since the last sync, whether a graceful deletion can be confirmed, and when to look again.
 */
export interface SyncInputs {
  now: number;
  scale: number;
  hostIP: string;
  podIP: string;
  /** Events up to this time were recorded by this process (undefined after a restart). */
  emittedThrough?: number;
}

export interface SyncDecision {
  annotations?: Record<string, string>;
  status?: Json;
  events: TimelineEvent[];
  emittedThrough: number;
  confirmDeletion: boolean;
  nextAt?: number;
}

export function isTerminalPhase(pod: KubeObject): boolean {
  const phase = isObject(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** When the spherelet took the pod: the stored startTime, or now (whole seconds, as stored). */
export function anchorOf(pod: KubeObject, now: number): number {
  const start = isObject(pod.status) && typeof pod.status.startTime === 'string' ? Date.parse(pod.status.startTime) : NaN;
  return Number.isNaN(start) ? Math.floor(now / 1000) * 1000 : start;
}

/** When the deletion was requested: deletionTimestamp minus the grace period it was given. */
export function deletionRequestedAt(pod: KubeObject): number | undefined {
  const ts = pod.metadata.deletionTimestamp;
  if (!ts) return undefined;
  return Date.parse(ts) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * After a restart: the latest transition whose status is exactly what is stored, i.e. the point
 * the previous process had reached; its events were recorded already. When nothing matches
 * (the status was written by someone else, or the time scale changed), the past is not replayed.
 */
export function inferEmittedThrough(pod: KubeObject, tl: PodTimeline, now: number, inputs: StatusInputs): number {
  if (!isObject(pod.status) || typeof pod.status.startTime !== 'string') return tl.anchor - 1;
  const stored = canonicalJson(pod.status);
  const times = transitionTimes(tl, now);
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i]!;
    if (canonicalJson(podStatusAt(pod, tl, t, inputs)) === stored) return t;
  }
  return now;
}

export function decideSync(pod: KubeObject, inputs: SyncInputs): SyncDecision {
  const { now } = inputs;
  const deletionAt = deletionRequestedAt(pod);
  const tl = buildTimeline(pod, { anchor: anchorOf(pod, now), until: now, scale: inputs.scale, deletionAt });
  const statusInputs: StatusInputs = { hostIP: inputs.hostIP, podIP: inputs.podIP, qosClass: qosClass(isObject(pod.spec) ? pod.spec : {}) };
  const desired = podStatusAt(pod, tl, now, statusInputs);
  const emittedFrom = inputs.emittedThrough ?? inferEmittedThrough(pod, tl, now, statusInputs);
  const decision: SyncDecision = {
    events: tl.events.filter((e) => e.at > emittedFrom && e.at <= now),
    emittedThrough: now,
    confirmDeletion: deletionAt !== undefined && tl.stoppedAt !== undefined && tl.stoppedAt <= now,
    nextAt: tl.nextAt,
  };
  // A pod deleted before the spherelet ever ran it is confirmed without a status of its own.
  const started = isObject(pod.status) && typeof pod.status.startTime === 'string';
  const skipStatus = decision.confirmDeletion && !started;
  if (!skipStatus && canonicalJson(desired) !== canonicalJson(pod.status ?? {})) decision.status = desired;
  if (deletionAt === undefined) decision.annotations = missingAnnotations(pod);
  return decision;
}
