import { getCondition, newCondition, removeCondition, setCondition } from '../kit/conditions';
import { simSecondsLeft } from '../kit/sim-time';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../kit/types';
import { maxUnavailable, replicasOf, specReplicas, statusReplicas } from './rollout-math';

/**
 * Deployment status and conditions (deployment/sync.go calculateStatus, progress.go):
 * Available (MinimumReplicasAvailable / MinimumReplicasUnavailable) and Progressing
 * (NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated, NewReplicaSetAvailable,
 * ProgressDeadlineExceeded, DeploymentPaused/DeploymentResumed), with the deadline measured in
 * simulated time.
 */
export const REASON = {
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  failedRSCreate: 'ReplicaSetCreateError',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const;

const NO_DEADLINE = 2147483647;

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== NO_DEADLINE;
}

export function calculateStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment, now: Date): DeploymentStatus {
  const available = statusReplicas(allRSs, 'availableReplicas');
  const unavailable = Math.max(0, specReplicas(allRSs) - available);
  const status: DeploymentStatus = {};
  if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
  const put = (field: 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas' | 'unavailableReplicas', n: number): void => {
    if (n) status[field] = n;
  };
  put('replicas', statusReplicas(allRSs, 'replicas'));
  put('updatedReplicas', statusReplicas([newRS], 'replicas'));
  put('readyReplicas', statusReplicas(allRSs, 'readyReplicas'));
  put('availableReplicas', available);
  put('unavailableReplicas', unavailable);
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const cond =
    available >= replicasOf(d) - maxUnavailable(d)
      ? newCondition('Available', 'True', REASON.minAvailable, 'Deployment has minimum availability.', now)
      : newCondition('Available', 'False', REASON.minUnavailable, 'Deployment does not have minimum availability.', now);
  status.conditions = setCondition(d.status?.conditions, cond);
  return status;
}

export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number, scale: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s.conditions, 'Progressing');
  if (!c || c.reason === REASON.newRSAvailable) return false;
  if (c.reason === REASON.timedOut) return true;
  return simSecondsLeft(c.lastUpdateTime, d.spec.progressDeadlineSeconds ?? 600, nowMs, scale) <= 0;
}

/** The status syncRolloutStatus writes: calculateStatus plus the Progressing and ReplicaFailure conditions. */
export function rolloutStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment, nowMs: number, scale: number): DeploymentStatus {
  const now = new Date(nowMs);
  const s = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) s.conditions = removeCondition(s.conditions, 'Progressing');
  const current = getCondition(d.status?.conditions, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && current?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, s)) {
      s.conditions = setCondition(s.conditions, newCondition('Progressing', 'True', REASON.newRSAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, s)) {
      const cond = newCondition('Progressing', 'True', REASON.rsUpdated, `${subject} is progressing.`, now);
      if (current?.status === 'True' && current.lastTransitionTime) cond.lastTransitionTime = current.lastTransitionTime;
      s.conditions = [...removeCondition(s.conditions, 'Progressing'), cond];
    } else if (deploymentTimedOut(d, s, nowMs, scale)) {
      s.conditions = setCondition(s.conditions, newCondition('Progressing', 'False', REASON.timedOut, `${subject} has timed out progressing.`, now));
    }
  }
  // A failure of the new ReplicaSet wins over those of old ones (getReplicaFailures).
  const failure = [...(newRS ? [newRS] : []), ...allRSs].map((rs) => getCondition(rs.status?.conditions, 'ReplicaFailure')).find((c) => c?.status === 'True');
  if (failure) s.conditions = setCondition(s.conditions, { ...failure, lastUpdateTime: failure.lastTransitionTime });
  else s.conditions = removeCondition(s.conditions, 'ReplicaFailure');
  return s;
}

/** Simulated seconds until the Progressing deadline passes, when a stuck rollout should be re-checked. */
export function secondsUntilDeadline(d: Deployment, s: DeploymentStatus, nowMs: number, scale: number): number | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const c = getCondition(s.conditions, 'Progressing');
  if (!c || c.reason === REASON.newRSAvailable || c.reason === REASON.timedOut || deploymentComplete(d, s)) return undefined;
  return simSecondsLeft(c.lastUpdateTime, d.spec.progressDeadlineSeconds ?? 600, nowMs, scale) + 1;
}
