import type { KubeObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../../controllers/work-queue';
import { timestamp } from '../../../core/metadata';
import { SYSTEM_USER } from '../../../core/objects';
import { clone, type StoreEvent } from '../../../storage/store';
import { NODES_TABLE, PODS_TABLE, QUEUE_MAX_BATCH, SCHEDULER } from '../constants';
import { tolerationsOf } from '../taints';
import { boundNode, isTerminal } from './capacity';
import type { SchedulingRequest } from './filters';
import { fitErrorMessage } from './fit-message';
import { nodeAffinityOf } from './node-affinity';
import { candidates, findHost, type PlacementDeps } from './placement';
import { podNonZeroRequests, podRequests } from './pod-requests';
import { upsertPodCondition, type PodCondition } from '../pod-conditions';

/**
 * The `default-scheduler`: binds each pending pod that names it (and no node) to the best
 * feasible host through the pods/binding path, sets PodScheduled and records `Scheduled`; when
 * nothing fits it records `FailedScheduling` with kube-scheduler's message and sets
 * PodScheduled=False/Unschedulable. Unschedulable pods are retried when the cluster changes
 * (hosts, freed pods, VMs) after a back-off (1 s doubling to 10 s, simulated), and at the latest
 * every 5 minutes, like kube-scheduler's unschedulable queue.
 */
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_MS = 30_000;
const VM_TABLE = 'vmoperator.vmware.com/virtualmachines';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export function needsScheduling(pod: KubeObject): boolean {
  const spec = isObj(pod.spec) ? pod.spec : {};
  if ((spec.schedulerName ?? SCHEDULER) !== SCHEDULER) return false;
  if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) return false;
  return !boundNode(pod) && !pod.metadata.deletionTimestamp && !isTerminal(pod);
}

export function schedulingRequestFor(pod: KubeObject): SchedulingRequest {
  const spec = isObj(pod.spec) ? pod.spec : {};
  return {
    requests: podRequests(spec),
    nonZeroRequests: podNonZeroRequests(spec),
    podSlot: true,
    nodeSelector: isObj(spec.nodeSelector) ? (spec.nodeSelector as Record<string, string>) : undefined,
    affinity: nodeAffinityOf(spec),
    tolerations: tolerationsOf(spec),
  };
}

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

interface Unschedulable {
  attempts: number;
  /** Real epoch ms of the last attempt. */
  at: number;
}

export function startScheduler(ctx: ControllerContext, deps: PlacementDeps): () => void {
  const { store, registry, objects } = ctx.core;
  const client = clientFor(ctx, 'kube-scheduler');
  const recorder = recorderFor(ctx, SCHEDULER);
  const unschedulable = new Map<string, Unschedulable>();

  const setCondition = (namespace: string, name: string, cond: PodCondition): void => {
    const s = store.get(PODS_TABLE, namespace, name);
    if (!s) return;
    const pod = clone<KubeObject>(s);
    const status = (isObj(pod.status) ? pod.status : {}) as Json;
    const next = upsertPodCondition(status.conditions, cond, timestamp(new Date()));
    if (!next) return;
    pod.status = { ...status, conditions: next };
    client.updateStatus('v1', 'pods', pod);
  };

  const bind = (pod: KubeObject, node: string): void => {
    const { namespace = '', name = '' } = pod.metadata;
    const rt = registry.lookup('', 'v1', 'pods')!;
    const existing = store.get(PODS_TABLE, namespace, name);
    if (!existing || boundNode(existing.obj)) return;
    const next = clone<KubeObject>(existing);
    (next.spec as Json).nodeName = node;
    objects.commitUpdate(rt, existing, next, { user: SYSTEM_USER, fieldManager: 'kube-scheduler', subresource: 'binding' });
    // The API server's binding sets PodScheduled=True (BindingREST.setPodNodeAndMetadata); done here as a status write.
    setCondition(namespace, name, { type: 'PodScheduled', status: 'True', lastProbeTime: null });
    recorder.record(existing.obj, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`);
  };

  const queue = new WorkQueue(SCHEDULER, (key) => {
    const { namespace, name } = splitKey(key);
    const stored = store.get(PODS_TABLE, namespace, name);
    if (!stored || !needsScheduling(stored.obj)) {
      unschedulable.delete(key);
      return;
    }
    const pod = stored.obj;
    const nodes = candidates(deps);
    const { node, failures } = findHost(nodes, schedulingRequestFor(pod));
    if (node) {
      unschedulable.delete(key);
      bind(pod, node);
      return;
    }
    const spec = isObj(pod.spec) ? pod.spec : {};
    const message = fitErrorMessage(nodes.length, failures, { preemption: true, preemptionPolicy: typeof spec.preemptionPolicy === 'string' ? spec.preemptionPolicy : undefined });
    unschedulable.set(key, { attempts: (unschedulable.get(key)?.attempts ?? 0) + 1, at: Date.now() });
    setCondition(namespace, name, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null });
    recorder.record(pod, 'Warning', 'FailedScheduling', message);
  }, { maxBatch: QUEUE_MAX_BATCH, wrap: (run) => store.batch(run) });

  /** Something changed that may make room: retry unschedulable pods once their back-off has passed. */
  const clusterChanged = (): void => {
    const now = Date.now();
    for (const [key, u] of unschedulable) queue.addAfter(key, Math.max(0, u.at + ctx.clock.real(backoffMs(u.attempts)) - now));
  };

  const onPod = (e: StoreEvent): void => {
    const key = `${e.namespace}/${e.name}`;
    const cur = e.type === 'DELETED' ? undefined : e.cur.obj;
    const prev = e.prev?.obj;
    if (cur && needsScheduling(cur)) {
      const waiting = unschedulable.has(key);
      const specChanged = !prev || JSON.stringify(prev.spec) !== JSON.stringify(cur.spec) || JSON.stringify(prev.metadata.labels) !== JSON.stringify(cur.metadata.labels);
      if (!waiting || specChanged) queue.add(key);
      return;
    }
    unschedulable.delete(key);
    const freed = prev && boundNode(prev) && !isTerminal(prev) && (!cur || isTerminal(cur));
    if (freed) clusterChanged();
  };

  const unsubscribers = [
    store.subscribe(PODS_TABLE, onPod),
    store.subscribe(NODES_TABLE, clusterChanged),
    store.subscribe(VM_TABLE, clusterChanged),
  ];
  const stopFlush = ctx.clock.every(FLUSH_MS, () => {
    const now = Date.now();
    for (const [key, u] of unschedulable) if (now - u.at >= ctx.clock.real(MAX_UNSCHEDULABLE_MS)) queue.add(key);
  });
  for (const s of store.list(PODS_TABLE)) if (needsScheduling(s.obj)) queue.add(`${s.obj.metadata.namespace}/${s.obj.metadata.name}`);
  return () => {
    for (const u of unsubscribers) u();
    stopFlush();
    queue.stop();
  };
}
