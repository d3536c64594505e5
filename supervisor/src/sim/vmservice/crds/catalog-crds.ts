import type { SchemaNode } from '../../../openapi/schema-node';
import { CLASSES, CLUSTER_IMAGES, CVMI_KIND, IMAGES, VMI_KIND } from '../constants';
import { crd } from './crd';
import { arr, conditions, int32, int64, localObjectRef, mapList, obj, opaque, quantity, root, str, strList } from './schema';

/**
 * The VM catalog kinds: VirtualMachineClass (and its revisions, VirtualMachineClassInstance),
 * VirtualMachineImage and ClusterVirtualMachineImage, with upstream's columns and short names.
 */
const resourceSpec = obj({ cpu: quantity(), memory: quantity() });

const classSpec: SchemaNode = obj(
  {
    controllerName: str('ControllerName is the controller that reconciles VMs of this class; defaults to vmoperator.vmware.com/vsphere.'),
    hardware: obj(
      {
        cpus: int64('Cpus is the number of virtual CPUs.'),
        memory: quantity('Memory is the amount of memory.'),
        devices: obj({
          vgpuDevices: mapList(obj({ profileName: str() }, undefined, { required: ['profileName'] }), ['profileName']),
          dynamicDirectPathIODevices: arr(obj({ vendorID: int64(), deviceID: int64(), customLabel: str() }, undefined, { required: ['deviceID', 'vendorID'] })),
        }),
        instanceStorage: obj({ storageClass: str(), volumes: arr(obj({ size: quantity() }, undefined, { required: ['size'] })) }),
      },
      'Hardware describes the virtual hardware of VMs of this class.',
    ),
    policies: obj(
      { resources: obj({ requests: resourceSpec, limits: resourceSpec }, 'CPU and memory reservations (requests) and limits.') },
      'Policies describes the infrastructure policies of VMs of this class.',
    ),
    description: str('Description describes the class.'),
    configSpec: opaque('ConfigSpec is a vSphere VirtualMachineConfigSpec marshaled to JSON with "_typeName" discriminators.'),
    reservedProfileID: str(),
    reservedSlots: int32(undefined, { minimum: 0 }),
  },
  'VirtualMachineClassSpec defines the desired state of VirtualMachineClass.',
);

const CLASS_COLUMNS = [
  { jsonPath: '.spec.hardware.cpus', name: 'CPU', type: 'string' },
  { jsonPath: '.spec.hardware.memory', name: 'Memory', type: 'string' },
];

export const virtualMachineClassCrd = crd({
  kind: 'VirtualMachineClass',
  plural: CLASSES,
  shortNames: ['vmclass'],
  schema: root('VirtualMachineClass is the schema for the virtualmachineclasses API.', classSpec, obj({}, 'VirtualMachineClassStatus defines the observed state of VirtualMachineClass.')),
  printerColumns: [...CLASS_COLUMNS, { jsonPath: '.status.capabilities', name: 'Capabilities', priority: 1, type: 'string' }],
});

export const virtualMachineClassInstanceCrd = crd({
  kind: 'VirtualMachineClassInstance',
  plural: 'virtualmachineclassinstances',
  shortNames: ['vmclassinstance'],
  schema: root('VirtualMachineClassInstance is a revision of a VirtualMachineClass.', classSpec, obj({})),
  printerColumns: [...CLASS_COLUMNS, { jsonPath: '.metadata.labels.vmoperator\\.vmware\\.com/active', name: 'Active', type: 'string' }],
});

const imageSpec = obj({ providerRef: localObjectRef('ProviderRef is the resource holding the source of this image (a ContentLibraryItem).') }, 'VirtualMachineImageSpec defines the desired state of VirtualMachineImage.');

const imageStatus = obj(
  {
    name: str('Name is the display name of this image.'),
    capabilities: strList('Capabilities are the image\'s capabilities, e.g. cloud-init, nvidia-gpu, sriov-net.', { 'x-kubernetes-list-type': 'set' }),
    firmware: str('Firmware is BIOS or EFI.'),
    hardwareVersion: int32('HardwareVersion is the hardware version of this image.'),
    osInfo: obj({ id: str(), type: str(), version: str() }, "OSInfo describes the image's guest operating system."),
    ovfProperties: arr(obj({ key: str(), type: str(), default: str() }, undefined, { required: ['key', 'type'] })),
    vmwareSystemProperties: arr(obj({ key: str(), value: str() }, undefined, { required: ['key'] })),
    productInfo: obj({ product: str(), vendor: str(), version: str(), fullVersion: str() }),
    disks: arr(obj({ capacity: quantity(), size: quantity() })),
    providerContentVersion: str(),
    providerItemID: str(),
    conditions: { ...conditions('Conditions describes the observed conditions for this image.'), 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['type'] },
    type: str('Type is the content library item type: OVF, ISO or VM.'),
  },
  'VirtualMachineImageStatus defines the observed state of VirtualMachineImage.',
);

const IMAGE_COLUMNS = [
  { jsonPath: '.status.name', name: 'Display Name', type: 'string' },
  { jsonPath: '.status.type', name: 'Type', type: 'string' },
  { jsonPath: '.status.productInfo.version', name: 'Image Version', type: 'string' },
  { jsonPath: '.status.osInfo.type', name: 'OS Name', type: 'string' },
  { jsonPath: '.status.osInfo.version', name: 'OS Version', type: 'string' },
  { jsonPath: '.status.hardwareVersion', name: 'Hardware Version', type: 'string' },
];

export const virtualMachineImageCrd = crd({
  kind: VMI_KIND,
  plural: IMAGES,
  shortNames: ['vmi', 'vmimage'],
  schema: root('VirtualMachineImage is the schema for the virtualmachineimages API.', imageSpec, imageStatus),
  printerColumns: [...IMAGE_COLUMNS, { jsonPath: '.status.capabilities', name: 'Capabilities', type: 'string' }],
});

export const clusterVirtualMachineImageCrd = crd({
  kind: CVMI_KIND,
  plural: CLUSTER_IMAGES,
  scope: 'Cluster',
  shortNames: ['cvmi', 'cvmimage', 'clustervmi', 'clustervmimage'],
  schema: root('ClusterVirtualMachineImage is the schema for the clustervirtualmachineimages API.', imageSpec, imageStatus),
  printerColumns: IMAGE_COLUMNS,
});
