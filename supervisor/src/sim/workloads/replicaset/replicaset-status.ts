import { selectorMatches } from '../kit/claim';
import { getCondition, newCondition, removeCondition, setCondition } from '../kit/conditions';
import { isPodAvailable, isPodReady } from '../kit/pod-state';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../kit/types';

/**
 * ReplicaSet status from its active pods (replicaset.calculateStatus): counts of all, fully
 * labeled, ready and available pods, and a ReplicaFailure condition (FailedCreate/FailedDelete
 * with the API's error message) while managing replicas fails. Zero counts are omitted, as the
 * API's `omitempty` fields are.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, pods: Pod[], manageError: Error | undefined, nowMs: number, scale: number): ReplicaSetStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (selectorMatches({ matchLabels: templateLabels }, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, rs.spec.minReadySeconds ?? 0, nowMs, scale)) available++;
    }
  }
  let conditions = rs.status?.conditions;
  const failure = getCondition(conditions, 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = setCondition(conditions, { ...newCondition('ReplicaFailure', 'True', reason, manageError.message, new Date(nowMs)), lastUpdateTime: undefined });
  } else if (!manageError && failure) {
    conditions = removeCondition(conditions, 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions?.length) status.conditions = conditions;
  return status;
}
