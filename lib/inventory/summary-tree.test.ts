import { describe, expect, it } from 'vitest';
import type { IndexSearchGroup, InventorySummary } from '../inventory-index/summary-types';
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

describe('the Hosts branch from the inventory index', () => {
  const hostKinds = kinds;
  const nodeObj = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
  const hostsInput = (objects: Map<string, IndexSearchGroup[] | undefined>) => ({
    nodes: [nodeObj('esxi-01'), nodeObj('esxi-02')],
    requested: true,
    vms: [],
    pods: [],
    errors: [],
    placed: { use: { 'esxi-01': { cpu: 4, memory: 8, pods: 2, vms: 1 } }, objects },
  });

  it('counts each host from the index, lazy until expanded, then lists what the index places there', () => {
    const t = buildTree({ clusterName: 'sv', namespaces: [], kinds: hostKinds, contents: new Map(), hosts: hostsInput(new Map()) });
    const hosts = child(t, 'hosts');
    expect(child(hosts, 'host:esxi-01')).toMatchObject({ count: 3, lazy: true, summary: '1 Virtual machine, 2 vSphere Pods' });
    expect(child(hosts, 'host:esxi-02')).toMatchObject({ count: 0 });
    expect(child(hosts, 'host:esxi-02').lazy).toBeUndefined();

    const loading = buildTree({ clusterName: 'sv', namespaces: [], kinds: hostKinds, contents: new Map(), hosts: hostsInput(new Map([['esxi-01', undefined]])) });
    expect(child(child(loading, 'hosts'), 'host:esxi-01').children?.map((c) => c.label)).toEqual(['Loading…']);

    const groups: IndexSearchGroup[] = [
      { kind: VM, total: 1, hits: [{ name: 'db-1', namespace: 'team-a', health: 'healthy', text: 'PoweredOn', score: 0, labels: [] }] },
      { kind: 'pods', total: 3, hits: [{ name: 'web-1', namespace: 'team-a', health: 'error', text: 'CrashLoopBackOff', score: 0, labels: [] }] },
    ];
    const open = buildTree({ clusterName: 'sv', namespaces: [], kinds: hostKinds, contents: new Map(), hosts: hostsInput(new Map([['esxi-01', groups]])) });
    const host = child(child(open, 'hosts'), 'host:esxi-01');
    expect(host.children?.map((c) => [c.label, c.detail, c.statusText])).toEqual([
      ['db-1', 'team-a', 'PoweredOn'],
      ['web-1', 'team-a', 'CrashLoopBackOff'],
      ["2 more vSphere Pods on this host; see the host's page", undefined, undefined],
    ]);
  });
});
