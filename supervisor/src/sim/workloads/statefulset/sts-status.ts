import { isPodAvailable, isRunningAndReady } from '../kit/pod-state';
import type { Pod, StatefulSet, StatefulSetStatus } from '../kit/types';
import { podRevision } from './sts-identity';

/**
 * StatefulSet status (stateful_set_control.go computeReplicaStatus and completeRollingUpdate):
 * counts of pods, ready, available, and pods at the current and update revisions; once every pod
 * is updated and ready, the update revision becomes the current one.
 */
export function computeStatus(set: StatefulSet, pods: Pod[], current: string, update: string, collisionCount: number, nowMs: number, scale: number): StatefulSetStatus {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let currentReplicas = 0;
  let updated = 0;
  for (const pod of pods) {
    if (!pod.status?.phase) continue;
    replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isPodAvailable(pod, set.spec.minReadySeconds ?? 0, nowMs, scale)) available++;
    }
    if (pod.metadata.deletionTimestamp) continue;
    if (podRevision(pod) === current) currentReplicas++;
    if (podRevision(pod) === update) updated++;
  }
  const status: StatefulSetStatus = { replicas, availableReplicas: available, currentRevision: current, updateRevision: update, collisionCount };
  if (set.metadata.generation) status.observedGeneration = set.metadata.generation;
  if (ready) status.readyReplicas = ready;
  if (currentReplicas) status.currentReplicas = currentReplicas;
  if (updated) status.updatedReplicas = updated;
  const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && updated === replicas && ready === replicas) {
    status.currentRevision = update;
    if (updated) status.currentReplicas = updated;
    else delete status.currentReplicas;
  }
  if (set.status?.conditions?.length) status.conditions = set.status.conditions;
  return status;
}
