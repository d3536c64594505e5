import type { KubeObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import { WorkQueue } from '../../controllers/work-queue';
import { timestamp } from '../../core/metadata';
import { clone, type StoreEvent } from '../../storage/store';
import type { Toleration } from '../contracts';
import { CONTROLLER_MANAGER, NODES_TABLE, PODS_TABLE, QUEUE_MAX_BATCH, TAINT_EVICTION_CONTROLLER } from './constants';
import { upsertPodCondition } from './pod-conditions';
import { boundNode, podKey, type PodIndex } from './scheduling/capacity';
import { taintsOf, tolerates, tolerationsOf, type Taint } from './taints';

/**
 * Taint-based eviction (kube-controller-manager's taint-eviction-controller): a pod on a host
 * with NoExecute taints it does not tolerate is deleted at once; one that tolerates them all is
 * deleted when the shortest tolerationSeconds of the matching tolerations has passed (the
 * default tolerations give 300 s for not-ready and unreachable); no tolerationSeconds means it
 * stays. Deletions carry a DisruptionTarget condition and a TaintManagerEviction event; a
 * scheduled deletion whose taints go away is cancelled with an event. The wait runs from when
 * the controller saw the taints appear (after a restart: from their timeAdded).
 */
export type EvictionPlan = { action: 'none' } | { action: 'now' } | { action: 'never' } | { action: 'at'; atMs: number };

/**
 * What to do about one pod. `sinceMs` is when the host's NoExecute taints were first seen;
 * `scale` converts tolerationSeconds (simulated) to real ms.
 */
export function evictionPlan(taints: readonly Taint[], tolerations: readonly Toleration[], sinceMs: number, scale: number): EvictionPlan {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { action: 'none' };
  const used: Toleration[] = [];
  for (const taint of noExecute) {
    const match = tolerations.find((t) => tolerates(t, taint));
    if (!match) return { action: 'now' };
    used.push(match);
  }
  let seconds = Infinity;
  for (const t of used) {
    if (typeof t.tolerationSeconds !== 'number') continue;
    if (t.tolerationSeconds <= 0) return { action: 'now' };
    seconds = Math.min(seconds, t.tolerationSeconds);
  }
  if (seconds === Infinity) return { action: 'never' };
  return { action: 'at', atMs: sinceMs + (seconds * 1000) / scale };
}

/**
 * When a host's NoExecute taints started: the latest `timeAdded` (seconds precision, so used
 * only for taints that were already there when the controller started), else now.
 */
export function taintedSince(taints: readonly Taint[], nowMs: number): number {
  const added = taints.filter((t) => t.effect === 'NoExecute' && t.timeAdded).map((t) => Date.parse(t.timeAdded!)).filter((n) => !Number.isNaN(n));
  return added.length ? Math.max(...added) : nowMs;
}

interface Scheduled {
  atMs: number;
  cancel(): void;
}

export function startTaintEviction(ctx: ControllerContext, index: PodIndex): () => void {
  const { store } = ctx.core;
  const client = clientFor(ctx, CONTROLLER_MANAGER);
  const recorder = recorderFor(ctx, TAINT_EVICTION_CONTROLLER);
  const scheduled = new Map<string, Scheduled>();

  const cancel = (key: string, pod: KubeObject | undefined): void => {
    const s = scheduled.get(key);
    if (!s) return;
    s.cancel();
    scheduled.delete(key);
    if (pod) recorder.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  };

  const evict = (pod: KubeObject): void => {
    const key = podKey(pod);
    scheduled.get(key)?.cancel();
    scheduled.delete(key);
    recorder.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const s = store.get(PODS_TABLE, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    if (!s) return;
    const next = clone<KubeObject>(s);
    const status = (next.status ?? {}) as Record<string, unknown>;
    const conditions = upsertPodCondition(status.conditions, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null }, timestamp(new Date()));
    if (conditions) {
      next.status = { ...status, conditions };
      client.updateStatus('v1', 'pods', next);
    }
    client.delete('v1', 'pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  };

  const since = new Map<string, number>();
  const queue = new WorkQueue('taint-eviction-controller', (nodeName) => {
    const node = store.get(NODES_TABLE, '', nodeName)?.obj;
    const taints = node ? taintsOf(node.spec) : [];
    if (!taints.some((t) => t.effect === 'NoExecute')) since.delete(nodeName);
    else if (!since.has(nodeName)) since.set(nodeName, Date.now());
    const sinceMs = since.get(nodeName) ?? Date.now();
    const onNode = new Set<string>();
    for (const pod of index.podsOn(nodeName)) {
      if (pod.metadata.deletionTimestamp) continue;
      const key = podKey(pod);
      onNode.add(key);
      const plan = evictionPlan(taints, tolerationsOf(pod.spec), sinceMs, ctx.clock.scale);
      if (plan.action === 'now' || (plan.action === 'at' && plan.atMs <= Date.now())) evict(pod);
      else if (plan.action === 'at') {
        if (scheduled.get(key)?.atMs === plan.atMs) continue;
        scheduled.get(key)?.cancel();
        // A Node timer may fire a millisecond before Date.now() reaches atMs; dropping the entry
        // first makes the next pass re-arm instead of skipping an already-spent schedule.
        const entry: Scheduled = { atMs: plan.atMs, cancel: () => clearTimeout(timer) };
        const timer = setTimeout(() => {
          if (scheduled.get(key) === entry) scheduled.delete(key);
          queue.add(nodeName);
        }, Math.max(0, plan.atMs - Date.now() + 1));
        timer.unref();
        scheduled.set(key, entry);
      } else cancel(key, pod);
    }
    for (const [key, s] of scheduled) {
      const pod = store.get(PODS_TABLE, key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1))?.obj;
      if (pod && boundNode(pod) === nodeName && !onNode.has(key)) {
        s.cancel();
        scheduled.delete(key);
      }
    }
  }, { maxBatch: QUEUE_MAX_BATCH, wrap: (run) => store.batch(run) });

  const noExecute = (obj: KubeObject | undefined): string => JSON.stringify(taintsOf(obj?.spec).filter((t) => t.effect === 'NoExecute').map((t) => [t.key, t.value ?? '']));
  const onNode = (e: StoreEvent): void => {
    if (e.type === 'DELETED' || noExecute(e.prev?.obj) !== noExecute(e.cur.obj)) queue.add(e.name);
  };
  const onPod = (e: StoreEvent): void => {
    const key = `${e.namespace}/${e.name}`;
    if (e.type === 'DELETED' || e.cur.obj.metadata.deletionTimestamp) {
      scheduled.get(key)?.cancel();
      scheduled.delete(key);
      return;
    }
    const node = boundNode(e.cur.obj);
    if (!node) return;
    const prev = e.prev?.obj;
    const changed = !prev || boundNode(prev) !== node || JSON.stringify(tolerationsOf(prev.spec)) !== JSON.stringify(tolerationsOf(e.cur.obj.spec));
    if (changed && noExecute(store.get(NODES_TABLE, '', node)?.obj) !== '[]') queue.add(node);
  };
  const unsubscribers = [store.subscribe(NODES_TABLE, onNode), store.subscribe(PODS_TABLE, onPod)];
  for (const s of store.list(NODES_TABLE)) {
    const taints = taintsOf(s.obj.spec);
    if (taints.some((t) => t.effect === 'NoExecute')) since.set(s.obj.metadata.name ?? '', taintedSince(taints, Date.now()));
    if (noExecute(s.obj) !== '[]') queue.add(s.obj.metadata.name ?? '');
  }
  return () => {
    for (const u of unsubscribers) u();
    for (const s of scheduled.values()) s.cancel();
    scheduled.clear();
    queue.stop();
  };
}
