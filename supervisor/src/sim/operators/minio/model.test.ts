import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { health, parityFor, tenantStep, tenantView, usage, writeQuorum, type Observed } from './model';
import { poolStatefulSet, tenantServices } from './resources';

/** The MinIO operator's provisioning order, health and capacity figures for a Tenant. */
const tenant: KubeObject = {
  apiVersion: 'minio.min.io/v2',
  kind: 'Tenant',
  metadata: { name: 'artifacts', namespace: 'platform', uid: 't-uid' },
  spec: { pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 2, volumeClaimTemplate: { spec: { resources: { requests: { storage: '10Gi' } } } } }], buckets: [{ name: 'ml-models' }] },
};
const v = tenantView(tenant, 'quay.io/minio/minio:latest');

function observed(o: Partial<Observed> = {}): Observed {
  return { tlsSecret: true, services: new Set(['minio', 'artifacts-console', 'artifacts-hl']), statefulsets: new Set(['artifacts-pool-0']), readyPods: new Map([['artifacts-pool-0', 4]]), provisionedUsers: false, provisionedBuckets: false, ...o };
}

describe('MinIO tenant provisioning', () => {
  it('goes through TLS, the three services, the pool, waiting, buckets, then Initialized', () => {
    expect(tenantStep(v, observed({ tlsSecret: false })).state).toBe('Waiting for MinIO TLS Certificate');
    expect(tenantStep(v, observed({ services: new Set() })).state).toBe('Provisioning MinIO Cluster IP Service');
    expect(tenantStep(v, observed({ services: new Set(['minio']) })).state).toBe('Provisioning Console Service');
    expect(tenantStep(v, observed({ services: new Set(['minio', 'artifacts-console']) })).state).toBe('Provisioning MinIO Headless Service');
    expect(tenantStep(v, observed({ statefulsets: new Set() }))).toMatchObject({ state: 'Provisioning MinIO Statefulset', step: { kind: 'pool', pool: { ssName: 'artifacts-pool-0' } } });
    expect(tenantStep(v, observed({ readyPods: new Map([['artifacts-pool-0', 3]]) })).state).toBe('Waiting for Tenant to be healthy');
    expect(tenantStep(v, observed()).state).toBe('Provisioning default buckets');
    expect(tenantStep(v, observed({ provisionedBuckets: true })).state).toBe('Initialized');
  });

  it('reports health from the drives online against the write quorum', () => {
    expect([parityFor(8), writeQuorum(8), parityFor(4), writeQuorum(4)]).toEqual([4, 5, 2, 3]);
    expect(health(v, observed())).toEqual({ status: 'green', online: 8, offline: 0 });
    expect(health(v, observed({ readyPods: new Map([['artifacts-pool-0', 3]]) }))).toEqual({ status: 'yellow', message: '2 drives are offline', online: 6, offline: 2 });
    expect(health(v, observed({ readyPods: new Map() }))).toMatchObject({ status: 'red', message: 'Service Unavailable' });
    expect(usage(v)).toEqual({ capacity: 4 * 10 * 2 ** 30, rawCapacity: 8 * 10 * 2 ** 30, usage: 0, rawUsage: 0 });
  });

  it('creates the S3, console and headless services and a pool StatefulSet with one claim per volume', () => {
    const svcs = tenantServices(tenant, v);
    expect((svcs.minio.spec as { ports: unknown[] }).ports).toEqual([{ name: 'https-minio', port: 443, targetPort: 9000, protocol: 'TCP' }]);
    expect(svcs.hl.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    const sts = poolStatefulSet(tenant, v, v.pools[0]!);
    const spec = sts.spec as { replicas: number; serviceName: string; volumeClaimTemplates: { metadata: { name: string } }[] };
    expect(spec).toMatchObject({ replicas: 4, serviceName: 'artifacts-hl' });
    expect(spec.volumeClaimTemplates.map((t) => t.metadata.name)).toEqual(['data0', 'data1']);
  });
});
