import { CoreV1Api, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSupervisor } from './harness';
import { toYaml, type Manifest } from './manifests';
import { waitFor } from './poll';
import { parseTable } from './tables';

/**
 * The workload controllers through kubectl and client-node only: a Deployment rolls out, scales,
 * rolls to a new image and back, and is deleted in the foreground; a ReplicaSet replaces a
 * deleted pod and reports a quota refusal; a StatefulSet creates ordered pods whose claims get
 * provisioned and Bound; a Job completes; a CronJob runs; Services get Endpoints and
 * EndpointSlices with the ready pods' IPs. Time runs 50x faster.
 *
 * Pods are run by whatever runs them: the simulated hosts and spherelet when they bring the
 * test's Nodes to Ready, otherwise a stand-in here that marks unbound pods Running and Ready (or
 * Succeeded, for restartPolicy Never/OnFailure) with a pod IP, as a kubelet would report.
 */
const NS = 'wl-test';
const QUOTA_NS = 'wl-quota';
const STORAGE_CLASS = 'wl-immediate';
const HOSTS = ['esxi-01.vsphere.local', 'esxi-02.vsphere.local'];

type Cond = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string };
type Meta = { name: string; uid: string; deletionTimestamp?: string; labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp: string; ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[]; finalizers?: string[] };
type Obj = { metadata: Meta; spec: Record<string, unknown>; status?: Record<string, unknown> & { conditions?: Cond[] } };
type List = { items: Obj[] };
type EventList = { items: { reason: string; message: string; type: string; involvedObject: { kind: string; name: string }; firstTimestamp: string }[] };

function node(name: string, zone: string): Manifest {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone, 'node-role.kubernetes.io/agent': '' } } };
}

function webDeployment(name: string, replicas: number, image = 'nginx:1.27.3'): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image, ports: [{ name: 'http', containerPort: 80 }], resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } } }] } },
    },
  };
}

function service(name: string, headless = false): Manifest {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NS }, spec: { ...(headless ? { clusterIP: 'None' } : {}), selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } };
}

/** Stands in for the node agent while no simulated host is Ready: unbound pods start (or complete) at once. */
class StandInKubelet {
  private timer: NodeJS.Timeout | undefined;
  private next = 10;
  private busy = false;

  constructor(private readonly core: CoreV1Api) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), 50);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const pods = await this.core.listNamespacedPod({ namespace: NS });
      for (const p of pods.items) if (!p.spec?.nodeName && p.status?.phase === 'Pending' && !p.metadata?.deletionTimestamp) await this.run(p);
    } catch {
      // A pod deleted between list and update: the next tick sees the new state.
    } finally {
      this.busy = false;
    }
  }

  private async run(p: V1Pod): Promise<void> {
    const now = new Date();
    const completes = p.spec?.restartPolicy !== 'Always';
    const ip = `10.244.${Math.floor(this.next / 250)}.${(this.next++ % 250) + 2}`;
    const ready = completes ? 'False' : 'True';
    p.status = {
      ...p.status,
      phase: completes ? 'Succeeded' : 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      startTime: now,
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        { type: 'ContainersReady', status: ready, lastTransitionTime: now },
        { type: 'Ready', status: ready, lastTransitionTime: now },
      ],
    };
    await this.core.replaceNamespacedPodStatus({ namespace: NS, name: p.metadata!.name!, body: p });
  }
}

