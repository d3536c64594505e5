import type { KubeObject } from '../k8s/types';
import { get, list, parseQuantity, str } from '../resources/format';

/**
 * Capacity versus allocation: a host's CPU and memory allocated to the pods and VMs placed on
 * it (pod requests, VM hardware from status), and a namespace's ResourceQuota use (`used /
 * hard`). Pure sums over the objects the page already watches.
 */
export interface Usage {
  used: number;
  total: number;
}

export interface HostAllocation {
  cpu: Usage;
  memory: Usage;
  pods: number;
  vms: number;
}

function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of list(get(pod, 'spec.containers')) as { resources?: { requests?: Record<string, string> } }[]) {
    cpu += parseQuantity(c.resources?.requests?.cpu) ?? 0;
    memory += parseQuantity(c.resources?.requests?.memory) ?? 0;
  }
  return { cpu, memory };
}

const podActive = (p: KubeObject) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
const vmRunning = (vm: KubeObject) => str(vm.status?.powerState) === 'PoweredOn' || str(vm.status?.powerState) === 'Suspended';

/**
 * What one pod or VM takes from its host, as `hostAllocation` counts it: an active pod's
 * requests on spec.nodeName; a VM on status.nodeName, with its hardware while powered on or
 * suspended (still holding memory). Undefined when it is on no host (or a finished pod).
 */
export interface Placement {
  host: string;
  cpu: number;
  memory: number;
}

export function podPlacement(p: KubeObject): Placement | undefined {
  const host = str(p.spec?.nodeName);
  if (!host || !podActive(p)) return undefined;
  return { host, ...podRequests(p) };
}

export function vmPlacement(v: KubeObject): Placement | undefined {
  const host = str(v.status?.nodeName);
  if (!host) return undefined;
  if (!vmRunning(v)) return { host, cpu: 0, memory: 0 };
  return { host, cpu: Number(get(v, 'status.hardware.cpu.total')) || 0, memory: parseQuantity(get(v, 'status.hardware.memory.total')) ?? 0 };
}

/** A host's allocatable (else capacity) CPU cores and memory bytes. */
export function hostCapacity(node: KubeObject): { cpu: number; memory: number } {
  const cap = (k: string) => parseQuantity(get(node, `status.allocatable.${k}`)) ?? parseQuantity(get(node, `status.capacity.${k}`)) ?? 0;
  return { cpu: cap('cpu'), memory: cap('memory') };
}

/** Allocation on `node` from the pods and VMs given (those placed elsewhere are ignored). */
export function hostAllocation(node: KubeObject, pods: KubeObject[], vms: KubeObject[]): HostAllocation {
  const name = node.metadata.name;
  const placed = [...pods.map(podPlacement).map((x) => (x ? { ...x, pod: true } : x)), ...vms.map(vmPlacement).map((x) => (x ? { ...x, pod: false } : x))].filter(
    (x): x is Placement & { pod: boolean } => x !== undefined && x.host === name,
  );
  const cap = hostCapacity(node);
  return {
    cpu: { used: placed.reduce((n, x) => n + x.cpu, 0), total: cap.cpu },
    memory: { used: placed.reduce((n, x) => n + x.memory, 0), total: cap.memory },
    pods: placed.filter((x) => x.pod).length,
    vms: placed.filter((x) => !x.pod).length,
  };
}

export interface QuotaLine {
  quota: string;
  resource: string;
  used: string;
  hard: string;
  /** used / hard in [0, ∞); undefined when either is not a quantity or hard is 0. */
  fraction?: number;
}

/** One line per resource of each ResourceQuota, from its status (what the quota controller counted). */
export function quotaLines(quotas: KubeObject[]): QuotaLine[] {
  const out: QuotaLine[] = [];
  for (const q of quotas) {
    const hard = (get(q, 'status.hard') ?? get(q, 'spec.hard') ?? {}) as Record<string, unknown>;
    const used = (get(q, 'status.used') ?? {}) as Record<string, unknown>;
    for (const resource of Object.keys(hard).sort()) {
      const h = str(hard[resource]) ?? '';
      const u = str(used[resource]) ?? '0';
      const hn = parseQuantity(h);
      const un = parseQuantity(u);
      out.push({ quota: q.metadata.name ?? '', resource, used: u, hard: h, fraction: hn && un !== undefined ? un / hn : undefined });
    }
  }
  return out;
}
