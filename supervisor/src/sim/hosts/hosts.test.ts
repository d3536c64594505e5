import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { eventually } from '../../testing/eventually';
import { createInProcessCore, type InProcessCore } from '../../testing/in-process-core';
import type { CapacityConsumer } from '../contracts';
import { startHosts, seedHosts } from './index';
import { conditionsOf, readyStatus } from './node-status';
import { taintsOf } from './taints';
import { podObject } from './testing/fixtures';

/**
 * The hosts controllers in-process against a real store and object API, at 100x simulated
 * time (a 40 s grace period is 400 ms; faster would starve the event loop with fsynced lease
 * renewals): seeding, heartbeats, scheduling, placement, failure and recovery, taint eviction,
 * pod GC and metrics.
 */
let sim: InProcessCore | undefined;
afterEach(() => {
  sim?.dispose();
  sim = undefined;
});

const HOST = 'esxi-02.vsphere.local';

function setup(seed: 'none' | 'default' = 'default') {
  sim = createInProcessCore({ timeScale: 100, seed });
  const hosts = startHosts(sim.ctx);
  const client = sim.client;
  const node = (name: string) => client.get('v1', 'nodes', '', name)!;
  const pod = (name: string, ns = 'team-a') => client.get('v1', 'pods', ns, name);
  const events = (name: string, ns = 'team-a') => client.list('v1', 'events', ns).filter((e) => (e.involvedObject as { name: string }).name === name);
  return { sim, hosts, client, node, pod, events };
}

const podCondition = (p: KubeObject | undefined, type: string) => ((p?.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] })?.conditions ?? []).find((c) => c.type === type);

