import type { Deployment, Pod, ReplicaSet } from '../kit/types';
import type { DeploymentActions } from './deployment-actions';
import { deploymentComplete } from './deployment-status';
import { activeReplicaSets, byCreation, bySize, findActiveOrLatest } from './replica-sets';
import { isRollingUpdate, isSaturated, maxSurge, maxUnavailable, newRSNewReplicas, replicaSetProportion, replicasOf, specReplicas, statusReplicas } from './rollout-math';

/**
 * The rollout strategies (deployment/rolling.go, recreate.go) and proportional scaling
 * (sync.go scale): RollingUpdate grows the new ReplicaSet within maxSurge and shrinks old ones
 * within maxUnavailable, unhealthy old replicas first; Recreate scales every old ReplicaSet to
 * zero and waits for their pods to be gone before scaling the new one up.
 */
function defined(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs);
}

export function rolloutRolling(a: DeploymentActions, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = a.allReplicaSets(d, rsList, true);
  const allRSs = defined([...oldRSs, newRS]);
  if (newRS && reconcileNewReplicaSet(a, allRSs, newRS, d)) return a.syncRolloutStatus(allRSs, newRS, d);
  if (newRS && reconcileOldReplicaSets(a, allRSs, activeReplicaSets(oldRSs), newRS, d)) return a.syncRolloutStatus(allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) a.cleanup(oldRSs, d);
  a.syncRolloutStatus(allRSs, newRS, d);
}

function reconcileNewReplicaSet(a: DeploymentActions, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (replicasOf(newRS) === replicasOf(d)) return false;
  if (replicasOf(newRS) > replicasOf(d)) return a.scaleAndRecord(newRS, replicasOf(d), d).scaled;
  return a.scaleAndRecord(newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

function reconcileOldReplicaSets(a: DeploymentActions, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  const oldPods = specReplicas(oldRSs);
  if (oldPods === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { rss: cleaned, count: cleanupCount } = cleanupUnhealthyReplicas(a, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(a, [...cleaned, newRS], cleaned, d);
  return cleanupCount + scaledDown > 0;
}

function cleanupUnhealthyReplicas(a: DeploymentActions, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): { rss: ReplicaSet[]; count: number } {
  const rss = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < rss.length; i++) {
    const rs = rss[i]!;
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanup - total, replicasOf(rs) - available);
    rss[i] = a.scaleAndRecord(rs, replicasOf(rs) - count, d).rs;
    total += count;
  }
  return { rss, count: total };
}

function scaleDownOldForRollingUpdate(a: DeploymentActions, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = statusReplicas(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), target - total);
    a.scaleAndRecord(rs, replicasOf(rs) - count, d);
    total += count;
  }
  return total;
}

/** Pods of old ReplicaSets that are not finished (recreate.go oldPodsRunning). */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podsOf: (rs: ReplicaSet) => Pod[]): boolean {
  if (statusReplicas(oldRSs, 'replicas') > 0) return true;
  return oldRSs.some((rs) => rs.metadata.uid !== newRS?.metadata.uid && podsOf(rs).some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded'));
}

export function rolloutRecreate(a: DeploymentActions, d: Deployment, rsList: ReplicaSet[], podsOf: (rs: ReplicaSet) => Pod[]): void {
  let { newRS, oldRSs } = a.allReplicaSets(d, rsList, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if (a.scaleAndRecord(rs, 0, d).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podsOf)) return a.syncRolloutStatus(defined([...oldRSs, newRS]), newRS, d);
  if (!newRS) ({ newRS, oldRSs } = a.allReplicaSets(d, rsList, true));
  if (newRS) newRS = a.scaleAndRecord(newRS, replicasOf(d), d).rs;
  if (deploymentComplete(d, d.status ?? {})) a.cleanup(oldRSs, d);
  a.syncRolloutStatus(defined([...oldRSs, newRS]), newRS, d);
}

/** sync.go scale: a resize while paused or mid-rollout, spread over the active ReplicaSets in proportion. */
export function scaleDeployment(a: DeploymentActions, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) !== replicasOf(d)) a.scaleAndRecord(activeOrLatest, replicasOf(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const rs of activeReplicaSets(oldRSs)) a.scaleAndRecord(rs, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(all);
  let operation = '';
  if (toAdd > 0) {
    all.sort(bySize(false));
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(bySize(true));
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name ?? '', replicasOf(rs) + p);
      added += p;
    } else sizes.set(rs.metadata.name ?? '', replicasOf(rs));
  }
  all.forEach((rs, i) => {
    const name = rs.metadata.name ?? '';
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    a.scale(rs, sizes.get(name) ?? replicasOf(rs), d, operation);
  });
}
