import type { KubeObject } from '../k8s/types';
import { addUsage, amountOf, type Usage } from './amounts';

/**
 * What a pod charges against a ResourceQuota, the way the API server decides it: explicit limits
 * stand in for missing requests (API defaulting), then the namespace's LimitRange fills missing
 * limits (`default`) and requests (`defaultRequest`, else `default`) per container; the pod asks
 * for the sum over its containers, or more if an init container asks more.
 */
export interface ContainerDefaults {
  requests: Record<string, number>;
  limits: Record<string, number>;
}

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];

function quantities(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, q] of Object.entries(v as Record<string, unknown>)) {
    const n = amountOf(q);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

/** The Container defaults of a namespace's LimitRanges (the first that sets each value wins). */
export function containerDefaults(limitRanges: readonly KubeObject[]): ContainerDefaults {
  const out: ContainerDefaults = { requests: {}, limits: {} };
  for (const lr of limitRanges) {
    for (const item of (lr.spec?.limits as { type?: string; default?: unknown; defaultRequest?: unknown }[] | undefined) ?? []) {
      if (item.type !== 'Container') continue;
      const dflt = quantities(item.default);
      const req = { ...dflt, ...quantities(item.defaultRequest) };
      for (const [k, v] of Object.entries(dflt)) out.limits[k] ??= v;
      for (const [k, v] of Object.entries(req)) out.requests[k] ??= v;
    }
  }
  return out;
}

interface Effective {
  requests: Record<string, number>;
  limits: Record<string, number>;
}

function effective(container: unknown, d: ContainerDefaults): Effective {
  const res = ((container as { resources?: { requests?: unknown; limits?: unknown } })?.resources ?? {}) as { requests?: unknown; limits?: unknown };
  const limits = quantities(res.limits);
  const requests = { ...limits, ...quantities(res.requests) };
  for (const [k, v] of Object.entries(d.limits)) limits[k] ??= v;
  for (const [k, v] of Object.entries(d.requests)) requests[k] ??= v;
  return { requests, limits };
}

export interface PodCost {
  usage: Usage;
  /** Compute resources some container leaves unset (after defaults): "limits.cpu"… */
  unset: string[];
}

/** The cost of one pod from its spec (a Pod's `spec`, or a template's `spec`). */
export function podSpecCost(spec: unknown, defaults: ContainerDefaults): PodCost {
  const s = (spec ?? {}) as { containers?: unknown[]; initContainers?: unknown[] };
  const main = (s.containers ?? []).map((c) => effective(c, defaults));
  const init = (s.initContainers ?? []).map((c) => effective(c, defaults));
  const usage: Usage = { pods: 1, 'count/pods': 1 };
  const unset = new Set<string>();
  for (const r of COMPUTE) {
    for (const kind of ['requests', 'limits'] as const) {
      const sum = main.reduce((acc, c) => acc + (c[kind][r] ?? 0), 0);
      const peakInit = init.reduce((acc, c) => Math.max(acc, c[kind][r] ?? 0), 0);
      const total = Math.max(sum, peakInit);
      if (total > 0) {
        usage[`${kind}.${r}`] = total;
        if (kind === 'requests' && r !== 'ephemeral-storage') usage[r] = total;
      }
      if (r !== 'ephemeral-storage' && main.some((c) => c[kind][r] === undefined)) unset.add(`${kind}.${r}`);
    }
  }
  return { usage, unset: [...unset] };
}

/** Several pods of one template. */
export function replicatedCost(spec: unknown, replicas: number, defaults: ContainerDefaults): PodCost {
  const one = podSpecCost(spec, defaults);
  return { usage: addUsage(...Array.from({ length: Math.max(0, replicas) }, () => one.usage)), unset: replicas > 0 ? one.unset : [] };
}
