import type { SchemaNode } from '../../../openapi/schema-node';
import { arr, bool, enumStr, int32, int64, localObjectRef, mapList, obj, opaque, quantity, secretKeySelector, str, strList } from './schema';

/**
 * VirtualMachine `spec` at v1alpha5 (api/v1alpha5/virtualmachine_types.go and the bootstrap,
 * network, storage and hardware type files). Trimmed to opaque objects: affinity, structured
 * sysprep, and cloud-config users (kept as given).
 */
const POWER_MODE = ['Hard', 'Soft', 'TrySoft'];
const CONTROLLER_TYPE = ['IDE', 'NVME', 'SCSI', 'SATA'];

const keyValueOrSecret = obj(
  { key: str('Key is the key of the key/value pair.'), value: obj({ from: secretKeySelector('From is a reference to a Secret key holding the value.'), value: str('Value is the literal value.') }) },
  'A vApp/OVF property key and its value or a Secret key holding it.',
  { required: ['key'] },
);

const cloudConfig = obj(
  {
    timezone: str('Timezone describes the timezone represented in /usr/share/zoneinfo.'),
    defaultUserEnabled: bool('DefaultUserEnabled keeps the image\'s default user even when Users is not empty.'),
    users: mapList({ type: 'object', required: ['name'], properties: { name: str("Name is the user's login name.") }, 'x-kubernetes-preserve-unknown-fields': true }, ['name'], 'Users adds or configures users on the guest.'),
    runcmd: { 'x-kubernetes-preserve-unknown-fields': true, description: 'RunCmd runs one or more commands on the guest.' },
    write_files: mapList(
      obj(
        {
          append: bool(),
          content: { 'x-kubernetes-preserve-unknown-fields': true, description: 'Content is a string or a Secret key selector.' },
          defer: bool(),
          encoding: enumStr(['b64', 'base64', 'gz', 'gzip', 'gz+b64', 'gz+base64', 'gzip+b64', 'gzip+base64', 'text/plain'], undefined, { default: 'text/plain' }),
          owner: str(undefined, { default: 'root:root' }),
          path: str('Path of the file to write.'),
          permissions: str(undefined, { default: '0644' }),
        },
        undefined,
        { required: ['path'] },
      ),
      ['path'],
      'WriteFiles adds files to the guest file system.',
    ),
    ssh_pwauth: bool('SSHPwdAuth sets whether or not to accept password authentication.'),
  },
  'CloudConfig describes a subset of a Cloud-Init CloudConfig used to bootstrap the VM. Mutually exclusive with RawCloudConfig.',
);

const bootstrap = obj(
  {
    cloudInit: obj(
      {
        instanceID: str("InstanceID is the cloud-init metadata instance ID. Defaults to the VM's BiosUUID."),
        cloudConfig,
        rawCloudConfig: secretKeySelector('RawCloudConfig is a key in a Secret holding the CloudConfig (plain, base64 or gzip+base64).'),
        sshAuthorizedKeys: strList("SSHAuthorizedKeys are public keys CloudInit applies to the guest's default user."),
        useGlobalNameserversAsDefault: bool('Use spec.network.nameservers when an interface has none. Defaults to true.'),
        useGlobalSearchDomainsAsDefault: bool('Use spec.network.searchDomains when an interface has none. Defaults to true.'),
        waitOnNetwork4: bool(),
        waitOnNetwork6: bool(),
      },
      'CloudInit bootstraps Linux guests with Cloud-Init or Windows guests with Cloudbase-Init. May not be combined with other providers.',
    ),
    linuxPrep: obj(
      {
        hardwareClockIsUTC: bool(),
        timeZone: str('TimeZone is a case-sensitive time zone, such as Europe/Sofia.'),
        expirePasswordAfterNextLogin: bool(),
        password: obj({ password: secretKeySelector('The Secret key holding the root password.'), plainText: bool() }),
        scriptText: obj({ from: secretKeySelector(), value: str() }, 'ScriptText is a script run by Guest OS Customization.'),
        customizeAtNextPowerOn: bool(),
      },
      'LinuxPrep bootstraps Linux guests with Guest OS Customization (GOSC).',
    ),
    sysprep: obj(
      { sysprep: opaque('Sysprep is an object representation of a Windows sysprep.xml answer file.'), rawSysprep: secretKeySelector('RawSysprep is a key in a Secret holding the unattend XML.'), customizeAtNextPowerOn: bool() },
      'Sysprep bootstraps Windows guests with Guest OS Customization (GOSC).',
    ),
    vAppConfig: obj(
      { properties: mapList(keyValueOrSecret, ['key'], 'Properties is a list of vApp/OVF property key/value pairs.'), rawProperties: str('RawProperties is the name of a Secret whose key/value pairs are vApp properties.') },
      'VAppConfig passes vApp/OVF properties to the guest; it may be combined with LinuxPrep or Sysprep.',
    ),
  },
  "Bootstrap describes the desired state of the guest's bootstrap configuration. If omitted, a default is selected from the guest OS (LinuxPrep for Linux).",
);

