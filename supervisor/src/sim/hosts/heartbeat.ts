import type { KubeObject } from '../../api/types';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { WorkQueue } from '../../controllers/work-queue';
import { microTimestamp, timestamp } from '../../core/metadata';
import { KUBELET, LEASES_TABLE, LEASE_DURATION_SECONDS, LEASE_NAMESPACE, LEASE_RENEW_MS, NODES_TABLE } from './constants';
import { profileFor } from './host-catalog';
import type { HostStates } from './host-state';
import { kubeletNodeEvents, recordKubeletStart } from './kubelet-events';
import { kubeletStatus, lastHeartbeatMs, readyStatus, statusReportDue } from './node-status';

/**
 * The node-agent half of each simulated spherelet: every 10 s (simulated) a running host renews
 * its Lease in kube-node-lease, and posts node status when it has to (first registration, back
 * from a failure, or every 5 minutes unchanged — kubelet's behaviour with node leases, which
 * keeps Node watch events rare). It also records the kubelet's node events (Starting,
 * NodeHasSufficient*, NodeReady, NodeSchedulable/NodeNotSchedulable). A failed host does nothing.
 */
export interface Heartbeat {
  /** Renews leases and posts due statuses for every running host now. */
  beat(): void;
  stop(): void;
}

export function startHeartbeat(ctx: ControllerContext, hosts: HostStates): Heartbeat {
  const { store } = ctx.core;
  const client = clientFor(ctx, KUBELET);
  const rebooting = new Set<string>();
  const unschedulable = new Map<string, boolean>();
  for (const s of store.list(NODES_TABLE)) unschedulable.set(s.obj.metadata.name ?? '', (s.obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true);

  const nodeEvent = kubeletNodeEvents(ctx);

  const renewLease = (node: KubeObject): void => {
    const name = node.metadata.name ?? '';
    const renewTime = microTimestamp(new Date());
    const lease = client.get('coordination.k8s.io/v1', 'leases', LEASE_NAMESPACE, name);
    if (lease) {
      client.patch('coordination.k8s.io/v1', 'leases', LEASE_NAMESPACE, name, { spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime } });
      return;
    }
    client.create('coordination.k8s.io/v1', 'leases', {
      metadata: { name, namespace: LEASE_NAMESPACE, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }] },
      spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
    });
  };

  const postStatusIfDue = (node: KubeObject): void => {
    const name = node.metadata.name ?? '';
    const last = lastHeartbeatMs(node);
    const elapsed = last === undefined ? undefined : (Date.now() - last) * ctx.clock.scale;
    const reboot = rebooting.has(name);
    if (!reboot && !statusReportDue(node, elapsed)) return;
    const before = readyStatus(node);
    const status = kubeletStatus(profileFor(name, node.metadata.labels), (node.status ?? {}) as Record<string, unknown>, timestamp(new Date()), reboot || before === 'Missing');
    client.updateStatus('v1', 'nodes', { ...node, status });
    rebooting.delete(name);
    if (before === 'Missing' || reboot) recordKubeletStart(nodeEvent, name);
    if (before !== 'True') nodeEvent(name, 'NodeReady');
  };

  /** One heartbeat of a running host; `renew` false only creates a missing lease (reacting to a Node change). */
  const runHost = (name: string, renew: boolean): void => {
    const stored = store.get(NODES_TABLE, '', name);
    if (!stored || hosts.isDown(name)) return;
    if (renew || !store.get(LEASES_TABLE, LEASE_NAMESPACE, name)) renewLease(stored.obj);
    postStatusIfDue(store.get(NODES_TABLE, '', name)!.obj);
  };

  const queue = new WorkQueue('spherelet-node-status', (name) => {
    const transition = hosts.refresh(name);
    if (transition === 'recovered') rebooting.add(name);
    const stored = store.get(NODES_TABLE, '', name);
    if (!stored) {
      unschedulable.delete(name);
      return;
    }
    const cordoned = (stored.obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    const was = unschedulable.get(name);
    unschedulable.set(name, cordoned);
    if (was !== undefined && was !== cordoned && !hosts.isDown(name)) nodeEvent(name, cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable');
    runHost(name, transition === 'recovered');
  });

  const unsubscribe = store.subscribe(NODES_TABLE, (e) => queue.add(e.name));
  /** All hosts' renewals in one durable transaction (one fsync instead of one per host). */
  const beat = (): void => {
    store.batch(() => {
      for (const s of store.list(NODES_TABLE)) {
        try {
          runHost(s.obj.metadata.name ?? '', true);
        } catch {
          queue.add(s.obj.metadata.name ?? '');
        }
      }
    });
  };
  const stopTimer = ctx.clock.every(LEASE_RENEW_MS, beat);
  for (const s of store.list(NODES_TABLE)) queue.add(s.obj.metadata.name ?? '');
  return {
    beat,
    stop() {
      unsubscribe();
      stopTimer();
      queue.stop();
    },
  };
}
