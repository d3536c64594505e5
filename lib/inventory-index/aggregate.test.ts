import { describe, expect, it } from 'vitest';
import { pod, vm } from '../inventory/test-support/fixtures';
import { descriptorById } from '../resources/registry';
import { searchKind } from '../search/group';
import { parseSearchQuery } from '../search/query';
import { placedOn, project, projectionKey, searchIndex, summarize, type IndexedKind, type Projection } from './aggregate';

const VM = 'virtualmachines.vmoperator.vmware.com';
const vmD = descriptorById(VM)!;
const podD = descriptorById('pods')!;

function kind(d: typeof vmD, objects: ReturnType<typeof vm>[], state: IndexedKind['state'] = { state: 'ready' }): IndexedKind {
  return { state, items: new Map<string, Projection>(objects.map((o) => [projectionKey(o), project(d, o)])) };
}

describe('inventory index aggregation', () => {
  const vms = [vm('team-a', 'web-1'), vm('team-a', 'db-1', { power: 'PoweredOff', desired: 'PoweredOn' }), vm('team-b', 'web-2')];
  const pods = [pod('team-a', 'api', { labels: { app: 'api' } } as never), pod('team-b', 'crash', { waiting: 'CrashLoopBackOff', ready: false })];

  it('keeps only name, namespace, labels, health, status text, the Overview bucket and placement', () => {
    const p = project(vmD, vms[1]!);
    expect(Object.keys(p).sort()).toEqual(['bucket', 'hay', 'health', 'metadata', 'text']);
    expect(p.bucket).toBe('PoweredOff');
    expect(project(vmD, vm('team-a', 'x', { node: 'esxi-01' })).place).toMatchObject({ host: 'esxi-01' });
    expect(p.metadata).toEqual({ name: 'db-1', namespace: 'team-a', ...(vms[1]!.metadata.labels ? { labels: vms[1]!.metadata.labels } : {}) });
    expect(p.health).toBe(vmD.status(vms[1]!).health);
  });

  it('counts per kind and per namespace by health, and leaves loading kinds uncounted', () => {
    const s = summarize(new Map([[VM, kind(vmD, vms)], ['pods', kind(podD, pods)], ['services', kind(podD, [], { state: 'loading' })]]), '7');
    expect(s.generation).toBe('7');
    expect(s.kinds[VM]!.counts!.total).toBe(3);
    expect(s.kinds.services).toEqual({ state: 'loading' });
    expect(s.namespaces['team-a']![VM]!.total).toBe(2);
    expect(s.namespaces['team-b']!.pods).toEqual({ total: 1, [podD.status(pods[1]!).health]: 1 });
    const a = s.namespaces['team-a']![VM]!;
    expect(Object.entries(a).filter(([k]) => k !== 'total').reduce((n, [, v]) => n + (v ?? 0), 0)).toBe(2);
  });

  it('searches names across kinds in the given order, best first, with totals beyond the cap', () => {
    const kinds = new Map([[VM, kind(vmD, vms)], ['pods', kind(podD, pods)]]);
    const groups = searchIndex(parseSearchQuery('web'), kinds, ['pods', VM], 1);
    expect(groups.map((g) => [g.kind, g.total, g.hits.length])).toEqual([[VM, 2, 1]]);
    expect(groups[0]!.hits[0]).toMatchObject({ name: 'web-1', namespace: 'team-a', health: vmD.status(vms[0]!).health });
    expect(searchIndex(parseSearchQuery('crash'), kinds, ['pods', VM], 5)[0]!.hits[0]!.text).toBe(podD.status(pods[1]!).text);
  });

  it('finds the same objects, with the same scores, as matching every whole object', () => {
    const objects = Array.from({ length: 60 }, (_, i) =>
      Object.assign(pod(`ns-${i % 3}`, `web-${i}`), { metadata: { ...pod(`ns-${i % 3}`, `web-${i}`).metadata, labels: { app: i % 2 ? 'web' : 'db', tier: i % 5 ? 'front' : 'back' } } }),
    );
    const kinds = new Map([['pods', kind(podD, objects)]]);
    for (const text of ['web', 'web-1', 'web-10', 'app=web', 'tier!=front', 'front web-2', 'db', 'app=db tier=back', 'ns-1', 'nothing']) {
      const q = parseSearchQuery(text);
      const whole = searchKind(q, objects, 1000);
      const fast = searchIndex(q, kinds, ['pods'], 1000)[0];
      expect(fast?.total ?? 0, text).toBe(whole.total);
      const byName = (hits: { name: string; score: number; labels: [string, string][] }[]) => hits.map((h) => [h.name, h.score, h.labels]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(byName(fast?.hits ?? []), text).toEqual(byName(whole.hits));
    }
  });

  it('lists what is placed on a host, VMs then pods, by name, capped with the total', () => {
    const onHost = [vm('team-b', 'b-vm', { node: 'esxi-01' }), vm('team-a', 'a-vm', { node: 'esxi-01' }), vm('team-a', 'elsewhere', { node: 'esxi-02' })];
    const podsOn = [pod('team-a', 'p-2', { node: 'esxi-01' }), pod('team-a', 'p-10', { node: 'esxi-01' }), pod('team-a', 'p-1', { node: 'esxi-01' })];
    const kinds = new Map([[VM, kind(vmD, onHost)], ['pods', kind(podD, podsOn)]]);
    const groups = placedOn(kinds, 'esxi-01', [VM, 'pods'], 2);
    expect(groups.map((g) => [g.kind, g.total, g.hits.map((h) => h.name)])).toEqual([
      [VM, 2, ['a-vm', 'b-vm']],
      ['pods', 3, ['p-1', 'p-2']],
    ]);
  });
});
