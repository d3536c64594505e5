import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { intOf } from './hash';

/**
 * Pod IPs from the namespace's network, as NCP hands them out to vSphere Pods: each namespace
 * has a /23 segment of the 10.244.0.0/14 workload network (chosen from its name), and each pod
 * gets the address its uid hashes to within it, or the next free one. Addresses are unique
 * across every pod that exists (the allocator learns the ones already in use from the store),
 * so the result is deterministic for a given set of pods.
 */
const NETWORK = (10 << 24) | (244 << 16);
const BLOCKS = 512;
const BLOCK_SIZE = 512;
/** .0 is the segment's network address, .1 its gateway, the last its broadcast. */
const FIRST_HOST = 2;
const HOSTS_PER_BLOCK = BLOCK_SIZE - FIRST_HOST - 1;

export function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The first address of the namespace's preferred segment (e.g. for a console to show its CIDR). */
export function namespaceSegment(namespace: string): string {
  return `${ipString(NETWORK + intOf(0, BLOCKS - 1, 'segment', namespace) * BLOCK_SIZE)}/23`;
}

function blockOf(ip: string): number {
  const [a, b, c] = ip.split('.').map(Number);
  return Math.floor((((a! << 24) | (b! << 16) | (c! << 8)) - NETWORK) / BLOCK_SIZE);
}

export class PodIpAllocator {
  private readonly byIp = new Map<string, string>();
  private readonly byUid = new Map<string, string>();
  /** Addresses in use per segment, to skip full segments without probing them. */
  private readonly perBlock = new Map<number, number>();

  private take(ip: string, uid: string): void {
    this.byIp.set(ip, uid);
    this.byUid.set(uid, ip);
    const block = blockOf(ip);
    this.perBlock.set(block, (this.perBlock.get(block) ?? 0) + 1);
  }

  /** Records the IP a stored pod already has. */
  observe(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const ip = isObject(pod.status) && typeof pod.status.podIP === 'string' ? pod.status.podIP : undefined;
    if (!ip || this.byUid.get(uid) === ip) return;
    this.forget(uid);
    this.take(ip, uid);
  }

  forget(uid: string): void {
    const ip = this.byUid.get(uid);
    if (ip === undefined) return;
    this.byUid.delete(uid);
    if (this.byIp.get(ip) !== uid) return;
    this.byIp.delete(ip);
    const block = blockOf(ip);
    this.perBlock.set(block, (this.perBlock.get(block) ?? 1) - 1);
  }

  /** The pod's IP, allocating one if it has none yet. */
  allocate(namespace: string, uid: string): string {
    const known = this.byUid.get(uid);
    if (known) return known;
    const firstBlock = intOf(0, BLOCKS - 1, 'segment', namespace);
    const preferred = intOf(0, HOSTS_PER_BLOCK - 1, 'pod-ip', uid);
    for (let b = 0; b < BLOCKS; b++) {
      const index = (firstBlock + b) % BLOCKS;
      if ((this.perBlock.get(index) ?? 0) >= HOSTS_PER_BLOCK) continue;
      const block = NETWORK + index * BLOCK_SIZE;
      for (let i = 0; i < HOSTS_PER_BLOCK; i++) {
        const ip = ipString(block + FIRST_HOST + ((preferred + i) % HOSTS_PER_BLOCK));
        if (this.byIp.has(ip)) continue;
        this.take(ip, uid);
        return ip;
      }
    }
    throw new Error('the pod network 10.244.0.0/14 is exhausted');
  }
}
