import type { KubeObject } from '../../api/types';
import type { SystemClient } from '../../controllers/kit/system-client';

/**
 * The demo's vSphere Namespaces: team-a and team-b for developers, platform for shared services,
 * each with a ResourceQuota (CPU, memory, storage per class, VM count, pods) and a LimitRange
 * giving containers default requests and limits, as a vSphere Namespace does; plus the storage
 * classes (vSphere storage policies) the namespaces may use.
 */
export const DEMO_NAMESPACES = ['team-a', 'team-b', 'platform'];

export const STORAGE_CLASSES: KubeObject[] = [
  storageClass('vsan-default-storage-policy', '4d5f673c-536f-11e6-beb8-9e71128cae77', true),
  storageClass('wcpglobal-storage-profile', 'aa6d5a82-1c88-45da-85d3-3d74b91a5bad', false),
  storageClass('vsan-raid1-gold', '9d2a8a23-8e5b-4a6b-a0a7-3b1f8fb2d0a1', false),
];

function storageClass(name: string, policyId: string, isDefault: boolean): KubeObject {
  return {
    metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner: 'csi.vsphere.vmware.com',
    parameters: { storagePolicyID: policyId },
    reclaimPolicy: 'Delete',
    allowVolumeExpansion: true,
    volumeBindingMode: 'Immediate',
  } as KubeObject;
}

interface NamespacePlan {
  name: string;
  description: string;
  quota: Record<string, string>;
}

const PLANS: NamespacePlan[] = [
  {
    name: 'team-a',
    description: 'Team A: web shop front end and its database',
    quota: { 'requests.cpu': '16', 'requests.memory': '64Gi', 'limits.cpu': '32', 'limits.memory': '128Gi', pods: '30', 'requests.storage': '500Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '500Gi', 'count/virtualmachines.vmoperator.vmware.com': '10', 'count/services': '20' },
  },
  {
    name: 'team-b',
    description: 'Team B: data science and caching',
    quota: { 'requests.cpu': '24', 'requests.memory': '96Gi', 'limits.cpu': '48', 'limits.memory': '192Gi', pods: '40', 'requests.storage': '1Ti', 'count/virtualmachines.vmoperator.vmware.com': '12' },
  },
  {
    name: 'platform',
    description: 'Platform team: shared data services and monitoring',
    quota: { 'requests.cpu': '48', 'requests.memory': '192Gi', 'limits.cpu': '96', 'limits.memory': '384Gi', pods: '80', 'requests.storage': '4Ti', 'count/virtualmachines.vmoperator.vmware.com': '20' },
  },
];

function ensure(client: SystemClient, apiVersion: string, resource: string, obj: KubeObject): void {
  if (!client.get(apiVersion, resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '')) client.create(apiVersion, resource, obj);
}

export function seedNamespaces(client: SystemClient): void {
  for (const sc of STORAGE_CLASSES) ensure(client, 'storage.k8s.io/v1', 'storageclasses', sc);
  for (const plan of PLANS) {
    ensure(client, 'v1', 'namespaces', { metadata: { name: plan.name, labels: { 'vSphereClusterID': 'domain-c8' }, annotations: { 'vmware-system-resource-pool': `resgroup-${plan.name}`, 'glasspane.io/description': plan.description } } });
    ensure(client, 'v1', 'resourcequotas', { metadata: { name: `${plan.name}-quota`, namespace: plan.name }, spec: { hard: plan.quota } });
    ensure(client, 'v1', 'limitranges', {
      metadata: { name: `${plan.name}-limits`, namespace: plan.name },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] },
    });
  }
}