const networkInterface = obj(
  {
    name: str('Name is the unique name of this interface (at least two lowercase letters or digits).', { pattern: '^[a-z0-9]{2,}$' }),
    network: obj({ apiVersion: str(), kind: str(), name: str() }, "Network is the network resource this interface connects to; empty means the namespace's default network."),
    guestDeviceName: str('GuestDeviceName renames the device inside the guest (CloudInit only).', { pattern: '^\\w\\w+$' }),
    macAddr: str('MACAddr is the optional MAC address of this interface (VPC networking only).', { pattern: '^([0-9A-Fa-f]{2}:){5}([0-9A-Fa-f]{2})$' }),
    addresses: strList('Addresses are IP4/IP6 addresses with prefix length, e.g. 192.168.0.10/24.'),
    dhcp4: bool(),
    dhcp6: bool(),
    gateway4: str('Gateway4 is the default IP4 gateway; "None" ignores the network provider\'s gateway.'),
    gateway6: str(),
    mtu: int64('MTU is the Maximum Transmission Unit size in bytes (CloudInit only).'),
    nameservers: strList(),
    routes: arr(obj({ to: str(), via: str(), metric: int32(undefined, { minimum: 1 }) }, undefined, { required: ['to', 'via'] })),
    searchDomains: strList(),
  },
  "A VM's network interface.",
  { required: ['name'] },
);

const volume = obj(
  {
    name: str("Name is the volume's name; a DNS label unique within the VM."),
    persistentVolumeClaim: obj(
      {
        claimName: str('ClaimName is the name of a PersistentVolumeClaim in the same namespace.'),
        readOnly: bool(),
        instanceVolumeClaim: obj({ storageClass: str(), size: quantity() }, 'Set when the PVC is backed by instance storage.', { required: ['size', 'storageClass'] }),
        unmanagedVolumeClaim: obj({ type: enumStr(['FromImage', 'FromVM']), name: str(), uuid: str() }, undefined, { required: ['name', 'type'] }),
        applicationType: enumStr(['OracleRAC', 'MicrosoftWSFC']),
        controllerBusNumber: int32(),
        controllerType: enumStr(CONTROLLER_TYPE, undefined, { default: 'SCSI' }),
        diskMode: enumStr(['IndependentNonPersistent', 'IndependentPersistent', 'NonPersistent', 'Persistent', 'Dependent'], undefined, { default: 'Persistent' }),
        sharingMode: enumStr(['MultiWriter', 'None'], undefined, { default: 'None' }),
        unitNumber: int32(),
      },
      'PersistentVolumeClaim references a PersistentVolumeClaim in the same namespace.',
      { required: ['claimName'] },
    ),
    removable: bool('Removable describes whether the volume may be detached while the VM is powered on.'),
  },
  'A named volume of the VM.',
  { required: ['name'] },
);

const controllerSpec = (maxBus: number, extra: Record<string, SchemaNode> = {}): SchemaNode =>
  obj({ busNumber: int32(undefined, { minimum: 0, maximum: maxBus }), pciSlotNumber: int32(), ...extra }, undefined, { required: ['busNumber'] });

