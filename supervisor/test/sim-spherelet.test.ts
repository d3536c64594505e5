import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Watch, type V1Pod } from '@kubernetes/client-node';
import { TestSupervisor } from './harness';
import { toYaml, type Manifest } from './manifests';
import { waitFor } from './poll';
import { parseTable } from './tables';

/**
 * vSphere Pods run by the simulated spherelet, through kubectl and client-node only. Pods are
 * bound directly to a Node the test registers (spec.nodeName), so nothing depends on the
 * scheduler. Time runs 20x faster: a pull of a few seconds takes a fraction of one, the
 * crash-loop back-off of 10 s, 20 s, 40 s takes 0.5 s, 1 s, 2 s.
 */
const NS = 'spherelet-test';
const NODE = 'esxi-sim-01.vsphere.local';

function pod(name: string, containers: Manifest[], extra: Manifest = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, labels: { app: name } }, spec: { nodeName: NODE, containers, ...extra } };
}

interface ContainerStatusJson {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: Record<string, Record<string, unknown>>;
  lastState: Record<string, Record<string, unknown>>;
}
interface PodJson {
  metadata: { annotations?: Record<string, string> };
  status: { phase: string; hostIP?: string; podIP?: string; podIPs?: { ip: string }[]; startTime?: string; qosClass?: string; conditions?: { type: string; status: string; reason?: string }[]; containerStatuses?: ContainerStatusJson[] };
}

