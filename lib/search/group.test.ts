import { describe, expect, it } from 'vitest';
import { node, pod, vm } from '../inventory/test-support/fixtures';
import { nodeDescriptor, podDescriptor } from '../resources/descriptors/core';
import { virtualMachineDescriptor } from '../resources/descriptors/vm-service';
import { searchGroups, searchKind, totalHits } from './group';
import { parseSearchQuery } from './query';

describe('searchGroups', () => {
  it('groups matches by kind in source order, best first, with counts; loading and failed kinds stay visible', () => {
    const q = parseSearchQuery('web');
    const groups = searchGroups(q, [
      { d: virtualMachineDescriptor, items: [vm('team-b', 'web-02'), vm('team-a', 'web-02'), vm('team-a', 'db-01'), vm('team-a', 'web'), vm('team-a', 'old-web')] },
      { d: podDescriptor },
      { d: nodeDescriptor, error: 'nodes is forbidden' },
    ]);
    expect(groups.map((g) => [g.d.id, g.total, g.loading])).toEqual([
      ['virtualmachines.vmoperator.vmware.com', 4, false],
      ['pods', 0, true],
      ['nodes', 0, false],
    ]);
    expect(groups[0]!.hits.map((h) => `${h.namespace}/${h.name}`)).toEqual(['team-a/web', 'team-a/web-02', 'team-b/web-02', 'team-a/old-web']);
    expect(groups[2]!.error).toBe('nodes is forbidden');
    expect(totalHits(groups)).toBe(4);
  });

  it('keeps the best `cap` of many matches, in order, and counts them all', () => {
    const items = Array.from({ length: 5000 }, (_, i) => pod(`scale-${i % 7}`, `web-${String(i).padStart(4, '0')}`));
    items.push(pod('team-a', 'web'));
    const { total, hits } = searchKind(parseSearchQuery('web'), items, 25);
    expect(total).toBe(5001);
    expect(hits).toHaveLength(25);
    expect(hits[0]!.name).toBe('web');
    expect(hits.slice(1).map((h) => h.name)).toEqual(Array.from({ length: 24 }, (_, i) => `web-${String(i).padStart(4, '0')}`));
  });

  it('finds hosts by name', () => {
    const { hits } = searchKind(parseSearchQuery('esxi-03'), [node('esxi-01.vsphere.local'), node('esxi-03.vsphere.local')], 25);
    expect(hits.map((h) => h.name)).toEqual(['esxi-03.vsphere.local']);
  });
});
