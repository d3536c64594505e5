import type { Store } from '../../../storage/store';
import type { CapacityConsumer, Placement, PlacementRequest, PlacementResult, Resources } from '../../contracts';
import { LABEL_ZONE, NODES_TABLE } from '../constants';
import { readyStatus } from '../node-status';
import { candidateFor, type Consumers, type PodIndex } from './capacity';
import { filterNode, type FilterResult, type NodeCandidate, type SchedulingRequest } from './filters';
import { fitErrorMessage } from './fit-message';
import { selectHost } from './scoring';

/**
 * The Placement contract (sim/contracts.ts) on top of the scheduler's filters and scores, for
 * VM Service: a powered-on VM is placed like a pod without a pod slot, on a Ready host whose
 * allocatable CPU and memory still have room after pods and every other registered consumer.
 */
export interface PlacementDeps {
  store: Store;
  index: PodIndex;
  consumers: Consumers;
  isDown(node: string): boolean;
}

/** Candidates for every Node in the store, with current reservations. */
export function candidates(deps: PlacementDeps, exclude?: CapacityConsumer): NodeCandidate[] {
  const consumers = deps.consumers.byNode();
  return deps.store.list(NODES_TABLE).map((s) => candidateFor(s.obj, { index: deps.index, consumers, isDown: deps.isDown, exclude }));
}

/** Filters, then picks the best host; failures are collected for the message. */
export function findHost(nodes: readonly NodeCandidate[], req: SchedulingRequest): { node?: string; failures: FilterResult[] } {
  const feasible: NodeCandidate[] = [];
  const failures: FilterResult[] = [];
  for (const n of nodes) {
    const r = filterNode(n, req);
    if (r.reasons.length) failures.push(r);
    else feasible.push(n);
  }
  return { node: selectHost(feasible, req), failures };
}

export function createPlacement(deps: PlacementDeps): Placement {
  return {
    place(req: PlacementRequest): PlacementResult {
      const exclude = req.consumerKey ? deps.consumers.find(req.consumerKey) : undefined;
      const nodes = candidates(deps, exclude);
      const nodeSelector = { ...(req.nodeSelector ?? {}), ...(req.zone ? { [LABEL_ZONE]: req.zone } : {}) };
      const sreq: SchedulingRequest = {
        requests: req.requests,
        nonZeroRequests: req.requests,
        podSlot: false,
        nodeSelector,
        tolerations: req.tolerations ?? [],
        avoid: req.avoid,
      };
      const { node, failures } = findHost(nodes, sreq);
      if (!node) return { ok: false, message: fitErrorMessage(nodes.length, failures, { preemption: false }) };
      const zone = nodes.find((n) => n.name === node)?.labels[LABEL_ZONE];
      return zone ? { ok: true, node, zone } : { ok: true, node };
    },
    allocated(node: string): Resources {
      const pods = deps.index.totals(node).requested;
      const extra = deps.consumers.byNode().get(node) ?? { cpu: 0, memory: 0 };
      return { cpu: pods.cpu + extra.cpu, memory: pods.memory + extra.memory };
    },
    addConsumers(source: () => CapacityConsumer[]): void {
      deps.consumers.add(source);
    },
    isReady(node: string): boolean {
      const stored = deps.store.get(NODES_TABLE, '', node);
      return !!stored && !deps.isDown(node) && readyStatus(stored.obj) === 'True';
    },
  };
}
