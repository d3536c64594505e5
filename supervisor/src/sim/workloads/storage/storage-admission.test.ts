import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../api/resource-type';
import type { KubeObject } from '../../../api/types';
import type { Store } from '../../../storage/store';
import { defaultStorageClass, storageAdmission } from './storage-admission';

function storeWith(classes: KubeObject[]): Store {
  return { list: (table: string) => (table === 'storage.k8s.io/storageclasses' ? classes.map((obj) => ({ obj, json: '', rv: 1 })) : []) } as unknown as Store;
}

const sc = (name: string, created: string, isDefault: boolean): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner: 'csi.vsphere.vmware.com',
});

const rt = (resource: string) => ({ group: '', resource }) as ResourceType;
const user = { username: 'devops', groups: [] };

describe('storage admission', () => {
  const store = storeWith([sc('vsan-default-storage-policy', '2026-01-01T00:00:00Z', true), sc('gold', '2026-02-01T00:00:00Z', false), sc('silver', '2026-03-01T00:00:00Z', true)]);

  it('picks the newest default StorageClass', () => {
    expect(defaultStorageClass(store)).toBe('silver');
    expect(defaultStorageClass(storeWith([sc('gold', '2026-02-01T00:00:00Z', false)]))).toBeUndefined();
  });

  it('defaults a claim without a class and adds pvc-protection; leaves an explicit class (even "") alone', () => {
    const claim: KubeObject = { metadata: { name: 'data', namespace: 'team-b' }, spec: { accessModes: ['ReadWriteOnce'] } };
    storageAdmission(store)({ operation: 'CREATE', rt: rt('persistentvolumeclaims'), namespace: 'team-b', name: 'data', object: claim, user, dryRun: false });
    expect(claim.spec).toMatchObject({ storageClassName: 'silver' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const explicit: KubeObject = { metadata: { name: 'raw' }, spec: { storageClassName: '' } };
    storageAdmission(store)({ operation: 'CREATE', rt: rt('persistentvolumeclaims'), namespace: 'team-b', name: 'raw', object: explicit, user, dryRun: false });
    expect(explicit.spec).toEqual({ storageClassName: '' });
  });

  it('adds pv-protection to new volumes only', () => {
    const pv: KubeObject = { metadata: { name: 'pvc-1', finalizers: ['external-provisioner.volume.kubernetes.io/finalizer'] } };
    storageAdmission(store)({ operation: 'CREATE', rt: rt('persistentvolumes'), namespace: '', name: 'pvc-1', object: pv, user, dryRun: false });
    expect(pv.metadata.finalizers).toEqual(['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection']);
    const updated: KubeObject = { metadata: { name: 'pvc-2' } };
    storageAdmission(store)({ operation: 'UPDATE', rt: rt('persistentvolumes'), namespace: '', name: 'pvc-2', object: updated, user, dryRun: false });
    expect(updated.metadata.finalizers).toBeUndefined();
  });
});
