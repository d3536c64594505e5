import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { Usage } from '../../core/quota-usage';
import { formatQuantity, parseQuantity, quantityKind } from '../../util/quantity';
import type { Resources } from '../contracts';

/**
 * What a VM costs. A class gives the VM's virtual hardware (cpus, memory) and, for guaranteed
 * classes, a reservation (spec.policies.resources.requests); best-effort classes reserve nothing.
 *
 * Quota rule (documented for the console): a VM counts against its namespace's ResourceQuota
 * only while its observed power state is PoweredOn, and then it counts its configured size in
 * full: `requests.cpu`, `limits.cpu` and `cpu` = vCPUs, `requests.memory`, `limits.memory` and
 * `memory` = memory — for best-effort and guaranteed classes alike, because vSphere charges a
 * namespace's resource pool limit with the configured size of what runs in it. The size is read
 * from `status.hardware` (what was applied at the last power-on or resize), never from the class
 * directly, so editing a class or `spec.className` changes the usage only at the next power-on.
 * Suspended and powered-off VMs count only toward `count/virtualmachines.vmoperator.vmware.com`.
 */
export const CPU_MHZ = 2400;

export interface ClassSize {
  cpus: number;
  /** Bytes. */
  memory: number;
  /** Reserved cores (0 for best-effort). */
  reservedCpu: number;
  /** Reserved bytes (0 for best-effort). */
  reservedMemory: number;
}

function path(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

export function classSize(cls: KubeObject): ClassSize {
  const cpus = Number(path(cls, 'spec', 'hardware', 'cpus') ?? 0) || 0;
  const memory = parseQuantity(path(cls, 'spec', 'hardware', 'memory')) ?? 0;
  return {
    cpus,
    memory,
    reservedCpu: parseQuantity(path(cls, 'spec', 'policies', 'resources', 'requests', 'cpu')) ?? 0,
    reservedMemory: parseQuantity(path(cls, 'spec', 'policies', 'resources', 'requests', 'memory')) ?? 0,
  };
}

/** The `status.hardware` a VM of this class reports. */
export function hardwareStatus(size: ClassSize): Record<string, unknown> {
  return {
    cpu: { total: size.cpus, ...(size.reservedCpu ? { reservation: Math.round(size.reservedCpu * CPU_MHZ) } : {}) },
    memory: { total: formatQuantity(size.memory, 'bytes'), ...(size.reservedMemory ? { reservation: formatQuantity(size.reservedMemory, 'bytes') } : {}) },
  };
}

/** The configured size recorded in a VM's status (what it runs with). */
export function appliedSize(vm: KubeObject): Resources {
  return {
    cpu: Number(path(vm, 'status', 'hardware', 'cpu', 'total') ?? 0) || 0,
    memory: parseQuantity(path(vm, 'status', 'hardware', 'memory', 'total')) ?? 0,
  };
}

export function sizeUsage(r: Resources): Usage {
  return { 'requests.cpu': r.cpu, 'limits.cpu': r.cpu, cpu: r.cpu, 'requests.memory': r.memory, 'limits.memory': r.memory, memory: r.memory };
}

/** The quota evaluator for virtualmachines (the object count is added by the generic evaluator). */
export function vmQuotaUsage(vm: KubeObject): Usage {
  if (path(vm, 'status', 'powerState') !== 'PoweredOn') return {};
  return sizeUsage(appliedSize(vm));
}

export interface QuotaView {
  name: string;
  hard: Usage;
}

export function quotaView(quota: KubeObject): QuotaView {
  const hard: Usage = {};
  const spec = path(quota, 'spec', 'hard');
  for (const [k, v] of Object.entries(isObject(spec) ? spec : {})) {
    const n = parseQuantity(v);
    if (n !== undefined) hard[k] = n;
  }
  return { name: quota.metadata.name ?? '', hard };
}

export type QuotaFit = { ok: true } | { ok: false; quota: string; message: string };

function fmt(resource: string, n: number): string {
  return `${resource}=${formatQuantity(n, quantityKind(resource))}`;
}

/**
 * Whether raising an object's usage from `prev` to `next` fits every quota, given `used` (the
 * namespace's usage including `prev`). Same rule and wording as the ResourceQuota admission
 * plugin, so the controller refuses exactly what admission would.
 */
export function quotaFit(quotas: QuotaView[], used: Usage, prev: Usage, next: Usage): QuotaFit {
  const delta: Usage = {};
  for (const [k, v] of Object.entries(next)) if (v - (prev[k] ?? 0) > 0) delta[k] = v - (prev[k] ?? 0);
  for (const q of quotas) {
    const over = Object.keys(delta).filter((k) => k in q.hard && (used[k] ?? 0) - (prev[k] ?? 0) + next[k]! > q.hard[k]! + 1e-9);
    if (over.length === 0) continue;
    const list = (f: (k: string) => number): string => over.map((k) => fmt(k, f(k))).join(',');
    const message = `exceeded quota: ${q.name}, requested: ${list((k) => delta[k]!)}, used: ${list((k) => (used[k] ?? 0) - (prev[k] ?? 0))}, limited: ${list((k) => q.hard[k]!)}`;
    return { ok: false, quota: q.name, message };
  }
  return { ok: true };
}
