import { createHash } from 'node:crypto';

/**
 * Deterministic vSphere-side identities for simulated objects, derived from stable keys (UIDs,
 * names): managed object IDs, MAC addresses, device keys and the IP addresses the namespace's
 * workload network hands out. The same VM always gets the same answers, across restarts.
 */
export function hashOf(key: string): Buffer {
  return createHash('sha1').update(key).digest();
}

function hashInt(key: string): number {
  return hashOf(key).readUInt32BE(0);
}

/** A vCenter managed object ID, e.g. `vm-4127` or `snapshot-226`. */
export function moid(prefix: string, key: string, span = 90_000): string {
  return `${prefix}-${1000 + (hashInt(key) % span)}`;
}

/** A MAC address in VMware's OUI (00:50:56), as vCenter assigns to vNICs. */
export function macAddress(key: string): string {
  const h = hashOf(`mac:${key}`);
  const b = [h[0]! & 0x3f, h[1]!, h[2]!];
  return ['00', '50', '56', ...b.map((x) => x.toString(16).padStart(2, '0'))].join(':');
}

/** A UUID (RFC 4122 variant, version 4 layout) derived from a key. */
export function uuidFrom(key: string): string {
  const h = hashOf(`uuid:${key}`).subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * The namespace's segment of the workload network: a /20 in 10.244.0.0/14 chosen by the
 * namespace name (NSX carves one per vSphere Namespace), its gateway and DNS servers.
 */
export interface Segment {
  /** First address of the /20 as a 32-bit number. */
  base: number;
  prefix: number;
  gateway: string;
  nameservers: string[];
  searchDomains: string[];
}

export function ipString(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export function segmentFor(namespace: string): Segment {
  const block = hashInt(`segment:${namespace}`) % 64;
  const base = ((10 << 24) | (244 << 16)) + block * 4096;
  return { base, prefix: 20, gateway: ipString(base + 1), nameservers: ['10.142.7.1', '10.142.7.2'], searchDomains: ['vsphere.local'] };
}

/**
 * The VM's address in its namespace segment: a hash-chosen host number, probing past addresses
 * already taken by other VMs in the namespace. Host numbers 2..4093 (.1 is the gateway).
 */
export function allocateIp(namespace: string, name: string, taken: Set<string>): string {
  const seg = segmentFor(namespace);
  const hosts = 4092;
  const start = hashInt(`ip:${namespace}/${name}`) % hosts;
  for (let i = 0; i < hosts; i++) {
    const ip = ipString(seg.base + 2 + ((start + i) % hosts));
    if (!taken.has(ip)) return ip;
  }
  return ipString(seg.base + 2 + start);
}

/** A load-balancer VIP from the ingress pool (192.168.100.0/24), probing past taken ones. */
export function allocateVip(key: string, taken: Set<string>): string {
  const start = hashInt(`vip:${key}`) % 250;
  for (let i = 0; i < 250; i++) {
    const ip = `192.168.100.${2 + ((start + i) % 250)}`;
    if (!taken.has(ip)) return ip;
  }
  return `192.168.100.${2 + start}`;
}

/** A WebMKS-style console ticket: 32 random-looking hex characters. */
export function ticketFrom(bytes: Buffer): string {
  return bytes.toString('hex').slice(0, 32);
}
