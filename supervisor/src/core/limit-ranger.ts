import { errors } from '../api/errors';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import type { Store } from '../storage/store';
import { formatQuantity, parseQuantity, quantityKind } from '../util/quantity';
import type { AdmissionPlugin } from './admission';
import { qosClass } from '../api/builtin/pod-strategy';

/**
 * The LimitRanger admission plugin for pods: containers without requests or limits get the
 * namespace's LimitRange defaults (type Container: `defaultRequest`, `default`), and values
 * outside `min`/`max` are refused with upstream's message. vSphere namespaces rely on this so
 * pods without resources still fit quotas that constrain requests and limits.
 */
type Json = Record<string, unknown>;

function containerRanges(store: Store, namespace: string): Json[] {
  const out: Json[] = [];
  for (const s of store.list('core/limitranges', namespace)) {
    const limits = isObject(s.obj.spec) && Array.isArray(s.obj.spec.limits) ? s.obj.spec.limits : [];
    for (const l of limits) if (isObject(l) && l.type === 'Container') out.push(l);
  }
  return out;
}

export function applyContainerDefaults(pod: KubeObject, ranges: Json[]): string[] {
  const problems: string[] = [];
  const spec = isObject(pod.spec) ? pod.spec : {};
  for (const list of ['containers', 'initContainers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] : []) {
      if (!isObject(c)) continue;
      const res = (c.resources = isObject(c.resources) ? c.resources : {}) as Json;
      for (const range of ranges) {
        const defaults = isObject(range.default) ? range.default : {};
        const defaultRequests = isObject(range.defaultRequest) ? range.defaultRequest : {};
        const limits = (res.limits = isObject(res.limits) ? res.limits : {}) as Json;
        for (const [k, v] of Object.entries(defaults)) limits[k] ??= v;
        const requests = (res.requests = isObject(res.requests) ? res.requests : {}) as Json;
        for (const [k, v] of Object.entries(defaultRequests)) requests[k] ??= limits[k] !== undefined && defaultRequests[k] === undefined ? limits[k] : v;
        for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
        if (Object.keys(limits).length === 0) delete res.limits;
        if (Object.keys(requests).length === 0) delete res.requests;
        const min = isObject(range.min) ? range.min : {};
        const max = isObject(range.max) ? range.max : {};
        for (const [k, v] of Object.entries(min)) {
          const req = parseQuantity(requests[k]);
          if (req !== undefined && req < (parseQuantity(v) ?? 0)) problems.push(`minimum ${k} usage per Container is ${String(v)}, but request is ${formatQuantity(req, quantityKind(k))}`);
        }
        for (const [k, v] of Object.entries(max)) {
          const lim = parseQuantity(limits[k]);
          if (lim !== undefined && lim > (parseQuantity(v) ?? Infinity)) problems.push(`maximum ${k} usage per Container is ${String(v)}, but limit is ${formatQuantity(lim, quantityKind(k))}`);
        }
      }
    }
  }
  return problems;
}

export function limitRanger(store: Store): AdmissionPlugin {
  return (a) => {
    if (a.rt.table !== 'core/pods' || a.operation !== 'CREATE' || !a.object) return;
    const ranges = containerRanges(store, a.namespace);
    if (ranges.length === 0) return;
    const problems = applyContainerDefaults(a.object, ranges);
    if (problems.length) throw errors.forbidden(a.rt, a.name, `[${problems.join(', ')}]`);
    // Defaults change the pod's QoS class, which the strategy computed before admission.
    if (isObject(a.object.status) && isObject(a.object.spec)) a.object.status.qosClass = qosClass(a.object.spec);
  };
}
