import type { KubeObject } from '../k8s/types';
import { get, str } from '../resources/format';
import { eventCount, eventLastSeen } from '../resources/object-events';
import type { ObjectRef } from '../resources/types';

/**
 * The Overview's recent Warning events: newest first by when each was last seen, at most
 * `limit`, each with a reference to the object it is about (for a link to that object's page).
 * Selecting the newest few does not sort the whole (possibly long) list.
 */
export interface WarningRow {
  key: string;
  reason: string;
  message: string;
  namespace?: string;
  involved: ObjectRef;
  count: number;
  lastSeen: number;
}

export const WARNINGS_PATH = '/api/v1/events?fieldSelector=type%3DWarning';

/** The referenced object of an event: group from involvedObject.apiVersion ("apps/v1" → "apps", "v1" → ""). */
export function involvedRef(e: KubeObject): ObjectRef {
  const apiVersion = str(get(e, 'involvedObject.apiVersion')) ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return { group, kind: str(get(e, 'involvedObject.kind')) ?? '', namespace: str(get(e, 'involvedObject.namespace')), name: str(get(e, 'involvedObject.name')) ?? '' };
}

export function recentWarnings(events: readonly KubeObject[], limit = 20): WarningRow[] {
  const top: { e: KubeObject; t: number }[] = [];
  for (const e of events) {
    if (e.type !== 'Warning') continue;
    const t = eventLastSeen(e);
    if (top.length === limit && t <= top[top.length - 1]!.t) continue;
    // Insertion into a short sorted array: O(events × limit) at worst, no full sort.
    let i = top.length;
    while (i > 0 && top[i - 1]!.t < t) i--;
    top.splice(i, 0, { e, t });
    if (top.length > limit) top.pop();
  }
  return top.map(({ e, t }) => ({
    key: e.metadata.uid ?? `${e.metadata.namespace}/${e.metadata.name}`,
    reason: str(e.reason) ?? '',
    message: str(e.message) ?? '',
    namespace: e.metadata.namespace,
    involved: involvedRef(e),
    count: eventCount(e),
    lastSeen: t,
  }));
}
