import { getCondition } from '../kit/conditions';
import { isPodReady } from '../kit/pod-state';
import { simSecondsLeft } from '../kit/sim-time';
import type { Job, Pod } from '../kit/types';

/**
 * The Job controller's decisions (pkg/controller/job, 1.32): which pods are active, terminating
 * or newly finished (tracked by the `batch.kubernetes.io/job-tracking` finalizer and
 * `status.uncountedTerminatedPods`), how many should run, when the job has met its success
 * criteria or its failure target (backoff limit, active deadline), and the pod failure back-off.
 */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const POD_FAILURE_BACKOFF_S = 10;
const MAX_POD_FAILURE_BACKOFF_S = 600;

export interface PodCounts {
  active: Pod[];
  terminating: Pod[];
  ready: number;
  /** Finished pods still carrying the tracking finalizer and not yet in uncountedTerminatedPods. */
  newlySucceeded: Pod[];
  newlyFailed: Pod[];
  /** Every pod whose finalizer should go (finished, deleted, or the job is done). */
  toRelease: Pod[];
  succeeded: number;
  failed: number;
}

/** isPodFailed with podReplacementPolicy TerminatingOrFailed: a deleted pod that did not succeed counts as failed. */
export function isFailed(job: Job, pod: Pod): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec.podReplacementPolicy === 'Failed') return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

export function isFinished(job: Job): boolean {
  return getCondition(job.status?.conditions, 'Complete')?.status === 'True' || getCondition(job.status?.conditions, 'Failed')?.status === 'True';
}

export function countPods(job: Job, pods: Pod[], finishing: boolean): PodCounts {
  const uncounted = job.status?.uncountedTerminatedPods ?? {};
  const seen = new Set([...(uncounted.succeeded ?? []), ...(uncounted.failed ?? [])]);
  const c: PodCounts = { active: [], terminating: [], ready: 0, newlySucceeded: [], newlyFailed: [], toRelease: [], succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const phase = pod.status?.phase;
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    if (!terminal && pod.metadata.deletionTimestamp) c.terminating.push(pod);
    else if (!terminal) {
      c.active.push(pod);
      if (isPodReady(pod)) c.ready++;
    }
    const tracked = (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
    if (!tracked) continue;
    const done = terminal || !!pod.metadata.deletionTimestamp;
    if (done && !seen.has(pod.metadata.uid ?? '')) {
      if (phase === 'Succeeded') c.newlySucceeded.push(pod);
      else if (isFailed(job, pod)) c.newlyFailed.push(pod);
    }
    if (done || finishing) c.toRelease.push(pod);
  }
  c.succeeded = (job.status?.succeeded ?? 0) + (uncounted.succeeded?.length ?? 0) + c.newlySucceeded.length;
  c.failed = (job.status?.failed ?? 0) + (uncounted.failed?.length ?? 0) + c.newlyFailed.length;
  return c;
}

/** How many pods should be running now (NonIndexed): bounded by parallelism and the completions left. */
export function wantActive(job: Job, succeeded: number, active: number): number {
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

export interface Target {
  type: 'SuccessCriteriaMet' | 'FailureTarget';
  reason: string;
  message: string;
}

function restarts(pods: Pod[]): number {
  return pods.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0);
}

/** What the job has reached this sync, if anything: failure first (as upstream checks it first), then success. */
export function reachedTarget(job: Job, c: PodCounts, succeededIndexes: number, nowMs: number, scale: number): Target | undefined {
  const backoffLimit = job.spec.backoffLimit ?? 6;
  const onFailure = job.spec.template.spec?.restartPolicy === 'OnFailure';
  const exceeded = onFailure ? c.failed + restarts(c.active) > backoffLimit && backoffLimit >= 0 : c.failed > backoffLimit;
  if (exceeded) return { type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
  const deadline = job.spec.activeDeadlineSeconds;
  if (deadline !== undefined && job.status?.startTime && simSecondsLeft(job.status.startTime, deadline, nowMs, scale) <= 0) {
    return { type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
  }
  const completions = job.spec.completions;
  const indexed = job.spec.completionMode === 'Indexed';
  const complete =
    completions === undefined || completions === null ? c.succeeded > 0 && c.active.length === 0 : indexed ? succeededIndexes >= completions : c.succeeded >= completions;
  if (complete) return { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
  return undefined;
}

/** Simulated seconds to wait before replacing failed pods: 10 s doubling per failure, at most 10 min. */
export function failureBackoffSeconds(failed: number): number {
  if (failed <= 0) return 0;
  return Math.min(MAX_POD_FAILURE_BACKOFF_S, POD_FAILURE_BACKOFF_S * 2 ** (failed - 1));
}

export function completionIndexOf(pod: Pod): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** "1,3-5,7" as status.completedIndexes writes intervals. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(end === start ? String(start) : `${start}-${end}`);
  }
  return parts.join(',');
}

export function parseIndexes(s: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** Indexes (lowest first) that have neither succeeded nor an active pod, up to `room` of them. */
export function indexesToCreate(completions: number, succeeded: Set<number>, activePods: Pod[], room: number): number[] {
  const active = new Set(activePods.map(completionIndexOf));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < room; i++) if (!succeeded.has(i) && !active.has(i)) out.push(i);
  return out;
}
