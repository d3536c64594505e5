import { isPodAvailable, isRunningAndReady } from '../kit/pod-state';
import type { Pod, PodTemplate, StatefulSet } from '../kit/types';
import { inOrdinalRange, ordinalOf, podRevision, startOrdinal } from './sts-identity';

/**
 * One StatefulSet sync step as a plan (stateful_set_control.go updateStatefulSet): create
 * missing pods in ordinal order, replace failed or completed ones, remove condemned pods from
 * the highest ordinal down, then roll pods of an old revision from the highest ordinal down to
 * the partition. With podManagementPolicy OrderedReady ("monotonic") every step waits for the
 * pods before it to be Running and Ready (and available after minReadySeconds); Parallel does
 * not wait. The controller executes the actions in order and stops at the first failure.
 */
export type StsAction =
  | { kind: 'create'; ordinal: number; revision: string; template: PodTemplate }
  | { kind: 'delete'; pod: Pod; why: 'condemned' | 'update' | 'failed' | 'succeeded' };

export interface StsRevisions {
  current: { name: string; template: PodTemplate };
  update: { name: string; template: PodTemplate };
}

export interface StsPlan {
  actions: StsAction[];
  /** Simulated seconds after which to look again (a pod becoming available after minReadySeconds). */
  recheckAfterSeconds?: number;
}

function isTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/** newVersionedStatefulSetPod: pods below the partition keep the current revision. */
function revisionFor(set: StatefulSet, ordinal: number, rev: StsRevisions, currentReplicas: number): { name: string; template: PodTemplate } {
  const strategy = set.spec.updateStrategy;
  const start = startOrdinal(set);
  const rolling = (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && !strategy?.rollingUpdate && ordinal < start + currentReplicas) return rev.current;
  if (strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0)) return rev.current;
  return rev.update;
}

export function planStatefulSet(set: StatefulSet, pods: Pod[], rev: StsRevisions, nowMs: number, scale: number): StsPlan {
  const actions: StsAction[] = [];
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const minReady = set.spec.minReadySeconds ?? 0;
  const start = startOrdinal(set);
  const count = set.spec.replicas ?? 1;
  const replicas: (Pod | undefined)[] = new Array<Pod | undefined>(count).fill(undefined);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ord = ordinalOf(set, pod);
    if (ord === undefined) continue;
    if (inOrdinalRange(set, ord)) replicas[ord - start] = pod;
    else condemned.push(pod);
  }
  condemned.sort((a, b) => (ordinalOf(set, b) ?? 0) - (ordinalOf(set, a) ?? 0));
  const healthy = (p: Pod): boolean => isRunningAndReady(p) && isPodAvailable(p, minReady, nowMs, scale) && !isTerminating(p);
  const ascending = [...replicas.filter((p): p is Pod => !!p), ...condemned].sort((a, b) => (ordinalOf(set, a) ?? 0) - (ordinalOf(set, b) ?? 0));
  const firstUnhealthy = ascending.find((p) => !healthy(p));
  const currentReplicas = set.status?.currentReplicas ?? 0;
  let recheck: number | undefined;
  const done = (): StsPlan => ({ actions, ...(recheck !== undefined ? { recheckAfterSeconds: recheck } : {}) });

  if (set.metadata.deletionTimestamp) return done();
  for (let i = 0; i < count; i++) {
    const pod = replicas[i];
    const ordinal = start + i;
    if (!pod) {
      const r = revisionFor(set, ordinal, rev, currentReplicas);
      actions.push({ kind: 'create', ordinal, revision: r.name, template: r.template });
      if (monotonic) return done();
      continue;
    }
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      if (!isTerminating(pod)) actions.push({ kind: 'delete', pod, why: phase === 'Failed' ? 'failed' : 'succeeded' });
      if (monotonic) return done();
      continue;
    }
    if (!monotonic) continue;
    if (isTerminating(pod) || !isRunningAndReady(pod)) return done();
    if (!isPodAvailable(pod, minReady, nowMs, scale)) {
      recheck = minReady;
      return done();
    }
  }
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return done();
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && !healthy(pod) && firstUnhealthy !== undefined) return done();
    actions.push({ kind: 'delete', pod, why: 'condemned' });
    if (monotonic) return done();
  }
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'OnDelete') return done();
  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = count - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (!pod) continue;
    if (podRevision(pod) !== rev.update.name && !isTerminating(pod)) {
      actions.push({ kind: 'delete', pod, why: 'update' });
      return done();
    }
    if (!healthy(pod)) return done();
  }
  return done();
}
