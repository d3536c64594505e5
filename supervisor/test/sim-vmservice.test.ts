import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { TestSupervisor } from './harness';
import { toYaml, type Manifest } from './manifests';
import { waitFor } from './poll';
import { parseTable, rowWhere } from './tables';

/**
 * VM Service (vmoperator.vmware.com) through kubectl and client-node only: the CRDs and their
 * columns, a VirtualMachine deployed and powered on to an IP (watched), soft and hard power-off,
 * a power-on refused by the namespace quota, a snapshot, a VirtualMachineService with endpoints
 * and a load balancer IP, the webhooks' refusals, and the web console ticket (decrypted with the
 * private key) whose WebSocket shows the boot and answers a login, and vSphere HA restarting a VM
 * elsewhere when its host fails. Time runs 20x faster.
 */
const NS = 'vm-test';
const QUOTA_NS = 'vm-quota';
const UBUNTU = 'vmi-0a0044d7c690bcbea';
const HOSTS = [
  { name: 'esxi-01.vsphere.local', zone: 'zone-a' },
  { name: 'esxi-02.vsphere.local', zone: 'zone-a' },
  { name: 'esxi-03.vsphere.local', zone: 'zone-b' },
  { name: 'esxi-04.vsphere.local', zone: 'zone-b' },
];

const node = (name: string, zone: string): Manifest => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/agent': '', 'topology.kubernetes.io/zone': zone } },
});

const vmClass = (ns: string, name: string, cpus: number, memory: string): Manifest => ({
  apiVersion: 'vmoperator.vmware.com/v1alpha5',
  kind: 'VirtualMachineClass',
  metadata: { name, namespace: ns },
  spec: { controllerName: 'vmoperator.vmware.com/vsphere', hardware: { cpus, memory } },
});

const vm = (ns: string, name: string, spec: Manifest = {}, labels: Record<string, string> = {}): Manifest => ({
  apiVersion: 'vmoperator.vmware.com/v1alpha5',
  kind: 'VirtualMachine',
  metadata: { name, namespace: ns, labels: { app: name, ...labels } },
  spec: {
    className: 'best-effort-small',
    imageName: 'ubuntu-22.04-server-cloudimg-amd64',
    storageClass: 'vsan-default-storage-policy',
    bootstrap: { cloudInit: { cloudConfig: { users: [{ name: 'vmware', sudo: 'ALL=(ALL) NOPASSWD:ALL' }] } } },
    ...spec,
  },
});

const IMAGE_STATUS = {
  name: 'ubuntu-22.04-server-cloudimg-amd64',
  type: 'OVF',
  firmware: 'BIOS',
  hardwareVersion: 10,
  capabilities: ['cloud-init'],
  osInfo: { id: '94', type: 'ubuntu64Guest', version: '22.04' },
  productInfo: { product: 'Ubuntu', vendor: 'Canonical', version: '22.04', fullVersion: '22.04 LTS (20240514)' },
  disks: [{ capacity: '10Gi', size: '621Mi' }],
  conditions: [{ type: 'Ready', status: 'True', reason: 'True', message: '', lastTransitionTime: '2026-06-01T00:00:00Z' }],
};

