import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { DECOMMISSION_MS, START_MS, nextCassAction, type CassInputs } from './decide';
import { CL, dcSpecView, rackSizes, rackViews, seedsPerRack, stsName, type NodeState } from './model';
import { dcServices, rackStatefulSet } from './resources';
import { datacenterStatus } from './status';

/** cass-operator's start-up order, scaling and status for a CassandraDatacenter. */
function dc(size: number, racks: string[] = [], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'cassandra.datastax.com/v1beta1',
    kind: 'CassandraDatacenter',
    metadata: { name: 'dc1', namespace: 'platform', uid: 'dc-uid', generation: 1 },
    spec: { clusterName: 'Inventory', serverType: 'cassandra', serverVersion: '4.1.5', size, racks: racks.map((name) => ({ name })), storageConfig: { cassandraDataVolumeClaimSpec: { resources: { requests: { storage: '20Gi' } } } }, ...extra },
  };
}

function sts(name: string, replicas: number): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'platform' }, spec: { replicas } };
}

function pod(name: string, state: NodeState, running = true, seed = false): KubeObject {
  const labels: Record<string, string> = { [CL.nodeState]: state };
  if (seed) labels[CL.seed] = 'true';
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'platform', labels }, status: { phase: running ? 'Running' : 'Pending', podIP: '10.244.2.7' } };
}

function inputs(d: KubeObject, statefulsets: KubeObject[], pods: KubeObject[], extra: Partial<CassInputs> = {}): CassInputs {
  const spec = dcSpecView(d);
  return { spec, racks: rackViews(spec, statefulsets, pods), now: 1_000_000, decommissionStarted: () => 1_000_000, ...extra };
}

describe('cass-operator model', () => {
  it('names resources after the cleaned cluster name, the datacenter and the rack', () => {
    const s = dcSpecView(dc(3));
    expect(s.clusterResource).toBe('inventory');
    expect(s.racks).toEqual(['default']);
    expect(stsName(s, 'default')).toBe('inventory-dc1-default-sts');
    expect(s.superuserSecretName).toBe('inventory-superuser');
    expect(dcServices(dc(3), s).map((x) => x.metadata.name)).toEqual(['inventory-seed-service', 'inventory-dc1-service', 'inventory-dc1-all-pods-service', 'inventory-dc1-additional-seed-service']);
  });

  it('splits nodes evenly over racks, the first racks taking the remainder, and picks seeds per rack', () => {
    expect(rackSizes(3, 1)).toEqual([3]);
    expect(rackSizes(5, 3)).toEqual([2, 2, 1]);
    expect([1, 2, 3].map(seedsPerRack)).toEqual([3, 2, 1]);
  });

  it('builds rack StatefulSets with the server-data claim template and Ready-to-Start pods', () => {
    const s = dcSpecView(dc(3));
    const set = rackStatefulSet(dc(3), s, 'default', 3);
    const spec = set.spec as { replicas: number; serviceName: string; podManagementPolicy: string; template: { metadata: { labels: Record<string, string> } }; volumeClaimTemplates: { metadata: { name: string } }[] };
    expect(spec).toMatchObject({ replicas: 3, serviceName: 'inventory-dc1-service', podManagementPolicy: 'Parallel' });
    expect(spec.template.metadata.labels).toMatchObject({ [CL.cluster]: 'inventory', [CL.datacenter]: 'dc1', [CL.rack]: 'default', [CL.nodeState]: 'Ready-to-Start' });
    expect(spec.volumeClaimTemplates.map((v) => v.metadata.name)).toEqual(['server-data']);
  });
});

