import { describe, expect, it } from 'vitest';
import type { ResourceRule } from '../k8s/access';
import type { KubeList } from '../k8s/types';
import { descriptorById } from '../resources/registry';
import { assembleContents, assembleHosts, itemsByNamespace, NODES_PATH, planLists, type ListResult, type PlanInput, type ServedKind } from './list-plan';
import { node, pod, vm } from './test-support/fixtures';

const VM = 'virtualmachines.vmoperator.vmware.com';
const kinds: ServedKind[] = [
  { d: descriptorById(VM)!, version: 'v1alpha3' },
  { d: descriptorById('pods')!, version: 'v1' },
  { d: descriptorById('secrets')!, version: 'v1' },
];

/** The rules SelfSubjectRulesReview reports for `developer` in team-a (edit, no secrets here). */
const developerRules: ResourceRule[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['create', 'update', 'patch', 'delete', 'deletecollection', 'get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'configmaps', 'services'] },
  { verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], apiGroups: ['vmoperator.vmware.com'], resources: ['virtualmachines'] },
];

const list = (items: KubeList['items']): KubeList => ({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '100' }, items });

function plan(over: Partial<PlanInput>) {
  return planLists({ kinds, namespaces: [], hosts: false, clusterAccess: () => true, rules: () => undefined, ...over });
}

describe('planLists', () => {
  it('asks for nothing while no namespace is expanded', () => {
    expect(plan({}).paths).toEqual([]);
  });

  it('uses one cluster-wide list per kind for users who may list it everywhere', () => {
    const p = plan({ namespaces: ['team-a', 'team-b'] });
    expect(p.paths).toEqual([`/apis/vmoperator.vmware.com/v1alpha3/virtualmachines`, '/api/v1/pods', '/api/v1/secrets']);
    expect(p.sources.get('team-b')!.get('pods')).toEqual({ path: '/api/v1/pods', clusterWide: true });
  });

  it('lists per namespace what the namespace rules allow, and hides the rest', () => {
    const p = plan({ namespaces: ['team-a'], clusterAccess: () => false, rules: (ns) => (ns === 'team-a' ? developerRules : undefined) });
    expect(p.paths).toEqual(['/apis/vmoperator.vmware.com/v1alpha3/namespaces/team-a/virtualmachines', '/api/v1/namespaces/team-a/pods']);
    expect(p.sources.get('team-a')!.has('secrets')).toBe(false);
  });

  it('waits for the access decision before asking anything', () => {
    expect(plan({ namespaces: ['team-a'], clusterAccess: () => undefined }).paths).toEqual([]);
    const p = plan({ namespaces: ['team-a'], clusterAccess: () => false });
    expect(p.paths).toEqual([]);
    expect(p.sources.get('team-a')!.get('pods')).toBe('pending');
  });

  it('lists nodes, and VMs and pods cluster-wide, for an expanded Hosts branch', () => {
    const p = plan({ hosts: true });
    expect(p.paths).toEqual(['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines', '/api/v1/pods', NODES_PATH]);
  });
});

describe('assembleContents and assembleHosts', () => {
  const vms = list([vm('team-a', 'web-vm-1', { node: 'esxi-01' }), vm('team-b', 'app-vm', { node: 'esxi-02' })]);
  const pods = list([pod('team-a', 'p1', { node: 'esxi-01' })]);

  it('splits cluster-wide lists per namespace and marks what is still loading', () => {
    const p = plan({ namespaces: ['team-a', 'team-b'] });
    const results = new Map<string, ListResult>([
      ['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines', { data: vms }],
      ['/api/v1/secrets', { error: 'the API server is unreachable' }],
    ]);
    const contents = assembleContents(p, kinds, results);
    expect(contents.get('team-a')!.lists.get(VM)!.map((o) => o.metadata.name)).toEqual(['web-vm-1']);
    expect(contents.get('team-b')!.lists.get(VM)!.map((o) => o.metadata.name)).toEqual(['app-vm']);
    expect(contents.get('team-a')!.lists.has('pods')).toBe(true);
    expect(contents.get('team-a')!.lists.get('pods')).toBeUndefined();
    expect(contents.get('team-a')!.errors).toEqual(['Secrets could not be loaded: the API server is unreachable']);
  });

  it('uses a cluster-wide list’s first pages for the namespaces they already hold whole', () => {
    const p = plan({ namespaces: ['team-a', 'team-b'] });
    // Pages come in namespace/name order: once one reaches team-b, team-a is complete.
    const firstPages = list([vm('team-a', 'web-vm-1'), vm('team-a', 'web-vm-2'), vm('team-b', 'app-vm')]);
    const contents = assembleContents(p, kinds, new Map<string, ListResult>([['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines', { partial: firstPages }]]));
    expect(contents.get('team-a')!.lists.get(VM)!.map((o) => o.metadata.name)).toEqual(['web-vm-1', 'web-vm-2']);
    expect(contents.get('team-b')!.lists.get(VM)).toBeUndefined();
    // A namespace the pages have not reached yet, or reached only, is still loading.
    const onlyTeamA = list([vm('team-a', 'web-vm-1')]);
    const early = assembleContents(p, kinds, new Map<string, ListResult>([['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines', { partial: onlyTeamA }]]));
    expect(early.get('team-a')!.lists.get(VM)).toBeUndefined();
    expect(early.get('team-b')!.lists.get(VM)).toBeUndefined();
  });

  it('splits a list once per version', () => {
    expect(itemsByNamespace(vms)).toBe(itemsByNamespace(vms));
  });

  it('gives the Hosts branch the nodes and every VM and pod loaded', () => {
    const p = plan({ hosts: true });
    const results = new Map<string, ListResult>([
      ['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines', { data: vms }],
      ['/api/v1/pods', { data: pods }],
      [NODES_PATH, { data: list([node('esxi-01'), node('esxi-02')]) }],
    ]);
    const hosts = assembleHosts(p, true, results);
    expect(hosts.nodes!.map((n) => n.metadata.name)).toEqual(['esxi-01', 'esxi-02']);
    expect(hosts.vms).toHaveLength(2);
    expect(hosts.pods).toHaveLength(1);
    expect(hosts.errors).toEqual([]);
  });
});
