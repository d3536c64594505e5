import type { KubeObject } from '../../api/types';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import type { SystemClient } from '../../controllers/kit/system-client';
import { CASS_V1BETA1 } from './cassandra/crd';
import { CNPG_V1 } from './cnpg/crd';
import { ensureCreated } from './kit/ensure';
import { str } from './kit/objects';
import { MINIO_V2 } from './minio/crd';
import { seedDatacenter, seedPostgres, seedTenant, seedTenantConfig, seedTfJobs } from './seed-objects';
import { KUBEFLOW_V1 } from './tfjob/crd';

/**
 * The demo's operator-backed services, created like a DevOps user would: a three-instance
 * Postgres cluster for the orders service in team-a, a three-rack Cassandra datacenter and a
 * MinIO tenant in platform, and two TFJobs in team-b (a short MNIST run that completes and a
 * long ResNet run). Fixed names, skipped when present, within the namespaces' quotas; the
 * operators do the rest. Waits until the operators' kinds are served (a fresh data dir serves
 * them a tick after start).
 */
const KINDS: [string, string][] = [
  [CNPG_V1, 'clusters'],
  [CASS_V1BETA1, 'cassandradatacenters'],
  [KUBEFLOW_V1, 'tfjobs'],
  [MINIO_V2, 'tenants'],
];

function whenServed(client: SystemClient, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (KINDS.every(([v, p]) => client.has(v, p))) return resolve();
      if (Date.now() > deadline) return reject(new Error(`operator kinds not served after ${timeoutMs} ms`));
      setTimeout(check, 20).unref();
    };
    check();
  });
}

/** The storage class the demo uses: the default one, else vSAN's default policy, else any vSphere CSI class. */
export function pickStorageClass(classes: KubeObject[]): string | undefined {
  const isDefault = (c: KubeObject) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
  const csi = classes.filter((c) => str(c.provisioner) === 'csi.vsphere.vmware.com');
  const pick = classes.find(isDefault) ?? csi.find((c) => (c.metadata.name ?? '').includes('vsan-default')) ?? csi[0] ?? classes[0];
  return pick?.metadata.name;
}

export async function seedOperatorInstances(ctx: ControllerContext): Promise<void> {
  const client = clientFor(ctx, 'supervisor-seed');
  await whenServed(client);
  const has = (ns: string): boolean => !!client.get('v1', 'namespaces', '', ns);
  const sc = pickStorageClass(client.list('storage.k8s.io/v1', 'storageclasses'));
  if (has('team-a')) ensureCreated(client, CNPG_V1, 'clusters', seedPostgres('team-a', sc));
  if (has('platform')) {
    ensureCreated(client, CASS_V1BETA1, 'cassandradatacenters', seedDatacenter('platform', sc));
    ensureCreated(client, 'v1', 'secrets', seedTenantConfig('platform'));
    ensureCreated(client, MINIO_V2, 'tenants', seedTenant('platform', sc));
  }
  if (has('team-b')) for (const job of seedTfJobs('team-b')) ensureCreated(client, KUBEFLOW_V1, 'tfjobs', job);
}
