import { isPodActive, isPodReady, maxContainerRestarts, podReadyTime } from '../kit/pod-state';
import type { Pod } from '../kit/types';

/**
 * Which pods a ReplicaSet deletes first when it scales down (controller.ActivePodsWithRanks with
 * LogarithmicScaleDown, as in 1.32): unscheduled before scheduled; Pending before Unknown before
 * Running; not ready before ready; lower pod-deletion-cost first; pods doubled up on a node with
 * more related pods first; recently ready before long ready (by log2 buckets of age); more
 * restarts first; newer before older (again by log2 buckets, then by uid).
 */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? 'Pending'] ?? 0;
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

function timeOf(t: string | null | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** log2 of the age in nanoseconds, floored; -1 for "no age", as logarithmicRankDiff. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Negative when pod a (at time ta) should go before pod b: zero times first, then later times. */
function compareTimes(ta: number | undefined, tb: number | undefined, now: number, uidA: string, uidB: string): number {
  if (ta === tb) return 0;
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff === 0) return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
  return diff < 0 ? -1 : 1;
}

export interface RankedPod {
  pod: Pod;
  /** Active related pods on the same node (more means "doubled up", deleted first). */
  rank: number;
}

export function comparePodsForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  if (phaseOrdinal(pa) !== phaseOrdinal(pb)) return phaseOrdinal(pa) - phaseOrdinal(pb);
  if (isPodReady(pa) !== isPodReady(pb)) return isPodReady(pa) ? 1 : -1;
  if (deletionCost(pa) !== deletionCost(pb)) return deletionCost(pa) - deletionCost(pb);
  if (a.rank !== b.rank) return b.rank - a.rank;
  const uidA = pa.metadata.uid ?? '';
  const uidB = pb.metadata.uid ?? '';
  if (isPodReady(pa) && isPodReady(pb)) {
    const c = compareTimes(timeOf(podReadyTime(pa)), timeOf(podReadyTime(pb)), now, uidA, uidB);
    if (c !== 0) return c;
  }
  const ra = maxContainerRestarts(pa);
  const rb = maxContainerRestarts(pb);
  if (ra.regular !== rb.regular) return rb.regular - ra.regular;
  if (ra.sidecar !== rb.sidecar) return rb.sidecar - ra.sidecar;
  return compareTimes(timeOf(pa.metadata.creationTimestamp), timeOf(pb.metadata.creationTimestamp), now, uidA, uidB);
}

/**
 * The `diff` pods to delete from `pods`, ranking by the other active pods of the same
 * controller family (`related`, e.g. all ReplicaSets of one Deployment) on each node.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => comparePodsForDeletion(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
