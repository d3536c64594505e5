import type { KubeObject } from '../k8s/types';
import { get, num, str } from './format';
import { withQuery } from './paths';

/**
 * Which core/v1 Events belong to an object and in what order the Events tab shows them:
 * by the object's uid in its namespace; for a cluster-scoped object (a host) by kind and name
 * across namespaces (node events carry the node's name as uid); for a namespace's page, every
 * event in the namespace. Newest first, by the last time each was seen.
 */
export function eventsPath(kind: string, obj: KubeObject, opts: { namespacePage: boolean }): { path: string; namespace?: string } {
  const name = obj.metadata.name ?? '';
  if (opts.namespacePage) return { path: `/api/v1/namespaces/${encodeURIComponent(name)}/events`, namespace: name };
  const ns = obj.metadata.namespace;
  if (ns && obj.metadata.uid) return { path: withQuery(`/api/v1/namespaces/${encodeURIComponent(ns)}/events`, { fieldSelector: `involvedObject.uid=${obj.metadata.uid}` }), namespace: ns };
  if (ns) return { path: withQuery(`/api/v1/namespaces/${encodeURIComponent(ns)}/events`, { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` }), namespace: ns };
  return { path: withQuery('/api/v1/events', { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` }) };
}

/** When an event was last seen (series, lastTimestamp, eventTime, creation), as epoch ms. */
export function eventLastSeen(e: KubeObject): number {
  const t = str(get(e, 'series.lastObservedTime')) ?? str(e.lastTimestamp) ?? str(e.eventTime) ?? e.metadata.creationTimestamp;
  return Date.parse(t ?? '') || 0;
}

export function eventFirstSeen(e: KubeObject): number {
  const t = str(e.firstTimestamp) ?? str(e.eventTime) ?? e.metadata.creationTimestamp;
  return Date.parse(t ?? '') || 0;
}

export function eventCount(e: KubeObject): number {
  return num(get(e, 'series.count')) ?? num(e.count) ?? 1;
}

export function newestFirst(events: KubeObject[]): KubeObject[] {
  return [...events].sort((a, b) => eventLastSeen(b) - eventLastSeen(a) || (b.metadata.name ?? '').localeCompare(a.metadata.name ?? ''));
}
