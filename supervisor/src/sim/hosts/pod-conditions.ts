/**
 * Pod conditions as api/v1/pod.UpdatePodCondition changes them: a condition's
 * lastTransitionTime moves only when its status changes, and a write is needed only when
 * status, reason or message differ.
 */
export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

const isCondition = (v: unknown): v is PodCondition => !!v && typeof v === 'object' && typeof (v as PodCondition).type === 'string';

/** The conditions with `cond` set, or undefined when nothing would change. */
export function upsertPodCondition(conditions: unknown, cond: PodCondition, now: string): PodCondition[] | undefined {
  const list = Array.isArray(conditions) ? conditions.filter(isCondition) : [];
  const i = list.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? list[i] : undefined;
  if (old && old.status === cond.status && (old.reason ?? '') === (cond.reason ?? '') && (old.message ?? '') === (cond.message ?? '')) return undefined;
  const next: PodCondition = { ...cond, lastTransitionTime: old && old.status === cond.status && old.lastTransitionTime ? old.lastTransitionTime : now };
  if (!('lastProbeTime' in cond)) next.lastProbeTime = old?.lastProbeTime ?? null;
  for (const k of ['reason', 'message'] as const) if (next[k] === undefined) delete next[k];
  const out = [...list];
  if (i >= 0) out[i] = next;
  else out.push(next);
  return out;
}
