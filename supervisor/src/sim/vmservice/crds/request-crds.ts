import { PUBLISH_REQUESTS, SNAPSHOTS, WEB_CONSOLE_REQUESTS } from '../constants';
import { crd } from './crd';
import { arr, bool, conditions, enumStr, int64, obj, quantity, root, str, time } from './schema';

/** VirtualMachineSnapshot, VirtualMachineWebConsoleRequest and VirtualMachinePublishRequest. */
const snapshotRef = obj({ type: enumStr(['Managed', 'Unmanaged'], undefined, { default: 'Managed' }), name: str() }, undefined, { required: ['name', 'type'] });

export const virtualMachineSnapshotCrd = crd({
  kind: 'VirtualMachineSnapshot',
  plural: SNAPSHOTS,
  shortNames: ['vmsnapshot'],
  schema: root(
    'VirtualMachineSnapshot is the schema for the virtualmachinesnapshot API.',
    obj(
      {
        description: str('Description represents a description of the snapshot.'),
        memory: bool("Memory includes the VM's memory in the snapshot; such snapshots revert to a powered-on VM."),
        quiesce: obj({ timeout: str('Timeout is the maximum time for the quiesce (5 to 240 minutes).') }, 'Quiesce quiesces the guest file systems with VM Tools.'),
        vmName: str('VMName is the name of the VirtualMachine to snapshot.'),
      },
      'VirtualMachineSnapshotSpec defines the desired state of VirtualMachineSnapshot.',
    ),
    obj(
      {
        children: arr(snapshotRef, 'Children are the snapshots whose parent is this snapshot.'),
        conditions: conditions('Conditions describes the observed conditions of the VirtualMachineSnapshot.'),
        powerState: enumStr(['PoweredOff', 'PoweredOn', 'Suspended'], 'PowerState is the power state of the VM when the snapshot was taken.'),
        quiesced: bool(),
        storage: obj({
          requested: arr(obj({ storageClass: str(), total: quantity() }, undefined, { required: ['storageClass', 'total'] })),
          used: quantity(),
        }),
        uniqueID: str('UniqueID identifies the snapshot on vSphere.'),
      },
      'VirtualMachineSnapshotStatus defines the observed state of VirtualMachineSnapshot.',
    ),
  ),
});

export const virtualMachineWebConsoleRequestCrd = crd({
  kind: 'VirtualMachineWebConsoleRequest',
  plural: WEB_CONSOLE_REQUESTS,
  schema: root(
    'VirtualMachineWebConsoleRequest allows the creation of a one-time, web console connection to a VM.',
    obj(
      {
        name: str('Name is the name of a VM in the same Namespace as this web console request.'),
        publicKey: str('PublicKey encrypts status.response: an RSA public key in PEM format, used with RSA-OAEP (SHA-512).'),
      },
      'VirtualMachineWebConsoleRequestSpec describes the desired state for a web console request to a VM.',
      { required: ['name', 'publicKey'] },
    ),
    obj(
      {
        response: str('Response is the encrypted, base64-encoded web console ticket URL.'),
        expiryTime: time('ExpiryTime is when access via this request expires.'),
        proxyAddr: str('ProxyAddr is the host and optional port of the web console proxy.'),
      },
      'VirtualMachineWebConsoleRequestStatus describes the observed state of the request.',
    ),
  ),
});

const publishSource = obj({
  name: str('Name of the source; defaults to the name of the request.'),
  apiVersion: str(undefined, { default: 'vmoperator.vmware.com/v1alpha1' }),
  kind: str(undefined, { default: 'VirtualMachine' }),
});
const publishTarget = obj({
  item: obj({ name: str('Name of the published item as it shows in the content library; defaults to <source>-image.'), description: str() }),
  location: obj({
    name: str('Name of the target ContentLibrary; defaults to the one labeled imageregistry.vmware.com/default.'),
    apiVersion: str(undefined, { default: 'imageregistry.vmware.com/v1alpha1' }),
    kind: str(undefined, { default: 'ContentLibrary' }),
  }),
});

export const virtualMachinePublishRequestCrd = crd({
  kind: 'VirtualMachinePublishRequest',
  plural: PUBLISH_REQUESTS,
  shortNames: ['vmpub'],
  schema: root(
    'VirtualMachinePublishRequest publishes a VirtualMachine as a VirtualMachineImage to an image registry.',
    obj(
      {
        source: publishSource,
        target: publishTarget,
        ttlSecondsAfterFinished: int64('TTLSecondsAfterFinished deletes the request this long after it finishes.', { minimum: 0 }),
      },
      'VirtualMachinePublishRequestSpec defines the desired state of a VirtualMachinePublishRequest.',
    ),
    obj(
      {
        sourceRef: publishSource,
        targetRef: publishTarget,
        completionTime: time(),
        startTime: time(),
        attempts: int64(),
        lastAttemptTime: time(),
        imageName: str('ImageName is the VirtualMachineImage realized from the published item.'),
        ready: bool('Ready is true once every condition is True.'),
        conditions: conditions(),
      },
      'VirtualMachinePublishRequestStatus defines the observed state of a VirtualMachinePublishRequest.',
    ),
  ),
});