describe('simulated workload controllers', () => {
  let sv: TestSupervisor;
  let standIn: StandInKubelet | undefined;
  const kubectl = (args: string[]) => sv.kubectl.ok(args);
  const json = async <T = Obj>(args: string[]): Promise<T> => JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
  const apply = (...docs: Manifest[]) => sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...docs) });
  const events = async (name: string, namespace = NS): Promise<EventList['items']> => (await json<EventList>(['get', 'events', '-n', namespace, '--field-selector', `involvedObject.name=${name}`])).items;
  const cond = (o: Obj, type: string) => o.status?.conditions?.find((c) => c.type === type);
  const activePods = async (selector: string): Promise<Obj[]> => (await json<List>(['get', 'pods', '-n', NS, '-l', selector])).items.filter((p) => !p.metadata.deletionTimestamp);
  const podIPs = async (selector: string): Promise<string[]> =>
    (await activePods(selector)).filter((p) => p.status?.phase === 'Running' && cond(p, 'Ready')?.status === 'True').map((p) => String(p.status?.podIP)).sort();

  beforeAll(async () => {
    sv = await TestSupervisor.start({ env: { SUPERVISOR_TIME_SCALE: '50' }, args: ['--seed', 'none'] });
    await apply(...HOSTS.map((h, i) => node(h, i === 0 ? 'zone-a' : 'zone-b')));
    await kubectl(['create', 'namespace', NS]);
    await apply({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: STORAGE_CLASS }, provisioner: 'csi.vsphere.vmware.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    // The simulated hosts, when present, bring the Nodes to Ready within a few heartbeats.
    const hostsReady = await waitFor(
      async () => ((await json<List>(['get', 'nodes'])).items.some((n) => cond(n, 'Ready')?.status === 'True') ? true : undefined),
      { timeoutMs: 3000, what: 'a Ready host' },
    ).catch(() => false);
    if (!hostsReady) {
      standIn = new StandInKubelet(sv.kubeConfig().makeApiClient(CoreV1Api));
      standIn.start();
    }
  });
  afterAll(async () => {
    standIn?.stop();
    await sv?.dispose();
  });

  it('rolls out a Deployment: ReplicaSet and pods with owner references, READY 3/3, conditions and revision', async () => {
    await apply(webDeployment('web', 3), service('web'));
    const status = await kubectl(['rollout', 'status', 'deployment/web', '-n', NS, '--timeout=60s']);
    expect(status).toContain('deployment "web" successfully rolled out');
    const row = parseTable(await kubectl(['get', 'deploy', 'web', '-n', NS]))[0]!;
    expect([row.READY, row['UP-TO-DATE'], row.AVAILABLE]).toEqual(['3/3', '3', '3']);

    const deploy = await json(['get', 'deploy', 'web', '-n', NS]);
    expect(deploy.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(deploy.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(cond(deploy, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });

    const [rs, ...others] = (await json<List>(['get', 'rs', '-n', NS, '-l', 'app=web'])).items;
    expect(others).toEqual([]);
    const hash = rs!.metadata.labels?.['pod-template-hash'];
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs!.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(cond(deploy, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.` });

    const pods = await activePods('app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs!.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels?.['pod-template-hash']).toBe(hash);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs!.metadata.name, uid: rs!.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const created = (await events(rs!.metadata.name)).filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message);
    expect(created.sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect((await events('web')).map((e) => e.message)).toContain(`Scaled up replica set ${rs!.metadata.name} to 3`);
  });

  it('gives the Service Endpoints and an EndpointSlice with the ready pods\' IPs', async () => {
    const ips = await podIPs('app=web');
    expect(ips).toHaveLength(3);
    const ep = await waitFor(async () => {
      const e = await json<{ subsets?: { addresses?: { ip: string; targetRef: { kind: string; name: string } }[]; ports: { name: string; port: number; protocol: string }[] }[] }>(['get', 'endpoints', 'web', '-n', NS]);
      return e.subsets?.[0]?.addresses?.length === 3 ? e : undefined;
    }, { what: 'three endpoint addresses' });
    expect(ep.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(ips);
    expect(ep.subsets![0]!.addresses!.every((a) => a.targetRef.kind === 'Pod' && a.targetRef.name.startsWith('web-'))).toBe(true);
    expect(ep.subsets![0]!.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);

    const slices = await json<{ items: { metadata: Meta; addressType: string; ports: unknown[]; endpoints: { addresses: string[]; conditions: Record<string, boolean> }[] }[] }>(['get', 'endpointslices', '-n', NS, '-l', 'kubernetes.io/service-name=web']);
    expect(slices.items).toHaveLength(1);
    const slice = slices.items[0]!;
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints.map((e) => e.addresses[0]).sort()).toEqual(ips);
    expect(slice.endpoints.every((e) => e.conditions.ready && e.conditions.serving && !e.conditions.terminating)).toBe(true);
  });

  it('has the kubernetes Service in default with its Endpoints', async () => {
    const svc = await json(['get', 'service', 'kubernetes', '-n', 'default']);
    expect(svc.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] });
    const ep = await json<{ subsets: { addresses: { ip: string }[]; ports: { port: number }[] }[] }>(['get', 'endpoints', 'kubernetes', '-n', 'default']);
    expect(ep.subsets[0]!.addresses[0]!.ip).toBe('127.0.0.1');
    expect(ep.subsets[0]!.ports[0]!.port).toBe(sv.port);
  });

  it('scales with kubectl scale, and the Endpoints follow', async () => {
    await kubectl(['scale', 'deployment/web', '-n', NS, '--replicas=5']);
    await waitFor(async () => parseTable(await kubectl(['get', 'deploy', 'web', '-n', NS]))[0]?.READY === '5/5', { what: 'READY 5/5', timeoutMs: 30_000 });
    await kubectl(['scale', 'deployment/web', '-n', NS, '--replicas=2']);
    await waitFor(async () => (await activePods('app=web')).length === 2, { what: 'two pods', timeoutMs: 30_000 });
    await waitFor(async () => {
      const e = await json<{ subsets?: { addresses?: unknown[] }[] }>(['get', 'endpoints', 'web', '-n', NS]);
      return e.subsets?.[0]?.addresses?.length === 2;
    }, { what: 'two endpoint addresses' });
    const rs = (await json<List>(['get', 'rs', '-n', NS, '-l', 'app=web'])).items[0]!;
    expect(rs.spec.replicas).toBe(2);
    const messages = (await events('web')).map((e) => e.message);
    expect(messages).toContain(`Scaled up replica set ${rs.metadata.name} to 5 from 3`);
    expect(messages).toContain(`Scaled down replica set ${rs.metadata.name} to 2 from 5`);
    expect((await events(rs.metadata.name)).some((e) => e.reason === 'SuccessfulDelete' && e.message.startsWith('Deleted pod: web-'))).toBe(true);
  });

  it('replaces a pod deleted from under its ReplicaSet', async () => {
    await waitFor(async () => parseTable(await kubectl(['get', 'deploy', 'web', '-n', NS]))[0]?.READY === '2/2', { what: 'READY 2/2' });
    const [victim] = await activePods('app=web');
    await kubectl(['delete', 'pod', victim!.metadata.name, '-n', NS, '--wait=false']);
    const replaced = await waitFor(async () => {
      const pods = await activePods('app=web');
      return pods.length === 2 && !pods.some((p) => p.metadata.name === victim!.metadata.name) ? pods : undefined;
    }, { what: 'a replacement pod', timeoutMs: 30_000 });
    expect(replaced.every((p) => p.metadata.ownerReferences?.[0]?.uid === victim!.metadata.ownerReferences?.[0]?.uid)).toBe(true);
  });

  it('rolls a new image out through a new ReplicaSet, keeps history, and undoes it', async () => {
    const before = (await json<List>(['get', 'rs', '-n', NS, '-l', 'app=web'])).items[0]!;
    await kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.28.0', '-n', NS]);
    expect(await kubectl(['rollout', 'status', 'deployment/web', '-n', NS, '--timeout=60s'])).toContain('successfully rolled out');
    const sets = (await json<List>(['get', 'rs', '-n', NS, '-l', 'app=web'])).items;
    expect(sets).toHaveLength(2);
    const next = sets.find((s) => s.metadata.uid !== before.metadata.uid)!;
    const old = sets.find((s) => s.metadata.uid === before.metadata.uid)!;
    expect([next.spec.replicas, old.spec.replicas]).toEqual([2, 0]);
    expect(next.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    await waitFor(async () => (await activePods(`pod-template-hash=${before.metadata.labels?.['pod-template-hash']}`)).length === 0, { what: 'old pods gone' });
    const messages = (await events('web')).filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(messages).toContain(`Scaled up replica set ${next.metadata.name} to 1`);
    expect(messages.some((m) => m.startsWith(`Scaled down replica set ${old.metadata.name} to 0 from `))).toBe(true);
    const history = await kubectl(['rollout', 'history', 'deployment/web', '-n', NS]);
    expect(parseTable(history.split('\n').slice(1).join('\n')).map((r) => r.REVISION)).toEqual(['1', '2']);

    await kubectl(['rollout', 'undo', 'deployment/web', '-n', NS]);
    expect(await kubectl(['rollout', 'status', 'deployment/web', '-n', NS, '--timeout=60s'])).toContain('successfully rolled out');
    const back = await json(['get', 'rs', old.metadata.name, '-n', NS]);
    expect(back.spec.replicas).toBe(2);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
  });

  it('reports a pod creation refused by ResourceQuota as FailedCreate and ReplicaFailure', async () => {
    await kubectl(['create', 'namespace', QUOTA_NS]);
    await apply({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'tight', namespace: QUOTA_NS }, spec: { hard: { 'count/pods': '0' } } });
    await apply({ ...webDeployment('capped', 1), metadata: { name: 'capped', namespace: QUOTA_NS, labels: { app: 'capped' } } });
    const rs = await waitFor(async () => (await json<List>(['get', 'rs', '-n', QUOTA_NS, '-l', 'app=capped'])).items[0], { what: 'the capped ReplicaSet' });
    const failed = await waitFor(async () => (await events(rs.metadata.name, QUOTA_NS)).find((e) => e.reason === 'FailedCreate'), { what: 'a FailedCreate event' });
    expect(failed.type).toBe('Warning');
    expect(failed.message).toMatch(/^Error creating: pods "capped-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: tight, requested: count\/pods=1, used: count\/pods=0, limited: count\/pods=0$/);
    const condition = await waitFor(async () => cond(await json(['get', 'rs', rs.metadata.name, '-n', QUOTA_NS]), 'ReplicaFailure'), { what: 'ReplicaFailure' });
    expect(condition).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(condition.message).toContain('exceeded quota: tight');
    await waitFor(async () => cond(await json(['get', 'deploy', 'capped', '-n', QUOTA_NS]), 'ReplicaFailure')?.reason === 'FailedCreate', { what: 'the Deployment\'s ReplicaFailure' });
  });

  it('creates StatefulSet pods in order, with claims that get provisioned and Bound', async () => {
    await apply(service('redis', true), {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'redis', namespace: NS },
      spec: {
        serviceName: 'redis',
        replicas: 3,
        selector: { matchLabels: { app: 'redis' } },
        template: { metadata: { labels: { app: 'redis' } }, spec: { containers: [{ name: 'redis', image: 'redis:7.2.5', ports: [{ name: 'http', containerPort: 6379 }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: STORAGE_CLASS, resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    expect(await kubectl(['rollout', 'status', 'statefulset/redis', '-n', NS, '--timeout=60s'])).toContain('3 new pods have been updated');
    const sts = await json(['get', 'sts', 'redis', '-n', NS]);
    expect(sts.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(sts.status?.currentRevision).toBe(sts.status?.updateRevision);
    const revision = String(sts.status?.updateRevision);
    expect(revision).toMatch(/^redis-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect((await json<List>(['get', 'controllerrevisions', '-n', NS])).items.map((r) => r.metadata.name)).toContain(revision);

    const pods = (await json<List>(['get', 'pods', '-n', NS, '-l', 'app=redis'])).items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(pods.map((p) => p.metadata.name)).toEqual(['redis-0', 'redis-1', 'redis-2']);
    pods.forEach((p, i) => {
      expect(p.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': `redis-${i}`, 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision });
      expect(p.spec).toMatchObject({ hostname: `redis-${i}`, subdomain: 'redis' });
      if (i > 0) {
        // OrderedReady: each pod was created only once its predecessor was Ready (both to the second).
        const readySince = Math.floor(Date.parse(cond(pods[i - 1]!, 'Ready')!.lastTransitionTime!) / 1000) * 1000;
        expect(Date.parse(p.metadata.creationTimestamp)).toBeGreaterThanOrEqual(readySince);
      }
    });
    const created = (await events('redis')).filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'StatefulSet').map((e) => e.message);
    expect(created).toEqual(expect.arrayContaining(['create Pod redis-0 in StatefulSet redis successful', 'create Claim data-redis-0 Pod redis-0 in StatefulSet redis success', 'create Pod redis-2 in StatefulSet redis successful']));

    const claims = await waitFor(async () => {
      const list = (await json<List>(['get', 'pvc', '-n', NS])).items;
      return list.length === 3 && list.every((c) => c.status?.phase === 'Bound') ? list : undefined;
    }, { what: 'three Bound claims', timeoutMs: 30_000 });
    for (const c of claims) {
      expect(c.metadata.name).toMatch(/^data-redis-[012]$/);
      expect(c.metadata.finalizers).toContain('kubernetes.io/pvc-protection');
      expect(c.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.kubernetes.io/storage-provisioner': 'csi.vsphere.vmware.com' });
      expect(c.spec.volumeName).toBe(`pvc-${c.metadata.uid}`);
      expect(c.status).toMatchObject({ phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] });
      const pv = await json(['get', 'pv', `pvc-${c.metadata.uid}`]);
      expect(pv.status?.phase).toBe('Bound');
      expect(pv.spec).toMatchObject({ csi: { driver: 'csi.vsphere.vmware.com' }, claimRef: { name: c.metadata.name, namespace: NS, uid: c.metadata.uid }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: STORAGE_CLASS });
      expect((await events(c.metadata.name)).map((e) => e.message)).toContain(`Successfully provisioned volume pvc-${c.metadata.uid}`);
    }

    await kubectl(['scale', 'statefulset/redis', '-n', NS, '--replicas=1']);
    await waitFor(async () => (await json<List>(['get', 'pods', '-n', NS, '-l', 'app=redis'])).items.length === 1, { what: 'redis scaled to 1', timeoutMs: 30_000 });
    expect((await json<List>(['get', 'pvc', '-n', NS])).items).toHaveLength(3);
  });

  it('protects claims in use, and deletes a released volume with its claim (reclaimPolicy Delete)', async () => {
    const volumeOf = async (claim: string) => `pvc-${(await json(['get', 'pvc', claim, '-n', NS])).metadata.uid}`;
    const unused = await volumeOf('data-redis-2');
    await kubectl(['delete', 'pvc', 'data-redis-2', '-n', NS, '--timeout=30s']);
    await waitFor(async () => (await sv.kubectl.run(['get', 'pv', unused])).code !== 0, { what: `${unused} deleted` });

    const used = await volumeOf('data-redis-0');
    await kubectl(['delete', 'pvc', 'data-redis-0', '-n', NS, '--wait=false']);
    const terminating = await json(['get', 'pvc', 'data-redis-0', '-n', NS]);
    expect(terminating.metadata.deletionTimestamp).toBeTruthy();
    expect(terminating.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    await kubectl(['delete', 'statefulset', 'redis', '-n', NS, '--cascade=foreground', '--timeout=60s']);
    await waitFor(async () => (await sv.kubectl.run(['get', 'pvc', 'data-redis-0', '-n', NS])).code !== 0, { what: 'the claim gone with its pod', timeoutMs: 30_000 });
    await waitFor(async () => (await sv.kubectl.run(['get', 'pv', used])).code !== 0, { what: `${used} deleted` });
  });

  it('provisions a WaitForFirstConsumer claim only once a pod using it is scheduled', async () => {
    await apply(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wl-late' }, provisioner: 'csi.vsphere.vmware.com', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'scratch', namespace: NS }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'wl-late', resources: { requests: { storage: '5Gi' } } } },
    );
    const waiting = await waitFor(async () => (await events('scratch')).find((e) => e.reason === 'WaitForFirstConsumer'), { what: 'WaitForFirstConsumer' });
    expect(waiting.message).toBe('waiting for first consumer to be created before binding');
    expect((await json(['get', 'pvc', 'scratch', '-n', NS])).status?.phase).toBe('Pending');
    await apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'consumer', namespace: NS }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1', command: ['sleep', '3600'] }], volumes: [{ name: 'scratch', persistentVolumeClaim: { claimName: 'scratch' } }] } });
    // kube-scheduler records its choice on the claim; the stand-in has no scheduler, so the test does.
    if (standIn) await kubectl(['annotate', 'pvc', 'scratch', '-n', NS, `volume.kubernetes.io/selected-node=${HOSTS[0]}`]);
    const claim = await waitFor(async () => {
      const c = await json(['get', 'pvc', 'scratch', '-n', NS]);
      return c.status?.phase === 'Bound' ? c : undefined;
    }, { what: 'the claim Bound', timeoutMs: 30_000 });
    const selected = claim.metadata.annotations?.['volume.kubernetes.io/selected-node'];
    expect(HOSTS).toContain(selected);
    const pv = await json(['get', 'pv', `pvc-${claim.metadata.uid}`]);
    expect(pv.spec).toMatchObject({ capacity: { storage: '5Gi' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [selected === HOSTS[0] ? 'zone-a' : 'zone-b'] }] }] } } });
  });

  it('runs a Job to completion: kubectl wait --for=condition=complete', async () => {
    await apply({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: NS },
      spec: { completions: 2, parallelism: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'registry.example.com/team-a/api-migrations:1.4.2' }] } } },
    });
    expect(await kubectl(['wait', '--for=condition=complete', 'job/migrate', '-n', NS, '--timeout=60s'])).toContain('condition met');
    const job = await json(['get', 'job', 'migrate', '-n', NS]);
    expect(job.status).toMatchObject({ succeeded: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(job.status?.completionTime).toBeTruthy();
    expect(job.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    const pods = (await json<List>(['get', 'pods', '-n', NS, '-l', 'batch.kubernetes.io/job-name=migrate'])).items;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.finalizers ?? []).not.toContain('batch.kubernetes.io/job-tracking');
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'migrate', controller: true });
    }
    const reasons = (await events('migrate')).map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toContain('Completed: Job completed');
    expect(reasons.filter((r) => r.startsWith('SuccessfulCreate: Created pod: migrate-'))).toHaveLength(2);
  });

  it('runs a CronJob on its schedule', async () => {
    await apply({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'tick', namespace: NS },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.36.1' }] } } } } },
    });
    const cj = await waitFor(async () => {
      const c = await json(['get', 'cronjob', 'tick', '-n', NS]);
      return c.status?.lastSuccessfulTime ? c : undefined;
    }, { what: 'a successful run', timeoutMs: 30_000 });
    expect(cj.status?.lastScheduleTime).toBeTruthy();
    const jobs = (await json<List>(['get', 'jobs', '-n', NS])).items.filter((j) => j.metadata.ownerReferences?.[0]?.name === 'tick');
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) {
      expect(j.metadata.name).toMatch(/^tick-\d+$/);
      expect(j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    }
    expect((await events('tick')).map((e) => e.reason)).toEqual(expect.arrayContaining(['SuccessfulCreate', 'SawCompletedJob']));
    await kubectl(['delete', 'cronjob', 'tick', '-n', NS]);
  });

  it('deletes a Deployment in the foreground: ReplicaSets and pods go first', async () => {
    await kubectl(['delete', 'deployment', 'web', '-n', NS, '--cascade=foreground', '--timeout=60s']);
    await waitFor(async () => (await json<List>(['get', 'rs,pods', '-n', NS, '-l', 'app=web'])).items.length === 0, { what: 'no web ReplicaSets or pods', timeoutMs: 30_000 });
    await expect(kubectl(['get', 'deployment', 'web', '-n', NS])).rejects.toThrow(/NotFound|not found/);
  });
});