describe('cass-operator reconcile steps', () => {
  it('creates every rack StatefulSet first', () => {
    expect(nextCassAction(inputs(dc(3, ['r1', 'r2', 'r3']), [sts('inventory-dc1-r1-sts', 1)], []))).toEqual({ kind: 'create-sts', rack: 'r2' });
  });

  it('starts the first node as a seed, one node at a time, and finishes a start after the start-up time', () => {
    const sets = [sts('inventory-dc1-default-sts', 3)];
    const fresh = ['0', '1', '2'].map((i) => pod(`inventory-dc1-default-sts-${i}`, 'Ready-to-Start'));
    const first = nextCassAction(inputs(dc(3), sets, fresh));
    expect(first).toMatchObject({ kind: 'start', seed: true, node: { name: 'inventory-dc1-default-sts-0' } });
    const starting = [pod('inventory-dc1-default-sts-0', 'Starting', true, true), ...fresh.slice(1)];
    expect(nextCassAction(inputs(dc(3), sets, starting, { lastServerNodeStarted: 1_000_000 - 5_000 }))).toEqual({ kind: 'wait', after: START_MS - 5_000 });
    expect(nextCassAction(inputs(dc(3), sets, starting, { lastServerNodeStarted: 1_000_000 - START_MS }))).toMatchObject({ kind: 'finish-start', node: { name: 'inventory-dc1-default-sts-0' } });
    const second = nextCassAction(inputs(dc(3), sets, [pod('inventory-dc1-default-sts-0', 'Started', true, true), ...fresh.slice(1)]));
    expect(second).toMatchObject({ kind: 'start', seed: false, node: { name: 'inventory-dc1-default-sts-1' } });
  });

  it('starts one node in every rack before the rest', () => {
    const d = dc(4, ['r1', 'r2']);
    const sets = [sts('inventory-dc1-r1-sts', 2), sts('inventory-dc1-r2-sts', 2)];
    const pods = [pod('inventory-dc1-r1-sts-0', 'Started', true, true), pod('inventory-dc1-r1-sts-1', 'Ready-to-Start'), pod('inventory-dc1-r2-sts-0', 'Ready-to-Start'), pod('inventory-dc1-r2-sts-1', 'Ready-to-Start')];
    expect(nextCassAction(inputs(d, sets, pods))).toMatchObject({ kind: 'start', node: { name: 'inventory-dc1-r2-sts-0' } });
  });

  it('labels the first started nodes of a rack as seeds', () => {
    const sets = [sts('inventory-dc1-default-sts', 3)];
    const pods = [pod('inventory-dc1-default-sts-0', 'Started', true, true), pod('inventory-dc1-default-sts-1', 'Started'), pod('inventory-dc1-default-sts-2', 'Started')];
    expect(nextCassAction(inputs(dc(3), sets, pods))).toMatchObject({ kind: 'seed-label', seed: true, node: { name: 'inventory-dc1-default-sts-1' } });
  });

  it('scales up the rack StatefulSet, and decommissions the last node before scaling down', () => {
    const started = ['0', '1', '2'].map((i) => pod(`inventory-dc1-default-sts-${i}`, 'Started', true, true));
    expect(nextCassAction(inputs(dc(4), [sts('inventory-dc1-default-sts', 3)], started))).toEqual({ kind: 'scale-sts', rack: 'default', replicas: 4, reason: 'up' });
    const down = inputs(dc(2), [sts('inventory-dc1-default-sts', 3)], started);
    expect(nextCassAction(down)).toMatchObject({ kind: 'decommission', node: { name: 'inventory-dc1-default-sts-2' } });
    const leaving = [...started.slice(0, 2), pod('inventory-dc1-default-sts-2', 'Decommissioning')];
    expect(nextCassAction(inputs(dc(2), [sts('inventory-dc1-default-sts', 3)], leaving, { decommissionStarted: () => 1_000_000 - DECOMMISSION_MS }))).toEqual({ kind: 'finish-decommission', rack: 'default', pod: 'inventory-dc1-default-sts-2', replicas: 2 });
  });

  it('scales every rack to zero when stopped', () => {
    expect(nextCassAction(inputs(dc(3, [], { stopped: true }), [sts('inventory-dc1-default-sts', 3)], []))).toEqual({ kind: 'scale-sts', rack: 'default', replicas: 0, reason: 'stop' });
  });
});

describe('cass-operator status', () => {
  it('reports Updating until every node is started, then Ready with node statuses', () => {
    const d = dc(2);
    const s = dcSpecView(d);
    const sets = [sts('inventory-dc1-default-sts', 2)];
    const partial = datacenterStatus({ spec: s, racks: rackViews(s, sets, [pod('inventory-dc1-default-sts-0', 'Started', true, true), pod('inventory-dc1-default-sts-1', 'Starting')]), previous: {}, now: '2025-03-01T10:00:00Z', generation: 1 });
    expect(partial.cassandraOperatorProgress).toBe('Updating');
    const conds = (x: Record<string, unknown>) => Object.fromEntries((x.conditions as { type: string; status: string }[]).map((c) => [c.type, c.status]));
    expect(conds(partial)).toMatchObject({ Ready: 'False', Initialized: 'False', Healthy: 'True', Valid: 'True' });
    const ready = datacenterStatus({ spec: s, racks: rackViews(s, sets, [pod('inventory-dc1-default-sts-0', 'Started', true, true), pod('inventory-dc1-default-sts-1', 'Started', true, true)]), previous: partial, now: '2025-03-01T10:01:00Z', generation: 1 });
    expect(ready).toMatchObject({ cassandraOperatorProgress: 'Ready', observedGeneration: 1, usersUpserted: '2025-03-01T10:01:00Z' });
    expect(conds(ready)).toMatchObject({ Ready: 'True', Initialized: 'True', ScalingDown: 'False', Stopped: 'False' });
    expect(Object.keys(ready.nodeStatuses as object)).toEqual(['inventory-dc1-default-sts-0', 'inventory-dc1-default-sts-1']);
    expect((ready.nodeStatuses as Record<string, { hostID: string }>)['inventory-dc1-default-sts-0']!.hostID).toBe((partial.nodeStatuses as Record<string, { hostID: string }>)['inventory-dc1-default-sts-0']!.hostID);
  });
});
