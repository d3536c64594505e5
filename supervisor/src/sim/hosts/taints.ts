import type { Toleration } from '../contracts';
import { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from './constants';

/**
 * Taints and tolerations (k8s.io/api core/v1 helpers): whether a toleration tolerates a taint,
 * the first taint a pod does not tolerate, and the taints the node lifecycle controller keeps on
 * a node for its readiness and cordon state.
 */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: string;
}

export type ReadyStatus = 'True' | 'False' | 'Unknown' | 'Missing';

/** Toleration.ToleratesTaint: effect and key must match when set; Exists ignores the value, Equal compares it. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

export function isTolerated(taint: Taint, tolerations: readonly Toleration[]): boolean {
  return tolerations.some((t) => tolerates(t, taint));
}

/** The first taint with one of `effects` that no toleration tolerates (kube-scheduler's TaintToleration filter). */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly TaintEffect[] = ['NoSchedule', 'NoExecute']): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !isTolerated(taint, tolerations));
}

/** kube-scheduler's wording for an untolerated taint: `{key: value}`. */
export function taintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** Taints whose presence the node lifecycle controller owns (key + effect). */
const MANAGED: readonly { key: string; effect: TaintEffect }[] = [
  { key: TAINT_NOT_READY, effect: 'NoSchedule' },
  { key: TAINT_NOT_READY, effect: 'NoExecute' },
  { key: TAINT_UNREACHABLE, effect: 'NoSchedule' },
  { key: TAINT_UNREACHABLE, effect: 'NoExecute' },
  { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' },
];

const managed = (t: Taint): boolean => MANAGED.some((m) => m.key === t.key && m.effect === t.effect);

/**
 * What the node lifecycle controller wants on a node: Ready=False → not-ready, Ready=Unknown →
 * unreachable (both NoSchedule, from TaintNodesByCondition, and NoExecute, for taint-based
 * eviction); spec.unschedulable → unschedulable:NoSchedule. A node whose kubelet never posted a
 * Ready condition gets none of them (upstream leaves that to the not-ready taint added at registration).
 */
export function desiredControllerTaints(ready: ReadyStatus, unschedulable: boolean): { key: string; effect: TaintEffect }[] {
  const out: { key: string; effect: TaintEffect }[] = [];
  if (ready === 'False') out.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') out.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, { key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  if (unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/**
 * The node's taints after the controller's pass: other taints untouched and in place, managed
 * taints that are no longer wanted removed, wanted ones added with `timeAdded` (as
 * SwapNodeControllerTaint does). Undefined when nothing changes.
 */
export function reconcileTaints(current: readonly Taint[], desired: readonly { key: string; effect: TaintEffect }[], now: string): Taint[] | undefined {
  const wanted = (t: Taint): boolean => desired.some((d) => d.key === t.key && d.effect === t.effect);
  const kept = current.filter((t) => !managed(t) || wanted(t));
  const added = desired.filter((d) => !current.some((t) => t.key === d.key && t.effect === d.effect)).map((d) => ({ key: d.key, effect: d.effect, timeAdded: now }));
  if (kept.length === current.length && added.length === 0) return undefined;
  return [...kept, ...added];
}

/** Reads `spec.taints` leniently (objects written by clients may be partial). */
export function taintsOf(spec: unknown): Taint[] {
  const list = spec && typeof spec === 'object' ? (spec as { taints?: unknown }).taints : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((t): t is Taint => !!t && typeof t === 'object' && typeof (t as Taint).key === 'string' && typeof (t as Taint).effect === 'string');
}

export function tolerationsOf(spec: unknown): Toleration[] {
  const list = spec && typeof spec === 'object' ? (spec as { tolerations?: unknown }).tolerations : undefined;
  return Array.isArray(list) ? list.filter((t): t is Toleration => !!t && typeof t === 'object') : [];
}