describe('VM Service', () => {
  let sv: TestSupervisor;
  const kubectl = (args: string[]) => sv.kubectl.ok(args);
  const apply = (...docs: Manifest[]) => sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...docs) });
  const jsonpath = (ns: string, kind: string, name: string, path: string) => kubectl(['get', kind, name, '-n', ns, '-o', `jsonpath=${path}`]);
  type Cond = { type: string; status: string; reason: string; message: string };
  const conditions = async (ns: string, name: string): Promise<Cond[]> => JSON.parse((await jsonpath(ns, 'vm', name, '{.status.conditions}')) || '[]') as Cond[];
  type Ev = { reason: string; message: string; type: string };
  const events = async (ns: string, name: string): Promise<Ev[]> =>
    (JSON.parse(await kubectl(['get', 'events', '-n', ns, '--field-selector', `involvedObject.name=${name}`, '-o', 'json'])) as { items: Ev[] }).items;
  const primaryIp = (ns: string, name: string) => waitFor(async () => (await jsonpath(ns, 'vm', name, '{.status.network.primaryIP4}')) || undefined, { what: `${name} to get an IP`, timeoutMs: 30_000 });

  beforeAll(async () => {
    sv = await TestSupervisor.start({ env: { SUPERVISOR_TIME_SCALE: '20' }, args: ['--seed', 'none'] });
    await apply(...HOSTS.map((h) => node(h.name, h.zone)));
    await kubectl(['create', 'namespace', NS]);
    await kubectl(['create', 'namespace', QUOTA_NS]);
    await waitFor(async () => (await kubectl(['api-resources', '--api-group=vmoperator.vmware.com'])).includes('virtualmachines'), { what: 'the VM Service CRDs' });
    await apply(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'vsan-default-storage-policy' }, provisioner: 'csi.vsphere.vmware.com' },
      { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'ClusterVirtualMachineImage', metadata: { name: UBUNTU }, spec: {} },
      ...[NS, QUOTA_NS].flatMap((ns) => [vmClass(ns, 'best-effort-small', 2, '4Gi'), vmClass(ns, 'best-effort-large', 4, '16Gi')]),
    );
    await kubectl(['patch', 'cvmi', UBUNTU, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: IMAGE_STATUS })]);
    await waitFor(async () => parseTable(await kubectl(['get', 'nodes'])).filter((r) => r.STATUS === 'Ready').length === 4, { what: 'four Ready hosts' });
  });
  afterAll(async () => {
    await sv?.dispose();
  });

  it('serves the v1alpha5 kinds with short names, printer columns and kubectl explain', async () => {
    const resources = parseTable(await kubectl(['api-resources', '--api-group=vmoperator.vmware.com']));
    const byKind = Object.fromEntries(resources.map((r) => [r.KIND, r]));
    expect(byKind.VirtualMachine).toMatchObject({ NAME: 'virtualmachines', SHORTNAMES: 'vm', APIVERSION: 'vmoperator.vmware.com/v1alpha5', NAMESPACED: 'true' });
    expect(byKind.ClusterVirtualMachineImage).toMatchObject({ SHORTNAMES: 'cvmi,cvmimage,clustervmi,clustervmimage', NAMESPACED: 'false' });
    for (const kind of ['VirtualMachineClass', 'VirtualMachineImage', 'VirtualMachineService', 'VirtualMachineSnapshot', 'VirtualMachineWebConsoleRequest', 'VirtualMachinePublishRequest']) expect(byKind[kind]).toBeDefined();
    const images = rowWhere(await kubectl(['get', 'cvmi']), 'NAME', UBUNTU);
    expect(images).toMatchObject({ 'DISPLAY NAME': 'ubuntu-22.04-server-cloudimg-amd64', TYPE: 'OVF', 'IMAGE VERSION': '22.04', 'OS NAME': 'ubuntu64Guest', 'OS VERSION': '22.04', 'HARDWARE VERSION': '10' });
    expect(rowWhere(await kubectl(['get', 'vmclass', '-n', NS]), 'NAME', 'best-effort-small')).toMatchObject({ CPU: '2', MEMORY: '4Gi' });
    const explain = await kubectl(['explain', 'vm.spec']);
    expect(explain).toContain('VirtualMachineSpec defines the desired state of a VirtualMachine.');
    for (const field of ['className', 'imageName', 'powerState', 'powerOffMode', 'nextRestartTime', 'currentSnapshotName', 'bootstrap', 'network']) expect(explain).toContain(field);
    expect(await kubectl(['explain', 'vm.spec.powerOffMode'])).toMatch(/ENUM:\s+Hard\s+Soft\s+TrySoft/);
  });

  it('deploys a VirtualMachine and powers it on, watched until it has an IP', async () => {
    const seen: string[] = [];
    const watch = new Watch(sv.kubeConfig());
    const poweredOnWithIp = new Promise<Record<string, unknown>>((resolve, reject) => {
      void watch
        .watch(`/apis/vmoperator.vmware.com/v1alpha5/namespaces/${NS}/virtualmachines`, {}, (_type, obj: { metadata: { name: string }; status?: { powerState?: string; network?: { primaryIP4?: string } } }) => {
          if (obj.metadata.name !== 'web-01') return;
          seen.push(obj.status?.powerState ?? '');
          if (obj.status?.powerState === 'PoweredOn' && obj.status.network?.primaryIP4) resolve(obj as Record<string, unknown>);
        }, (err) => err && reject(err))
        .then((req) => poweredOnWithIp.finally(() => req.abort()));
    });
    await apply(vm(NS, 'web-01', {}, { tier: 'web' }));
    const obj = (await Promise.race([poweredOnWithIp, new Promise((_, r) => setTimeout(() => r(new Error(`no PoweredOn with an IP; saw ${seen.join(',')}`)), 30_000))])) as {
      spec: { image: { kind: string; name: string }; biosUUID: string };
      status: { nodeName: string; zone: string; uniqueID: string; biosUUID: string; instanceUUID: string; network: { primaryIP4: string } };
    };
    expect(seen[0]).toBe('');
    expect(seen).toContain('PoweredOff');
    expect(obj.spec.image).toEqual({ kind: 'ClusterVirtualMachineImage', name: UBUNTU });
    expect(HOSTS.map((h) => h.name)).toContain(obj.status.nodeName);
    expect(obj.status.uniqueID).toMatch(/^vm-\d+$/);
    expect(obj.status.biosUUID).toBe(obj.spec.biosUUID);
    const wide = rowWhere(await kubectl(['get', 'vm', '-n', NS, '-o', 'wide']), 'NAME', 'web-01');
    expect(wide).toMatchObject({ 'POWER-STATE': 'PoweredOn', CLASS: 'best-effort-small', IMAGE: UBUNTU, 'PRIMARY-IP4': obj.status.network.primaryIP4 });
    expect(await jsonpath(NS, 'vm', 'web-01', '{.metadata.labels.topology\\.kubernetes\\.io/zone}')).toBe(obj.status.zone);
    const conds = await waitFor(async () => {
      const c = await conditions(NS, 'web-01');
      return c.find((x) => x.type === 'VirtualMachineTools')?.status === 'True' && c;
    }, { what: 'VM Tools running' });
    for (const type of ['VirtualMachineClassReady', 'VirtualMachineImageReady', 'VirtualMachineStorageReady', 'VirtualMachineBootstrapReady', 'VirtualMachineNetworkReady', 'VirtualMachineCreated']) {
      expect(conds.find((c) => c.type === type)).toMatchObject({ status: 'True' });
    }
    expect(JSON.parse(await jsonpath(NS, 'vm', 'web-01', '{.status.guest}'))).toEqual({ guestID: 'ubuntu64Guest', guestFullName: 'Ubuntu Linux (64-bit)' });
    expect((await events(NS, 'web-01')).map((e) => e.reason)).toEqual(expect.arrayContaining(['CreateSuccess', 'UpdateSuccess']));
  });

  it('refuses invalid VMs the way the vm-operator webhooks do', async () => {
    const suspended = await sv.kubectl.run(['create', '-f', '-'], { stdin: toYaml(vm(NS, 'bad', { powerState: 'Suspended' })) });
    expect(suspended.code).not.toBe(0);
    expect(suspended.stderr).toContain(
      'admission webhook "default.validating.virtualmachine.v1alpha5.vmoperator.vmware.com" denied the request: spec.powerState: Invalid value: "Suspended": cannot set a new VM\'s power state to Suspended',
    );
    const image = await sv.kubectl.run(['create', '-f', '-'], { stdin: toYaml(vm(NS, 'bad', { imageName: 'centos-7' })) });
    expect(image.stderr).toContain('denied the request: no VM image exists for "centos-7" in namespace or cluster scope');
    const now = await sv.kubectl.run(['patch', 'vm', 'web-01', '-n', NS, '--type=merge', '-p', '{"spec":{"storageClass":"gold"}}']);
    expect(now.stderr).toContain('spec.storageClass: Invalid value: "gold": field is immutable');
  });

  it('powers off softly (guest shutdown) more slowly than hard', async () => {
    await apply(vm(NS, 'soft-off'), vm(NS, 'hard-off'));
    await primaryIp(NS, 'soft-off');
    await primaryIp(NS, 'hard-off');
    const offAfter = async (name: string, mode: string): Promise<number> => {
      const watch = new Watch(sv.kubeConfig());
      let started = 0;
      const done = new Promise<number>((resolve, reject) => {
        void watch
          .watch(`/apis/vmoperator.vmware.com/v1alpha5/namespaces/${NS}/virtualmachines`, { fieldSelector: `metadata.name=${name}` }, (_t, obj: { status?: { powerState?: string } }) => {
            if (started && obj.status?.powerState === 'PoweredOff') resolve(Date.now() - started);
          }, (err) => err && reject(err))
          .then((req) => done.finally(() => req.abort()));
      });
      await new Promise((r) => setTimeout(r, 200));
      started = Date.now();
      await kubectl(['patch', 'vm', name, '-n', NS, '--type=merge', '-p', JSON.stringify({ spec: { powerState: 'PoweredOff', powerOffMode: mode } })]);
      return done;
    };
    const soft = await offAfter('soft-off', 'Soft');
    const hard = await offAfter('hard-off', 'Hard');
    expect(soft).toBeGreaterThan(hard);
    expect(await jsonpath(NS, 'vm', 'soft-off', '{.status.network.primaryIP4}')).toBe('');
  });

  it('refuses a power-on that would exceed the namespace quota, with a condition and an event naming the limit', async () => {
    await apply({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'vm-quota', namespace: QUOTA_NS }, spec: { hard: { 'requests.cpu': '4', 'requests.memory': '32Gi', 'count/virtualmachines.vmoperator.vmware.com': '10' } } });
    await apply(vm(QUOTA_NS, 'q1'), vm(QUOTA_NS, 'q2'));
    await waitFor(async () => (await jsonpath(QUOTA_NS, 'vm', 'q1', '{.status.powerState}')) === 'PoweredOn' && (await jsonpath(QUOTA_NS, 'vm', 'q2', '{.status.powerState}')) === 'PoweredOn', { what: 'q1 and q2 on', timeoutMs: 30_000 });
    await apply(vm(QUOTA_NS, 'q3'));
    const message = 'exceeded quota: vm-quota, requested: requests.cpu=2, used: requests.cpu=4, limited: requests.cpu=4';
    const cond = await waitFor(async () => (await conditions(QUOTA_NS, 'q3')).find((c) => c.type === 'VirtualMachinePowerStateSynced' && c.reason === 'ExceededQuota'), { what: 'the refusal', timeoutMs: 30_000 });
    expect(cond).toMatchObject({ status: 'False', message });
    expect(await jsonpath(QUOTA_NS, 'vm', 'q3', '{.status.powerState}')).toBe('PoweredOff');
    const ev = await waitFor(async () => (await events(QUOTA_NS, 'q3')).find((e) => e.reason === 'UpdateFailure'), { what: 'the Warning event' });
    expect(ev).toMatchObject({ type: 'Warning', message: `failed to power on VirtualMachine: ${message}` });
    const used = await kubectl(['get', 'resourcequota', 'vm-quota', '-n', QUOTA_NS, '-o', 'jsonpath={.status.used}']);
    expect(JSON.parse(used)).toMatchObject({ 'requests.cpu': '4', 'count/virtualmachines.vmoperator.vmware.com': '3' });
    await kubectl(['patch', 'vm', 'q1', '-n', QUOTA_NS, '--type=merge', '-p', '{"spec":{"powerState":"PoweredOff","powerOffMode":"Hard"}}']);
    await waitFor(async () => (await jsonpath(QUOTA_NS, 'vm', 'q3', '{.status.powerState}')) === 'PoweredOn', { what: 'q3 on once q1 is off', timeoutMs: 30_000 });
  });

  it('takes a snapshot that becomes the VM\'s current snapshot', async () => {
    await apply({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineSnapshot', metadata: { name: 'web-01-snap', namespace: NS }, spec: { vmName: 'web-01', memory: true, description: 'before patching' } });
    await waitFor(async () => (await jsonpath(NS, 'vmsnapshot', 'web-01-snap', "{.status.conditions[?(@.type=='VirtualMachineSnapshotReady')].status}")) === 'True', { what: 'the snapshot', timeoutMs: 30_000 });
    expect(await jsonpath(NS, 'vmsnapshot', 'web-01-snap', '{.status.powerState}')).toBe('PoweredOn');
    expect(await jsonpath(NS, 'vm', 'web-01', '{.status.currentSnapshot.name}')).toBe('web-01-snap');
  });

  it('backs a LoadBalancer VirtualMachineService with a Service, endpoints and an ingress IP', async () => {
    await apply({
      apiVersion: 'vmoperator.vmware.com/v1alpha5',
      kind: 'VirtualMachineService',
      metadata: { name: 'web', namespace: NS },
      spec: { type: 'LoadBalancer', selector: { tier: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] },
    });
    const ip = await primaryIp(NS, 'web-01');
    const lb = await waitFor(async () => (await jsonpath(NS, 'vmservice', 'web', '{.status.loadBalancer.ingress[0].ip}')) || undefined, { what: 'the VIP' });
    expect(rowWhere(await kubectl(['get', 'vmservice', '-n', NS]), 'NAME', 'web')).toMatchObject({ TYPE: 'LoadBalancer' });
    expect(rowWhere(await kubectl(['get', 'svc', '-n', NS]), 'NAME', 'web')).toMatchObject({ TYPE: 'LoadBalancer', 'EXTERNAL-IP': lb });
    const endpoints = await waitFor(async () => {
      const row = rowWhere(await kubectl(['get', 'endpoints', '-n', NS]), 'NAME', 'web');
      return row.ENDPOINTS !== '<none>' && row.ENDPOINTS;
    }, { what: 'endpoints' });
    expect(endpoints).toBe(`${ip}:8080`);
  });

  it('issues a web console ticket that decrypts with the private key and whose WebSocket shows the console and a login that answers', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString().replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY');
    await apply({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineWebConsoleRequest', metadata: { name: 'web-01-console', namespace: NS }, spec: { name: 'web-01', publicKey: pem } });
    const status = await waitFor(async () => {
      const s = JSON.parse((await jsonpath(NS, 'virtualmachinewebconsolerequest', 'web-01-console', '{.status}')) || '{}') as { response?: string; proxyAddr?: string; expiryTime?: string };
      return s.response && s.proxyAddr ? s : undefined;
    }, { what: 'the ticket' });
    expect(status.proxyAddr).toBe(new URL(sv.url).host);
    expect(Date.parse(status.expiryTime!)).toBeGreaterThan(Date.now() - 1_000);
    const url = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha512' }, Buffer.from(status.response!, 'base64')).toString();
    expect(url).toMatch(new RegExp(`^wss://${status.proxyAddr!.replace(/\./g, '\\.')}/ticket/[0-9a-f]{32}$`));
    const ws = new WebSocket(url, { ca: sv.caPem() });
    let screen = '';
    ws.on('message', (d) => (screen += d.toString()));
    await waitFor(() => screen.includes('web-01 login: '), { what: `the login prompt; screen: ${screen}` });
    expect(screen).toContain('Linux version 5.15.0-105-generic');
    expect(screen).toContain('Ubuntu 22.04.4 LTS web-01 ttyS0');
    ws.send('vmware\r');
    await waitFor(() => screen.includes('Password: '), { what: 'the password prompt' });
    ws.send('vmware\r');
    await waitFor(() => screen.includes('vmware@web-01:~$ '), { what: 'the shell prompt' });
    ws.send('hostname\r');
    await waitFor(() => screen.includes('hostname\r\nweb-01\r\n'), { what: 'hostname' });
    ws.close();
    const again = new WebSocket(url, { ca: sv.caPem() });
    const code = await new Promise<number>((resolve) => again.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(code).toBe(401);
  });
  it('restarts a VM on another host of its zone when its host fails (vSphere HA), with an event', async () => {
    await apply(vm(NS, 'ha-01'));
    await primaryIp(NS, 'ha-01');
    const host = await jsonpath(NS, 'vm', 'ha-01', '{.status.nodeName}');
    const zone = HOSTS.find((h) => h.name === host)!.zone;
    await kubectl(['annotate', 'node', host, 'supervisor.glasspane.io/simulate=fail']);
    try {
      const moved = await waitFor(async () => {
        const [nodeName, power] = (await jsonpath(NS, 'vm', 'ha-01', '{.status.nodeName} {.status.powerState}')).split(' ');
        return nodeName && nodeName !== host && power === 'PoweredOn' ? nodeName : undefined;
      }, { what: 'the VM to restart elsewhere', timeoutMs: 30_000 });
      expect(HOSTS.find((h) => h.name === moved)!.zone).toBe(zone);
      const restarted = await waitFor(async () => (await events(NS, 'ha-01')).find((e) => e.reason === 'RestartedByHA'), { what: 'the RestartedByHA event' });
      expect(restarted).toMatchObject({ type: 'Warning', message: `vSphere HA restarted virtual machine ha-01 on host ${moved} in cluster domain-c8` });
      expect(await primaryIp(NS, 'ha-01')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    } finally {
      await kubectl(['annotate', 'node', host, 'supervisor.glasspane.io/simulate-']);
    }
  });
});
