import { timestamp } from '../../core/metadata';

/**
 * metav1.Condition lists as vm-operator's pkg/conditions keeps them: one entry per type, Ready
 * first and the rest sorted by type, `reason: "True"` and an empty message when marked true.
 * lastTransitionTime moves when the status changes and also when the reason changes, because
 * the simulated controllers use it to time in-flight operations (PoweringOn, Creating, ...).
 */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export function conditionsOf(status: unknown): Condition[] {
  const list = status && typeof status === 'object' ? (status as { conditions?: unknown }).conditions : undefined;
  return Array.isArray(list) ? (list as Condition[]) : [];
}

export function getCondition(list: Condition[], type: string): Condition | undefined {
  return list.find((c) => c.type === type);
}

export function isTrue(list: Condition[], type: string): boolean {
  return getCondition(list, type)?.status === 'True';
}

function order(a: Condition, b: Condition): number {
  if (a.type === 'Ready') return -1;
  if (b.type === 'Ready') return 1;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

export function setCondition(list: Condition[], type: string, status: ConditionStatus, reason: string, message: string, now: Date): Condition[] {
  const existing = getCondition(list, type);
  const moved = !existing || existing.status !== status || existing.reason !== reason;
  const next: Condition = { type, status, reason, message, lastTransitionTime: moved ? timestamp(now) : existing.lastTransitionTime };
  return [...list.filter((c) => c.type !== type), next].sort(order);
}

export function markTrue(list: Condition[], type: string, now: Date): Condition[] {
  return setCondition(list, type, 'True', 'True', '', now);
}

export function markFalse(list: Condition[], type: string, reason: string, message: string, now: Date): Condition[] {
  return setCondition(list, type, 'False', reason, message, now);
}

export function removeCondition(list: Condition[], type: string): Condition[] {
  return list.filter((c) => c.type !== type);
}

/** When the condition last moved, in epoch ms (0 if absent or unparsable). */
export function sinceMs(list: Condition[], type: string): number {
  const t = Date.parse(getCondition(list, type)?.lastTransitionTime ?? '');
  return Number.isNaN(t) ? 0 : t;
}