const hardware = obj(
  {
    cdrom: mapList(
      obj(
        {
          name: str(undefined, { pattern: '^[a-z0-9]{2,}$' }),
          image: obj({ kind: str(), name: str() }, 'An ISO-type VirtualMachineImage or ClusterVirtualMachineImage.', { required: ['kind', 'name'] }),
          controllerBusNumber: int32(),
          controllerType: enumStr(['IDE', 'SATA']),
          unitNumber: int32(),
          connected: bool(undefined, { default: true }),
          allowGuestControl: bool(undefined, { default: true }),
        },
        undefined,
        { required: ['image', 'name'] },
      ),
      ['name'],
      "Cdrom describes the desired state of the VM's CD-ROM devices.",
    ),
    ideControllers: mapList(obj({ busNumber: int32(undefined, { minimum: 0, maximum: 1 }) }, undefined, { required: ['busNumber'] }), ['busNumber'], undefined, { maxItems: 2 }),
    nvmeControllers: mapList(controllerSpec(3, { sharingMode: enumStr(['None', 'Physical', 'Virtual'], undefined, { default: 'None' }) }), ['busNumber'], undefined, { maxItems: 4 }),
    sataControllers: mapList(controllerSpec(3), ['busNumber'], undefined, { maxItems: 4 }),
    scsiControllers: mapList(
      controllerSpec(3, { sharingMode: enumStr(['None', 'Physical', 'Virtual'], undefined, { default: 'None' }), type: enumStr(['ParaVirtual', 'BusLogic', 'LsiLogic', 'LsiLogicSAS'], undefined, { default: 'ParaVirtual' }) }),
      ['busNumber'],
      undefined,
      { maxItems: 4 },
    ),
  },
  "Hardware describes the VM's desired hardware.",
);

