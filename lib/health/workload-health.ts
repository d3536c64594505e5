import { condition, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { num } from '../resources/format';
import { describeCondition, failingConditions } from './conditions';

/** Deployments, ReplicaSets, StatefulSets, DaemonSets and Jobs from their status counters and conditions. */
export function replicasStatus(obj: KubeObject): StatusSummary {
  const desired = num(obj.spec?.replicas) ?? 1;
  const ready = num(obj.status?.readyReplicas) ?? 0;
  const updated = num(obj.status?.updatedReplicas) ?? ready;
  const text = `${ready}/${desired} ready`;
  const progressing = condition(obj, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { health: 'error', text, reasons: [describeCondition(progressing)] };
  const failure = condition(obj, 'ReplicaFailure');
  if (failure?.status === 'True') return { health: 'error', text, reasons: [describeCondition(failure)] };
  if (desired === 0) return { health: 'healthy', text: 'Scaled to 0' };
  const observed = num(obj.status?.observedGeneration);
  if (ready >= desired && updated >= desired && (observed === undefined || observed >= (obj.metadata.generation ?? 0))) return { health: 'healthy', text };
  const reasons = failingConditions(obj).map(describeCondition);
  if (ready < desired) reasons.unshift(`${desired - ready} of ${desired} replicas are not ready yet.`);
  return { health: 'progressing', text, reasons };
}

export function daemonSetStatus(obj: KubeObject): StatusSummary {
  const desired = num(obj.status?.desiredNumberScheduled) ?? 0;
  const ready = num(obj.status?.numberReady) ?? 0;
  return ready >= desired ? { health: 'healthy', text: `${ready}/${desired} ready` } : { health: 'progressing', text: `${ready}/${desired} ready` };
}

export function jobStatus(obj: KubeObject): StatusSummary {
  const failed = condition(obj, 'Failed');
  if (failed?.status === 'True') return { health: 'error', text: 'Failed', reasons: [describeCondition(failed)] };
  if (condition(obj, 'Complete')?.status === 'True') return { health: 'healthy', text: 'Complete' };
  if (obj.spec?.suspend === true) return { health: 'warning', text: 'Suspended' };
  const active = num(obj.status?.active) ?? 0;
  return { health: 'progressing', text: active ? `Running (${active} active)` : 'Pending' };
}

export function cronJobStatus(obj: KubeObject): StatusSummary {
  if (obj.spec?.suspend === true) return { health: 'warning', text: 'Suspended' };
  const active = Array.isArray(obj.status?.active) ? obj.status.active.length : 0;
  return { health: 'healthy', text: active ? `${active} running` : 'Scheduled' };
}
