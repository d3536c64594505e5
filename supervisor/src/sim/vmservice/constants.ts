/**
 * Names VM Service uses on the wire, as vm-operator defines them (api/v1alpha5, controllers,
 * webhooks): the group and version, condition types and reasons, labels, annotations,
 * finalizers and the identities the simulated controllers write and record events as.
 */
export const GROUP = 'vmoperator.vmware.com';
export const VERSION = 'v1alpha5';
export const API_VERSION = `${GROUP}/${VERSION}`;

export const VMS = 'virtualmachines';
export const CLASSES = 'virtualmachineclasses';
export const IMAGES = 'virtualmachineimages';
export const CLUSTER_IMAGES = 'clustervirtualmachineimages';
export const VM_SERVICES = 'virtualmachineservices';
export const SNAPSHOTS = 'virtualmachinesnapshots';
export const WEB_CONSOLE_REQUESTS = 'virtualmachinewebconsolerequests';
export const PUBLISH_REQUESTS = 'virtualmachinepublishrequests';

export const IMAGE_REGISTRY_API_VERSION = 'imageregistry.vmware.com/v1alpha1';
export const CONTENT_LIBRARIES = 'contentlibraries';

/** Storage tables (`<group>/<plural>`), for store subscriptions and the quota evaluator. */
export const table = (plural: string): string => `${GROUP}/${plural}`;

export const VM_KIND = 'VirtualMachine';
export const VMI_KIND = 'VirtualMachineImage';
export const CVMI_KIND = 'ClusterVirtualMachineImage';

/** VirtualMachine condition types (api/v1alpha5/virtualmachine_types.go and the reference §1.8). */
export const COND = {
  classReady: 'VirtualMachineClassReady',
  imageReady: 'VirtualMachineImageReady',
  storageReady: 'VirtualMachineStorageReady',
  bootstrapReady: 'VirtualMachineBootstrapReady',
  networkReady: 'VirtualMachineNetworkReady',
  placementReady: 'VirtualMachineConditionPlacementReady',
  created: 'VirtualMachineCreated',
  classConfigSynced: 'VirtualMachineClassConfigurationSynced',
  powerStateSynced: 'VirtualMachinePowerStateSynced',
  tools: 'VirtualMachineTools',
  guestBootstrap: 'GuestBootstrap',
  guestCustomization: 'GuestCustomization',
  reconcileReady: 'VirtualMachineReconcileReady',
  snapshotRevert: 'VirtualMachineSnapshotRevertSucceeded',
  ready: 'Ready',
} as const;

export const REASON = {
  toolsRunning: 'VirtualMachineToolsRunning',
  toolsNotRunning: 'VirtualMachineToolsNotRunning',
  reconcilePaused: 'VirtualMachineReconcilePaused',
  customizationPending: 'GuestCustomizationPending',
  customizationRunning: 'GuestCustomizationRunning',
  customizationSucceeded: 'GuestCustomizationSucceeded',
  classNameChanged: 'ClassNameChanged',
  sameClassResize: 'SameClassResize',
} as const;

export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const ANNOTATION_PAUSED = `${GROUP}/paused`;
export const ANNOTATION_FIRST_BOOT_DONE = `virtualmachine.${GROUP}/first-boot-done`;
export const ANNOTATION_SAME_CLASS_RESIZE = `${GROUP}/same-vm-class-resize`;
export const ANNOTATION_MANAGER_ID = `${GROUP}/manager-id`;
export const ANNOTATION_CREATED_AT_BUILD = `${GROUP}/created-at-build-version`;
export const ANNOTATION_CREATED_AT_SCHEMA = `${GROUP}/created-at-schema-version`;
export const CHECK_POWER_ON_PREFIX = `poweron.check.${GROUP}/`;
export const CHECK_DELETE_PREFIX = `delete.check.${GROUP}/`;
export const LABEL_SNAPSHOT_VM = `snapshot.${GROUP}/vm-name`;
export const LABEL_WEBCONSOLE_UUID = `${GROUP}/webconsolerequest-uuid`;
export const LABEL_IMAGE_OS_ID = `os.image.${GROUP}/id`;
export const LABEL_IMAGE_OS_TYPE = `os.image.${GROUP}/type`;
export const LABEL_IMAGE_OS_VERSION = `os.image.${GROUP}/version`;
export const LABEL_IMAGE_TYPE = `image.${GROUP}/type`;
export const LABEL_IMAGE_CAPABILITY_PREFIX = `capability.image.${GROUP}/`;
export const LABEL_LIBRARY_DEFAULT = 'imageregistry.vmware.com/default';

export const FINALIZER_VM = `${GROUP}/virtualmachine`;
export const FINALIZER_SNAPSHOT = `${GROUP}/virtualmachinesnapshot`;

/** The vCenter managing every simulated VM (annotation manager-id). */
export const VCENTER_UUID = '2f1d0a5e-8c3b-4b7e-9a61-5d0c7b3e9f42';
export const CLUSTER_MOID = 'domain-c8';

/** Event sources: vm-operator's controllers record as `<namespace>/<manager>/<controller>`. */
const MANAGER = 'vmware-system-vmop/vmware-system-vmop-controller-manager';
export const COMPONENT = {
  vm: `${MANAGER}/virtualmachine-controller`,
  snapshot: `${MANAGER}/virtualmachinesnapshot-controller`,
  service: `${MANAGER}/virtualmachineservice-controller`,
  webConsole: `${MANAGER}/virtualmachinewebconsolerequest-controller`,
  publish: `${MANAGER}/virtualmachinepublishrequest-controller`,
  ha: 'vmware-vpxd',
} as const;

/** Field managers of the simulated controllers' writes. */
export const MANAGER_NAME = 'vmware-system-vmop-controller-manager';

export const WEBHOOK = {
  vmValidating: `default.validating.virtualmachine.${VERSION}.${GROUP}`,
  vmMutating: `default.mutating.virtualmachine.${VERSION}.${GROUP}`,
} as const;
