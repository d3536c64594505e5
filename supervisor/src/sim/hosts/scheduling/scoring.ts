import { isTolerated } from '../taints';
import type { NodeCandidate, SchedulingRequest } from './filters';
import { preferredAffinityWeight } from './node-affinity';

/**
 * kube-scheduler's default Score plugins that matter for hosts, with its weights:
 * NodeResourcesFit (LeastAllocated, weight 1), NodeResourcesBalancedAllocation (1),
 * TaintToleration (PreferNoSchedule taints, 3) and NodeAffinity (preferred terms, 2). Scores
 * are 0-100 per plugin. Ties, which upstream breaks at random, go to the host with fewer pods,
 * then by name, so placement is deterministic and still spreads.
 */
const MAX = 100;

function fraction(requested: number, allocatable: number): number {
  return allocatable > 0 ? Math.min(1, requested / allocatable) : 1;
}

/** LeastAllocated: the share of each resource left after placing, averaged over CPU and memory. */
export function leastAllocatedScore(node: NodeCandidate, req: SchedulingRequest): number {
  const cpu = 1 - fraction(node.nonZeroRequested.cpu + req.nonZeroRequests.cpu, node.allocatable.cpu);
  const mem = 1 - fraction(node.nonZeroRequested.memory + req.nonZeroRequests.memory, node.allocatable.memory);
  return Math.floor(((cpu + mem) / 2) * MAX);
}

/** BalancedAllocation: 100 × (1 − standard deviation of the CPU and memory fractions). */
export function balancedAllocationScore(node: NodeCandidate, req: SchedulingRequest): number {
  const cpu = fraction(node.requested.cpu + req.requests.cpu, node.allocatable.cpu);
  const mem = fraction(node.requested.memory + req.requests.memory, node.allocatable.memory);
  return Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX);
}

function preferNoScheduleCount(node: NodeCandidate, req: SchedulingRequest): number {
  return node.taints.filter((t) => t.effect === 'PreferNoSchedule' && !isTolerated(t, req.tolerations)).length;
}

/** Upstream's DefaultNormalizeScore: scale to 0-100 by the maximum, optionally reversed. */
function normalize(raw: number[], reverse: boolean): number[] {
  const top = Math.max(0, ...raw);
  return raw.map((r) => {
    if (top === 0) return reverse ? MAX : 0;
    const s = Math.floor((r * MAX) / top);
    return reverse ? MAX - s : s;
  });
}

export interface ScoredNode {
  name: string;
  score: number;
}

export function scoreNodes(feasible: readonly NodeCandidate[], req: SchedulingRequest): ScoredNode[] {
  const taintScores = normalize(feasible.map((n) => preferNoScheduleCount(n, req)), true);
  const affinityScores = normalize(feasible.map((n) => preferredAffinityWeight(req.affinity, n)), false);
  return feasible.map((n, i) => ({
    name: n.name,
    score: leastAllocatedScore(n, req) + balancedAllocationScore(n, req) + 3 * taintScores[i]! + 2 * affinityScores[i]!,
  }));
}

/** The best feasible host, or undefined when there is none. */
export function selectHost(feasible: readonly NodeCandidate[], req: SchedulingRequest): string | undefined {
  const scored = scoreNodes(feasible, req);
  const pods = new Map(feasible.map((n) => [n.name, n.requested.pods]));
  scored.sort((a, b) => b.score - a.score || pods.get(a.name)! - pods.get(b.name)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored[0]?.name;
}
