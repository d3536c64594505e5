import { errors } from '../api/errors';
import type { Registry } from '../api/registry';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import type { Store } from '../storage/store';
import { formatQuantity, parseQuantity, quantityKind } from '../util/quantity';
import type { AdmissionPlugin } from './admission';
import type { QuotaEvaluators, Usage } from './quota-usage';

/**
 * The ResourceQuota admission plugin: a write that would raise a namespace's use of a
 * constrained resource above its hard limit is refused with upstream's message, e.g.
 * `exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2`;
 * pods must declare the requests and limits a quota constrains.
 */
const COMPUTE = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'];

function hardOf(quota: KubeObject): Usage {
  const hard = isObject(quota.spec) && isObject(quota.spec.hard) ? quota.spec.hard : {};
  const out: Usage = {};
  for (const [k, v] of Object.entries(hard)) {
    const n = parseQuantity(v);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function fmt(resource: string, n: number): string {
  return `${resource}=${formatQuantity(n, quantityKind(resource))}`;
}

function missingCompute(pod: KubeObject, constrained: string[]): string[] {
  const spec = isObject(pod.spec) ? pod.spec : {};
  const containers = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])].filter(isObject);
  const out: string[] = [];
  for (const r of constrained) {
    const [field, name] = r.includes('.') ? (r.split('.') as ['requests' | 'limits', string]) : (['requests', r] as const);
    const lacking = containers.filter((c) => {
      const res = isObject(c.resources) ? c.resources : {};
      const values = isObject(res[field]) ? res[field] : {};
      return values[name] === undefined;
    });
    if (lacking.length) out.push(`${r} for: ${lacking.map((c) => String(c.name)).join(',')}`);
  }
  return out;
}

export function resourceQuotaAdmission(store: Store, registry: Registry, evaluators: QuotaEvaluators): AdmissionPlugin {
  return (a) => {
    if (!a.rt.namespaced || a.operation === 'DELETE' || !a.object || a.rt.table === 'core/resourcequotas') return;
    const quotas = store.list('core/resourcequotas', a.namespace);
    if (quotas.length === 0) return;
    const next = evaluators.usageOf(a.rt, a.object);
    const prev = a.oldObject ? evaluators.usageOf(a.rt, a.oldObject) : {};
    const delta: Usage = {};
    for (const [k, v] of Object.entries(next)) if (v - (prev[k] ?? 0) > 0) delta[k] = v - (prev[k] ?? 0);
    if (Object.keys(delta).length === 0) return;
    for (const q of quotas) {
      const hard = hardOf(q.obj);
      const name = q.obj.metadata.name ?? '';
      if (a.rt.table === 'core/pods' && a.operation === 'CREATE') {
        const missing = missingCompute(a.object, COMPUTE.filter((r) => r in hard));
        if (missing.length) throw errors.forbidden(a.rt, a.name, `failed quota: ${name}: must specify ${missing.join('; ')}`);
      }
      const relevant = Object.keys(delta).filter((k) => k in hard);
      if (relevant.length === 0) continue;
      const used = evaluators.namespaceUsage(store, registry.tables(), a.namespace, new Set(relevant));
      const over = relevant.filter((k) => used[k]! - (prev[k] ?? 0) + next[k]! > hard[k]! + 1e-9);
      if (over.length) {
        const list = (f: (k: string) => number): string => over.map((k) => fmt(k, f(k))).join(',');
        throw errors.forbidden(a.rt, a.name, `exceeded quota: ${name}, requested: ${list((k) => delta[k]!)}, used: ${list((k) => used[k]! - (prev[k] ?? 0))}, limited: ${list((k) => hard[k]!)}`);
      }
    }
  };
}
