import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { formatQuantity, parseQuantity } from '../../util/quantity';
import type { GuestProfile } from './guest-os';
import { ipString, macAddress, segmentFor, uuidFrom } from './identity';

/**
 * Builders for the parts of a VirtualMachine's status that describe the deployed VM: its
 * network (the configured addresses, and what the guest reports once it has booted), volumes,
 * storage and virtual controllers. Pure functions of the VM, its image and the allocations.
 */
type Json = Record<string, unknown>;

function obj(v: unknown): Json {
  return isObject(v) ? v : {};
}

export interface InterfacePlan {
  name: string;
  ip: string;
  prefix: number;
  gateway: string;
  mac: string;
  deviceKey: number;
}

export function specInterfaces(vm: KubeObject): Json[] {
  const net = obj(obj(vm.spec).network);
  if (net.disabled === true) return [];
  const list = Array.isArray(net.interfaces) ? net.interfaces.filter(isObject) : [];
  return list.length ? list : [{ name: 'eth0' }];
}

/** The interfaces' addresses: static ones from the spec, else one from the namespace segment. */
export function planInterfaces(vm: KubeObject, allocate: (iface: string) => string): InterfacePlan[] {
  const ns = vm.metadata.namespace ?? '';
  const seg = segmentFor(ns);
  return specInterfaces(vm).map((iface, i) => {
    const name = String(iface.name ?? `eth${i}`);
    const statics = (Array.isArray(iface.addresses) ? iface.addresses : []).map(String).filter((a) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(a));
    const [ip, prefix] = statics.length ? [statics[0]!.split('/')[0]!, Number(statics[0]!.split('/')[1])] : [allocate(name), seg.prefix];
    const gw = typeof iface.gateway4 === 'string' && iface.gateway4 !== 'None' ? iface.gateway4 : seg.gateway;
    return { name, ip, prefix, gateway: gw, mac: String(iface.macAddr ?? macAddress(`${vm.metadata.uid}/${name}`)), deviceKey: 4000 + i };
  });
}

/** Interface plans recovered from a VM's status.network.config (stable across power cycles). */
export function plannedFromStatus(vm: KubeObject): InterfacePlan[] {
  const cfg = obj(obj(obj(vm.status).network).config);
  const list = Array.isArray(cfg.interfaces) ? cfg.interfaces.filter(isObject) : [];
  return list.map((iface, i) => {
    const ip = obj(iface.ip);
    const [addr, prefix] = String((Array.isArray(ip.addresses) ? ip.addresses[0] : '') ?? '').split('/');
    return { name: String(iface.name), ip: addr ?? '', prefix: Number(prefix) || 20, gateway: String(ip.gateway4 ?? '').split('/')[0]!, mac: macAddress(`${vm.metadata.uid}/${String(iface.name)}`), deviceKey: 4000 + i };
  });
}

export function hostNameOf(vm: KubeObject): string {
  const net = obj(obj(vm.spec).network);
  return typeof net.hostName === 'string' && net.hostName ? net.hostName : (vm.metadata.name ?? '');
}

function dnsOf(vm: KubeObject): { nameservers: string[]; searchDomains: string[]; domainName?: string } {
  const seg = segmentFor(vm.metadata.namespace ?? '');
  const net = obj(obj(vm.spec).network);
  const ns = Array.isArray(net.nameservers) && net.nameservers.length ? net.nameservers.map(String) : seg.nameservers;
  const sd = Array.isArray(net.searchDomains) && net.searchDomains.length ? net.searchDomains.map(String) : seg.searchDomains;
  return { nameservers: ns, searchDomains: sd, ...(typeof net.domainName === 'string' && net.domainName ? { domainName: net.domainName } : {}) };
}

/** status.network while the guest reports nothing (powered off, booting): only the config. */
export function configuredNetwork(vm: KubeObject, plans: InterfacePlan[]): Json {
  if (plans.length === 0) return {};
  const dns = dnsOf(vm);
  const hostName = hostNameOf(vm);
  return {
    config: {
      interfaces: plans.map((p) => ({
        name: p.name,
        ip: { addresses: [`${p.ip}/${p.prefix}`], gateway4: `${p.gateway}/${p.prefix}` },
        dns: { nameservers: dns.nameservers, searchDomains: dns.searchDomains },
      })),
      dns: { hostName, ...(dns.domainName ? { domainName: dns.domainName } : {}), nameservers: dns.nameservers, searchDomains: dns.searchDomains },
    },
  };
}

