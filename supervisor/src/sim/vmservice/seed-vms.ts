import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { API_VERSION, CLASSES, SNAPSHOTS, VM_SERVICES, VMS } from './constants';
import { vmiName } from './publish-controller';
import { CLUSTER_IMAGES } from './seed-images';
import { ensure } from './seed-kit';

/**
 * The demo VMs: about a dozen VirtualMachines in team-a, team-b and platform, in mixed power
 * states (one is suspended once it has booted), with cloud-init bootstrap, two
 * VirtualMachineServices (one LoadBalancer) and a snapshot. Small classes, so the powered-on
 * VMs fit the namespaces' quotas (team-a: 6 of 16 vCPUs).
 */
interface VmSeed {
  ns: string;
  name: string;
  image: number;
  cls: string;
  power: 'PoweredOn' | 'PoweredOff';
  app?: string;
  suspendAfterBoot?: boolean;
  windows?: boolean;
}

const VMS_SEED: VmSeed[] = [
  { ns: 'team-a', name: 'web-01', image: 0, cls: 'best-effort-small', power: 'PoweredOn', app: 'web' },
  { ns: 'team-a', name: 'web-02', image: 0, cls: 'best-effort-small', power: 'PoweredOn', app: 'web' },
  { ns: 'team-a', name: 'db-01', image: 0, cls: 'guaranteed-medium', power: 'PoweredOn', app: 'db' },
  { ns: 'team-a', name: 'build-agent-01', image: 2, cls: 'best-effort-medium', power: 'PoweredOff' },
  { ns: 'team-a', name: 'jumpbox', image: 2, cls: 'best-effort-xsmall', power: 'PoweredOn', suspendAfterBoot: true },
  { ns: 'team-b', name: 'api-01', image: 1, cls: 'best-effort-small', power: 'PoweredOn', app: 'api' },
  { ns: 'team-b', name: 'api-02', image: 1, cls: 'best-effort-small', power: 'PoweredOn', app: 'api' },
  { ns: 'team-b', name: 'worker-01', image: 2, cls: 'best-effort-medium', power: 'PoweredOn' },
  { ns: 'team-b', name: 'win-jump-01', image: 3, cls: 'best-effort-large', power: 'PoweredOff', windows: true },
  { ns: 'platform', name: 'monitoring-01', image: 2, cls: 'guaranteed-small', power: 'PoweredOn', app: 'monitoring' },
  { ns: 'platform', name: 'bastion', image: 0, cls: 'best-effort-xsmall', power: 'PoweredOn' },
  { ns: 'platform', name: 'ci-runner-01', image: 1, cls: 'best-effort-medium', power: 'PoweredOff' },
];

const STORAGE_CLASSES = ['vsan-default-storage-policy', 'wcpglobal-storage-profile'];

/** A storage class that exists and that the namespace's quotas allow (if they name any). */
function storageClassFor(client: ReturnType<typeof clientFor>, ns: string): string | undefined {
  const quotaKeys = client.list('v1', 'resourcequotas', ns).flatMap((q) => Object.keys(isObject(q.spec) && isObject(q.spec.hard) ? q.spec.hard : {}));
  const scoped = quotaKeys.filter((k) => k.includes('.storageclass.storage.k8s.io/')).map((k) => k.split('.storageclass.')[0]!);
  const existing = client.list('storage.k8s.io/v1', 'storageclasses').map((s) => s.metadata.name ?? '');
  const candidates = [...STORAGE_CLASSES, ...existing];
  return candidates.find((sc) => existing.includes(sc) && (scoped.length === 0 || scoped.includes(sc)));
}

export function vmObject(s: VmSeed, storageClass: string | undefined): KubeObject {
  const image = CLUSTER_IMAGES[s.image]!;
  const cloudInit = {
    cloudInit: {
      cloudConfig: {
        users: [{ name: 'vmware', primary_group: 'vmware', groups: ['users', 'sudo'], sudo: 'ALL=(ALL) NOPASSWD:ALL', shell: '/bin/bash', lock_passwd: true, ssh_authorized_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk3cX1rZ2w4p0mQ6xB8gFv9oT2sN5yJ7uL1aE3dR4c vmware@glasspane'] }],
        runcmd: [`echo "${s.name} provisioned by VM Service" > /etc/motd`],
      },
    },
  };
  return {
    apiVersion: API_VERSION,
    kind: 'VirtualMachine',
    metadata: { name: s.name, namespace: s.ns, labels: { ...(s.app ? { app: s.app } : {}), 'vm.glasspane.io/owner': s.ns } },
    spec: {
      className: s.cls,
      imageName: image.displayName,
      ...(storageClass ? { storageClass } : {}),
      powerState: s.power,
      powerOffMode: 'TrySoft',
      ...(s.windows ? {} : { bootstrap: cloudInit }),
      ...(s.app === 'db' ? { readinessProbe: { guestHeartbeat: { thresholdStatus: 'green' } } } : {}),
    },
  };
}

function vmServices(): KubeObject[] {
  return [
    {
      apiVersion: API_VERSION,
      kind: 'VirtualMachineService',
      metadata: { name: 'web-lb', namespace: 'team-a', labels: { app: 'web' } },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80 }, { name: 'https', protocol: 'TCP', port: 443, targetPort: 443 }] },
    },
    {
      apiVersion: API_VERSION,
      kind: 'VirtualMachineService',
      metadata: { name: 'api', namespace: 'team-b', labels: { app: 'api' } },
      spec: { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 8080 }] },
    },
  ];
}

export function seedVms(ctx: ControllerContext): void {
  const client = clientFor(ctx, 'supervisor-seed');
  const created: VmSeed[] = [];
  for (const s of VMS_SEED) {
    if (!client.get('v1', 'namespaces', '', s.ns) || !client.get(API_VERSION, CLASSES, s.ns, s.cls)) continue;
    if (ensure(client, API_VERSION, VMS, vmObject(s, storageClassFor(client, s.ns)))) created.push(s);
  }
  for (const svc of vmServices()) if (client.get('v1', 'namespaces', '', svc.metadata.namespace ?? '')) ensure(client, API_VERSION, VM_SERVICES, svc);
  if (client.get(API_VERSION, VMS, 'team-a', 'db-01')) {
    ensure(client, API_VERSION, SNAPSHOTS, {
      apiVersion: API_VERSION,
      kind: 'VirtualMachineSnapshot',
      metadata: { name: 'db-01-before-upgrade', namespace: 'team-a' },
      spec: { vmName: 'db-01', description: 'Before the PostgreSQL 16 upgrade', memory: false },
    });
  }
  // Suspended is not allowed on create: suspend once the guest has booted.
  for (const s of created.filter((v) => v.suspendAfterBoot)) {
    const stop = ctx.clock.every(5_000, () => {
      const vm = client.get(API_VERSION, VMS, s.ns, s.name);
      const status = vm && isObject(vm.status) ? vm.status : undefined;
      if (!vm) return stop();
      const booted = Array.isArray(status?.conditions) && status.conditions.some((c) => isObject(c) && c.type === 'VirtualMachineTools' && c.status === 'True');
      if (status?.powerState === 'PoweredOn' && booted) {
        client.patch(API_VERSION, VMS, s.ns, s.name, { spec: { powerState: 'Suspended' } });
        stop();
      }
    });
    ctx.onStop(stop);
  }
}

export const SEED_IMAGE_NAMES = CLUSTER_IMAGES.map((d) => vmiName(d.itemUuid));
