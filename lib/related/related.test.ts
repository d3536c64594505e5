import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { selectorMatches, selectorString } from './label-selector';
import { descendantsOf, ownersOf } from './owners';
import { relatedGroups, relatedQueries } from './related-plan';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a', uid: 'd-1', labels: { app: 'web' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } },
};
const rs = (name: string, uid: string, owner = 'd-1'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'team-a', uid, labels: { app: 'web', 'pod-template-hash': name.split('-').pop()! }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: owner, controller: true }] },
});
const pod = (name: string, uid: string, ownerUid: string, ownerName: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'team-a', uid, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: ownerName, uid: ownerUid, controller: true }], ...extra },
  spec: { nodeName: 'esxi-01.vsphere.local', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
});

describe('label selectors', () => {
  it('matches map selectors and LabelSelectors with expressions', () => {
    expect(selectorMatches({ app: 'web' }, { app: 'web', tier: 'fe' }, { emptyMatches: false })).toBe(true);
    expect(selectorMatches({ app: 'web' }, { app: 'db' }, { emptyMatches: false })).toBe(false);
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'canary', operator: 'DoesNotExist' }] };
    expect(selectorMatches(sel, { app: 'web', tier: 'be' }, { emptyMatches: false })).toBe(true);
    expect(selectorMatches(sel, { app: 'web', tier: 'be', canary: 'true' }, { emptyMatches: false })).toBe(false);
    expect(selectorMatches(sel, { app: 'web' }, { emptyMatches: false })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, {}, { emptyMatches: false })).toBe(true);
  });

  it('treats an empty selector as the caller says', () => {
    expect(selectorMatches({}, { app: 'web' }, { emptyMatches: false })).toBe(false);
    expect(selectorMatches({ matchLabels: {} }, { app: 'web' }, { emptyMatches: true })).toBe(true);
    expect(selectorMatches(undefined, { app: 'web' }, { emptyMatches: false })).toBe(false);
  });

  it('writes selectors in the labelSelector query syntax', () => {
    expect(selectorString({ app: 'web', tier: 'fe' })).toBe('app=web,tier=fe');
    expect(selectorString({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'x', operator: 'Exists' }, { key: 'y', operator: 'DoesNotExist' }, { key: 'env', operator: 'NotIn', values: ['prod'] }] })).toBe(
      'app=web,tier in (fe,be),x,!y,env notin (prod)',
    );
    expect(selectorString({})).toBeUndefined();
  });
});

describe('ownership', () => {
  it('lists owners with the controller first and the group parsed from apiVersion', () => {
    const p = pod('web-abc-1', 'p-1', 'rs-1', 'web-abc');
    p.metadata.ownerReferences!.unshift({ apiVersion: 'example.com/v1', kind: 'Thing', name: 't', uid: 't-1' });
    expect(ownersOf(p)).toEqual([
      { group: 'apps', kind: 'ReplicaSet', name: 'web-abc', namespace: 'team-a', uid: 'rs-1', controller: true },
      { group: 'example.com', kind: 'Thing', name: 't', namespace: 'team-a', uid: 't-1', controller: false },
    ]);
  });

  it('finds descendants transitively, each once, and not strangers', () => {
    const pool = [rs('web-abc', 'rs-1'), rs('web-def', 'rs-2'), rs('other-x', 'rs-3', 'd-9'), pod('web-abc-1', 'p-1', 'rs-1', 'web-abc'), pod('web-def-1', 'p-2', 'rs-2', 'web-def'), pod('other-x-1', 'p-3', 'rs-3', 'other-x')];
    expect(descendantsOf(deployment, pool).map((o) => o.metadata.name)).toEqual(['web-abc', 'web-def', 'web-abc-1', 'web-def-1']);
  });
});