function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = b[0]! ^ 0x02;
  const words = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}/64`;
}

/** status.network once VM Tools reports the guest's addresses. */
export function guestNetwork(vm: KubeObject, plans: InterfacePlan[]): Json {
  if (plans.length === 0) return {};
  const dns = dnsOf(vm);
  const hostName = hostNameOf(vm);
  const dhcp = plans.map((p) => !specInterfaces(vm).some((i) => i.name === p.name && Array.isArray(i.addresses) && i.addresses.length));
  const network = (p: InterfacePlan): string => `${ipString((ipNumber(p.ip) >>> (32 - p.prefix)) << (32 - p.prefix))}/${p.prefix}`;
  return {
    ...configuredNetwork(vm, plans),
    hostName,
    primaryIP4: plans[0]!.ip,
    interfaces: plans.map((p, i) => ({
      name: p.name,
      deviceKey: p.deviceKey,
      ip: {
        addresses: [
          { address: `${p.ip}/${p.prefix}`, origin: dhcp[i] ? 'dhcp' : 'manual', state: 'preferred' },
          { address: linkLocal(p.mac), origin: 'linklayer', state: 'preferred' },
        ],
        macAddr: p.mac,
      },
      dns: { hostName, nameservers: dns.nameservers, searchDomains: dns.searchDomains },
    })),
    ipStacks: [
      {
        dns: { hostName, ...(dns.domainName ? { domainName: dns.domainName } : {}), nameservers: dns.nameservers, searchDomains: dns.searchDomains },
        ipRoutes: [
          { gateway: { address: plans[0]!.gateway, device: '0' }, networkAddress: '0.0.0.0/0' },
          ...plans.map((p, i) => ({ gateway: { device: String(i) }, networkAddress: network(p) })),
        ],
      },
    ],
  };
}

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => ((n << 8) | (Number(o) & 255)) >>> 0, 0);
}

/** The image's first disk (the VM's boot disk): capacity and populated size in bytes. */
export function bootDisk(vm: KubeObject, image: KubeObject | undefined): { capacity: number; size: number } {
  const disks = obj(image?.status).disks;
  const first = Array.isArray(disks) && isObject(disks[0]) ? disks[0] : {};
  const capacity = parseQuantity(first.capacity) ?? 10 * 2 ** 30;
  const wanted = parseQuantity(obj(obj(vm.spec).advanced).bootDiskCapacity);
  return { capacity: Math.max(capacity, wanted ?? 0), size: parseQuantity(first.size) ?? 2 ** 30 };
}

/** status.volumes: the boot disk (Classic) and each PVC (Managed), with what CNS reports. */
export function volumesStatus(vm: KubeObject, image: KubeObject | undefined, pvcSize: (claim: string) => number | undefined): Json[] {
  const disk = bootDisk(vm, image);
  const name = vm.metadata.name ?? '';
  const out: Json[] = [
    {
      name,
      type: 'Classic',
      attached: true,
      controllerType: 'SCSI',
      controllerBusNumber: 0,
      diskMode: 'Persistent',
      sharingMode: 'None',
      diskUUID: uuidFrom(`disk:${vm.metadata.uid}`),
      limit: formatQuantity(disk.capacity, 'bytes'),
      requested: formatQuantity(disk.capacity, 'bytes'),
      used: formatQuantity(disk.size, 'bytes'),
    },
  ];
  const volumes = Array.isArray(obj(vm.spec).volumes) ? (obj(vm.spec).volumes as unknown[]).filter(isObject) : [];
  for (const v of volumes) {
    const claim = String(obj(v.persistentVolumeClaim).claimName ?? '');
    const size = pvcSize(claim);
    out.push(
      size === undefined
        ? { name: String(v.name), type: 'Managed', attached: false, error: `PersistentVolumeClaim "${claim}" not found` }
        : {
            name: String(v.name),
            type: 'Managed',
            attached: true,
            controllerType: 'SCSI',
            controllerBusNumber: 0,
            diskMode: String(obj(v.persistentVolumeClaim).diskMode ?? 'Persistent'),
            sharingMode: 'None',
            diskUUID: uuidFrom(`disk:${vm.metadata.uid}/${String(v.name)}`),
            limit: formatQuantity(size, 'bytes'),
            requested: formatQuantity(size, 'bytes'),
            used: formatQuantity(Math.round(size * 0.08), 'bytes'),
          },
    );
  }
  return out;
}

/** status.storage: the boot disk requested, thin usage, and VM files (swap sized like memory). */
export function storageStatus(vm: KubeObject, image: KubeObject | undefined, memory: number, snapshotBytes: number): Json {
  const disk = bootDisk(vm, image);
  const other = memory + 64 * 2 ** 20;
  return {
    total: formatQuantity(disk.capacity + other, 'bytes'),
    requested: { disks: formatQuantity(disk.capacity, 'bytes') },
    usage: {
      disks: formatQuantity(disk.size, 'bytes'),
      other: formatQuantity(other, 'bytes'),
      ...(snapshotBytes ? { snapshots: { vm: formatQuantity(snapshotBytes, 'bytes') } } : {}),
    },
  };
}

/** status.hardware.controllers: two IDE controllers and the ParaVirtual SCSI controller with its disks. */
export function controllersStatus(volumes: Json[]): Json[] {
  const disks = volumes.filter((v) => v.attached === true).map((v, i) => ({ name: String(v.name), type: 'Disk', unitNumber: i >= 7 ? i + 1 : i }));
  return [
    { busNumber: 0, type: 'IDE', deviceKey: 200 },
    { busNumber: 1, type: 'IDE', deviceKey: 201 },
    { busNumber: 0, type: 'SCSI', scsiType: 'ParaVirtual', deviceKey: 1000, devices: disks },
  ];
}

/** status.guest: what the guest reports (the image's guest OS until VM Tools says otherwise). */
export function guestStatus(profile: GuestProfile): Json {
  return { guestID: profile.guestID, guestFullName: profile.guestFullName };
}
