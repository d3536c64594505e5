import { timestamp } from '../../../core/metadata';
import type { Condition } from './types';

/**
 * Status conditions with upstream's update rules (deploymentutil.SetDeploymentCondition and its
 * twins): a condition with the same status and reason is left alone; a status change moves
 * lastTransitionTime, otherwise it is kept.
 */
export function getCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

export function isConditionTrue(conditions: Condition[] | undefined, type: string): boolean {
  return getCondition(conditions, type)?.status === 'True';
}

export function removeCondition(conditions: Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

export function setCondition(conditions: Condition[] | undefined, next: Condition): Condition[] {
  const list = conditions ?? [];
  const current = getCondition(list, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return list;
  const condition = { ...next };
  if (current && current.status === next.status && current.lastTransitionTime) condition.lastTransitionTime = current.lastTransitionTime;
  return [...removeCondition(list, next.type), condition];
}

/** A deployment/replicaset-style condition stamped with both update and transition time. */
export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: Date): Condition {
  const at = timestamp(now);
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}