describe('related plan', () => {
  it('lists a Deployment’s ReplicaSets and pods through ownership', () => {
    const queries = relatedQueries('deployments.apps', deployment);
    expect(queries.map((x) => [x.descriptorId, x.namespace, x.labelSelector])).toEqual([
      ['replicasets.apps', 'team-a', 'app=web'],
      ['pods', 'team-a', 'app=web'],
    ]);
    const results = new Map([
      ['replicasets', [rs('web-abc', 'rs-1'), rs('web-old', 'rs-9', 'd-other')]],
      ['pods', [pod('web-abc-1', 'p-1', 'rs-1', 'web-abc'), pod('stray', 'p-9', 'rs-9', 'web-old')]],
    ]);
    const groups = relatedGroups(queries, deployment, results);
    expect(groups.map((g) => [g.query.title, g.items.map((i) => i.metadata.name)])).toEqual([
      ['ReplicaSets', ['web-abc']],
      ['Pods', ['web-abc-1']],
    ]);
  });

  it('lists what an operator labelled as an instance’s own', () => {
    const cluster: KubeObject = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'orders-db', namespace: 'team-b', uid: 'c-1' } };
    const queries = relatedQueries('clusters.postgresql.cnpg.io', cluster);
    expect(queries.map((x) => [x.descriptorId, x.labelSelector])).toEqual([
      ['pods', 'cnpg.io/cluster=orders-db'],
      ['persistentvolumeclaims', 'cnpg.io/cluster=orders-db'],
      ['services', 'cnpg.io/cluster=orders-db'],
      ['secrets', 'cnpg.io/cluster=orders-db'],
    ]);
    const svc: KubeObject = { metadata: { name: 'orders-db-rw', namespace: 'team-b', uid: 's-1', labels: { 'cnpg.io/cluster': 'orders-db' } } };
    expect(relatedGroups(queries, cluster, new Map([['services', [svc]]]))[2]!.items).toEqual([svc]);
  });

  it('finds a VM’s VirtualMachineServices by their selector and its snapshots by name', () => {
    const vm: KubeObject = { apiVersion: 'vmoperator.vmware.com/v1alpha3', kind: 'VirtualMachine', metadata: { name: 'web-01', namespace: 'team-a', uid: 'vm-1', labels: { app: 'web', 'topology.kubernetes.io/zone': 'zone-1' } } };
    const queries = relatedQueries('virtualmachines.vmoperator.vmware.com', vm);
    const lb: KubeObject = { metadata: { name: 'web-lb', namespace: 'team-a', uid: 'vs-1' }, spec: { type: 'LoadBalancer', selector: { app: 'web' } } };
    const other: KubeObject = { metadata: { name: 'db', namespace: 'team-a', uid: 'vs-2' }, spec: { selector: { app: 'db' } } };
    const empty: KubeObject = { metadata: { name: 'none', namespace: 'team-a', uid: 'vs-3' }, spec: {} };
    const snap: KubeObject = { metadata: { name: 'before-upgrade', namespace: 'team-a', uid: 'sn-1' }, spec: { vmName: 'web-01' } };
    const otherSnap: KubeObject = { metadata: { name: 'x', namespace: 'team-a', uid: 'sn-2' }, spec: { vmName: 'web-02' } };
    const groups = relatedGroups(queries, vm, new Map([['vmservices', [lb, other, empty]], ['snapshots', [snap, otherSnap]]]));
    expect(groups.map((g) => g.items.map((i) => i.metadata.name))).toEqual([['web-lb'], ['before-upgrade']]);
  });

  it('lists a Service’s pods by its selector and its endpoint slices', () => {
    const svc: KubeObject = { metadata: { name: 'web', namespace: 'team-a', uid: 's-1' }, spec: { selector: { app: 'web' } } };
    expect(relatedQueries('services', svc).map((x) => [x.descriptorId, x.labelSelector])).toEqual([
      ['pods', 'app=web'],
      ['endpointslices.discovery.k8s.io', 'kubernetes.io/service-name=web'],
    ]);
    const headless: KubeObject = { metadata: { name: 'ext', namespace: 'team-a', uid: 's-2' }, spec: {} };
    expect(relatedQueries('services', headless).map((x) => x.descriptorId)).toEqual(['endpointslices.discovery.k8s.io']);
  });

  it('lists a host’s VMs and pods', () => {
    const node: KubeObject = { metadata: { name: 'esxi-01.vsphere.local', uid: 'n-1' } };
    const queries = relatedQueries('nodes', node);
    expect(queries.map((x) => [x.descriptorId, x.namespace, x.fieldSelector])).toEqual([
      ['virtualmachines.vmoperator.vmware.com', undefined, undefined],
      ['pods', undefined, 'spec.nodeName=esxi-01.vsphere.local'],
    ]);
    const here: KubeObject = { metadata: { name: 'web-01', namespace: 'team-a', uid: 'v1' }, status: { nodeName: 'esxi-01.vsphere.local' } };
    const there: KubeObject = { metadata: { name: 'web-02', namespace: 'team-a', uid: 'v2' }, status: { nodeName: 'esxi-02.vsphere.local' } };
    expect(relatedGroups(queries, node, new Map([['vms', [here, there]]]))[0]!.items).toEqual([here]);
  });

  it('looks for owned pods, services and claims of an unknown namespaced kind', () => {
    const cr: KubeObject = { metadata: { name: 'w', namespace: 'team-a', uid: 'w-1' } };
    expect(relatedQueries('widgets.example.com', cr).map((x) => x.descriptorId)).toEqual(['pods', 'services', 'persistentvolumeclaims']);
    expect(relatedQueries('clusterwidgets.example.com', { metadata: { name: 'w' } })).toEqual([]);
  });
});
