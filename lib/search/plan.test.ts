import { describe, expect, it } from 'vitest';
import type { ResourceRule } from '../k8s/access';
import { namespaceDescriptor, nodeDescriptor, podDescriptor } from '../resources/descriptors/core';
import { virtualMachineDescriptor } from '../resources/descriptors/vm-service';
import { searchDescriptors } from './kinds';
import { planSearch, type SearchKind } from './plan';
import { parseSearchQuery } from './query';

const DEVELOPER_RULES: ResourceRule[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], apiGroups: [''], resources: ['pods', 'services', 'configmaps'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: ['vmoperator.vmware.com'], resources: ['virtualmachines'] },
];

const kinds = (access: boolean | undefined): SearchKind[] => [
  { d: virtualMachineDescriptor, version: 'v1alpha3', clusterAccess: access },
  { d: podDescriptor, version: 'v1', clusterAccess: access },
  { d: namespaceDescriptor, version: 'v1', clusterAccess: access },
  { d: nodeDescriptor, version: 'v1', clusterAccess: access },
];

describe('planSearch', () => {
  it('reads every kind cluster-wide for a user who may, with the labelSelector when nothing is cached', () => {
    const plan = planSearch({ kinds: kinds(true), query: parseSearchQuery('app=web'), namespaces: [], rules: () => undefined, isCached: (p) => p === '/api/v1/pods' });
    expect(plan.map((p) => (p.state === 'read' ? p.paths : p.state))).toEqual([
      ['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines?labelSelector=app%3Dweb'],
      // The tree's live pod list is in the cache: used as it is.
      ['/api/v1/pods'],
      ['/api/v1/namespaces?labelSelector=app%3Dweb'],
      ['/api/v1/nodes?labelSelector=app%3Dweb'],
    ]);
  });

  it('lists whole collections for free text', () => {
    const plan = planSearch({ kinds: kinds(true), query: parseSearchQuery('web'), namespaces: [], rules: () => undefined, isCached: () => false });
    expect(plan[0]).toMatchObject({ state: 'read', paths: ['/apis/vmoperator.vmware.com/v1alpha3/virtualmachines'] });
  });

  it('reads a developer’s namespaces only, where the rules allow, skips hosts and knows their namespaces by name', () => {
    const plan = planSearch({ kinds: kinds(false), query: parseSearchQuery('api-01'), namespaces: ['team-a'], rules: (ns) => (ns === 'team-a' ? DEVELOPER_RULES : undefined), isCached: () => false });
    expect(plan[0]).toEqual({ d: virtualMachineDescriptor, state: 'read', paths: ['/apis/vmoperator.vmware.com/v1alpha3/namespaces/team-a/virtualmachines'], namespaces: ['team-a'] });
    expect(plan[1]).toMatchObject({ state: 'read', paths: ['/api/v1/namespaces/team-a/pods'] });
    expect(plan[2]).toMatchObject({ state: 'known', items: [{ metadata: { name: 'team-a' } }] });
    expect(plan[3]).toEqual({ d: nodeDescriptor, state: 'skip' });
  });

  it('skips a kind the rules do not allow anywhere, and waits for unknown access', () => {
    const noVms = DEVELOPER_RULES.slice(0, 2);
    expect(planSearch({ kinds: kinds(false).slice(0, 1), query: parseSearchQuery('x'), namespaces: ['team-a'], rules: () => noVms, isCached: () => false })[0]!.state).toBe('skip');
    expect(planSearch({ kinds: kinds(false).slice(0, 1), query: parseSearchQuery('x'), namespaces: ['team-a'], rules: () => undefined, isCached: () => false })[0]!.state).toBe('pending');
    expect(planSearch({ kinds: kinds(undefined), query: parseSearchQuery('x'), namespaces: [], rules: () => undefined, isCached: () => false }).every((p) => p.state === 'pending')).toBe(true);
  });
});

describe('searchDescriptors', () => {
  it('searches VMs, pods, services, VM services, namespaces and hosts first, then operator-backed services', () => {
    const ids = searchDescriptors().map((d) => d.id);
    expect(ids.slice(0, 6)).toEqual(['virtualmachines.vmoperator.vmware.com', 'pods', 'services', 'virtualmachineservices.vmoperator.vmware.com', 'namespaces', 'nodes']);
    expect(ids.slice(6, 10)).toEqual(['clusters.postgresql.cnpg.io', 'cassandradatacenters.cassandra.datastax.com', 'tfjobs.kubeflow.org', 'tenants.minio.min.io']);
    expect(ids).toContain('deployments.apps');
  });
});
