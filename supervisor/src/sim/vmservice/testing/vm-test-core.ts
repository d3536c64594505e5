import { VM_SERVICE_CRDS } from '../crds';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from '../../../api/builtin/kinds';
import { Registry } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import { ensureBootstrapObjects } from '../../../bootstrap';
import { loadConfig } from '../../../config';
import { clientFor, type ControllerContext } from '../../../controllers/controller-context';
import { startCrdController } from '../../../controllers/crd-controller';
import { startGarbageCollector } from '../../../controllers/garbage-collector';
import { Clock } from '../../../controllers/kit/clock';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { Admission, namespaceLifecycle } from '../../../core/admission';
import { Objects } from '../../../core/objects';
import { resourceQuotaAdmission } from '../../../core/quota-admission';
import { QuotaEvaluators } from '../../../core/quota-usage';
import type { Core } from '../../../handlers/core';
import { Persistence } from '../../../storage/persistence';
import { Store } from '../../../storage/store';
import { startVmService } from '..';
import { FakeHosts, type FakeHost } from './fake-hosts';

/**
 * An in-process supervisor core for VM Service tests: real store, registry, object API,
 * admission (namespace lifecycle, ResourceQuota, VM Service webhooks) and the CRD and garbage
 * collector controllers, with fake hosts and a fast clock. No HTTP; `address` is made up.
 */
export interface VmTestCore {
  ctx: ControllerContext;
  store: Store;
  hosts: FakeHosts;
  client: SystemClient;
  /** The data directory (pass it to createVmTestCore to restart on the same data). */
  dir: string;
  /** Stops the controllers; `keepData` leaves the data directory for a restart. */
  stop(keepData?: boolean): void;
}

export const TEST_HOSTS: FakeHost[] = [
  { name: 'esxi-01.vsphere.local', zone: 'zone-a', cpu: 48, memory: 512 * 2 ** 30, ready: true },
  { name: 'esxi-02.vsphere.local', zone: 'zone-a', cpu: 48, memory: 512 * 2 ** 30, ready: true },
  { name: 'esxi-03.vsphere.local', zone: 'zone-b', cpu: 48, memory: 512 * 2 ** 30, ready: true },
];

export async function createVmTestCore(timeScale = 200, hosts: FakeHost[] = TEST_HOSTS.map((h) => ({ ...h })), dataDir?: string): Promise<VmTestCore> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sim-vmservice-'));
  const store = new Store(new Persistence(dir));
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const quotas = new QuotaEvaluators();
  const admission = new Admission().use(namespaceLifecycle(store)).use(resourceQuotaAdmission(store, registry, quotas));
  const objects = new Objects(store, admission);
  const config = loadConfig({ SUPERVISOR_DATA_DIR: dir, SUPERVISOR_TIME_SCALE: String(timeScale) } as unknown as NodeJS.ProcessEnv, ['--seed', 'none']);
  const core = { config, registry, store, objects, extraRoutes: new Map(), upgradeRoutes: new Map(), address: '127.0.0.1:6443' } as unknown as Core;
  const stops: (() => void)[] = [];
  const clock = new Clock(timeScale);
  const ctx: ControllerContext = { core, admission, quotas, clock, onStop: (fn) => stops.push(fn) };
  startCrdController(ctx);
  startGarbageCollector(ctx);
  ensureBootstrapObjects(objects, registry);
  const fake = new FakeHosts(hosts);
  startVmService(ctx, fake);
  await until(
    () => VM_SERVICE_CRDS.every((crd) => registry.lookup(crd.spec?.group ?? '', crd.spec?.versions?.find((v) => v.storage)?.name ?? '', crd.spec?.names?.plural ?? '') !== undefined),
    'every VM Service CRD to be served',
  );
  return {
    ctx,
    store,
    hosts: fake,
    client: clientFor(ctx, 'test'),
    dir,
    stop(keepData = false) {
      for (const s of stops.reverse()) s();
      clock.stop();
      store.close();
      if (!keepData) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
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
