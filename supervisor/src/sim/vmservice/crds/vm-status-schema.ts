import type { SchemaNode } from '../../../openapi/schema-node';
import { arr, bool, conditions, enumStr, int32, int64, localObjectRef, mapList, obj, quantity, str, strList, time } from './schema';

/** VirtualMachine `status` at v1alpha5: what the VM controller observes and reports. */
const keyValue = obj({ key: str(), value: str() }, undefined, { required: ['key'] });

const dnsStatus = obj({ dhcp: bool(), domainName: str(), hostName: str(), nameservers: strList(), searchDomains: strList() });
const dhcpOptions = obj({ config: mapList(keyValue, ['key']), enabled: bool() });
const dhcpStatus = obj({ ip4: dhcpOptions, ip6: dhcpOptions });
const ipRoute = obj({ gateway: obj({ address: str(), device: str() }), networkAddress: str() });

const interfaceStatus = obj({
  name: str('Name of the corresponding interface in spec.network.interfaces.'),
  deviceKey: int32('DeviceKey is the unique hardware device key of this network interface.'),
  ip: obj({
    autoConfigurationEnabled: bool(),
    dhcp: dhcpStatus,
    addresses: arr(
      obj({
        address: str('An IP4 or IP6 address with its prefix length.'),
        lifetime: time(),
        origin: enumStr(['dhcp', 'linklayer', 'manual', 'other', 'random']),
        state: enumStr(['deprecated', 'duplicate', 'inaccessible', 'invalid', 'preferred', 'tentative', 'unknown']),
      }),
    ),
    macAddr: str(),
  }),
  dns: dnsStatus,
});

const network = obj(
  {
    config: obj({
      interfaces: arr(
        obj({
          name: str(),
          ip: obj({ dhcp: obj({ ip4: obj({ enabled: bool() }), ip6: obj({ enabled: bool() }) }), addresses: strList(), gateway4: str(), gateway6: str() }),
          dns: obj({ domainName: str(), hostName: str(), nameservers: strList(), searchDomains: strList() }),
        }),
      ),
      dns: obj({ domainName: str(), hostName: str(), nameservers: strList(), searchDomains: strList() }),
    }, 'Config is the resolved network configuration of the VM (e.g. IPAM addresses).'),
    hostName: str('HostName is the host name the guest reports (needs VM Tools).'),
    interfaces: arr(interfaceStatus, "Interfaces describes the status of the VM's network interfaces."),
    ipStacks: arr(obj({ dhcp: dhcpStatus, dns: dnsStatus, ipRoutes: arr(ipRoute), kernelConfig: mapList(keyValue, ['key']) })),
    primaryIP4: str("PrimaryIP4 is the VM's primary IP4 address."),
    primaryIP6: str("PrimaryIP6 is the VM's primary IP6 address."),
  },
  "Network describes the observed state of the VM's network configuration; most of it needs VM Tools in the guest.",
);

const volumeStatus = obj(
  {
    name: str('Name is the name of the attached volume.'),
    controllerBusNumber: int32(),
    controllerType: enumStr(['IDE', 'NVME', 'SCSI', 'SATA']),
    type: enumStr(['Classic', 'Managed'], 'Type is the type of the attached volume.', { default: 'Managed' }),
    diskMode: enumStr(['IndependentNonPersistent', 'IndependentPersistent', 'NonPersistent', 'Persistent', 'Dependent']),
    sharingMode: enumStr(['MultiWriter', 'None']),
    crypto: obj({ keyID: str(), providerID: str() }),
    limit: quantity('Limit is the maximum, requested capacity of the volume.'),
    requested: quantity('Requested is the minimum, requested capacity of the volume.'),
    used: quantity('Used is the observed, non-shared size of the volume on disk.'),
    attached: bool('Attached is whether the volume is attached to the VM.'),
    diskUUID: str(),
    error: str(),
  },
  undefined,
  { required: ['name', 'type'] },
);

const snapshotRef = obj({ type: enumStr(['Managed', 'Unmanaged'], undefined, { default: 'Managed' }), name: str() }, undefined, { required: ['name', 'type'] });

export const vmStatusSchema: SchemaNode = obj(
  {
    class: localObjectRef('Class references the VirtualMachineClass used to deploy this VM.'),
    nodeName: str('NodeName is the ESXi host the VM is placed on.'),
    powerState: enumStr(['PoweredOff', 'PoweredOn', 'Suspended'], 'PowerState is the observed power state of the VM.'),
    conditions: conditions('Conditions describes the observed conditions of the VirtualMachine.'),
    crypto: obj({ encrypted: arr(enumStr(['Config', 'Disks'])), providerID: str(), keyID: str(), hasVTPM: bool() }),
    network,
    uniqueID: str('UniqueID is the identifier of the VM on vSphere (its managed object ID).'),
    biosUUID: str(),
    instanceUUID: str(),
    volumes: mapList(volumeStatus, ['name', 'type'], 'Volumes describes the observed state of the VM\'s volumes.'),
    changeBlockTracking: bool(),
    zone: str('Zone is the availability zone the VM is placed in; empty when the cluster is not zone-aware.'),
    lastRestartTime: time('LastRestartTime is when the VM was last restarted.'),
    hardwareVersion: int32('HardwareVersion is the observed virtual hardware version.'),
    storage: obj({
      total: quantity('Total is the storage charged to the namespace quota (requested.disks + usage.other).'),
      requested: obj({ disks: quantity() }),
      usage: obj({ disks: quantity(), snapshots: obj({ vm: quantity(), volume: quantity() }), other: quantity() }),
    }),
    currentSnapshot: snapshotRef,
    rootSnapshots: arr(snapshotRef, 'RootSnapshots are the root snapshots of the VM\'s snapshot tree.'),
    guest: obj({ guestID: str(), guestFullName: str() }, "Guest describes the observed state of the VM's guest."),
    hardware: obj({
      controllers: mapList(
        obj(
          {
            busNumber: int32(),
            type: enumStr(['IDE', 'NVME', 'SCSI', 'SATA']),
            scsiType: enumStr(['ParaVirtual', 'BusLogic', 'LsiLogic', 'LsiLogicSAS']),
            deviceKey: int32(),
            devices: mapList(obj({ name: str(), type: enumStr(['CDROM', 'Disk']), unitNumber: int32() }, undefined, { required: ['name', 'type', 'unitNumber'] }), ['name', 'type']),
          },
          undefined,
          { required: ['busNumber', 'type'] },
        ),
        ['busNumber', 'type'],
      ),
      cpu: obj({ total: int32('Total is the number of virtual CPUs.'), reservation: int64('Reservation is the CPU reservation in MHz.') }),
      memory: obj({ total: quantity(), reservation: quantity() }),
      vGPUs: arr(obj({ type: str(), profile: str(), migrationType: str() })),
    }, "Hardware describes the observed state of the VM's hardware."),
    policies: arr(obj({ apiVersion: str(), kind: str(), name: str(), generation: int64() }, undefined, { required: ['apiVersion', 'kind', 'name'] })),
    provider: obj({ creationTimestamp: time() }),
  },
  'VirtualMachineStatus defines the observed state of a VirtualMachine instance.',
);
