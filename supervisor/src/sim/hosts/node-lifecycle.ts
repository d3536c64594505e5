import type { KubeObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import { WorkQueue } from '../../controllers/work-queue';
import { timestamp } from '../../core/metadata';
import { clone } from '../../storage/store';
import {
  CONTROLLER_MANAGER, LEASES_TABLE, LEASE_NAMESPACE, NODES_TABLE, NODE_CONTROLLER, NODE_MONITOR_GRACE_MS, NODE_MONITOR_PERIOD_MS,
  ORPHAN_QUARANTINE_MS, PODS_TABLE, QUEUE_MAX_BATCH, TAINT_OUT_OF_SERVICE,
} from './constants';
import { conditionsOf, lastHeartbeatMs, readyStatus, unknownConditions } from './node-status';
import { upsertPodCondition, type PodCondition } from './pod-conditions';
import { boundNode, isTerminal, type PodIndex } from './scheduling/capacity';
import { desiredControllerTaints, reconcileTaints, taintsOf, type ReadyStatus } from './taints';

/**
 * kube-controller-manager's node lifecycle controller and the node half of pod GC:
 * - every 5 s it checks each host's last sign of life (Lease renewTime or Ready heartbeat, as
 *   observed locally, so a restart grants a fresh grace period); silent for more than 40 s →
 *   every kubelet condition Unknown/NodeStatusUnknown;
 * - a Ready→not-Ready transition records NodeNotReady on the Node and marks its pods' Ready
 *   condition False with a NodeNotReady event on each (MarkPodsNotReady);
 * - taints follow readiness (not-ready / unreachable, NoSchedule and NoExecute) and cordon
 *   (unschedulable:NoSchedule);
 * - pods bound to a Node that was deleted are failed and force-deleted after a 40 s quarantine,
 *   and terminating pods on a NotReady host tainted `node.kubernetes.io/out-of-service` are
 *   force-deleted (PodGC gcOrphaned / gcTerminating). Otherwise, as upstream, pods of a failed
 *   host stay Terminating until its spherelet comes back to confirm the deletion.
 */
interface Probe {
  renew?: string;
  heartbeat?: number;
  /** Real epoch ms when a new sign of life was last observed. */
  observedAt: number;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether no new sign of life was observed for longer than node-monitor-grace-period (simulated time). */
export function isSilent(probe: Probe, nowMs: number, scale: number): boolean {
  return (nowMs - probe.observedAt) * scale > NODE_MONITOR_GRACE_MS;
}

export function startNodeLifecycle(ctx: ControllerContext, index: PodIndex): () => void {
  const { store } = ctx.core;
  const client = clientFor(ctx, CONTROLLER_MANAGER);
  const recorder = recorderFor(ctx, NODE_CONTROLLER);
  const probes = new Map<string, Probe>();
  const lastReady = new Map<string, ReadyStatus>();
  for (const s of store.list(NODES_TABLE)) lastReady.set(s.obj.metadata.name ?? '', readyStatus(s.obj));

  const observe = (node: KubeObject): Probe => {
    const name = node.metadata.name ?? '';
    const lease = store.get(LEASES_TABLE, LEASE_NAMESPACE, name)?.obj;
    const renew = lease && isObj(lease.spec) && typeof lease.spec.renewTime === 'string' ? lease.spec.renewTime : undefined;
    const heartbeat = lastHeartbeatMs(node);
    const probe = probes.get(name);
    if (!probe) {
      const fresh = { renew, heartbeat, observedAt: Date.now() };
      probes.set(name, fresh);
      return fresh;
    }
    if (probe.renew !== renew || probe.heartbeat !== heartbeat) Object.assign(probe, { renew, heartbeat, observedAt: Date.now() });
    return probe;
  };

  const updatePodStatus = (pod: KubeObject, mutate: (status: Json) => boolean): void => {
    const s = store.get(PODS_TABLE, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    if (!s) return;
    const next = clone<KubeObject>(s);
    const status = (isObj(next.status) ? next.status : {}) as Json;
    if (!mutate(status)) return;
    next.status = status;
    client.updateStatus('v1', 'pods', next);
  };

  const markPodsNotReady = (name: string): void => {
    for (const pod of index.podsOn(name)) {
      let changed = false;
      updatePodStatus(pod, (status) => {
        const ready = (Array.isArray(status.conditions) ? status.conditions : []).find((c): c is PodCondition => isObj(c) && c.type === 'Ready');
        if (!ready || ready.status !== 'True') return false;
        const next = upsertPodCondition(status.conditions, { ...ready, status: 'False' }, timestamp(new Date()));
        if (!next) return false;
        status.conditions = next;
        return (changed = true);
      });
      if (changed) recorder.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  };

  const forceDelete = (pod: KubeObject, condition?: PodCondition): void => {
    updatePodStatus(pod, (status) => {
      if (isTerminal({ ...pod, status })) return false;
      status.phase = 'Failed';
      if (condition) status.conditions = upsertPodCondition(status.conditions, condition, timestamp(new Date())) ?? status.conditions;
      return true;
    });
    client.delete('v1', 'pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '', { gracePeriodSeconds: 0 });
  };

  const reconcile = (name: string): void => {
    const stored = store.get(NODES_TABLE, '', name);
    if (!stored) return;
    const node = stored.obj;
    const ready = readyStatus(node);
    if (lastReady.get(name) === 'True' && ready !== 'True') {
      recorder.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      markPodsNotReady(name);
    }
    lastReady.set(name, ready);
    const spec = isObj(node.spec) ? node.spec : {};
    const taints = reconcileTaints(taintsOf(spec), desiredControllerTaints(ready, spec.unschedulable === true), timestamp(new Date()));
    if (taints) client.patch('v1', 'nodes', '', name, { spec: { taints: taints.length ? taints : null } });
    if (ready !== 'True' && taintsOf(spec).some((t) => t.key === TAINT_OUT_OF_SERVICE && t.effect === 'NoExecute')) {
      for (const pod of index.podsOn(name)) if (pod.metadata.deletionTimestamp) forceDelete(pod);
    }
  };

  const monitor = (name: string): void => {
    const stored = store.get(NODES_TABLE, '', name);
    if (!stored) return;
    if (isSilent(observe(stored.obj), Date.now(), ctx.clock.scale)) {
      const conditions = unknownConditions(conditionsOf(stored.obj), timestamp(new Date()), stored.obj.metadata.creationTimestamp ?? undefined);
      if (conditions) client.updateStatus('v1', 'nodes', { ...stored.obj, status: { ...(stored.obj.status as Json), conditions } });
    }
    reconcile(name);
  };

  const collectOrphans = (name: string): void => {
    if (store.get(NODES_TABLE, '', name)) return;
    for (const s of store.list(PODS_TABLE)) {
      if (boundNode(s.obj) !== name) continue;
      forceDelete(s.obj, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    }
  };

  /** RecordNodeEvent when the controller first sees a Node registered while it runs. */
  const registeredNode = (name: string): void => {
    const stored = store.get(NODES_TABLE, '', name);
    if (stored) recorder.record(stored.obj, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
  };

  const queue = new WorkQueue('node-lifecycle-controller', (key) => {
    if (key.startsWith('monitor:')) monitor(key.slice(8));
    else if (key.startsWith('orphans:')) collectOrphans(key.slice(8));
    else if (key.startsWith('registered:')) registeredNode(key.slice(11));
    else reconcile(key);
  }, { maxBatch: QUEUE_MAX_BATCH, wrap: (run) => store.batch(run) });
  const unsubscribe = store.subscribe(NODES_TABLE, (e) => {
    if (e.type === 'DELETED') {
      probes.delete(e.name);
      lastReady.delete(e.name);
      queue.addAfter(`orphans:${e.name}`, ctx.clock.real(ORPHAN_QUARANTINE_MS));
      return;
    }
    if (e.type === 'ADDED') queue.add(`registered:${e.name}`);
    queue.add(e.name);
  });
  const stopTimer = ctx.clock.every(NODE_MONITOR_PERIOD_MS, () => {
    for (const s of store.list(NODES_TABLE)) queue.add(`monitor:${s.obj.metadata.name ?? ''}`);
  });
  for (const s of store.list(NODES_TABLE)) queue.add(s.obj.metadata.name ?? '');
  return () => {
    unsubscribe();
    stopTimer();
    queue.stop();
  };
}
