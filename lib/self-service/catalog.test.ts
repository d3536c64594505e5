import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { iconDataUrl, kindsNamedIn, serviceOffers, type ServedKind } from './catalog';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64"/></svg>').toString('base64');

function pkg(name: string, displayName: string, longDescription: string, icon: string | undefined = svg): KubeObject {
  return {
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'PackageMetadata',
    metadata: { name, namespace: 'vmware-system-supervisor-services' },
    spec: { displayName, shortDescription: `${displayName} in short.`, longDescription, categories: ['Database'], ...(icon !== undefined ? { iconSVGBase64: icon } : {}) },
  };
}

const CNPG = pkg('cnpg.fling.vsphere.vmware.com', 'CloudNativePG', 'It provisions instances as vSphere Pods. DevOps users create `Cluster` resources (postgresql.cnpg.io/v1) in their vSphere Namespaces.');
const MINIO = pkg('minio.vsphere.vmware.com', 'MinIO Object Storage', 'The MinIO operator deploys object storage: each `Tenant` (minio.min.io/v2) is a set of server pools.');
const KAFKA = pkg('kafka.example.com', 'Kafka', 'Runs `Kafka` clusters (kafka.strimzi.io/v1beta2).');
const VELERO = pkg('velero.vsphere.vmware.com', 'Velero', 'Backs up namespaces with velero.io resources.', 'PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"onerror="x');

const served: ServedKind[] = [
  { descriptorId: 'clusters.postgresql.cnpg.io', group: 'postgresql.cnpg.io', version: 'v1', kind: 'Cluster', resource: 'clusters', label: 'PostgreSQL cluster', service: true },
  { descriptorId: 'tenants.minio.min.io', group: 'minio.min.io', version: 'v2', kind: 'Tenant', resource: 'tenants', label: 'MinIO tenant', service: true },
  { descriptorId: 'backups.velero.io', group: 'velero.io', version: 'v1', kind: 'Backup', resource: 'backups', label: 'Backup', service: true },
];

describe('the service catalogue', () => {
  it('finds the kinds a Supervisor Service names in its description', () => {
    expect(kindsNamedIn(CNPG.spec!.longDescription as string)).toEqual([{ kind: 'Cluster', group: 'postgresql.cnpg.io', version: 'v1' }]);
  });

  it('offers installed services whose kinds are served and creatable, with name, description and icon', () => {
    const offers = serviceOffers([MINIO, CNPG, KAFKA, VELERO], served, (k) => k.resource !== 'tenants');
    expect(offers.map((o) => [o.displayName, o.kinds.map((k) => k.kind)])).toEqual([
      ['CloudNativePG', ['Cluster']],
      ['Velero', ['Backup']],
    ]);
    expect(offers[0]).toMatchObject({ id: 'cnpg.fling.vsphere.vmware.com', description: 'CloudNativePG in short.', categories: ['Database'], icon: `data:image/svg+xml;base64,${svg}` });
    // A malformed icon is dropped rather than passed on.
    expect(offers[1]!.icon).toBeUndefined();
  });

  it('accepts only clean, bounded base64 for icons', () => {
    expect(iconDataUrl(svg)).toBe(`data:image/svg+xml;base64,${svg}`);
    expect(iconDataUrl('abc"><script>')).toBeUndefined();
    expect(iconDataUrl('A'.repeat(200_000))).toBeUndefined();
    expect(iconDataUrl(42)).toBeUndefined();
  });
});
