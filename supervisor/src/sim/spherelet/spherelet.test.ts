import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { eventually } from '../../testing/eventually';
import { createInProcessCore, type InProcessCore } from '../../testing/in-process-core';
import { Spherelet } from './spherelet';
import { SphereletLogs } from './logs/log-provider';
import { SIMULATE_ANNOTATION } from './host-view';

/**
 * The spherelet controller in process, against a real store and object API: pods bound to a
 * Node run, their events are recorded once (also across a restart), a failed host's pods are
 * left alone, graceful deletions are confirmed, and pods/log follows a container.
 */
const SCALE = 50;
const NODE = 'esxi-07.vsphere.local';
let core: InProcessCore | undefined;

afterEach(() => {
  core?.dispose();
  core = undefined;
});

function start(c: InProcessCore): Spherelet {
  const s = new Spherelet(c.ctx);
  s.start();
  return s;
}

function createPod(c: InProcessCore, name: string, image: string, extra: Record<string, unknown> = {}): void {
  c.client.create('v1', 'pods', { metadata: { name, namespace: 'team-a' }, spec: { nodeName: NODE, containers: [{ name: 'app', image }], ...extra } });
}

/** Lets the spherelet's work queue drain (it processes on the next turn of the event loop). */
async function drained(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
}

const pod = (c: InProcessCore, name: string): KubeObject | undefined => c.client.get('v1', 'pods', 'team-a', name);
const phase = (p: KubeObject | undefined): unknown => (p?.status as { phase?: string } | undefined)?.phase;

/** The pod's events in the order they were recorded: by resourceVersion, since names sort by millisecond only. */
function events(c: InProcessCore, name: string): { reason: string; count: number }[] {
  return c.client
    .list('v1', 'events', 'team-a')
    .filter((e) => (e.involvedObject as { name: string }).name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => ({ reason: String(e.reason), count: Number(e.count) }));
}

