import type { KubeObject } from '../k8s/types';
import type { ResourceDescriptor, StatusSummary } from '../resources/types';

/**
 * A descriptor's status of an object, computed once per object version. Watch events replace
 * a changed object and keep every other one (same identity), so re-aggregating a list of 60,000
 * pods after one event re-evaluates one pod, not all of them.
 */
const caches = new Map<string, WeakMap<KubeObject, StatusSummary>>();

export function cachedStatus(d: Pick<ResourceDescriptor, 'id' | 'status'>, obj: KubeObject): StatusSummary {
  let cache = caches.get(d.id);
  if (!cache) {
    cache = new WeakMap();
    caches.set(d.id, cache);
  }
  let s = cache.get(obj);
  if (!s) {
    s = d.status(obj);
    cache.set(obj, s);
  }
  return s;
}
