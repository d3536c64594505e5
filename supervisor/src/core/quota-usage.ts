import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import type { Store } from '../storage/store';
import { parseQuantity } from '../util/quantity';

/**
 * What objects cost against a ResourceQuota (pkg/quota/v1/evaluator/core): object counts
 * (`count/<resource>[.<group>]` and the legacy names), pod compute requests and limits, and PVC
 * storage per StorageClass. Other modules register evaluators for their kinds (VMs count their
 * class's CPU and memory).
 */
export type Usage = Record<string, number>;
export type UsageFunction = (obj: KubeObject) => Usage;

const LEGACY_COUNTS: Record<string, string> = {
  'core/services': 'services',
  'core/configmaps': 'configmaps',
  'core/secrets': 'secrets',
  'core/persistentvolumeclaims': 'persistentvolumeclaims',
  'core/replicationcontrollers': 'replicationcontrollers',
  'core/resourcequotas': 'resourcequotas',
};

function add(u: Usage, key: string, n: number): void {
  u[key] = (u[key] ?? 0) + n;
}

function containerResources(spec: Record<string, unknown>): { requests: Usage; limits: Usage } {
  const sum = (list: unknown, field: 'requests' | 'limits'): Usage => {
    const out: Usage = {};
    for (const c of Array.isArray(list) ? list : []) {
      const res = isObject(c) && isObject(c.resources) ? c.resources : {};
      const values = isObject(res[field]) ? res[field] : {};
      for (const [k, v] of Object.entries(values)) add(out, k, parseQuantity(v) ?? 0);
    }
    return out;
  };
  const maxInit = (field: 'requests' | 'limits'): Usage => {
    const out: Usage = {};
    for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) {
      const res = isObject(c) && isObject(c.resources) ? c.resources : {};
      const values = isObject(res[field]) ? res[field] : {};
      for (const [k, v] of Object.entries(values)) out[k] = Math.max(out[k] ?? 0, parseQuantity(v) ?? 0);
    }
    return out;
  };
  const merge = (a: Usage, b: Usage): Usage => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
    return out;
  };
  return { requests: merge(sum(spec.containers, 'requests'), maxInit('requests')), limits: merge(sum(spec.containers, 'limits'), maxInit('limits')) };
}

export function podIsTerminal(pod: KubeObject): boolean {
  const phase = isObject(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podUsage(pod: KubeObject): Usage {
  if (podIsTerminal(pod)) return {};
  const u: Usage = { pods: 1 };
  const { requests, limits } = containerResources(isObject(pod.spec) ? pod.spec : {});
  for (const [k, v] of Object.entries(requests)) {
    add(u, `requests.${k}`, v);
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') add(u, k, v);
  }
  for (const [k, v] of Object.entries(limits)) add(u, `limits.${k}`, v);
  return u;
}

function pvcUsage(pvc: KubeObject): Usage {
  const spec = isObject(pvc.spec) ? pvc.spec : {};
  const requests = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests : {};
  const storage = parseQuantity(requests.storage) ?? 0;
  const u: Usage = { 'requests.storage': storage };
  const sc = typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
  if (sc) {
    u[`${sc}.storageclass.storage.k8s.io/requests.storage`] = storage;
    u[`${sc}.storageclass.storage.k8s.io/persistentvolumeclaims`] = 1;
  }
  return u;
}

function serviceUsage(svc: KubeObject): Usage {
  const type = isObject(svc.spec) ? svc.spec.type : undefined;
  const u: Usage = {};
  if (type === 'LoadBalancer') u['services.loadbalancers'] = 1;
  if (type === 'NodePort' || type === 'LoadBalancer') u['services.nodeports'] = 1;
  return u;
}

export class QuotaEvaluators {
  private readonly functions = new Map<string, UsageFunction[]>([
    ['core/pods', [podUsage]],
    ['core/persistentvolumeclaims', [pvcUsage]],
    ['core/services', [serviceUsage]],
  ]);

  register(table: string, fn: UsageFunction): void {
    this.functions.set(table, [...(this.functions.get(table) ?? []), fn]);
  }

  /** The full usage one object contributes. */
  usageOf(rt: Pick<ResourceType, 'table' | 'group' | 'resource'>, obj: KubeObject): Usage {
    const u: Usage = {};
    if (rt.table !== 'core/pods' || !podIsTerminal(obj)) add(u, rt.group ? `count/${rt.resource}.${rt.group}` : `count/${rt.resource}`, 1);
    const legacy = LEGACY_COUNTS[rt.table];
    if (legacy) add(u, legacy, 1);
    for (const fn of this.functions.get(rt.table) ?? []) for (const [k, v] of Object.entries(fn(obj))) add(u, k, v);
    return u;
  }

  /** What everything stored in a namespace uses, for the resources named in `only`. */
  namespaceUsage(store: Store, types: ResourceType[], namespace: string, only: Set<string>): Usage {
    const total: Usage = {};
    for (const rt of types) {
      if (!rt.namespaced) continue;
      const countKey = rt.group ? `count/${rt.resource}.${rt.group}` : `count/${rt.resource}`;
      if (!only.has(countKey) && !this.functions.has(rt.table) && !LEGACY_COUNTS[rt.table]) continue;
      for (const s of store.list(rt.table, namespace)) {
        for (const [k, v] of Object.entries(this.usageOf(rt, s.obj))) if (only.has(k)) add(total, k, v);
      }
    }
    for (const k of only) total[k] ??= 0;
    return total;
  }
}