describe('vSphere Pods on the simulated spherelet', () => {
  let sv: TestSupervisor;
  const kubectl = (args: string[]) => sv.kubectl.ok(args);
  const getPod = async (name: string): Promise<PodJson> => JSON.parse(await kubectl(['get', 'pod', name, '-n', NS, '-o', 'json'])) as PodJson;
  const row = async (name: string) => parseTable(await kubectl(['get', 'pod', name, '-n', NS]))[0]!;
  const apply = (...docs: Manifest[]) => sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...docs) });

  beforeAll(async () => {
    sv = await TestSupervisor.start({ env: { SUPERVISOR_TIME_SCALE: '20' }, args: ['--seed', 'none'] });
    await apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE, labels: { 'kubernetes.io/hostname': NODE, 'topology.kubernetes.io/zone': 'zone-a' } } },
    );
  });
  afterAll(async () => {
    await sv?.dispose();
  });

  it('runs a pod to Running with container statuses, IPs and vSphere Pod annotations (watched with client-node)', async () => {
    const seen = new Map<string, { phase?: string; waiting?: string; running: boolean; podIP?: string }[]>();
    const watch = await new Watch(sv.kubeConfig()).watch(
      `/api/v1/namespaces/${NS}/pods`,
      {},
      (_type: string, p: V1Pod) => {
        const cs = p.status?.containerStatuses?.[0];
        const list = seen.get(p.metadata!.name!) ?? [];
        list.push({ phase: p.status?.phase, waiting: cs?.state?.waiting?.reason, running: cs?.state?.running !== undefined, podIP: p.status?.podIP });
        seen.set(p.metadata!.name!, list);
      },
      () => {},
    );
    try {
      // A big image takes seconds (simulated) to pull, long enough to watch every stage.
      await apply(pod('web', [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }]), pod('trainer', [{ name: 'tensorflow', image: 'tensorflow/tensorflow:2.16.1', command: ['python', 'train.py'] }]));
      await kubectl(['wait', '--for=condition=Ready', 'pod/web', 'pod/trainer', '-n', NS, '--timeout=30s']);
      await waitFor(() => seen.get('trainer')?.some((s) => s.running) && seen.get('web')?.some((s) => s.running), { what: 'watch events with the containers running' });
      const stages = seen.get('trainer')!;
      const created = stages.findIndex((s) => s.phase === 'Pending');
      const creating = stages.findIndex((s) => s.waiting === 'ContainerCreating' && s.podIP !== undefined);
      const running = stages.findIndex((s) => s.phase === 'Running' && s.running);
      expect(created, JSON.stringify(stages)).toBe(0);
      expect(creating, JSON.stringify(stages)).toBeGreaterThan(0);
      expect(running, JSON.stringify(stages)).toBeGreaterThan(creating);
    } finally {
      watch.abort();
    }
    const p = await getPod('web');
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toMatch(/^10\.24[4-7]\.\d+\.\d+$/);
    expect(p.status.podIPs).toEqual([{ ip: p.status.podIP }]);
    expect(p.status.hostIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(p.status.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(p.status.qosClass).toBe('BestEffort');
    expect(p.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const cs = p.status.containerStatuses![0]!;
    expect(cs).toMatchObject({ name: 'web', image: 'docker.io/library/nginx:1.27', ready: true, started: true, restartCount: 0, lastState: {} });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.state.running!.startedAt).toMatch(/Z$/);
    for (const key of ['vmware-system-vm-uuid', 'vmware-system-vm-moid', 'vmware-system-ephemeral-disk-uuid', 'vmware-system-image-references', 'mac', 'vlan']) {
      expect(p.metadata.annotations?.[key], key).toBeTruthy();
    }
    const wide = parseTable(await kubectl(['get', 'pod', 'web', '-n', NS, '-o', 'wide']))[0]!;
    expect(wide).toMatchObject({ READY: '1/1', STATUS: 'Running', IP: p.status.podIP, NODE });
    const events = await kubectl(['get', 'events', '-n', NS, '--field-selector', 'involvedObject.name=web', '-o', 'custom-columns=REASON:.reason,FROM:.source.component,HOST:.source.host,MESSAGE:.message']);
    const reasons = parseTable(events);
    expect(reasons.map((r) => r.REASON)).toEqual(expect.arrayContaining(['Pulling', 'Pulled', 'Created', 'Started']));
    expect(reasons.find((r) => r.REASON === 'Pulled')).toMatchObject({ FROM: 'kubelet', HOST: NODE });
    expect(reasons.find((r) => r.REASON === 'Pulled')!.MESSAGE).toMatch(/^Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
  });

  it('serves deterministic logs: tail, timestamps, container choice', async () => {
    const all = await kubectl(['logs', 'web', '-n', NS]);
    expect(all.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(all).toContain('[notice] 1#1: start worker processes');
    const again = await kubectl(['logs', 'web', '-n', NS, '-c', 'web']);
    expect(again.startsWith(all.split('\n').slice(0, 20).join('\n'))).toBe(true);
    const tail = (await kubectl(['logs', 'web', '-n', NS, '--tail=3'])).trimEnd().split('\n');
    expect(tail).toHaveLength(3);
    const stamped = (await kubectl(['logs', 'web', '-n', NS, '--timestamps', '--tail=4'])).trimEnd().split('\n');
    expect(stamped).toHaveLength(4);
    for (const line of stamped) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S/);
    const limited = await kubectl(['logs', 'web', '-n', NS, '--limit-bytes=25']);
    expect(Buffer.byteLength(limited)).toBe(25);
  });

  it('follows a pod with kubectl logs -f --tail=5 until stopped', async () => {
    const follow = sv.kubectl.background(['logs', '-f', '--tail=5', 'web', '-n', NS]);
    try {
      await follow.waitForOutput((out) => out.split('\n').filter(Boolean).length >= 9, { timeoutMs: 20_000 });
      expect(follow.running).toBe(true);
      const lines = follow.stdout.split('\n').filter(Boolean);
      for (const line of lines.slice(5)) expect(line).toMatch(/^\d+\.\d+\.\d+\.\d+ - - \[.+\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} \d+ /);
    } finally {
      await follow.stop();
    }
  });

  it('serves each container of a pod with several (-c), kubectl defaulting to the first', async () => {
    await apply(pod('duo', [{ name: 'web', image: 'nginx:1.27' }, { name: 'cache', image: 'redis:7.2' }]));
    await kubectl(['wait', '--for=condition=Ready', 'pod/duo', '-n', NS, '--timeout=30s']);
    const bare = await sv.kubectl.run(['logs', 'duo', '-n', NS]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('Defaulted container "web" out of: web, cache');
    expect(bare.stdout).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(await kubectl(['logs', 'duo', '-n', NS, '-c', 'cache'])).toContain('* Ready to accept connections tcp');
    const other = await sv.kubectl.run(['logs', 'duo', '-n', NS, '-c', 'sidecar']);
    expect(other.stderr).toContain('container sidecar is not valid for pod duo');
  });

  it('refuses logs of a container that has not started, as the kubelet words it', async () => {
    await apply(pod('bad', [{ name: 'bad', image: 'nginx:invalid' }]));
    await waitFor(async () => ['ErrImagePull', 'ImagePullBackOff'].includes((await row('bad')).STATUS!), { what: 'bad to fail its pull', timeoutMs: 20_000 });
    const r = await sv.kubectl.run(['logs', 'bad', '-n', NS]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Error from server \(BadRequest\): container "bad" in pod "bad" is waiting to start: (image can't be pulled|trying and failing to pull image)/);
    const events = await kubectl(['get', 'events', '-n', NS, '--field-selector', 'involvedObject.name=bad', '-o', 'custom-columns=REASON:.reason,MESSAGE:.message']);
    expect(events).toContain('Error: ErrImagePull');
    const previous = await sv.kubectl.run(['logs', 'web', '-n', NS, '--previous']);
    expect(previous.stderr).toContain('previous terminated container "web" in pod "web" not found');
  });

  it('crash-loops an image named crash, with growing back-off, restarts and BackOff events', async () => {
    await apply(pod('crashy', [{ name: 'app', image: 'ghcr.io/glasspane/crash-app:1.0' }]));
    const restarts = async (): Promise<number> => (await getPod('crashy')).status.containerStatuses?.[0]?.restartCount ?? 0;
    await waitFor(async () => (await row('crashy')).STATUS === 'CrashLoopBackOff' && (await restarts()) >= 2, { what: 'CrashLoopBackOff after two restarts', timeoutMs: 30_000 });
    const first = await restarts();
    await waitFor(async () => (await restarts()) > first, { what: 'another restart', timeoutMs: 30_000 });
    // Between restarts the container runs (and is briefly Ready); look at it while it backs off.
    const p = await waitFor(async () => {
      const pod = await getPod('crashy');
      return pod.status.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' ? pod : undefined;
    }, { what: 'the container waiting in CrashLoopBackOff', timeoutMs: 30_000 });
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(p.status.containerStatuses![0]!.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const describe = await kubectl(['describe', 'pod', 'crashy', '-n', NS]);
    expect(describe).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/);
    expect(describe).toMatch(/Warning\s+BackOff\s+.*kubelet\s+Back-off restarting failed container app in pod crashy_spherelet-test\(/);
    expect(describe).toMatch(/Restart Count:\s+\d+/);
    const previous = await kubectl(['logs', 'crashy', '-n', NS, '--previous']);
    expect(previous).toMatch(/panic: runtime error|Error: connect ECONNREFUSED|java\.lang\.IllegalStateException/);
  });

  it('runs a restartPolicy Never pod to completion', async () => {
    await apply(pod('once', [{ name: 'once', image: 'busybox:1.36', command: ['sh', '-c', 'echo hello from the job; sleep 5'] }], { restartPolicy: 'Never' }));
    await waitFor(async () => (await row('once')).STATUS === 'Completed', { what: 'once to complete', timeoutMs: 30_000 });
    expect((await getPod('once')).status.phase).toBe('Succeeded');
    expect(await kubectl(['logs', 'once', '-n', NS])).toBe('hello from the job\n');
  });

  it('deletes a running pod gracefully: kubectl delete returns once it is gone', async () => {
    const started = Date.now();
    await kubectl(['delete', 'pod', 'web', '-n', NS, '--timeout=30s']);
    expect(Date.now() - started).toBeLessThan(30_000);
    const gone = await sv.kubectl.run(['get', 'pod', 'web', '-n', NS]);
    expect(gone.stderr).toContain('pods "web" not found');
    const killing = await kubectl(['get', 'events', '-n', NS, '--field-selector', 'involvedObject.name=web,reason=Killing', '-o', 'custom-columns=MESSAGE:.message', '--no-headers']);
    expect(killing.trim()).toBe('Stopping container web');
  });
});
