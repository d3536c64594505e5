/**
 * Condition lists as controller-runtime's `meta.SetStatusCondition` maintains them: one entry per
 * type, in first-set order; `lastTransitionTime` changes only when the status changes.
 */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export function findCondition<T extends { type: string }>(conditions: readonly T[] | undefined, type: string): T | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

export function isConditionTrue(conditions: readonly { type: string; status: string }[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

/** Returns a new list with `next` set; keeps the old transition time when the status is unchanged. */
export function setCondition(conditions: readonly Condition[] | undefined, next: Condition, now: string): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) {
    list.push({ ...next, lastTransitionTime: next.lastTransitionTime ?? now });
    return list;
  }
  const old = list[i]!;
  list[i] = { ...next, lastTransitionTime: old.status === next.status ? (old.lastTransitionTime ?? now) : now };
  return list;
}
