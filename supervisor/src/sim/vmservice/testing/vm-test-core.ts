import type { KubeObject } from '../../../api/types';
import { startCrdController } from '../../../controllers/crd-controller';
import { startGarbageCollector } from '../../../controllers/garbage-collector';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { eventually } from '../../../testing/eventually';
import { createInProcessCore, type InProcessCore } from '../../../testing/in-process-core';
import { startVmService } from '..';
import { VM_SERVICE_CRDS } from '../crds';
import { FakeHosts, type FakeHost } from './fake-hosts';

/**
 * The in-process core (supervisor/src/testing) set up for VM Service tests: the CRD and garbage
 * collector controllers, the VM Service on fake hosts, and every VM Service CRD served.
 */
export interface VmTestCore extends Omit<InProcessCore, 'reopen'> {
  hosts: FakeHosts;
  /** A restart on the same data: new fake hosts (as first given) and the VM Service started again. */
  reopen(): Promise<VmTestCore>;
}

export const TEST_HOSTS: readonly FakeHost[] = [
  { name: 'esxi-01.vsphere.local', zone: 'zone-a', cpu: 48, memory: 512 * 2 ** 30, ready: true },
  { name: 'esxi-02.vsphere.local', zone: 'zone-a', cpu: 48, memory: 512 * 2 ** 30, ready: true },
  { name: 'esxi-03.vsphere.local', zone: 'zone-b', cpu: 48, memory: 512 * 2 ** 30, ready: true },
];

export function createVmTestCore(timeScale = 200, hosts: readonly FakeHost[] = TEST_HOSTS): Promise<VmTestCore> {
  return startOn(createInProcessCore({ timeScale, controllers: [startCrdController, startGarbageCollector] }), hosts);
}

async function startOn(core: InProcessCore, hosts: readonly FakeHost[]): Promise<VmTestCore> {
  // Copies: the tests flip `ready`, and a restart starts from the hosts as first given.
  const fake = new FakeHosts(hosts.map((h) => ({ ...h })));
  startVmService(core.ctx, fake);
  const served = (crd: (typeof VM_SERVICE_CRDS)[number]): boolean =>
    core.registry.lookup(crd.spec?.group ?? '', crd.spec?.versions?.find((v) => v.storage)?.name ?? '', crd.spec?.names?.plural ?? '') !== undefined;
  await eventually(() => VM_SERVICE_CRDS.every(served), 'every VM Service CRD to be served');
  return { ...core, hosts: fake, reopen: () => startOn(core.reopen(), hosts) };
}

/** A namespace, the storage classes and the catalog, as the seed creates them. */
export function standardObjects(client: SystemClient, namespace: string): void {
  if (!client.get('v1', 'namespaces', '', namespace)) client.create('v1', 'namespaces', { metadata: { name: namespace } });
  for (const sc of ['vsan-default-storage-policy', 'wcpglobal-storage-profile']) {
    if (!client.get('storage.k8s.io/v1', 'storageclasses', '', sc)) client.create('storage.k8s.io/v1', 'storageclasses', { metadata: { name: sc }, provisioner: 'csi.vsphere.vmware.com' } as KubeObject);
  }
}

export function vmManifest(namespace: string, name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha5',
    kind: 'VirtualMachine',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      className: 'best-effort-small',
      imageName: 'ubuntu-22.04-server-cloudimg-amd64',
      storageClass: 'vsan-default-storage-policy',
      bootstrap: { cloudInit: { cloudConfig: { users: [{ name: 'vmware' }] } } },
      ...extra,
    },
  };
}
