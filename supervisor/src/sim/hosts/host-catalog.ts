import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import { LABEL_ARCH, LABEL_HOSTNAME, LABEL_OS, LABEL_REGION, LABEL_ROLE_AGENT, LABEL_ZONE } from './constants';

/**
 * The simulated ESXi hosts: the four demo hosts of the seed (two per zone, slightly different
 * hardware), and a deterministic profile for any other Node a client registers, so every Node
 * in the store can be "run" by a simulated spherelet. Identifiers (UUIDs, machine IDs) derive
 * from the host name, so they are stable across restarts and seeds.
 */
export interface HostProfile {
  name: string;
  zone: string;
  region: string;
  ip: string;
  cpu: number;
  memoryGi: number;
  pods: number;
  storageGi: number;
}

export const REGION = 'region-1';
export const ESXI_VERSION = '8.0.3';
/** Spherelet builds are versioned after the Kubernetes release they port, with a build suffix. */
export const SPHERELET_VERSION = 'v1.32.4-sph-7c1e6f2';
export const CONTAINER_RUNTIME_VERSION = `crx://${ESXI_VERSION}`;

export const DEMO_HOSTS: readonly HostProfile[] = [
  { name: 'esxi-01.vsphere.local', zone: 'zone-a', region: REGION, ip: '10.10.10.11', cpu: 48, memoryGi: 384, pods: 250, storageGi: 1800 },
  { name: 'esxi-02.vsphere.local', zone: 'zone-a', region: REGION, ip: '10.10.10.12', cpu: 48, memoryGi: 384, pods: 250, storageGi: 1800 },
  { name: 'esxi-03.vsphere.local', zone: 'zone-b', region: REGION, ip: '10.10.10.13', cpu: 56, memoryGi: 448, pods: 250, storageGi: 1900 },
  { name: 'esxi-04.vsphere.local', zone: 'zone-b', region: REGION, ip: '10.10.10.14', cpu: 56, memoryGi: 512, pods: 250, storageGi: 1900 },
];

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A UUID-shaped identifier derived from `seed` (version nibble 4, RFC 4122 variant). */
export function stableUuid(seed: string): string {
  const b = digest(seed);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function machineId(name: string): string {
  return digest(`machine:${name}`).subarray(0, 16).toString('hex');
}

/** The demo host of that name, or a deterministic profile for a host registered by a client (zone from its label). */
export function profileFor(name: string, labels: Readonly<Record<string, string>> = {}): HostProfile {
  const demo = DEMO_HOSTS.find((h) => h.name === name);
  if (demo) return demo;
  const b = digest(`host:${name}`);
  return {
    name,
    zone: labels[LABEL_ZONE] ?? 'zone-a',
    region: labels[LABEL_REGION] ?? REGION,
    ip: `10.10.20.${10 + (b[0]! % 240)}`,
    cpu: 48,
    memoryGi: 384,
    pods: 250,
    storageGi: 1800,
  };
}

export function hostLabels(p: HostProfile): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    [LABEL_ARCH]: 'amd64',
    [LABEL_HOSTNAME]: p.name,
    [LABEL_OS]: 'linux',
    [LABEL_ROLE_AGENT]: '',
    [LABEL_REGION]: p.region,
    [LABEL_ZONE]: p.zone,
  };
}

/** The Node a spherelet registers for its host (status is posted separately, as kubelets do). */
export function nodeManifest(p: HostProfile): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: p.name,
      labels: hostLabels(p),
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { providerID: `vsphere://${stableUuid(`vsphere:${p.name}`)}` },
  };
}
