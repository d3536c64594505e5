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
  /** When this process first acted on the pod's deletion (undefined: not yet, or restarted). */
  deletionAt?: number;
  /** The start this process chose for a pod it has not written a startTime for yet. */
  anchor?: number;
}

export interface SyncDecision {
  annotations?: Record<string, string>;
  status?: Json;
  events: TimelineEvent[];
  emittedThrough: number;
  /** The moment the deletion takes effect in the pod's timeline, to pass back on later syncs. */
  deletionAt?: number;
  /** The pod's start (its startTime), to pass back until it is stored. */
  anchor?: number;
  confirmDeletion: boolean;
  nextAt?: number;
}

export function isTerminalPhase(pod: KubeObject): boolean {
  const phase = isObject(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * When the spherelet takes the pod: the stored startTime, or else the next whole second. The
 * kubelet's pod worker picks the pod up on that tick, so the start is exactly what startTime
 * (whole seconds) records and a restarted process recomputes the very same timeline.
 */
export function anchorOf(pod: KubeObject, now: number, chosen?: number): number {
  const start = isObject(pod.status) && typeof pod.status.startTime === 'string' ? Date.parse(pod.status.startTime) : NaN;
  if (!Number.isNaN(start)) return start;
  return chosen ?? Math.ceil(now / 1000) * 1000;
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
  const anchor = anchorOf(pod, now, inputs.anchor);
  const requested = deletionRequestedAt(pod);
  if (anchor > now) {
    // Not picked up yet: a deletion is confirmed right away, anything else waits for the tick.
    return { events: [], emittedThrough: now, anchor, confirmDeletion: requested !== undefined, nextAt: requested === undefined ? anchor : undefined };
  }
  const statusInputs: StatusInputs = { hostIP: inputs.hostIP, podIP: inputs.podIP, qosClass: qosClass(isObject(pod.spec) ? pod.spec : {}) };
  const running = buildTimeline(pod, { anchor, until: now, scale: inputs.scale });
  const emittedFrom = inputs.emittedThrough ?? inferEmittedThrough(pod, running, now, statusInputs);
  // deletionTimestamp has whole seconds, so the request can look older than what was already
  // shown; the containers stop from the later of the two, never rewriting what was reported.
  const deletionAt = inputs.deletionAt ?? (requested === undefined ? undefined : Math.min(now, Math.max(requested, emittedFrom + 0.001)));
  const tl = deletionAt === undefined ? running : buildTimeline(pod, { anchor, until: now, scale: inputs.scale, deletionAt });
  const desired = podStatusAt(pod, tl, now, statusInputs);
  const decision: SyncDecision = {
    events: tl.events.filter((e) => e.at > emittedFrom && e.at <= now),
    emittedThrough: now,
    deletionAt,
    anchor,
    confirmDeletion: deletionAt !== undefined && tl.stoppedAt !== undefined && tl.stoppedAt <= now,
    nextAt: tl.nextAt,
  };
  // A pod deleted before the spherelet ever ran it is confirmed without a status of its own.
  const started = isObject(pod.status) && typeof pod.status.startTime === 'string';
  const skipStatus = decision.confirmDeletion && !started;
  if (!skipStatus && canonicalJson(desired) !== canonicalJson(pod.status ?? {})) decision.status = desired;
  if (requested === undefined) decision.annotations = missingAnnotations(pod);
  return decision;
}
