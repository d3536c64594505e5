import type { Resources } from '../../contracts';
import { parseQuantity } from '../../../util/quantity';

/**
 * What a pod reserves on a host (k8s.io/component-helpers resource.PodRequests, as
 * NodeResourcesFit uses it): the sum over containers, at least the largest init container
 * (sidecars — restartable init containers — run alongside and add up), plus pod overhead.
 * A container with a limit and no request requests its limit (the API server's defaulting).
 * `nonZero` substitutes kube-scheduler's defaults (100m CPU, 200Mi memory) for missing
 * requests; it is used for spreading scores only.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export const DEFAULT_CPU_REQUEST = 0.1;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequests(c: Json, nonZero: boolean): Resources {
  const res = isObj(c.resources) ? c.resources : {};
  const requests = isObj(res.requests) ? res.requests : {};
  const limits = isObj(res.limits) ? res.limits : {};
  const pick = (name: 'cpu' | 'memory', fallback: number): number => {
    const v = parseQuantity(requests[name] ?? limits[name]);
    return v === undefined ? (nonZero ? fallback : 0) : v;
  };
  return { cpu: pick('cpu', DEFAULT_CPU_REQUEST), memory: pick('memory', DEFAULT_MEMORY_REQUEST) };
}

const add = (a: Resources, b: Resources): Resources => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });
const max = (a: Resources, b: Resources): Resources => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) });

function compute(spec: Json, nonZero: boolean): Resources {
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isObj) : [];
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers.filter(isObj) : [];
  let total: Resources = { cpu: 0, memory: 0 };
  for (const c of containers) total = add(total, containerRequests(c, nonZero));
  let sidecars: Resources = { cpu: 0, memory: 0 };
  let initPeak: Resources = { cpu: 0, memory: 0 };
  for (const c of inits) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      total = add(total, r);
      sidecars = add(sidecars, r);
      initPeak = max(initPeak, sidecars);
    } else {
      initPeak = max(initPeak, add(r, sidecars));
    }
  }
  total = max(total, initPeak);
  const overhead = isObj(spec.overhead) ? spec.overhead : {};
  return { cpu: total.cpu + (parseQuantity(overhead.cpu) ?? 0), memory: total.memory + (parseQuantity(overhead.memory) ?? 0) };
}

export function podRequests(spec: Json): Resources {
  return compute(spec, false);
}

export function podNonZeroRequests(spec: Json): Resources {
  return compute(spec, true);
}