export const vmSpecSchema: SchemaNode = obj(
  {
    image: obj(
      { kind: str('Kind is VirtualMachineImage or ClusterVirtualMachineImage.'), name: str('Name is the Kubernetes name of the image, e.g. vmi-0a0044d7c690bcbea.') },
      'Image references the VirtualMachineImage or ClusterVirtualMachineImage used to deploy this VM.',
      { required: ['kind', 'name'] },
    ),
    imageName: str('ImageName is the name of the image resource, or its vSphere display name, which a mutation webhook resolves to the image resource.'),
    className: str('ClassName is the name of the VirtualMachineClass used to deploy this VM. A different value resizes the VM.'),
    class: localObjectRef('Class references the VirtualMachineClassInstance this VM was created or resized with.'),
    affinity: opaque("Affinity describes the VM's scheduling constraints."),
    crypto: obj(
      { encryptionClassName: str('EncryptionClassName is the EncryptionClass used to encrypt this VM.'), useDefaultKeyProvider: bool(undefined, { default: true }), vTPMMode: enumStr(['New', 'Clone']) },
      'Crypto describes the desired encryption state of the VM.',
    ),
    storageClass: str("StorageClass is the Kubernetes StorageClass (vSphere storage policy) used for this VM's storage."),
    bootstrap,
    network: obj(
      {
        hostName: str('HostName is the guest host name; defaults to the VM name.'),
        domainName: str('DomainName is the guest domain name (the domain to join on Windows).'),
        disabled: bool('Disabled turns off networking for this VM.'),
        nameservers: strList('Nameservers are global IP4/IP6 DNS servers.'),
        searchDomains: strList('SearchDomains are global DNS search domains.'),
        interfaces: mapList(networkInterface, ['name'], 'Interfaces is the list of network interfaces; if empty, eth0 on the default network is used.', { maxItems: 10 }),
      },
      'Network describes the desired network configuration for the VM.',
    ),
    powerState: enumStr(['PoweredOff', 'PoweredOn', 'Suspended'], 'PowerState is the desired power state. Defaults to PoweredOn on create, where Suspended is not allowed; it cannot be cleared once set.'),
    powerOffMode: enumStr(POWER_MODE, 'PowerOffMode: Hard halts the VM; Soft shuts the guest down via VM Tools; TrySoft tries Soft and falls back to Hard after five minutes.', { default: 'TrySoft' }),
    suspendMode: enumStr(POWER_MODE, 'SuspendMode describes how the VM is suspended.', { default: 'TrySoft' }),
    nextRestartTime: str('NextRestartTime restarts the VM (per RestartMode) when set to "now"; a webhook replaces it with the current time.'),
    restartMode: enumStr(POWER_MODE, 'RestartMode describes how the VM is restarted when spec.nextRestartTime is set to "now".', { default: 'TrySoft' }),
    volumes: mapList(volume, ['name'], 'Volumes are the volumes attached to the VM.'),
    readinessProbe: obj(
      {
        tcpSocket: obj({ host: str(), port: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true } }, 'Deprecated: TCPSocket probes a port of the VM.', { required: ['port'] }),
        guestHeartbeat: obj({ thresholdStatus: enumStr(['green', 'yellow'], undefined, { default: 'green' }) }, 'GuestHeartbeat probes the VM Tools heartbeat.'),
        guestInfo: arr(obj({ key: str(), value: str() }, undefined, { required: ['key'] }), 'GuestInfo probes guestinfo keys; all must match.'),
        timeoutSeconds: int32(undefined, { minimum: 1, maximum: 60, default: 10 }),
        periodSeconds: int32(undefined, { minimum: 1, default: 10 }),
      },
      "ReadinessProbe determines the VM's Ready condition.",
    ),
    advanced: obj(
      {
        bootDiskCapacity: quantity("BootDiskCapacity is the capacity of the VM's boot disk."),
        defaultVolumeProvisioningMode: enumStr(['Thin', 'Thick', 'ThickEagerZero']),
        changeBlockTracking: bool('ChangeBlockTracking enables incremental backup support.'),
      },
      'Advanced describes optional, advanced VM configuration options.',
    ),
    reserved: obj({ resourcePolicyName: str() }, 'Reserved describes VM configuration options reserved for system use.'),
    minHardwareVersion: int32('MinHardwareVersion is the desired minimum hardware version; it only ever upgrades.', { minimum: 13 }),
    instanceUUID: str('InstanceUUID is the desired vSphere instance UUID; random if omitted.', { format: 'uuid' }),
    biosUUID: str('BiosUUID is the desired BIOS UUID; random if omitted. The default cloud-init instance ID.', { format: 'uuid' }),
    guestID: str('GuestID is the desired guest OS identifier; changeable only while powered off.'),
    promoteDisksMode: enumStr(['Online', 'Offline', 'Disabled'], 'PromoteDisksMode describes how linked-clone delta disks are promoted.', { default: 'Online' }),
    bootOptions: obj(
      {
        firmware: enumStr(['BIOS', 'EFI']),
        bootDelay: str(),
        bootOrder: arr(enumStr(['Disk', 'Network', 'CDRom'])),
        bootRetry: enumStr(['Enabled', 'Disabled'], undefined, { default: 'Disabled' }),
        bootRetryDelay: str(),
        enterBootSetup: enumStr(['Enabled', 'Disabled'], undefined, { default: 'Disabled' }),
        efiSecureBoot: enumStr(['Enabled', 'Disabled'], undefined, { default: 'Disabled' }),
        networkBootProtocol: enumStr(['IP4', 'IP6'], undefined, { default: 'IP4' }),
      },
      'BootOptions control the boot behavior; they take effect at the next power-on.',
    ),
    currentSnapshotName: str('CurrentSnapshotName reverts the VM to the named VirtualMachineSnapshot; it is cleared once the revert is done.'),
    groupName: str('GroupName is the VirtualMachineGroup this VM belongs to.'),
    hardware,
    policies: arr(obj({ apiVersion: str(), kind: str(), name: str() }, undefined, { required: ['apiVersion', 'kind', 'name'] }), 'Policies are policies explicitly applied to this VM.'),
  },
  'VirtualMachineSpec defines the desired state of a VirtualMachine.',
);

