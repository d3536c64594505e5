import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { KubeObject } from '../../api/types';
import { eventually } from '../../testing/eventually';
import { conditionsOf, getCondition, isTrue } from './conditions';
import { API_VERSION, COND, IMAGES, PUBLISH_REQUESTS, SNAPSHOTS, VM_SERVICES, VMS, WEB_CONSOLE_REQUESTS } from './constants';
import { seedVmCatalog } from './seed-catalog';
import { createVmTestCore, standardObjects, vmManifest, type VmTestCore } from './testing/vm-test-core';

/**
 * The other VM Service controllers in process: snapshots and revert, VirtualMachineService
 * endpoints and load balancer IPs, the web console ticket and its WebSocket, publishing.
 */
describe('VM Service controllers', () => {
  let t: VmTestCore;
  const NS = 'team-a';
  type Obj = Record<string, unknown>;
  const status = (plural: string, name: string): Obj => (t.client.get(API_VERSION, plural, NS, name)?.status ?? {}) as Obj;
  const vm = (name: string): Obj => status(VMS, name);
  const ip = (name: string): string | undefined => ((vm(name).network ?? {}) as { primaryIP4?: string }).primaryIP4;

  beforeEach(async () => {
    t = await createVmTestCore(200);
    standardObjects(t.client, NS);
    seedVmCatalog(t.ctx, [NS]);
  });
  afterEach(() => t.dispose());

  it('takes snapshots into a tree and reverts to one without memory (powering the VM off)', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'db'));
    await eventually(() => ip('db'), 'booted');
    const snap = (name: string, memory: boolean): KubeObject => t.client.create(API_VERSION, SNAPSHOTS, { metadata: { name, namespace: NS }, spec: { vmName: 'db', memory } });
    snap('s1', false);
    await eventually(() => isTrue(conditionsOf(status(SNAPSHOTS, 's1')), 'VirtualMachineSnapshotReady'), 's1 ready');
    snap('s2', true);
    await eventually(() => isTrue(conditionsOf(status(SNAPSHOTS, 's2')), 'VirtualMachineSnapshotReady'), 's2 ready');
    expect(status(SNAPSHOTS, 's1')).toMatchObject({ powerState: 'PoweredOff', children: [{ type: 'Managed', name: 's2' }], uniqueID: expect.stringMatching(/^snapshot-\d+$/) });
    expect(status(SNAPSHOTS, 's2')).toMatchObject({ powerState: 'PoweredOn' });
    expect(conditionsOf(status(SNAPSHOTS, 's2')).map((c) => c.type)).toEqual(['VirtualMachineSnapshotCSISynced', 'VirtualMachineSnapshotCreated', 'VirtualMachineSnapshotReady']);
    expect(t.client.get(API_VERSION, SNAPSHOTS, NS, 's1')?.metadata.labels).toMatchObject({ 'snapshot.vmoperator.vmware.com/vm-name': 'db' });
    expect(vm('db')).toMatchObject({ currentSnapshot: { type: 'Managed', name: 's2' }, rootSnapshots: [{ type: 'Managed', name: 's1' }] });
    t.client.patch(API_VERSION, VMS, NS, 'db', { spec: { currentSnapshotName: 's1' } });
    await eventually(() => (vm('db').currentSnapshot as { name: string }).name === 's1', 'the revert');
    const spec = t.client.get(API_VERSION, VMS, NS, 'db')?.spec as Obj;
    expect(spec.currentSnapshotName).toBeUndefined();
    expect(spec.powerState).toBe('PoweredOff');
    expect(vm('db').powerState).toBe('PoweredOff');
    t.client.patch(API_VERSION, VMS, NS, 'db', { spec: { currentSnapshotName: 'nope' } });
    await eventually(() => getCondition(conditionsOf(vm('db')), COND.snapshotRevert)?.reason === 'VirtualMachineSnapshotNotFound', 'the revert failure');
  });

  it('backs a VirtualMachineService with a Service, Endpoints, an EndpointSlice and a load balancer IP', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'web-1', { powerState: 'PoweredOn' }));
    t.client.create(API_VERSION, VMS, { ...vmManifest(NS, 'web-2'), metadata: { name: 'web-2', namespace: NS, labels: { app: 'web-1' } } });
    t.client.create(API_VERSION, VM_SERVICES, { metadata: { name: 'web', namespace: NS }, spec: { type: 'LoadBalancer', selector: { app: 'web-1' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] } });
    const ingress = await eventually(() => ((status(VM_SERVICES, 'web').loadBalancer as { ingress?: { ip: string }[] } | undefined)?.ingress ?? [])[0]?.ip, 'the VIP');
    expect(ingress).toMatch(/^192\.168\.100\.\d+$/);
    const svc = t.client.get('v1', 'services', NS, 'web')!;
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] });
    expect((svc.spec as Obj).selector).toBeUndefined();
    expect(svc.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'VirtualMachineService', name: 'web', controller: true });
    expect(svc.status).toEqual({ loadBalancer: { ingress: [{ ip: ingress }] } });
    const ips = await eventually(() => (ip('web-1') && ip('web-2') ? [ip('web-1')!, ip('web-2')!].sort() : undefined), 'both booted');
    const ep = await eventually(() => {
      const e = t.client.get('v1', 'endpoints', NS, 'web');
      const subsets = (e?.subsets ?? []) as { addresses?: { ip: string }[] }[];
      return subsets[0]?.addresses?.length === 2 && e;
    }, 'two endpoints');
    expect((ep.subsets as { addresses: { ip: string; targetRef: Obj }[]; ports: Obj[] }[])[0]).toMatchObject({ addresses: ips.map((i) => ({ ip: i })), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
    const slices = t.client.list('discovery.k8s.io/v1', 'endpointslices', NS, 'kubernetes.io/service-name=web');
    expect(slices).toHaveLength(1);
    expect((slices[0]!.endpoints as unknown[]).length).toBe(2);
    t.client.patch(API_VERSION, VMS, NS, 'web-2', { spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } });
    await eventually(() => ((t.client.get('v1', 'endpoints', NS, 'web')?.subsets ?? []) as { addresses?: unknown[] }[])[0]?.addresses?.length === 1, 'one endpoint left');
  });

  it('issues an encrypted web console ticket whose WebSocket shows the console and answers a login', async () => {
    const server = http.createServer();
    server.on('upgrade', (req, socket, head) => {
      const route = [...(t.ctx.core.upgradeRoutes ?? [])].find(([p]) => (req.url ?? '').startsWith(p));
      if (route) route[1](req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    t.ctx.core.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      t.client.create(API_VERSION, VMS, vmManifest(NS, 'con'));
      await eventually(() => ip('con'), 'booted');
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString().replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY');
      t.client.create(API_VERSION, WEB_CONSOLE_REQUESTS, { metadata: { name: 'con-console', namespace: NS }, spec: { name: 'con', publicKey: pem } });
      const s = await eventually(() => (status(WEB_CONSOLE_REQUESTS, 'con-console').response ? status(WEB_CONSOLE_REQUESTS, 'con-console') : undefined), 'the ticket');
      expect(s.proxyAddr).toBe(t.ctx.core.address);
      const req = t.client.get(API_VERSION, WEB_CONSOLE_REQUESTS, NS, 'con-console')!;
      expect(req.metadata.labels?.['vmoperator.vmware.com/webconsolerequest-uuid']).toBe(req.metadata.uid);
      expect(Date.parse(String(s.expiryTime))).toBeGreaterThan(Date.now() - 1000);
      const url = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha512' }, Buffer.from(String(s.response), 'base64')).toString();
      expect(url).toMatch(new RegExp(`^wss://${t.ctx.core.address}/ticket/[0-9a-f]{32}$`));
      const ws = new WebSocket(url.replace('wss://', 'ws://'));
      let screen = '';
      ws.on('message', (d) => (screen += d.toString()));
      await eventually(() => screen.includes('con login: '), 'the login prompt');
      expect(screen).toContain('Linux version 5.15.0-105-generic');
      expect(screen).toContain('Ubuntu 22.04.4 LTS con ttyS0');
      ws.send('vmware\r');
      await eventually(() => screen.includes('Password: '), 'the password prompt');
      ws.send('secret\r');
      await eventually(() => screen.includes('vmware@con:~$ '), 'the shell');
      ws.send('hostname\r');
      await eventually(() => /hostname\r\ncon\r\n/.test(screen), 'hostname');
      ws.send('ip a\r');
      await eventually(() => screen.includes(`inet ${ip('con')}/20`), 'ip a');
      ws.close();
      const again = new WebSocket(url.replace('wss://', 'ws://'));
      const code = await new Promise<number>((resolve) => again.on('unexpected-response', (_r, res) => resolve(res.statusCode ?? 0)));
      expect(code).toBe(401);

      // The Supervisor's console proxy: host, port and ticket from the URL, plus the request's UID and namespace.
      t.client.create(API_VERSION, WEB_CONSOLE_REQUESTS, { metadata: { name: 'con-console-2', namespace: NS }, spec: { name: 'con', publicKey: pem } });
      const s2 = await eventually(() => (status(WEB_CONSOLE_REQUESTS, 'con-console-2').response ? status(WEB_CONSOLE_REQUESTS, 'con-console-2') : undefined), 'the second ticket');
      const u = new URL(privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha512' }, Buffer.from(String(s2.response), 'base64')).toString());
      const uid = t.client.get(API_VERSION, WEB_CONSOLE_REQUESTS, NS, 'con-console-2')!.metadata.uid!;
      const proxy = (id: string): string => `ws://${String(s2.proxyAddr)}/vm/web-console/proxy?host=${u.hostname}&port=${u.port}&ticket=${u.pathname.split('/').pop()!}&uuid=${id}&namespace=${NS}`;
      const wrong = new WebSocket(proxy('not-the-uid'));
      expect(await new Promise<number>((resolve) => wrong.on('unexpected-response', (_r, res) => resolve(res.statusCode ?? 0)))).toBe(401);
      const viaProxy = new WebSocket(proxy(uid));
      let proxied = '';
      viaProxy.on('message', (d) => (proxied += d.toString()));
      await eventually(() => proxied.includes('con login: '), 'the login prompt through the proxy');
      viaProxy.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('publishes a VM to the namespace content library as a new VirtualMachineImage', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'golden'));
    await eventually(() => isTrue(conditionsOf(vm('golden')), COND.created), 'created');
    t.client.create(API_VERSION, PUBLISH_REQUESTS, { metadata: { name: 'golden', namespace: NS }, spec: { target: { item: { name: 'golden-image-v1' } } } });
    const s = await eventually(() => status(PUBLISH_REQUESTS, 'golden').ready === true && status(PUBLISH_REQUESTS, 'golden'), 'the publication', 15_000);
    expect(conditionsOf(s).map((c) => [c.type, c.status])).toEqual([
      ['Complete', 'True'],
      ['ImageAvailable', 'True'],
      ['SourceValid', 'True'],
      ['TargetValid', 'True'],
      ['Uploaded', 'True'],
    ]);
    const image = t.client.get(API_VERSION, IMAGES, NS, String(s.imageName))!;
    expect(String(s.imageName)).toMatch(/^vmi-[0-9a-f]{17}$/);
    expect(image.status).toMatchObject({ name: 'golden-image-v1', type: 'OVF', osInfo: { type: 'ubuntu64Guest' } });
  });
});
