import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { eventCount, eventLastSeen, eventsPath, newestFirst } from './object-events';

const ev = (name: string, extra: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'team-a', creationTimestamp: '2026-01-01T10:00:00Z' },
  involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'team-a', uid: 'p-1' },
  type: 'Normal',
  reason: 'Pulled',
  ...extra,
});

describe('object events', () => {
  it('selects events by uid, by kind and name, or a whole namespace', () => {
    const pod: KubeObject = { metadata: { name: 'web-0', namespace: 'team-a', uid: 'p-1' } };
    expect(eventsPath('Pod', pod, { namespacePage: false })).toEqual({ path: '/api/v1/namespaces/team-a/events?fieldSelector=involvedObject.uid%3Dp-1', namespace: 'team-a' });
    const node: KubeObject = { metadata: { name: 'esxi-01.vsphere.local', uid: 'n-1' } };
    expect(eventsPath('Node', node, { namespacePage: false })).toEqual({ path: '/api/v1/events?fieldSelector=involvedObject.kind%3DNode%2CinvolvedObject.name%3Desxi-01.vsphere.local' });
    expect(eventsPath('Namespace', { metadata: { name: 'team-a' } }, { namespacePage: true })).toEqual({ path: '/api/v1/namespaces/team-a/events', namespace: 'team-a' });
  });

  it('orders newest first by the last time seen', () => {
    const a = ev('a', { lastTimestamp: '2026-01-01T10:05:00Z' });
    const b = ev('b', { eventTime: '2026-01-01T10:07:00.000000Z' });
    const c = ev('c', { lastTimestamp: '2026-01-01T10:01:00Z', series: { count: 4, lastObservedTime: '2026-01-01T10:09:00.000000Z' } });
    const d = ev('d', {});
    expect(newestFirst([a, b, c, d]).map((e) => e.metadata.name)).toEqual(['c', 'b', 'a', 'd']);
    expect(eventLastSeen(d)).toBe(Date.parse('2026-01-01T10:00:00Z'));
    expect(eventCount(c)).toBe(4);
    expect(eventCount(ev('e', { count: 7 }))).toBe(7);
    expect(eventCount(d)).toBe(1);
  });
});
