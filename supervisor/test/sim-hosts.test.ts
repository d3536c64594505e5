import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSupervisor } from './harness';
import { toYaml, type Manifest } from './manifests';
import { waitFor } from './poll';
import { parseTable } from './tables';

/**
 * Simulated ESXi hosts through kubectl only: four hosts registered like the seed's (with
 * `--seed none` the test creates the Nodes and the simulated spherelets post their status),
 * Lease heartbeats, the default-scheduler (binding, PodScheduled, Scheduled / FailedScheduling),
 * cordon, failing and recovering a host with the `supervisor.glasspane.io/simulate` annotation,
 * and `kubectl top`. Time runs 50x faster: the 40 s grace period is under a second.
 */
const HOSTS = [
  { name: 'esxi-01.vsphere.local', zone: 'zone-a' },
  { name: 'esxi-02.vsphere.local', zone: 'zone-a' },
  { name: 'esxi-03.vsphere.local', zone: 'zone-b' },
  { name: 'esxi-04.vsphere.local', zone: 'zone-b' },
];
const NS = 'hosts-test';
const FAILED = 'esxi-02.vsphere.local';

function node(name: string, zone: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node-role.kubernetes.io/agent': '',
        'topology.kubernetes.io/region': 'region-1',
        'topology.kubernetes.io/zone': zone,
      },
    },
  };
}

function pod(name: string, cpu: string, extra: Manifest = {}): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: name } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu, memory: '256Mi' } } }], ...extra },
  };
}

