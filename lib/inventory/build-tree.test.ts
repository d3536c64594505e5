import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { treeDescriptors } from '../resources/registry';
import { buildTree } from './build-tree';
import { groupId, HOSTS_ID, namespaceId, nestedId, objectId } from './ids';
import { cnpgCluster, configMap, cronJob, deployment, deploymentPod, job, namespace, node, pod, vm } from './test-support/fixtures';
import type { InventoryInput, NamespaceContents, TreeNode } from './types';

const VM = 'virtualmachines.vmoperator.vmware.com';
const kinds = treeDescriptors();

function contents(lists: Record<string, KubeObject[] | undefined>, errors: string[] = []): NamespaceContents {
  return { lists: new Map(Object.entries(lists)), errors };
}

function find(root: TreeNode, id: string): TreeNode {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.id === id) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no node ${id}`);
}

const labels = (n: TreeNode) => (n.children ?? []).map((c) => c.label);

const teamA = contents({
  [VM]: [vm('team-a', 'web-vm-2', { node: 'esxi-01' }), vm('team-a', 'web-vm-10', { node: 'esxi-02' }), vm('team-a', 'db-vm', { power: 'PoweredOff', desired: 'PoweredOn', node: 'esxi-01' })],
  pods: [
    deploymentPod('team-a', 'web', 'fxzgk', { node: 'esxi-01' }),
    deploymentPod('team-a', 'web', 'tlzk8', { node: 'esxi-02', waiting: 'CrashLoopBackOff', ready: false }),
    pod('team-a', 'standalone', { node: 'esxi-01' }),
    pod('team-a', 'pg-1', { node: 'esxi-02', owner: { kind: 'Cluster', name: 'pg', apiVersion: 'postgresql.cnpg.io/v1' } }),
  ],
  'deployments.apps': [deployment('team-a', 'web', 2, 1)],
  'jobs.batch': [job('team-a', 'report-29012', 'report'), job('team-a', 'once')],
  'cronjobs.batch': [cronJob('team-a', 'report')],
  'clusters.postgresql.cnpg.io': [cnpgCluster('team-a', 'pg', 1, 1)],
  configmaps: [configMap('team-a', 'kube-root-ca.crt')],
  'statefulsets.apps': [],
});

function input(over: Partial<InventoryInput> = {}): InventoryInput {
  return {
    clusterName: 'supervisor',
    namespaces: [{ name: 'team-b', object: namespace('team-b') }, { name: 'team-a', object: namespace('team-a') }, { name: 'default', object: namespace('default') }],
    kinds,
    contents: new Map([['team-a', teamA]]),
    ...over,
  };
}

describe('buildTree', () => {
  it('puts the namespaces under the Supervisor root, sorted, collapsed ones lazy', () => {
    const root = buildTree(input());
    expect(root).toMatchObject({ id: 'root', label: 'supervisor', href: '/', count: 3 });
    expect(labels(root)).toEqual(['default', 'team-a', 'team-b']);
    const teamB = find(root, namespaceId('team-b'));
    expect(teamB).toMatchObject({ lazy: true, health: 'healthy', href: '/namespaces/team-b' });
    expect(teamB.children).toBeUndefined();
    expect(teamB.count).toBeUndefined();
  });

  it('groups a namespace into Virtual Machines, vSphere Pods, Workloads and each service kind, hiding empty groups', () => {
    const ns = find(buildTree(input()), namespaceId('team-a'));
    expect(labels(ns)).toEqual(['Virtual Machines', 'vSphere Pods', 'Workloads', 'PostgreSQL clusters', 'Configuration']);
    expect(ns.children!.map((g) => g.id)).toContain(groupId('team-a', 'Virtual Machines'));
  });

  it('lists objects in natural name order with their health and page', () => {
    const vms = find(buildTree(input()), groupId('team-a', 'Virtual Machines'));
    expect(labels(vms)).toEqual(['db-vm', 'web-vm-2', 'web-vm-10']);
    expect(vms.children![1]).toMatchObject({
      id: objectId(VM, 'team-a', 'web-vm-2'),
      type: 'object',
      icon: 'vm',
      health: 'healthy',
      statusText: 'PoweredOn',
      href: `/namespaces/team-a/r/${VM}/web-vm-2`,
    });
    expect(vms.children![0]).toMatchObject({ health: 'progressing', statusText: 'PoweredOff → PoweredOn' });
  });

  it('rolls the worst health and the counts up to groups, namespaces and the root', () => {
    const root = buildTree(input());
    const vms = find(root, groupId('team-a', 'Virtual Machines'));
    expect(vms).toMatchObject({ health: 'progressing', count: 3, summary: '3 Virtual Machines: 1 progressing', href: `/namespaces/team-a/r/${VM}` });
    const pods = find(root, groupId('team-a', 'vSphere Pods'));
    expect(pods).toMatchObject({ health: 'error', count: 4, summary: '4 vSphere Pods: 1 error' });
    const ns = find(root, namespaceId('team-a'));
    expect(ns.health).toBe('error');
    expect(ns.count).toBe(3 + 4 + 4 + 1 + 1);
    expect(root.health).toBe('error');
  });

  it('shows workloads with their pods, and a CronJob with its Jobs', () => {
    const root = buildTree(input());
    const workloads = find(root, groupId('team-a', 'Workloads'));
    expect(labels(workloads)).toEqual(['web', 'once', 'report']);
    expect(workloads.count).toBe(4);
    const web = find(root, objectId('deployments.apps', 'team-a', 'web'));
    expect(web.children!.map((c) => c.id)).toEqual([
      nestedId(web.id, objectId('pods', 'team-a', 'web-7d9c9b8f77-fxzgk')),
      nestedId(web.id, objectId('pods', 'team-a', 'web-7d9c9b8f77-tlzk8')),
    ]);
    const report = find(root, objectId('cronjobs.batch', 'team-a', 'report'));
    expect(labels(report)).toEqual(['report-29012']);
    expect(report.children![0]!.id).toBe(objectId('jobs.batch', 'team-a', 'report-29012'));
    // The vSphere Pods group still lists every pod, owned or not.
    expect(labels(find(root, groupId('team-a', 'vSphere Pods')))).toEqual(['pg-1', 'standalone', 'web-7d9c9b8f77-fxzgk', 'web-7d9c9b8f77-tlzk8']);
  });

  it('shows an operator-backed service with the pods it controls', () => {
    const pg = find(buildTree(input()), objectId('clusters.postgresql.cnpg.io', 'team-a', 'pg'));
    expect(pg).toMatchObject({ icon: 'database', health: 'healthy' });
    expect(labels(pg)).toEqual(['pg-1']);
  });

  it('says when a namespace is loading, empty, or failed', () => {
    const loading = buildTree(input({ contents: new Map([['team-a', contents({ [VM]: undefined, pods: [] })]]) }));
    expect(labels(find(loading, namespaceId('team-a')))).toEqual(['Loading…']);
    expect(find(loading, namespaceId('team-a')).count).toBeUndefined();

    const empty = buildTree(input({ contents: new Map([['team-a', contents({ [VM]: [], pods: [] })]]) }));
    expect(find(empty, namespaceId('team-a'))).toMatchObject({ count: 0, children: [{ type: 'message', label: 'No objects' }] });

    const failed = buildTree(input({ contents: new Map([['team-a', contents({ pods: [] }, ['Virtual Machines could not be loaded: the API server is unreachable.'])]]) }));
    expect(find(failed, namespaceId('team-a')).children![0]).toMatchObject({ type: 'message', icon: 'problem' });
  });

  it('shows only the kinds a namespace lists (the others are hidden, not empty)', () => {
    const root = buildTree(input({ contents: new Map([['team-a', contents({ pods: [pod('team-a', 'p1')] })]]) }));
    expect(labels(find(root, namespaceId('team-a')))).toEqual(['vSphere Pods']);
  });

  it('says when there are no namespaces yet, or none at all', () => {
    expect(labels(buildTree(input({ namespaces: [], namespacesLoading: true })))).toEqual(['Loading namespaces…']);
    expect(labels(buildTree(input({ namespaces: [] })))).toEqual(['No namespaces you can use']);
  });

  it('has no Hosts branch unless hosts are given', () => {
    expect(labels(buildTree(input()))).not.toContain('Hosts');
  });

  it('places VMs and pods under their hosts', () => {
    const vms = [vm('team-a', 'web-vm-1', { node: 'esxi-01.vsphere.local' }), vm('team-b', 'app-vm', { node: 'esxi-02.vsphere.local' }), vm('team-a', 'off-vm', { power: 'PoweredOff' })];
    const pods = [pod('team-a', 'p1', { node: 'esxi-01.vsphere.local' }), pod('team-a', 'pending')];
    const root = buildTree(
      input({
        hosts: { nodes: [node('esxi-02.vsphere.local', { ready: 'Unknown' }), node('esxi-01.vsphere.local')], requested: true, vms, pods, errors: [] },
      }),
    );
    const hosts = find(root, HOSTS_ID);
    expect(hosts).toMatchObject({ label: 'Hosts', href: '/hosts', count: 2, health: 'error', summary: '2 Hosts: 1 error' });
    expect(labels(hosts)).toEqual(['esxi-01.vsphere.local', 'esxi-02.vsphere.local']);
    const h1 = hosts.children![0]!;
    expect(h1).toMatchObject({ id: 'host:esxi-01.vsphere.local', health: 'healthy', href: '/hosts/esxi-01.vsphere.local', count: 2, summary: '1 Virtual machine, 1 vSphere Pod' });
    expect(h1.children!.map((c) => [c.label, c.detail, c.href])).toEqual([
      ['web-vm-1', 'team-a', `/namespaces/team-a/r/${VM}/web-vm-1`],
      ['p1', 'team-a', '/namespaces/team-a/r/pods/p1'],
    ]);
    expect(h1.children![0]!.id).toBe(nestedId('host:esxi-01.vsphere.local', objectId(VM, 'team-a', 'web-vm-1')));
    expect(root.health).toBe('error');
  });

  it('keeps the Hosts branch lazy until it is asked for', () => {
    const root = buildTree(input({ hosts: { requested: false, vms: [], pods: [], errors: [] } }));
    expect(find(root, HOSTS_ID)).toMatchObject({ lazy: true });
    const asked = buildTree(input({ hosts: { requested: true, vms: [], pods: [], errors: [] } }));
    expect(labels(find(asked, HOSTS_ID))).toEqual(['Loading…']);
  });

  // A generous bound on a shared machine: it catches quadratic work (seconds), not jitter.
  it('builds 10,000 VMs in linear time', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => vm('scale', `vm-${i}`, { node: `esxi-0${i % 4}` }));
    const nodes = [0, 1, 2, 3].map((i) => node(`esxi-0${i}`));
    const big = input({ namespaces: [{ name: 'scale' }], contents: new Map([['scale', contents({ [VM]: many })]]), hosts: { nodes, requested: true, vms: many, pods: [], errors: [] } });
    buildTree(big);
    const start = performance.now();
    const root = buildTree(big);
    expect(performance.now() - start).toBeLessThan(1500);
    expect(find(root, groupId('scale', 'Virtual Machines')).count).toBe(10_000);
  });
});
