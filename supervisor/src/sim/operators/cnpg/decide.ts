import type { ClusterView, Instance } from './model';
import { instanceName } from './model';

/**
 * The CloudNativePG reconcile decision, one step at a time as the real operator takes it
 * (`internal/controller/cluster_controller.go`, `cluster_create.go`, `cluster_scale.go`):
 * bootstrap the primary with an initdb Job, turn initialized PVCs into instance Pods, promote
 * the target primary, fail over when the primary is gone, then add replicas one at a time
 * (each through a join Job) or remove the highest-serial replica, and report the phase.
 */
export const PHASE = {
  firstPrimary: 'Setting up primary',
  creatingReplica: 'Creating a new replica',
  waitingActive: 'Waiting for the instances to become active',
  failOver: 'Failing over',
  upgrade: 'Upgrading cluster',
  inplacePrimaryRestart: 'Primary instance is being restarted in-place',
  healthy: 'Cluster in healthy state',
  unrecoverable: 'Cluster is unrecoverable and needs manual intervention',
} as const;

export type Action =
  | { kind: 'create-primary'; serial: number }
  | { kind: 'pvc-ready'; instance: string }
  | { kind: 'delete-pod'; instance: string }
  | { kind: 'failover'; from: string; to: string }
  | { kind: 'create-pod'; instance: string; role: 'primary' | 'replica' }
  | { kind: 'promote'; instance: string }
  | { kind: 'relabel'; instance: string; role: 'primary' | 'replica' }
  | { kind: 'create-replica'; serial: number }
  | { kind: 'scale-down'; instance: string }
  | { kind: 'upgrade-pod'; instance: string }
  | { kind: 'none' };

export interface Decision {
  action: Action;
  phase: string;
  phaseReason: string;
}

const decision = (action: Action, phase: string, phaseReason = ''): Decision => ({ action, phase, phaseReason });

/** The replica CloudNativePG sacrifices on scale-down: never the primary, not-ready first, then the highest serial. */
export function sacrificialInstance(view: ClusterView): Instance | undefined {
  const candidates = view.instances.filter((i) => i.name !== view.currentPrimary && i.name !== view.targetPrimary);
  const notReady = candidates.filter((i) => !i.ready);
  const pool = notReady.length ? notReady : candidates;
  return pool.sort((a, b) => b.serial - a.serial)[0];
}

function primaryReady(view: ClusterView): boolean {
  return !!view.instances.find((i) => i.name === view.currentPrimary)?.ready;
}

function primaryGone(view: ClusterView): boolean {
  return !!view.currentPrimary && view.currentPrimary === view.targetPrimary && !primaryReady(view);
}

/** While the primary restarts in place (rolling update, method `restart`) it is not failed over. */
export function nextAction(view: ClusterView): Decision {
  const d = decide(view);
  const restartingPrimary = view.previousPhase === PHASE.inplacePrimaryRestart && !primaryReady(view);
  return restartingPrimary && d.phase === PHASE.waitingActive ? { ...d, phase: PHASE.inplacePrimaryRestart, phaseReason: `Restarting primary instance ${view.currentPrimary} in-place` } : d;
}

function decide(view: ClusterView): Decision {
  const { instances } = view;
  if (instances.length === 0) {
    if (view.latestGeneratedNode !== 0) {
      return decision({ kind: 'none' }, PHASE.unrecoverable, 'One or more instances were previously created, but no PersistentVolumeClaims (PVCs) exist. The cluster is in an unrecoverable state. To resolve this, restore the cluster from a recent backup.');
    }
    return decision({ kind: 'create-primary', serial: 1 }, PHASE.firstPrimary, `Creating primary instance ${instanceName(view.name, 1)}`);
  }

  const initialized = instances.find((i) => i.pvcStatus === 'initializing' && i.jobDone);
  if (initialized) return decision({ kind: 'pvc-ready', instance: initialized.name }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');

  if (primaryGone(view) && view.previousPhase !== PHASE.inplacePrimaryRestart) {
    const candidate = instances.filter((i) => i.ready && i.name !== view.currentPrimary).sort((a, b) => a.serial - b.serial)[0];
    if (candidate) return decision({ kind: 'failover', from: view.currentPrimary, to: candidate.name }, PHASE.failOver, `Failing over from ${view.currentPrimary} to ${candidate.name}`);
  }

  const terminated = instances.find((i) => i.pod && i.podTerminated);
  if (terminated) return decision({ kind: 'delete-pod', instance: terminated.name }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');

  const podless = instances.find((i) => !i.pod && i.pvcStatus === 'ready');
  if (podless) {
    const role = podless.name === view.targetPrimary ? 'primary' : 'replica';
    return decision({ kind: 'create-pod', instance: podless.name, role }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');
  }

  const target = instances.find((i) => i.name === view.targetPrimary);
  if (target?.ready && view.currentPrimary !== view.targetPrimary) return decision({ kind: 'promote', instance: target.name }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');

  // The instance manager labels its pod with the role it plays; the target primary is the one promoted.
  for (const i of instances) {
    if (!i.pod) continue;
    const want = i.name === view.targetPrimary ? 'primary' : 'replica';
    if (i.role !== want) return decision({ kind: 'relabel', instance: i.name, role: want }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');
  }

  const bootstrapping = instances.find((i) => i.pvcStatus === 'initializing');
  if (bootstrapping) {
    return bootstrapping.name === view.targetPrimary && !view.currentPrimary
      ? decision({ kind: 'none' }, PHASE.firstPrimary, `Creating primary instance ${bootstrapping.name}`)
      : decision({ kind: 'none' }, PHASE.creatingReplica, `Creating replica ${bootstrapping.name}-join`);
  }
  if (instances.some((i) => !i.ready)) return decision({ kind: 'none' }, PHASE.waitingActive, 'Some instances are not yet active. Please wait.');

  if (instances.length < view.spec.instances) {
    const serial = Math.max(view.latestGeneratedNode, ...instances.map((i) => i.serial)) + 1;
    return decision({ kind: 'create-replica', serial }, PHASE.creatingReplica, `Creating replica ${instanceName(view.name, serial)}-join`);
  }
  if (instances.length > view.spec.instances) {
    const victim = sacrificialInstance(view);
    if (victim) return decision({ kind: 'scale-down', instance: victim.name }, PHASE.healthy);
  }
  // Rolling update: replicas first (highest serial first), the primary last, restarted in place.
  const outdated = instances.filter((i) => i.outdated).sort((a, b) => b.serial - a.serial);
  const replica = outdated.find((i) => i.name !== view.currentPrimary);
  if (replica) return decision({ kind: 'upgrade-pod', instance: replica.name }, PHASE.upgrade, `Restarting instance ${replica.name}, because: ${replica.outdated}`);
  if (outdated[0]) return decision({ kind: 'upgrade-pod', instance: outdated[0].name }, PHASE.inplacePrimaryRestart, `Restarting primary instance ${outdated[0].name} in-place, because: ${outdated[0].outdated}`);
  return decision({ kind: 'none' }, PHASE.healthy);
}