describe('simulated hosts', () => {
  let sv: TestSupervisor;
  const kubectl = (args: string[], context?: string) => sv.kubectl.ok(args, context ? { context } : {});
  const json = async <T>(args: string[]): Promise<T> => JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
  type Cond = { type: string; status: string; reason?: string; message?: string };
  type PodJson = { spec: { nodeName?: string }; status: { conditions?: Cond[] } };
  type NodeJson = { spec: { taints?: { key: string; effect: string }[] }; status: { conditions?: Cond[] } };
  type EventList = { items: { reason: string; message: string; type: string; source: { component: string } }[] };
  const events = (ns: string, name: string) => json<EventList>(['get', 'events', '-n', ns, '--field-selector', `involvedObject.name=${name}`]);

  beforeAll(async () => {
    sv = await TestSupervisor.start({ env: { SUPERVISOR_TIME_SCALE: '50' }, args: ['--seed', 'none'] });
    await sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...HOSTS.map((h) => node(h.name, h.zone))) });
    await kubectl(['create', 'namespace', NS]);
  });
  afterAll(async () => {
    await sv?.dispose();
  });

  it('kubectl get nodes shows four Ready ESXi hosts with roles, zones and spherelet versions', async () => {
    const rows = await waitFor(async () => {
      const table = parseTable(await kubectl(['get', 'nodes', '-L', 'topology.kubernetes.io/zone']));
      return table.length === 4 && table.every((r) => r.STATUS === 'Ready') ? table : undefined;
    }, { what: 'four Ready nodes' });
    expect(rows.map((r) => [r.NAME, r.ROLES, r.ZONE])).toEqual(HOSTS.map((h) => [h.name, 'agent', h.zone]));
    for (const r of rows) expect(r.VERSION).toMatch(/^v1\.32\.\d+-sph-[0-9a-f]+$/);
    const wide = parseTable(await kubectl(['get', 'node', 'esxi-01.vsphere.local', '-o', 'wide']))[0]!;
    expect(wide['OS-IMAGE']).toBe('VMware ESXi 8.0.3');
    const status = await json<{ status: { allocatable: Record<string, string>; capacity: Record<string, string>; conditions: Cond[] } }>(['get', 'node', 'esxi-01.vsphere.local']);
    expect(status.status.capacity).toMatchObject({ cpu: '48', pods: '250' });
    expect(status.status.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
  });

  it('renews each host Lease in kube-node-lease', async () => {
    const renewTime = () => kubectl(['get', 'lease', '-n', 'kube-node-lease', 'esxi-03.vsphere.local', '-o', 'jsonpath={.spec.holderIdentity} {.spec.leaseDurationSeconds} {.spec.renewTime}']);
    const first = await waitFor(renewTime, { what: 'the lease' });
    expect(first).toMatch(/^esxi-03\.vsphere\.local 40 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await waitFor(async () => (await renewTime()) !== first, { what: 'a renewal' });
  });

  it('schedules a pod with requests: binding, PodScheduled=True and a Scheduled event', async () => {
    await sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(pod('web', '500m')) });
    const bound = await waitFor(async () => (await json<PodJson>(['get', 'pod', 'web', '-n', NS])).spec.nodeName, { what: 'web to be bound' });
    expect(HOSTS.map((h) => h.name)).toContain(bound);
    const p = await json<PodJson>(['get', 'pod', 'web', '-n', NS]);
    expect(p.status.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    const scheduled = (await events(NS, 'web')).items.find((e) => e.reason === 'Scheduled');
    expect(scheduled).toMatchObject({ type: 'Normal', message: `Successfully assigned ${NS}/web to ${bound}`, source: { component: 'default-scheduler' } });
  });

  it('reports an oversized pod as Unschedulable with a FailedScheduling event worded like kube-scheduler', async () => {
    await sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(pod('oversized', '64')) });
    const message = '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod..';
    const cond = await waitFor(async () => (await json<PodJson>(['get', 'pod', 'oversized', '-n', NS])).status.conditions?.find((c) => c.type === 'PodScheduled'), { what: 'PodScheduled' });
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const failed = await waitFor(async () => (await events(NS, 'oversized')).items.find((e) => e.reason === 'FailedScheduling'), { what: 'FailedScheduling' });
    expect(failed).toMatchObject({ type: 'Warning', message, source: { component: 'default-scheduler' } });
    await kubectl(['delete', 'pod', 'oversized', '-n', NS, '--wait=false']);
  });

  it('keeps pods off cordoned hosts', async () => {
    const cordoned = HOSTS.map((h) => h.name).filter((n) => n !== 'esxi-04.vsphere.local');
    for (const n of cordoned) expect(await kubectl(['cordon', n])).toBe(`node/${n} cordoned\n`);
    const taints = await waitFor(async () => (await json<NodeJson>(['get', 'node', cordoned[0]!])).spec.taints, { what: 'the unschedulable taint' });
    expect(taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })]);
    await sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(pod('c1', '100m'), pod('c2', '100m'), pod('c3', '100m')) });
    for (const name of ['c1', 'c2', 'c3']) {
      expect(await waitFor(async () => (await json<PodJson>(['get', 'pod', name, '-n', NS])).spec.nodeName, { what: `${name} bound` })).toBe('esxi-04.vsphere.local');
    }
    for (const n of cordoned) await kubectl(['uncordon', n]);
    await waitFor(async () => (await json<NodeJson>(['get', 'node', cordoned[0]!])).spec.taints === undefined, { what: 'the taint to go' });
  });

  it('fails a host on demand and recovers it (admins only)', async () => {
    const denied = await sv.kubectl.run(['annotate', 'node', FAILED, 'supervisor.glasspane.io/simulate=fail'], { context: 'devops' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(`nodes "${FAILED}" is forbidden: User "devops" cannot patch resource "nodes"`);

    expect(await kubectl(['annotate', 'node', FAILED, 'supervisor.glasspane.io/simulate=fail'])).toBe(`node/${FAILED} annotated\n`);
    await waitFor(async () => parseTable(await kubectl(['get', 'node', FAILED]))[0]?.STATUS === 'NotReady', { what: 'NotReady' });
    const failed = await waitFor(async () => {
      const n = await json<NodeJson>(['get', 'node', FAILED]);
      return (n.spec.taints ?? []).length === 2 ? n : undefined;
    }, { what: 'the unreachable taints' });
    expect(failed.spec.taints!.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    for (const c of failed.status.conditions!) expect(c).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const notReady = (await events('default', FAILED)).items.find((e) => e.reason === 'NodeNotReady');
    expect(notReady).toMatchObject({ message: `Node ${FAILED} status is now: NodeNotReady`, source: { component: 'node-controller' } });

    // Nothing new lands there, and the scheduler says why.
    await sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(pod('too-big', '60')) });
    const msg = await waitFor(async () => (await json<PodJson>(['get', 'pod', 'too-big', '-n', NS])).status.conditions?.find((c) => c.type === 'PodScheduled')?.message, { what: 'too-big unschedulable' });
    expect(msg).toMatch(/^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}, 3 Insufficient cpu\. preemption: 0\/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod\.\.$/);
    await kubectl(['delete', 'pod', 'too-big', '-n', NS, '--wait=false']);

    expect(await kubectl(['annotate', 'node', FAILED, 'supervisor.glasspane.io/simulate-'])).toBe(`node/${FAILED} annotated\n`);
    const back = await waitFor(async () => {
      const n = await json<NodeJson>(['get', 'node', FAILED]);
      return n.spec.taints === undefined && n.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? n : undefined;
    }, { what: 'recovery' });
    expect(back.status.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    await waitFor(async () => (await events('default', FAILED)).items.some((e) => e.reason === 'NodeReady' && e.source.component === 'kubelet'), { what: 'NodeReady' });
  });

  it('kubectl top nodes and pods print metrics; view-level users may read them', async () => {
    const top = await waitFor(async () => {
      const rows = parseTable(await kubectl(['top', 'nodes']));
      return rows.length === 4 && rows.every((r) => r['CPU(cores)'] !== '<unknown>') ? rows : undefined;
    }, { what: 'kubectl top nodes' });
    expect(top.map((r) => r.NAME)).toEqual(HOSTS.map((h) => h.name));
    for (const r of top) {
      expect(r['CPU(cores)']).toMatch(/^\d+m$/);
      expect(r['MEMORY(bytes)']).toMatch(/^\d+Mi$/);
      expect(r['CPU(%)']).toMatch(/^\d+%$/);
    }
    expect(parseTable(await kubectl(['top', 'nodes'], 'devops'))).toHaveLength(4);
    const developer = await sv.kubectl.run(['top', 'nodes'], { context: 'developer' });
    expect(developer.stderr).toContain('nodes.metrics.k8s.io is forbidden');
    const groups = await kubectl(['api-versions']);
    expect(groups.split('\n')).toContain('metrics.k8s.io/v1beta1');
    const list = JSON.parse(await kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/namespaces/${NS}/pods`])) as { kind: string; items: unknown[] };
    expect(list.kind).toBe('PodMetricsList');
    // Once the spherelet runs the pods, kubectl top pods reports them per container.
    const pods = await waitFor(async () => {
      const rows = parseTable(await kubectl(['top', 'pods', '-A', '--containers']));
      return rows.some((r) => r.NAMESPACE === NS && r.POD === 'web') ? rows : undefined;
    }, { what: 'kubectl top pods' });
    expect(pods.find((r) => r.POD === 'web')).toMatchObject({ NAME: 'app', 'CPU(cores)': expect.stringMatching(/^\d+m$/), 'MEMORY(bytes)': expect.stringMatching(/^\d+Mi$/) });
  });
});
