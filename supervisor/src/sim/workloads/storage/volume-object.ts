import { createHash } from 'node:crypto';
import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';

/**
 * The PersistentVolume the vSphere CSI driver's external-provisioner creates for a claim:
 * `pvc-<claim uid>`, a CNS volume handle (a UUID derived from the claim, so it is stable),
 * the claim's size and access modes, a claimRef, the class's reclaim policy and, for a claim
 * bound to a node in a zone, node affinity to that zone.
 */
export const CSI_DRIVER = 'csi.vsphere.vmware.com';
export const PROVISIONER_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';
export const PROVISIONER_IDENTITY = '1700000000000-8081-csi.vsphere.vmware.com';

export function volumeName(claim: KubeObject): string {
  return `pvc-${claim.metadata.uid}`;
}

export function volumeHandle(claim: KubeObject): string {
  const h = createHash('sha1').update(`cns-volume:${claim.metadata.uid}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function claimClass(claim: KubeObject): string | undefined {
  const spec = isObject(claim.spec) ? claim.spec : {};
  const beta = claim.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta) return beta;
  return typeof spec.storageClassName === 'string' && spec.storageClassName !== '' ? spec.storageClassName : undefined;
}

export function claimStorage(claim: KubeObject): string {
  const spec = isObject(claim.spec) ? claim.spec : {};
  const requests = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests : {};
  return typeof requests.storage === 'string' ? requests.storage : String(requests.storage ?? '1Gi');
}

export function accessModes(claim: KubeObject): string[] {
  const spec = isObject(claim.spec) ? claim.spec : {};
  return Array.isArray(spec.accessModes) ? (spec.accessModes as string[]) : ['ReadWriteOnce'];
}

export function volumeFor(claim: KubeObject, storageClass: KubeObject, zone: string | undefined): KubeObject {
  const spec = isObject(claim.spec) ? claim.spec : {};
  const modes = accessModes(claim);
  const file = modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName(claim),
      annotations: {
        'pv.kubernetes.io/provisioned-by': CSI_DRIVER,
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
      finalizers: [PROVISIONER_FINALIZER],
    },
    spec: {
      accessModes: modes,
      capacity: { storage: claimStorage(claim) },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
      csi: {
        driver: CSI_DRIVER,
        ...(file ? {} : { fsType: 'ext4' }),
        volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': PROVISIONER_IDENTITY, type: file ? 'vSphere CNS File Volume' : 'vSphere CNS Block Volume' },
        volumeHandle: file ? `file:${volumeHandle(claim)}` : volumeHandle(claim),
      },
      persistentVolumeReclaimPolicy: typeof storageClass.reclaimPolicy === 'string' ? storageClass.reclaimPolicy : 'Delete',
      storageClassName: storageClass.metadata.name,
      volumeMode: typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem',
    },
  };
  if (zone) {
    (pv.spec as Record<string, unknown>).nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] }] }] } };
  }
  return pv;
}

/** Pods that reference the claim by name in their volumes. */
export function podUsesClaim(pod: KubeObject, claimName: string): boolean {
  const spec = isObject(pod.spec) ? pod.spec : {};
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  return volumes.some((v) => isObject(v) && isObject(v.persistentVolumeClaim) && v.persistentVolumeClaim.claimName === claimName);
}