describe('Spherelet', () => {
  it('runs a bound pod to Running, with annotations, IPs and one event per step', async () => {
    core = createInProcessCore({ timeScale: SCALE });
    const node = core.client.create('v1', 'nodes', { metadata: { name: NODE } });
    core.client.updateStatus('v1', 'nodes', { ...node, status: { addresses: [{ type: 'InternalIP', address: '10.10.10.17' }] } });
    start(core);
    createPod(core, 'web', 'nginx:1.27');
    const running = await eventually(() => (phase(pod(core!, 'web')) === 'Running' ? pod(core!, 'web') : undefined), 'web Running');
    const status = running.status as Record<string, unknown>;
    expect(status.hostIP).toBe('10.10.10.17');
    expect(status.podIP).toMatch(/^10\.24[4-7]\.\d+\.\d+$/);
    expect(running.metadata.annotations?.['vmware-system-vm-uuid']).toMatch(/^50/);
    expect(running.metadata.managedFields?.some((m) => m.manager === 'spherelet' && m.subresource === 'status')).toBe(true);
    await eventually(() => events(core!, 'web').length === 4, 'four kubelet events');
    expect(events(core, 'web')).toEqual([
      { reason: 'Pulling', count: 1 },
      { reason: 'Pulled', count: 1 },
      { reason: 'Created', count: 1 },
      { reason: 'Started', count: 1 },
    ]);
  });

  it('resumes after a restart without recording events twice', async () => {
    core = createInProcessCore({ timeScale: 1 });
    core.client.create('v1', 'nodes', { metadata: { name: NODE } });
    start(core);
    createPod(core, 'big', 'tensorflow/tensorflow:2.16.1');
    await eventually(() => events(core!, 'big').some((e) => e.reason === 'Pulling'), 'the pull to start', 8000);
    expect((pod(core, 'big')!.status as { containerStatuses: { state: unknown }[] }).containerStatuses[0]!.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    core = core.reopen();
    start(core);
    // The pull takes over 12 s at scale 1: the restarted spherelet picks it up where it was.
    await drained();
    expect(events(core, 'big')).toEqual([{ reason: 'Pulling', count: 1 }]);
    expect(phase(pod(core, 'big'))).toBe('Pending');
  });

  it('leaves the pods of a failed host alone until it recovers, then finishes their deletion', async () => {
    core = createInProcessCore({ timeScale: SCALE });
    core.client.create('v1', 'nodes', { metadata: { name: NODE, annotations: { [SIMULATE_ANNOTATION]: 'fail' } } });
    start(core);
    createPod(core, 'stuck', 'nginx:1.27');
    core.client.delete('v1', 'pods', 'team-a', 'stuck');
    await drained();
    const stuck = pod(core, 'stuck');
    expect(stuck?.metadata.deletionTimestamp).toBeDefined();
    expect(stuck?.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(events(core, 'stuck')).toEqual([]);
    core.client.patch('v1', 'nodes', '', NODE, { metadata: { annotations: { [SIMULATE_ANNOTATION]: null } } });
    await eventually(() => pod(core!, 'stuck') === undefined, 'the deletion to be confirmed');
  });

  it('confirms a graceful deletion after stopping the containers', async () => {
    core = createInProcessCore({ timeScale: SCALE });
    core.client.create('v1', 'nodes', { metadata: { name: NODE } });
    start(core);
    createPod(core, 'web', 'nginx:1.27');
    await eventually(() => phase(pod(core!, 'web')) === 'Running', 'web Running');
    core.client.delete('v1', 'pods', 'team-a', 'web');
    expect(pod(core, 'web')?.metadata.deletionGracePeriodSeconds).toBe(30);
    await eventually(() => pod(core!, 'web') === undefined, 'web to be gone');
    expect(events(core, 'web').map((e) => e.reason)).toContain('Killing');
  });

  it('completes a Never pod and crash-loops a crash image', async () => {
    core = createInProcessCore({ timeScale: SCALE });
    core.client.create('v1', 'nodes', { metadata: { name: NODE } });
    start(core);
    createPod(core, 'job', 'busybox:1.36', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi; sleep 2'] }] });
    createPod(core, 'crashy', 'ghcr.io/acme/crash-app:1.0');
    await eventually(() => phase(pod(core!, 'job')) === 'Succeeded', 'job Succeeded');
    const restarts = (): number => ((pod(core!, 'crashy')?.status as { containerStatuses?: { restartCount: number }[] } | undefined)?.containerStatuses?.[0]?.restartCount ?? 0);
    await eventually(() => restarts() >= 3, 'three restarts', 15_000);
    expect(phase(pod(core, 'crashy'))).toBe('Running');
    expect(events(core, 'crashy').find((e) => e.reason === 'BackOff')?.count).toBeGreaterThanOrEqual(1);
  });
});

describe('SphereletLogs over HTTP', () => {
  it('answers like the API server when the host cannot be reached, or does not exist', () => {
    core = createInProcessCore({ timeScale: SCALE });
    const bound = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'team-a', uid: 'u1' }, spec: { nodeName: NODE, containers: [{ name: 'app', image: 'nginx:1.27' }] }, status: {} };
    const request = { pod: bound, container: 'app', follow: false, previous: false, timestamps: false };
    const res = {} as http.ServerResponse;
    const down = new SphereletLogs(core.store, SCALE, () => ({ exists: true, up: false, ip: '10.10.10.12' }));
    expect(() => down.stream(request, res, new AbortController().signal)).toThrow('Get "https://10.10.10.12:10250/containerLogs/team-a/web/app": dial tcp 10.10.10.12:10250: connect: no route to host');
    const missing = new SphereletLogs(core.store, SCALE, () => ({ exists: false, up: false, ip: '' }));
    expect(() => missing.stream(request, res, new AbortController().signal)).toThrow(`nodes "${NODE}" not found`);
  });

  it('follows a container, one line at a time, until it exits', async () => {
    core = createInProcessCore({ timeScale: SCALE });
    core.client.create('v1', 'nodes', { metadata: { name: NODE } });
    start(core);
    createPod(core, 'ticker', 'busybox:1.36', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo start; sleep 100; echo done'] }] });
    await eventually(() => phase(pod(core!, 'ticker')) === 'Running', 'ticker Running');
    const logs = new SphereletLogs(core.store, SCALE);
    const c = core;
    const server = http.createServer((req, res) => {
      const abort = new AbortController();
      req.on('close', () => abort.abort());
      logs.stream({ pod: pod(c, 'ticker')!, container: 'app', follow: true, previous: false, timestamps: false }, res, abort.signal);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const chunks: string[] = [];
      const done = new Promise<void>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/' }, (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/plain');
          res.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
          res.on('end', resolve);
        }).on('error', reject);
      });
      await eventually(() => chunks.length > 0, 'the first line');
      expect(chunks.join('')).toBe('start\n');
      expect(phase(pod(core, 'ticker'))).toBe('Running');
      await done;
      expect(chunks.join('')).toBe('start\ndone\n');
      expect(phase(pod(core, 'ticker'))).toBe('Succeeded');
    } finally {
      server.close();
    }
  }, 15_000);
});
