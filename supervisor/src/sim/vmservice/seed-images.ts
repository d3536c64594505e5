import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { IMAGE_REGISTRY_API_VERSION, LABEL_IMAGE_CAPABILITY_PREFIX, LABEL_IMAGE_OS_ID, LABEL_IMAGE_OS_TYPE, LABEL_IMAGE_OS_VERSION, LABEL_IMAGE_TYPE } from './constants';

/**
 * The image catalog as content library items look once VM Operator has synced them: display
 * name, product and OS information, hardware version, firmware, capabilities and disks, plus the
 * labels VM Operator derives from them. Object names are `vmi-` + SHA-1 of the item UUID.
 */
export interface ImageDef {
  itemUuid: string;
  displayName: string;
  product: string;
  vendor: string;
  version: string;
  fullVersion: string;
  osId: string;
  osType: string;
  osVersion: string;
  hardwareVersion: number;
  firmware: 'BIOS' | 'EFI';
  capabilities: string[];
  disks: { capacity: string; size: string }[];
  ovfProperties: { key: string; type: string; default?: string }[];
}

const CLOUD_INIT_OVF = [
  { key: 'instance-id', type: 'string', default: 'id-ovf' },
  { key: 'hostname', type: 'string', default: 'ubuntuguest' },
  { key: 'seedfrom', type: 'string' },
  { key: 'public-keys', type: 'string' },
  { key: 'user-data', type: 'string' },
  { key: 'password', type: 'string' },
];

export const CLUSTER_IMAGES: ImageDef[] = [
  {
    itemUuid: 'e1968c25-dd84-4506-8dc7-9beacb6b688e', displayName: 'ubuntu-22.04-server-cloudimg-amd64', product: 'Ubuntu', vendor: 'Canonical', version: '22.04',
    fullVersion: '22.04 LTS (20240514)', osId: '94', osType: 'ubuntu64Guest', osVersion: '22.04', hardwareVersion: 10, firmware: 'BIOS', capabilities: ['cloud-init'],
    disks: [{ capacity: '10Gi', size: '621Mi' }], ovfProperties: CLOUD_INIT_OVF,
  },
  {
    itemUuid: '5b0f4f44-7cc2-4d53-9c28-2f8b6a1e47d3', displayName: 'noble-server-cloudimg-amd64', product: 'Ubuntu', vendor: 'Canonical', version: '24.04',
    fullVersion: '24.04 LTS (20240523)', osId: '94', osType: 'ubuntu64Guest', osVersion: '24.04', hardwareVersion: 13, firmware: 'EFI', capabilities: ['cloud-init'],
    disks: [{ capacity: '10Gi', size: '586Mi' }], ovfProperties: CLOUD_INIT_OVF,
  },
  {
    itemUuid: '8c3e2b7a-1f4d-4e6a-b8c9-0d2e4f6a8b1c', displayName: 'photon-ova_uefi-5.0-dde71ec57', product: 'Photon OS', vendor: 'VMware Inc.', version: '5.0',
    fullVersion: '5.0-dde71ec57', osId: '36', osType: 'vmwarePhoton64Guest', osVersion: '5.0', hardwareVersion: 13, firmware: 'EFI', capabilities: ['cloud-init'],
    disks: [{ capacity: '16Gi', size: '1130Mi' }], ovfProperties: [],
  },
  {
    itemUuid: '2d7c9e1b-3a5f-4c8d-9e0f-1a2b3c4d5e6f', displayName: 'windows-server-2022-datacenter-x64', product: 'Windows Server 2022 Datacenter', vendor: 'Microsoft Corporation', version: '21H2',
    fullVersion: '10.0.20348.2402', osId: '1', osType: 'windows2019srvNext_64Guest', osVersion: '2022', hardwareVersion: 19, firmware: 'EFI', capabilities: [],
    disks: [{ capacity: '60Gi', size: '11Gi' }], ovfProperties: [],
  },
];

export function imageLabels(def: Pick<ImageDef, 'osId' | 'osType' | 'osVersion' | 'capabilities'>): Record<string, string> {
  return {
    [LABEL_IMAGE_OS_ID]: def.osId,
    [LABEL_IMAGE_OS_TYPE]: def.osType,
    [LABEL_IMAGE_OS_VERSION]: def.osVersion,
    [LABEL_IMAGE_TYPE]: 'OVF',
    ...Object.fromEntries(def.capabilities.map((c) => [`${LABEL_IMAGE_CAPABILITY_PREFIX}${c}`, ''])),
  };
}

export function imageStatus(def: ImageDef, now: string): Record<string, unknown> {
  return {
    name: def.displayName,
    type: 'OVF',
    firmware: def.firmware,
    hardwareVersion: def.hardwareVersion,
    capabilities: def.capabilities,
    osInfo: { id: def.osId, type: def.osType, version: def.osVersion },
    productInfo: { product: def.product, vendor: def.vendor, version: def.version, fullVersion: def.fullVersion },
    disks: def.disks,
    ...(def.ovfProperties.length ? { ovfProperties: def.ovfProperties } : {}),
    providerItemID: def.itemUuid,
    providerContentVersion: '1',
    conditions: [{ type: 'Ready', status: 'True', reason: 'True', message: '', lastTransitionTime: now }],
  };
}

/** A VirtualMachineImage realized from a VM published to a content library item. */
export function imageObject(name: string, namespace: string, displayName: string, itemUuid: string, source: KubeObject | undefined, vm: KubeObject): KubeObject {
  const s = source && isObject(source.status) ? source.status : {};
  const os = isObject(s.osInfo) ? (s.osInfo as Record<string, string>) : { id: '101', type: 'otherLinux64Guest', version: '' };
  const product = isObject(s.productInfo) ? (s.productInfo as Record<string, string>) : {};
  const vmStatus = isObject(vm.status) ? vm.status : {};
  const def: ImageDef = {
    itemUuid,
    displayName,
    product: product.product ?? '',
    vendor: product.vendor ?? '',
    version: product.version ?? '',
    fullVersion: product.fullVersion ?? '',
    osId: os.id ?? '',
    osType: os.type ?? '',
    osVersion: os.version ?? '',
    hardwareVersion: Number(vmStatus.hardwareVersion ?? s.hardwareVersion ?? 13),
    firmware: s.firmware === 'EFI' ? 'EFI' : 'BIOS',
    capabilities: Array.isArray(s.capabilities) ? s.capabilities.map(String) : [],
    disks: Array.isArray(s.disks) ? (s.disks as { capacity: string; size: string }[]) : [],
    ovfProperties: [],
  };
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha5',
    kind: 'VirtualMachineImage',
    metadata: { name, namespace, labels: imageLabels(def) },
    spec: { providerRef: { apiVersion: IMAGE_REGISTRY_API_VERSION, kind: 'ContentLibraryItem', name: `clitem-${name.slice(4)}` } },
    status: imageStatus(def, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
  };
}
