import { describe, expect, it } from 'vitest';
import type { InventorySummary } from '../inventory-index/summary-types';
import { treeDescriptors } from '../resources/registry';
import { buildTree } from './build-tree';
import { hitsTree } from './hits-tree';
import { groupId, namespaceId, objectId } from './ids';
import { countedGroups, treeCounts } from './summary-counts';
import type { NamespaceContents, TreeNode } from './types';

const VM = 'virtualmachines.vmoperator.vmware.com';
const kinds = treeDescriptors();
const ready = Object.fromEntries(kinds.map((d) => [d.id, { state: 'ready' as const }]));
const summary: InventorySummary = {
  generation: '3',
  kinds: ready,
  hosts: {},
  namespaces: { 'team-a': { [VM]: { total: 1000, healthy: 998, error: 2 }, pods: { total: 600, healthy: 600 }, 'deployments.apps': { total: 3, warning: 1, healthy: 2 } } },
};

function child(n: TreeNode, id: string): TreeNode {
  const c = n.children?.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} under ${n.id}`);
  return c;
}

describe('tree counts from the inventory index', () => {
  const counts = treeCounts(summary, kinds);
  const input = { clusterName: 'sv', namespaces: [{ name: 'team-a' }, { name: 'empty' }], kinds, contents: new Map<string, NamespaceContents>(), counts };

  it('is only used when every tree kind is indexed and ready', () => {
    expect(counts).toBeDefined();
    expect(treeCounts({ ...summary, kinds: { ...ready, [VM]: { state: 'loading' } } }, kinds)).toBeUndefined();
    expect(treeCounts(undefined, kinds)).toBeUndefined();
  });

  it('gives an unexpanded namespace its count and worst health, and stays lazy', () => {
    const ns = child(buildTree(input), namespaceId('team-a'));
    expect(ns).toMatchObject({ count: 1603, health: 'error', lazy: true, summary: '1603 objects: 2 error, 1 warning' });
    expect(child(buildTree(input), namespaceId('empty'))).toMatchObject({ count: 0, lazy: true });
  });

  it('shows an expanded namespace its groups from counts while its lists load', () => {
    const contents = new Map<string, NamespaceContents>([['team-a', { lists: new Map(kinds.map((d) => [d.id, undefined])), errors: [] }]]);
    const ns = child(buildTree({ ...input, contents }), namespaceId('team-a'));
    const vms = child(ns, groupId('team-a', 'Virtual Machines'));
    expect(vms).toMatchObject({ type: 'group', count: 1000, health: 'error', summary: '1000 Virtual Machines: 2 error' });
    expect(vms.children?.map((c) => c.label)).toEqual(['Loading…']);
    expect(ns.children?.map((c) => c.label)).toEqual(['Virtual Machines', 'vSphere Pods', 'Workloads']);
  });

  it('filters from search hits: matching objects under their namespace and group, expanded', () => {
    const tree = buildTree(input);
    const f = hitsTree(tree, [{ kind: VM, total: 3, hits: [{ name: 'web-2', namespace: 'team-a', health: 'healthy', text: 'PoweredOn', score: 60, labels: [] }] }], 'web');
    const ns = child(f.root!, namespaceId('team-a'));
    const vm = child(child(ns, groupId('team-a', 'Virtual Machines')), objectId(VM, 'team-a', 'web-2'));
    expect(vm).toMatchObject({ statusText: 'PoweredOn', health: 'healthy' });
    expect(f.expand.has(ns.id)).toBe(true);
    expect(f.matches).toBe(3);
    expect(f.root!.children!.at(-1)!.label).toMatch(/^2 more Virtual Machines match/);
    expect(hitsTree(tree, [], 'empt').root!.children!.map((c) => c.label)).toEqual(['empty']);
    const withCounts = hitsTree(tree, [{ kind: VM, total: 1, hits: [{ name: 'web-2', namespace: 'team-a', health: 'healthy', text: 'PoweredOn', score: 60, labels: [] }] }], 'web', (n) => countedGroups(n, kinds, counts!(n), () => '/x'));
    expect(child(child(withCounts.root!, namespaceId('team-a')), groupId('team-a', 'Virtual Machines'))).toMatchObject({ count: 1000, health: 'error' });
    expect(hitsTree(tree, [], 'nothing').root).toBeUndefined();
  });
});
