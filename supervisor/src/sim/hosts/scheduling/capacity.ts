import type { KubeObject } from '../../../api/types';
import type { Store, StoreEvent } from '../../../storage/store';
import { parseQuantity } from '../../../util/quantity';
import type { CapacityConsumer, Resources } from '../../contracts';
import { PODS_TABLE, TAINT_NOT_READY, TAINT_UNREACHABLE } from '../constants';
import { readyStatus } from '../node-status';
import { taintsOf, type Taint } from '../taints';
import type { NodeCandidate, NodeCapacity } from './filters';
import { podNonZeroRequests, podRequests } from './pod-requests';

/**
 * What is reserved on each host: the pods bound to it (kept incrementally from the pod event
 * stream, so scheduling stays O(hosts) with 100,000 objects in the store) plus the registered
 * capacity consumers (powered-on VMs). Pods count while bound and not terminal — terminating
 * pods still hold their resources, as in kube-scheduler's cache.
 */
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

interface PodEntry {
  node: string;
  req: Resources;
  nonZero: Resources;
}

interface NodeTotals {
  keys: Set<string>;
  cpu: number;
  memory: number;
  nzCpu: number;
  nzMemory: number;
}

export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

export function boundNode(pod: KubeObject): string | undefined {
  const spec = isObj(pod.spec) ? pod.spec : {};
  return typeof spec.nodeName === 'string' && spec.nodeName ? spec.nodeName : undefined;
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = isObj(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

export class PodIndex {
  private readonly pods = new Map<string, PodEntry>();
  private readonly nodes = new Map<string, NodeTotals>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    for (const s of store.list(PODS_TABLE)) this.set(podKey(s.obj), s.obj);
    this.unsubscribe = store.subscribe(PODS_TABLE, (e: StoreEvent) => this.set(`${e.namespace}/${e.name}`, e.type === 'DELETED' ? undefined : e.cur.obj));
  }

  private set(key: string, pod: KubeObject | undefined): void {
    const old = this.pods.get(key);
    if (old) {
      const t = this.nodes.get(old.node)!;
      t.keys.delete(key);
      t.cpu -= old.req.cpu;
      t.memory -= old.req.memory;
      t.nzCpu -= old.nonZero.cpu;
      t.nzMemory -= old.nonZero.memory;
      if (t.keys.size === 0) this.nodes.delete(old.node);
      this.pods.delete(key);
    }
    const node = pod && !isTerminal(pod) ? boundNode(pod) : undefined;
    if (!pod || !node) return;
    const spec = isObj(pod.spec) ? pod.spec : {};
    const entry: PodEntry = { node, req: podRequests(spec), nonZero: podNonZeroRequests(spec) };
    this.pods.set(key, entry);
    let t = this.nodes.get(node);
    if (!t) this.nodes.set(node, (t = { keys: new Set(), cpu: 0, memory: 0, nzCpu: 0, nzMemory: 0 }));
    t.keys.add(key);
    t.cpu += entry.req.cpu;
    t.memory += entry.req.memory;
    t.nzCpu += entry.nonZero.cpu;
    t.nzMemory += entry.nonZero.memory;
  }

  /** Keys ("namespace/name") of the non-terminal pods bound to a host. */
  podKeysOn(node: string): string[] {
    return [...(this.nodes.get(node)?.keys ?? [])];
  }

  podsOn(node: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of this.podKeysOn(node)) {
      const slash = key.indexOf('/');
      const s = this.store.get(PODS_TABLE, key.slice(0, slash), key.slice(slash + 1));
      if (s) out.push(s.obj);
    }
    return out;
  }

  totals(node: string): { requested: NodeCapacity; nonZero: Resources } {
    const t = this.nodes.get(node);
    if (!t) return { requested: { cpu: 0, memory: 0, pods: 0 }, nonZero: { cpu: 0, memory: 0 } };
    return { requested: { cpu: t.cpu, memory: t.memory, pods: t.keys.size }, nonZero: { cpu: t.nzCpu, memory: t.nzMemory } };
  }

  stop(): void {
    this.unsubscribe();
  }
}

/** Registered consumer sources; their totals are computed once per macrotask and reused within it. */
export class Consumers {
  private readonly sources: (() => CapacityConsumer[])[] = [];
  private cache: Map<string, Resources> | undefined;

  add(source: () => CapacityConsumer[]): void {
    this.sources.push(source);
    this.cache = undefined;
  }

  list(): CapacityConsumer[] {
    const out: CapacityConsumer[] = [];
    for (const s of this.sources) {
      try {
        out.push(...s());
      } catch {
        // A failing source reserves nothing rather than blocking every placement.
      }
    }
    return out;
  }

  byNode(): Map<string, Resources> {
    if (this.cache) return this.cache;
    const totals = new Map<string, Resources>();
    for (const c of this.list()) {
      const t = totals.get(c.node) ?? { cpu: 0, memory: 0 };
      t.cpu += c.requests.cpu;
      t.memory += c.requests.memory;
      totals.set(c.node, t);
    }
    this.cache = totals;
    setImmediate(() => (this.cache = undefined));
    return totals;
  }

  find(key: string): CapacityConsumer | undefined {
    return this.list().find((c) => c.key === key);
  }
}

export function allocatableOf(node: KubeObject): NodeCapacity {
  const status = isObj(node.status) ? node.status : {};
  const alloc = isObj(status.allocatable) && Object.keys(status.allocatable).length ? status.allocatable : isObj(status.capacity) ? status.capacity : {};
  return { cpu: parseQuantity(alloc.cpu) ?? 0, memory: parseQuantity(alloc.memory) ?? 0, pods: parseQuantity(alloc.pods) ?? 0 };
}

/**
 * Taints the scheduler sees: spec.taints plus, for a host that is failed or not Ready, the
 * NoSchedule taint the node lifecycle controller adds (or will add once the grace period ends),
 * so nothing lands on a host whose spherelet is gone.
 */
export function effectiveTaints(node: KubeObject, down: boolean): Taint[] {
  const taints = taintsOf(node.spec);
  const ready = readyStatus(node);
  const implied = down || ready === 'Unknown' ? TAINT_UNREACHABLE : ready === 'True' ? undefined : TAINT_NOT_READY;
  if (implied && !taints.some((t) => t.key === implied && t.effect === 'NoSchedule')) taints.push({ key: implied, effect: 'NoSchedule' });
  return taints;
}

export interface CandidateInputs {
  index: PodIndex;
  consumers: Map<string, Resources>;
  isDown(node: string): boolean;
  /** A consumer whose current reservation is not counted (resizing or re-placing it). */
  exclude?: CapacityConsumer;
}

export function candidateFor(node: KubeObject, inputs: CandidateInputs): NodeCandidate {
  const name = node.metadata.name ?? '';
  const { requested, nonZero } = inputs.index.totals(name);
  const extra = inputs.consumers.get(name) ?? { cpu: 0, memory: 0 };
  const minus = inputs.exclude && inputs.exclude.node === name ? inputs.exclude.requests : { cpu: 0, memory: 0 };
  const spec = isObj(node.spec) ? node.spec : {};
  return {
    name,
    labels: node.metadata.labels ?? {},
    taints: effectiveTaints(node, inputs.isDown(name)),
    unschedulable: spec.unschedulable === true,
    allocatable: allocatableOf(node),
    requested: { cpu: requested.cpu + extra.cpu - minus.cpu, memory: requested.memory + extra.memory - minus.memory, pods: requested.pods },
    nonZeroRequested: { cpu: nonZero.cpu + extra.cpu - minus.cpu, memory: nonZero.memory + extra.memory - minus.memory },
  };
}
