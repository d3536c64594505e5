import { condition, conditionsOf, type Condition, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';

/** Shared readiness rules: a Ready-style condition, or failing conditions spelled out as reasons. */
export function describeCondition(c: Condition): string {
  const what = c.reason ? `${c.type}: ${c.reason}` : `${c.type} is ${c.status}`;
  return c.message ? `${what} — ${c.message}` : what;
}

/** Conditions that say something is wrong (False for positive types, True for negative ones). */
export function failingConditions(obj: KubeObject, negativeTypes: string[] = []): Condition[] {
  return conditionsOf(obj).filter((c) => (negativeTypes.includes(c.type) ? c.status === 'True' : c.status === 'False' && !negativeTypes.includes(c.type)));
}

/** The generic rule (a): a `Ready` condition, falling back to the object's phase. */
export function genericStatus(obj: KubeObject): StatusSummary {
  const ready = condition(obj, 'Ready') ?? condition(obj, 'Available');
  if (ready) {
    if (ready.status === 'True') return { health: 'healthy', text: 'Ready' };
    const reasons = failingConditions(obj).map(describeCondition);
    return { health: ready.status === 'False' ? 'warning' : 'progressing', text: ready.reason ?? 'Not ready', reasons };
  }
  const phase = obj.status?.phase;
  if (typeof phase === 'string') {
    if (/fail|error/i.test(phase)) return { health: 'error', text: phase };
    if (/pend|creat|provision|progress|init/i.test(phase)) return { health: 'progressing', text: phase };
    return { health: 'healthy', text: phase };
  }
  return { health: 'unknown', text: obj.metadata.deletionTimestamp ? 'Terminating' : '' };
}
