import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { API_VERSION, CLASSES, CLUSTER_IMAGES as CVMIS, CONTENT_LIBRARIES, IMAGE_REGISTRY_API_VERSION, IMAGES, LABEL_LIBRARY_DEFAULT } from './constants';
import { vmiName } from './publish-controller';
import { CLUSTER_IMAGES, imageLabels, imageStatus, type ImageDef } from './seed-images';
import { ensure } from './seed-kit';

/**
 * The VM Service catalog of the demo supervisor: the default VM classes (best-effort and
 * guaranteed, xsmall to 2xlarge) in each namespace, a namespace content library, the
 * Supervisor-wide images (Ubuntu 22.04 and 24.04, Photon OS 5, Windows Server 2022) and a
 * couple of namespace images. Deterministic names; existing objects are left alone.
 */
export const CLASS_SIZES: { size: string; cpus: number; memoryGi: number }[] = [
  { size: 'xsmall', cpus: 2, memoryGi: 2 },
  { size: 'small', cpus: 2, memoryGi: 4 },
  { size: 'medium', cpus: 2, memoryGi: 8 },
  { size: 'large', cpus: 4, memoryGi: 16 },
  { size: 'xlarge', cpus: 4, memoryGi: 32 },
  { size: '2xlarge', cpus: 8, memoryGi: 64 },
];

export function vmClassObject(namespace: string, guaranteed: boolean, size: (typeof CLASS_SIZES)[number]): KubeObject {
  const memory = `${size.memoryGi}Gi`;
  return {
    apiVersion: API_VERSION,
    kind: 'VirtualMachineClass',
    metadata: { name: `${guaranteed ? 'guaranteed' : 'best-effort'}-${size.size}`, namespace },
    spec: {
      controllerName: 'vmoperator.vmware.com/vsphere',
      description: `${guaranteed ? 'Guaranteed' : 'Best effort'} ${size.size} virtual machine class: ${size.cpus} vCPUs, ${memory} memory${guaranteed ? ', fully reserved' : ''}`,
      hardware: { cpus: size.cpus, memory },
      configSpec: { _typeName: 'VirtualMachineConfigSpec', numCPUs: size.cpus, memoryMB: size.memoryGi * 1024 },
      ...(guaranteed ? { policies: { resources: { requests: { cpu: `${size.cpus * 1000}m`, memory } } } } : {}),
    },
  };
}

export function clusterImageObject(def: ImageDef, now: string): KubeObject {
  const name = vmiName(def.itemUuid);
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterVirtualMachineImage',
    metadata: { name, labels: imageLabels(def) },
    spec: { providerRef: { apiVersion: IMAGE_REGISTRY_API_VERSION, kind: 'ClusterContentLibraryItem', name: `clitem-${name.slice(4)}` } },
    status: imageStatus(def, now),
  };
}

/** Namespace images: a hardened image published in `team-a` and one in `platform`. */
const NAMESPACE_IMAGES: { namespace: string; def: ImageDef }[] = [
  { namespace: 'team-a', def: { ...CLUSTER_IMAGES[0]!, itemUuid: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', displayName: 'ubuntu-22.04-nginx-golden', fullVersion: '22.04 LTS (20240601-team-a)' } },
  { namespace: 'platform', def: { ...CLUSTER_IMAGES[2]!, itemUuid: '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d', displayName: 'photon-5.0-cis-hardened', fullVersion: '5.0-dde71ec57-cis' } },
];

function libraryObject(namespace: string): KubeObject {
  const uuid = createHash('sha1').update(`library:${namespace}`).digest('hex');
  return {
    apiVersion: IMAGE_REGISTRY_API_VERSION,
    kind: 'ContentLibrary',
    metadata: { name: `cl-${uuid.slice(0, 17)}`, namespace, labels: { [LABEL_LIBRARY_DEFAULT]: '' } },
    spec: { uuid: `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20, 32)}`, writable: true, allowImport: true },
    status: {
      name: `${namespace}-library`,
      description: `Content library of vSphere Namespace ${namespace}`,
      type: 'Local',
      storageBacking: { type: 'Datastore', datastoreID: 'datastore-1001' },
      state: 'Active',
      conditions: [{ type: 'Ready', status: 'True', reason: 'True', message: '', lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') }],
    },
  };
}

export function seedVmCatalog(ctx: ControllerContext, namespaces: string[]): void {
  const client = clientFor(ctx, 'supervisor-seed');
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const def of CLUSTER_IMAGES) ensure(client, API_VERSION, CVMIS, clusterImageObject(def, now));
  for (const ns of namespaces) {
    if (!client.get('v1', 'namespaces', '', ns)) continue;
    for (const guaranteed of [false, true]) for (const size of CLASS_SIZES) ensure(client, API_VERSION, CLASSES, vmClassObject(ns, guaranteed, size));
    ensure(client, IMAGE_REGISTRY_API_VERSION, CONTENT_LIBRARIES, libraryObject(ns));
    for (const img of NAMESPACE_IMAGES.filter((i) => i.namespace === ns)) {
      const obj = clusterImageObject(img.def, now);
      ensure(client, API_VERSION, IMAGES, {
        ...obj,
        kind: 'VirtualMachineImage',
        metadata: { ...obj.metadata, namespace: ns },
        spec: { providerRef: { apiVersion: IMAGE_REGISTRY_API_VERSION, kind: 'ContentLibraryItem', name: `clitem-${String(obj.metadata.name).slice(4)}` } },
      });
    }
  }
}

