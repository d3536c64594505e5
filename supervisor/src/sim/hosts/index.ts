import { ApiError } from '../../api/errors';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import type { Placement } from '../contracts';
import { NODES_TABLE } from './constants';
import { startHeartbeat } from './heartbeat';
import { HostStates, type HostStateListener } from './host-state';
import { METRICS_GROUP, METRICS_READER_ROLE, metricsResourceTypes } from './metrics/metrics-api';
import { startNodeLifecycle } from './node-lifecycle';
import { Consumers, PodIndex } from './scheduling/capacity';
import { createPlacement } from './scheduling/placement';
import { startScheduler } from './scheduling/scheduler';
import { seedHosts } from './seed';
import { startTaintEviction } from './taint-eviction';

/**
 * ESXi hosts as Nodes: simulated spherelet heartbeats (Leases, node status), the node lifecycle
 * and taint-eviction controllers, the default-scheduler, Placement for VM Service, and the
 * metrics.k8s.io API. Hosts fail and recover on demand through the Node annotation
 * `supervisor.glasspane.io/simulate: fail` (see README.md).
 */
export interface Hosts {
  placement: Placement;
  /**
   * True while the host is failed on demand: its spherelet must not act on its pods. Optional
   * so test doubles may implement only `placement`; `startHosts` always provides it.
   */
  isHostDown?(node: string): boolean;
  /** Called after a host fails (`down` true) or comes back; returns an unsubscribe function. */
  onHostStateChange?(listener: HostStateListener): () => void;
  /** The same check as `isHostDown`, in the `{ isDown }` shape the spherelet looks for. */
  states?: { isDown(node: string): boolean };
}

export { seedHosts } from './seed';
export { SIMULATE_ANNOTATION } from './constants';
export { DEMO_HOSTS } from './host-catalog';

export function startHosts(ctx: ControllerContext): Required<Hosts> {
  const { store, registry, config } = ctx.core;
  const states = new HostStates(store);
  const index = new PodIndex(store);
  const consumers = new Consumers();
  const deps = { store, index, consumers, isDown: (node: string) => states.isDown(node) };
  // Keyed like the APIService metrics-server registers; served until the process stops.
  registry.setCustom(`apiservice:v1beta1.${METRICS_GROUP}`, metricsResourceTypes(deps));

  const heartbeat = startHeartbeat(ctx, states);
  const stops = [heartbeat.stop, startNodeLifecycle(ctx, index), startTaintEviction(ctx, index), startScheduler(ctx, deps), () => index.stop()];
  // Writes wait for the next tick: the bootstrap objects (namespaces, RBAC) are created right after the controllers start.
  const init = setImmediate(() => {
    try {
      const client = clientFor(ctx, 'supervisor-bootstrap');
      if (!client.get('rbac.authorization.k8s.io/v1', 'clusterroles', '', METRICS_READER_ROLE.metadata.name!)) client.create('rbac.authorization.k8s.io/v1', 'clusterroles', METRICS_READER_ROLE);
      if (config.seed === 'default' && store.count(NODES_TABLE) === 0) seedHosts(ctx);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 409)) process.stderr.write(`supervisor: hosts: ${(e as Error).message}\n`);
    }
  });
  ctx.onStop(() => {
    clearImmediate(init);
    for (const stop of stops) stop();
  });
  return {
    placement: createPlacement(deps),
    isHostDown: (node) => states.isDown(node),
    onHostStateChange: (listener) => states.onChange(listener),
    states: { isDown: (node) => states.isDown(node) },
  };
}
