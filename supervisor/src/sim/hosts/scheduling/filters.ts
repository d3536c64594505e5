import type { Resources, Toleration } from '../../contracts';
import { TAINT_UNSCHEDULABLE } from '../constants';
import { isTolerated, taintReason, untoleratedTaint, type Taint } from '../taints';
import { matchesNodeSelector, matchesRequiredAffinity, type NodeAffinity } from './node-affinity';

/**
 * kube-scheduler's Filter plugins, in its order and with its reasons: NodeUnschedulable,
 * TaintToleration, NodeAffinity (nodeSelector + required node affinity) and NodeResourcesFit.
 * Like the framework, a node stops at the first plugin that rejects it; the resource plugin
 * reports every resource that is short. "Unresolvable" rejections are the ones preemption
 * cannot help with.
 */
export interface NodeCapacity {
  cpu: number;
  memory: number;
  pods: number;
}

export interface NodeCandidate {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** spec.taints plus the NoSchedule taint implied by a host that is not Ready (see capacity.ts). */
  taints: readonly Taint[];
  unschedulable: boolean;
  allocatable: NodeCapacity;
  /** What pods and other consumers already reserve there. */
  requested: NodeCapacity;
  /** The same with kube-scheduler's non-zero defaults, for scoring. */
  nonZeroRequested: Resources;
}

export interface SchedulingRequest {
  requests: Resources;
  nonZeroRequests: Resources;
  /** Pods take one of the host's pod slots; VMs do not. */
  podSlot: boolean;
  nodeSelector?: Readonly<Record<string, string>>;
  affinity?: NodeAffinity;
  tolerations: readonly Toleration[];
  /** Hosts ruled out by the caller (a VM restarting away from a failed host). */
  avoid?: readonly string[];
}

export interface FilterResult {
  /** Empty when the node fits. */
  reasons: string[];
  unresolvable: boolean;
}

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_EXCLUDED = 'node(s) were excluded by the placement request';
export const REASON_TOO_MANY_PODS = 'Too many pods';

const FITS: FilterResult = Object.freeze({ reasons: [], unresolvable: false }) as FilterResult;

/** Whole millicores and bytes, so 0.1 + 0.2 compares like Kubernetes' integer quantities. */
const milli = (cpu: number): number => Math.round(cpu * 1000);

export function resourceReasons(node: NodeCandidate, req: SchedulingRequest): string[] {
  const reasons: string[] = [];
  if (req.podSlot && node.requested.pods + 1 > node.allocatable.pods) reasons.push(REASON_TOO_MANY_PODS);
  const cpu = milli(req.requests.cpu);
  if (cpu > 0 && cpu > milli(node.allocatable.cpu) - milli(node.requested.cpu)) reasons.push('Insufficient cpu');
  const mem = Math.round(req.requests.memory);
  if (mem > 0 && mem > Math.round(node.allocatable.memory) - Math.round(node.requested.memory)) reasons.push('Insufficient memory');
  return reasons;
}

export function filterNode(node: NodeCandidate, req: SchedulingRequest): FilterResult {
  if (req.avoid?.includes(node.name)) return { reasons: [REASON_EXCLUDED], unresolvable: true };
  if (node.unschedulable && !isTolerated({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' }, req.tolerations)) {
    return { reasons: [REASON_UNSCHEDULABLE], unresolvable: true };
  }
  const taint = untoleratedTaint(node.taints, req.tolerations);
  if (taint) return { reasons: [taintReason(taint)], unresolvable: true };
  if (!matchesNodeSelector(req.nodeSelector, node.labels) || !matchesRequiredAffinity(req.affinity, node)) {
    return { reasons: [REASON_AFFINITY], unresolvable: true };
  }
  const short = resourceReasons(node, req);
  return short.length ? { reasons: short, unresolvable: false } : FITS;
}
