import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { volumeFor, volumeHandle, volumeName } from './volume-object';

const claim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data-redis-0', namespace: 'team-b', uid: '3f1c2b9e-8d4a-4c1e-9a77-5b2f0d6e1a42', resourceVersion: '812' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'vsan-default-storage-policy', volumeMode: 'Filesystem' },
};
const storageClass: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'vsan-default-storage-policy' }, provisioner: 'csi.vsphere.vmware.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' };

describe('provisioned volumes', () => {
  it('are named pvc-<claim uid> with a stable CNS volume handle', () => {
    expect(volumeName(claim)).toBe('pvc-3f1c2b9e-8d4a-4c1e-9a77-5b2f0d6e1a42');
    expect(volumeHandle(claim)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(volumeHandle(claim)).toBe(volumeHandle({ ...claim }));
  });

  it('carry the claim\'s size, modes and claimRef, the class\'s reclaim policy, and the zone of the selected node', () => {
    const pv = volumeFor(claim, storageClass, 'zone-a');
    expect(pv.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/provisioned-by': 'csi.vsphere.vmware.com' });
    expect(pv.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '2Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data-redis-0', namespace: 'team-b', uid: claim.metadata.uid, resourceVersion: '812' },
      csi: { driver: 'csi.vsphere.vmware.com', fsType: 'ext4', volumeHandle: volumeHandle(claim), volumeAttributes: { type: 'vSphere CNS Block Volume' } },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'vsan-default-storage-policy',
      volumeMode: 'Filesystem',
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a'] }] }] } },
    });
  });

  it('are CNS file volumes for ReadWriteMany claims', () => {
    const pv = volumeFor({ ...claim, spec: { ...(claim.spec as object), accessModes: ['ReadWriteMany'] } }, storageClass, undefined);
    expect((pv.spec as { csi: { volumeAttributes: { type: string } } }).csi.volumeAttributes.type).toBe('vSphere CNS File Volume');
    expect((pv.spec as Record<string, unknown>).nodeAffinity).toBeUndefined();
  });
});
