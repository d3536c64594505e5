import { describe, expect, it } from 'vitest';
import { applyWatchEvent, applyWatchEvents } from './apply-watch-event';
import type { KubeList, KubeObject } from './types';

const pod = (name: string, rv: string, phase = 'Running'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'team-a', uid: `uid-${name}`, resourceVersion: rv },
  status: { phase },
});

const list = (...items: KubeObject[]): KubeList => ({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '100' }, items });

describe('applyWatchEvent', () => {
  it('adds, modifies and deletes by uid and advances the list resourceVersion', () => {
    let l = list(pod('web-1', '90'));
    l = applyWatchEvent(l, { type: 'ADDED', object: pod('web-2', '101', 'Pending') });
    expect(l.items.map((p) => p.metadata.name)).toEqual(['web-1', 'web-2']);
    expect(l.metadata.resourceVersion).toBe('101');
    l = applyWatchEvent(l, { type: 'MODIFIED', object: pod('web-2', '102', 'Running') });
    expect(l.items[1]!.status?.phase).toBe('Running');
    l = applyWatchEvent(l, { type: 'DELETED', object: pod('web-1', '103') });
    expect(l.items.map((p) => p.metadata.name)).toEqual(['web-2']);
    expect(l.metadata.resourceVersion).toBe('103');
  });

  it('never duplicates rows when an ADDED repeats an object already listed', () => {
    const l = applyWatchEvent(list(pod('web-1', '90')), { type: 'ADDED', object: pod('web-1', '105') });
    expect(l.items).toHaveLength(1);
    expect(l.items[0]!.metadata.resourceVersion).toBe('105');
  });

  it('returns the same list for a repeated event, and ignores deletes of unknown objects', () => {
    const l = list(pod('web-1', '90'));
    expect(applyWatchEvent(l, { type: 'MODIFIED', object: pod('web-1', '90') })).toBe(l);
    expect(applyWatchEvent(l, { type: 'DELETED', object: pod('ghost', '110') }).items).toHaveLength(1);
  });

  it('treats resourceVersions as opaque strings', () => {
    const l = list(pod('a', '9'));
    const next = applyWatchEvent(l, { type: 'MODIFIED', object: pod('a', '10', 'Failed') });
    expect(next.items[0]!.status?.phase).toBe('Failed');
  });

  it('moves only the resourceVersion on bookmarks', () => {
    const l = list(pod('a', '9'));
    const next = applyWatchEvent(l, { type: 'BOOKMARK', object: { metadata: { resourceVersion: '200' } } });
    expect(next.items).toBe(l.items);
    expect(next.metadata.resourceVersion).toBe('200');
  });
});

describe('applyWatchEvents', () => {
  it('gives the same list as applying each event in turn', () => {
    const start = list(pod('a', '90'), pod('b', '91'), pod('c', '92'));
    const events = [
      { type: 'MODIFIED' as const, object: pod('b', '101', 'Failed') },
      { type: 'ADDED' as const, object: pod('d', '102') },
      { type: 'DELETED' as const, object: pod('a', '103') },
      { type: 'MODIFIED' as const, object: pod('b', '104', 'Succeeded') },
      { type: 'ADDED' as const, object: pod('a', '105', 'Pending') },
      { type: 'BOOKMARK' as const, object: { metadata: { resourceVersion: '106' } } as KubeObject },
    ];
    const oneByOne = events.reduce((l, e) => applyWatchEvent(l, e), start);
    const burst = applyWatchEvents(start, events);
    expect(burst.items.map((p) => [p.metadata.name, p.metadata.resourceVersion])).toEqual(oneByOne.items.map((p) => [p.metadata.name, p.metadata.resourceVersion]));
    expect(burst.metadata.resourceVersion).toBe('106');
  });

  it('keeps the same list for bookmarks that do not move the resourceVersion', () => {
    const start = list(pod('a', '90'));
    expect(applyWatchEvents(start, [{ type: 'BOOKMARK', object: { metadata: { resourceVersion: '100' } } as KubeObject }, { type: 'BOOKMARK', object: { metadata: { resourceVersion: '100' } } as KubeObject }])).toBe(start);
  });
});