describe('hosts', () => {
  it('seeds four Ready hosts whose leases renew, idempotently', async () => {
    const { client, node, sim } = setup();
    await eventually(() => client.list('v1', 'nodes').length === 4 && client.list('v1', 'nodes').every((n) => readyStatus(n) === 'True'), 'four Ready hosts');
    expect(seedHosts(sim.ctx)).toEqual([]);
    const lease = () => client.get('coordination.k8s.io/v1', 'leases', 'kube-node-lease', HOST);
    const first = await eventually(() => (lease()?.spec as { renewTime?: string } | undefined)?.renewTime, 'a lease');
    expect(lease()!.spec).toMatchObject({ holderIdentity: HOST, leaseDurationSeconds: 40 });
    expect(lease()!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: HOST, uid: node(HOST).metadata.uid }]);
    await eventually(() => (lease()!.spec as { renewTime: string }).renewTime !== first, 'a renewed lease');
  });

  it('binds pods with room and reports FailedScheduling like kube-scheduler otherwise', async () => {
    const { client, pod, events } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    client.create('v1', 'pods', podObject('web', { cpu: '500m', memory: '512Mi' }));
    client.create('v1', 'pods', podObject('huge', { cpu: '64', memory: '1Gi' }));
    const node = await eventually(() => (pod('web')?.spec as { nodeName?: string }).nodeName, 'web bound');
    expect(podCondition(pod('web'), 'PodScheduled')).toMatchObject({ status: 'True' });
    expect(events('web').map((e) => [e.reason, e.message, (e.source as { component: string }).component])).toContainEqual(['Scheduled', `Successfully assigned team-a/web to ${node}`, 'default-scheduler']);
    const failed = await eventually(() => podCondition(pod('huge'), 'PodScheduled'), 'huge unschedulable');
    const message = '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod..';
    expect(failed).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    expect(events('huge').find((e) => e.reason === 'FailedScheduling')).toMatchObject({ type: 'Warning', message });
  });

  it('honours cordon, node selectors and the capacity VMs hold', async () => {
    const { client, pod, hosts } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    for (const n of ['esxi-01.vsphere.local', 'esxi-03.vsphere.local', 'esxi-04.vsphere.local']) client.patch('v1', 'nodes', '', n, { spec: { unschedulable: true } });
    await eventually(() => taintsOf(client.get('v1', 'nodes', '', 'esxi-01.vsphere.local')!.spec).some((t) => t.key === 'node.kubernetes.io/unschedulable'), 'unschedulable taint');
    for (let i = 0; i < 3; i++) client.create('v1', 'pods', podObject(`p${i}`, { cpu: '100m' }));
    for (let i = 0; i < 3; i++) expect(await eventually(() => (pod(`p${i}`)?.spec as { nodeName?: string }).nodeName, `p${i} bound`)).toBe(HOST);
    client.create('v1', 'pods', podObject('zoned', { cpu: '100m', nodeSelector: { 'topology.kubernetes.io/zone': 'zone-b' } }));
    const msg = await eventually(() => podCondition(pod('zoned'), 'PodScheduled')?.message, 'zoned unschedulable');
    expect(msg).toBe("0/4 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..");

    // A VM reserving almost all of esxi-02 leaves no room for a 2-CPU pod there.
    const vms: CapacityConsumer[] = [{ key: 'team-a/db', node: HOST, requests: { cpu: 46, memory: 64 * 1024 ** 3 } }];
    hosts.placement.addConsumers(() => vms);
    expect(hosts.placement.allocated(HOST).cpu).toBeCloseTo(46.3);
    client.create('v1', 'pods', podObject('big', { cpu: '2' }));
    expect(await eventually(() => podCondition(pod('big'), 'PodScheduled')?.message, 'big unschedulable')).toMatch(/^0\/4 nodes are available: 1 Insufficient cpu, 3 node\(s\) were unschedulable\./);
    vms.length = 0;
    client.patch('v1', 'nodes', '', 'esxi-03.vsphere.local', { spec: { unschedulable: null } });
    expect(await eventually(() => (pod('big')?.spec as { nodeName?: string }).nodeName, 'big bound after room appears')).toBeDefined();
  });

  it('places VMs through the Placement contract', async () => {
    const { client, hosts } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    const placed = hosts.placement.place({ requests: { cpu: 8, memory: 64 * 1024 ** 3 }, zone: 'zone-b' });
    expect(placed).toMatchObject({ ok: true, zone: 'zone-b' });
    expect(hosts.placement.place({ requests: { cpu: 4, memory: 1024 ** 3 }, avoid: ['esxi-01.vsphere.local', HOST], zone: 'zone-a' })).toEqual({
      ok: false,
      message: "0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) were excluded by the placement request.",
    });
    expect(hosts.placement.place({ requests: { cpu: 100, memory: 1024 ** 3 } })).toEqual({ ok: false, message: '0/4 nodes are available: 4 Insufficient cpu.' });
    expect(hosts.placement.isReady(HOST)).toBe(true);
    expect(hosts.placement.isReady('esxi-99.vsphere.local')).toBe(false);
  });

  it('fails a host on demand: Unknown conditions, taints, events, eviction; and recovers it', { timeout: 20_000 }, async () => {
    const { client, node, pod, events, hosts } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    const transitions: string[] = [];
    hosts.onHostStateChange((n, down) => transitions.push(`${n}:${down ? 'down' : 'up'}`));
    // A running pod that tolerates the unreachable taint for 30 s, and one that does not tolerate it at all.
    const unreachableFor = (seconds: number) => [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds }];
    client.create('v1', 'pods', podObject('tolerant', { nodeName: HOST, tolerations: unreachableFor(30) }));
    const running = client.get('v1', 'pods', 'team-a', 'tolerant')!;
    client.updateStatus('v1', 'pods', { ...running, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }] } });
    client.create('v1', 'pods', podObject('intolerant', { nodeName: HOST, tolerations: unreachableFor(0) }));

    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': 'fail' } } });
    expect(hosts.isHostDown(HOST)).toBe(true);
    expect(hosts.placement.isReady(HOST)).toBe(false);
    await eventually(() => readyStatus(node(HOST)) === 'Unknown', 'Ready=Unknown');
    expect(conditionsOf(node(HOST)).every((c) => c.status === 'Unknown' && c.reason === 'NodeStatusUnknown' && c.message === 'Kubelet stopped posting node status.')).toBe(true);
    await eventually(() => taintsOf(node(HOST).spec).length === 2, 'unreachable taints');
    expect(taintsOf(node(HOST).spec).map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(events(HOST, 'default').map((e) => e.reason)).toContain('NodeNotReady');
    expect(transitions).toEqual([`${HOST}:down`]);

    // The intolerant pod is evicted at once; the tolerant one goes NotReady, then is evicted after 30 s (300 ms).
    await eventually(() => pod('intolerant')?.metadata.deletionTimestamp, 'intolerant evicted');
    expect(podCondition(pod('intolerant'), 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    expect(events('intolerant').find((e) => e.reason === 'TaintManagerEviction')?.message).toBe('Marking for deletion Pod team-a/intolerant');
    expect(podCondition(pod('tolerant'), 'Ready')?.status).toBe('False');
    expect(events('tolerant').find((e) => e.reason === 'NodeNotReady')).toMatchObject({ type: 'Warning', message: 'Node is not ready' });
    expect(pod('tolerant')?.metadata.deletionTimestamp).toBeUndefined();
    await eventually(() => pod('tolerant')?.metadata.deletionTimestamp, 'tolerant evicted after its toleration');
    // No spherelet confirms the deletion on a failed host: the pods stay Terminating.
    expect(pod('intolerant')).toBeDefined();

    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': null } } });
    await eventually(() => readyStatus(node(HOST)) === 'True' && taintsOf(node(HOST).spec).length === 0, 'recovered');
    expect(events(HOST, 'default').map((e) => e.reason)).toEqual(expect.arrayContaining(['NodeReady', 'Starting']));
    await eventually(() => transitions.length === 2, 'recovery transition');
    expect(transitions[1]).toBe(`${HOST}:up`);
  });

  it('cancels a scheduled eviction when the host comes back in time', { timeout: 20_000 }, async () => {
    const { client, pod, events } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    client.create('v1', 'pods', podObject('patient', { nodeName: HOST, tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 3600 }] }));
    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': 'fail' } } });
    await eventually(() => taintsOf(client.get('v1', 'nodes', '', HOST)!.spec).some((t) => t.effect === 'NoExecute'), 'NoExecute taint');
    // Let the taint-eviction queue, fed synchronously by the taint's write, drain once before the host returns.
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': 'recover' } } });
    await eventually(() => events('patient').some((e) => e.reason === 'TaintManagerEviction' && e.message === 'Cancelling deletion of Pod team-a/patient'), 'cancellation event');
    expect(pod('patient')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('releases the Terminating pods of a failed host tainted out-of-service', { timeout: 20_000 }, async () => {
    const { client, pod, node } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    client.create('v1', 'pods', podObject('db-0', { nodeName: HOST, phase: 'Running' }));
    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': 'fail' } } });
    await eventually(() => readyStatus(node(HOST)) === 'Unknown', 'Ready=Unknown');
    const taints = taintsOf(node(HOST).spec);
    client.patch('v1', 'nodes', '', HOST, { spec: { taints: [...taints, { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }] } });
    await eventually(() => pod('db-0') === undefined, 'db-0 force-deleted');
  });

  it('force-deletes the pods of a deleted Node after the quarantine', async () => {
    const { client, pod } = setup();
    await eventually(() => client.list('v1', 'nodes').length === 4, 'hosts');
    client.create('v1', 'pods', podObject('stranded', { nodeName: HOST, phase: 'Running' }));
    client.delete('v1', 'nodes', '', HOST);
    await eventually(() => pod('stranded') === undefined, 'orphaned pod removed');
  });

  it('serves metrics consistent with what runs where', async () => {
    const { sim, client, hosts } = setup();
    await eventually(() => client.list('v1', 'nodes').filter((n) => readyStatus(n) === 'True').length === 4, 'Ready hosts');
    const nodesRt = sim.ctx.core.registry.lookup('metrics.k8s.io', 'v1beta1', 'nodes')!;
    const podsRt = sim.ctx.core.registry.lookup('metrics.k8s.io', 'v1beta1', 'pods')!;
    const cpuOf = (m: KubeObject | undefined) => Number((m?.usage as { cpu: string }).cpu.replace(/n$/, '')) / 1e9;
    const before = cpuOf(nodesRt.computed!.get('', HOST));
    client.create('v1', 'pods', podObject('busy', { nodeName: HOST, cpu: '4' }));
    expect(podsRt.computed!.list('team-a')).toEqual([]);
    const p = client.get('v1', 'pods', 'team-a', 'busy')!;
    client.updateStatus('v1', 'pods', { ...p, status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx:1.27', imageID: '', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }] } });
    const pm = podsRt.computed!.get('team-a', 'busy')!;
    expect(pm).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', window: '10.001s', metadata: { name: 'busy', namespace: 'team-a' } });
    const podCpu = Number((pm.containers as { usage: { cpu: string } }[])[0]!.usage.cpu.replace(/n$/, '')) / 1e9;
    hosts.placement.addConsumers(() => [{ key: 'team-a/vm', node: HOST, requests: { cpu: 8, memory: 16 * 1024 ** 3 } }]);
    const after = cpuOf(nodesRt.computed!.get('', HOST));
    expect(after - before).toBeGreaterThan(podCpu);
    expect(nodesRt.computed!.list()).toHaveLength(4);
    client.patch('v1', 'nodes', '', HOST, { metadata: { annotations: { 'supervisor.glasspane.io/simulate': 'fail' } } });
    expect(nodesRt.computed!.list().map((m) => m.metadata.name)).not.toContain(HOST);
    expect(podsRt.computed!.get('team-a', 'busy')).toBeUndefined();
  });

  it('registers status for Nodes created by clients, and seeds nothing with --seed none', async () => {
    const { client, node } = setup('none');
    await new Promise((r) => setImmediate(r));
    expect(client.list('v1', 'nodes')).toEqual([]);
    client.create('v1', 'nodes', { metadata: { name: 'edge-1', labels: { 'topology.kubernetes.io/zone': 'zone-c' } } });
    await eventually(() => readyStatus(node('edge-1')) === 'True', 'edge-1 Ready');
    expect((node('edge-1').status as { capacity: Record<string, string> }).capacity.cpu).toBe('48');
  });
});
