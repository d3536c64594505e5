import { describe, expect, it } from 'vitest';
import { parseAggregatedDiscovery } from './discovery';

describe('parseAggregatedDiscovery', () => {
  it('lists resources with their preferred version and scope', () => {
    const doc = {
      kind: 'APIGroupDiscoveryList',
      items: [
        {
          metadata: { name: 'vmoperator.vmware.com' },
          versions: [
            { version: 'v1alpha5', resources: [{ resource: 'virtualmachines', responseKind: { kind: 'VirtualMachine' }, scope: 'Namespaced', verbs: ['get', 'list', 'watch'] }] },
            { version: 'v1alpha4', resources: [{ resource: 'virtualmachines', responseKind: { kind: 'VirtualMachine' }, scope: 'Namespaced', verbs: ['get'] }] },
          ],
        },
      ],
    };
    expect(parseAggregatedDiscovery(doc)).toEqual([{ group: 'vmoperator.vmware.com', version: 'v1alpha5', resource: 'virtualmachines', kind: 'VirtualMachine', namespaced: true, verbs: ['get', 'list', 'watch'] }]);
  });

  it('ignores documents of another shape', () => {
    expect(parseAggregatedDiscovery({ kind: 'APIVersions' })).toEqual([]);
  });
});
