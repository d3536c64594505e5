import { describe, expect, it } from 'vitest';
import { aggregateClusterRoles, withAggregatedRules } from './rbac-aggregation';
import { customResourceClusterRoles } from './rbac-crd-roles';
import type { ClusterRole, PolicyRule } from './rbac-types';

const V1 = 'rbac.authorization.k8s.io/v1';
const role = (name: string, labels: Record<string, string>, rules: PolicyRule[]): ClusterRole => ({ apiVersion: V1, kind: 'ClusterRole', metadata: { name, labels }, rules });
const aggregated = (name: string, labels: Record<string, string>, ...select: Record<string, string>[]): ClusterRole => ({
  apiVersion: V1,
  kind: 'ClusterRole',
  metadata: { name, labels },
  aggregationRule: { clusterRoleSelectors: select.map((matchLabels) => ({ matchLabels })) },
  rules: [{ verbs: ['stale'], apiGroups: [''], resources: ['ignored'] }],
});

const readPods: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['pods'] };
const writePods: PolicyRule = { verbs: ['create'], apiGroups: [''], resources: ['pods'] };
const readCms: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['configmaps'] };

describe('aggregateClusterRoles', () => {
  it('unions matching roles by name order, drops duplicates and replaces stored rules', () => {
    const roles = [
      aggregated('monitoring', {}, { 'example.com/aggregate-to-monitoring': 'true' }),
      role('z-pods', { 'example.com/aggregate-to-monitoring': 'true' }, [readPods, readCms]),
      role('a-pods', { 'example.com/aggregate-to-monitoring': 'true' }, [readPods]),
      role('unrelated', { other: 'true' }, [writePods]),
    ];
    expect(aggregateClusterRoles(roles)).toEqual([{ name: 'monitoring', rules: [readPods, readCms] }]);
  });

  it('follows selectors in order and resolves nested aggregation (admin ⊇ edit ⊇ view)', () => {
    const roles = [
      aggregated('admin', {}, { 'to-admin': 'true' }),
      aggregated('edit', { 'to-admin': 'true' }, { 'to-edit': 'true' }),
      aggregated('view', { 'to-edit': 'true' }, { 'to-view': 'true' }),
      role('system:to-view', { 'to-view': 'true' }, [readPods]),
      role('system:to-edit', { 'to-edit': 'true' }, [writePods]),
      role('system:to-admin', { 'to-admin': 'true' }, [readCms]),
    ];
    const byName = Object.fromEntries(aggregateClusterRoles(roles).map((a) => [a.name, a.rules]));
    expect(byName.view).toEqual([readPods]);
    expect(byName.edit).toEqual([writePods, readPods]);
    expect(byName.admin).toEqual([writePods, readPods, readCms]);
  });

  it('treats absent and empty rule lists as equal when deduplicating', () => {
    const roles = [
      aggregated('agg', {}, { a: 'true' }),
      role('one', { a: 'true' }, [{ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: [] }]),
      role('two', { a: 'true' }, [readPods]),
    ];
    expect(aggregateClusterRoles(roles)[0]?.rules).toEqual([readPods]);
  });

  it('terminates on selection cycles', () => {
    const roles = [aggregated('x', { loop: 'true' }, { loop: 'true' }), aggregated('y', { loop: 'true' }, { loop: 'true' })];
    expect(aggregateClusterRoles(roles).map((a) => a.name)).toEqual(['x', 'y']);
  });

  it('writes the rules into the roles with withAggregatedRules', () => {
    const roles = [aggregated('agg', {}, { a: 'true' }), role('one', { a: 'true' }, [readPods])];
    const out = withAggregatedRules(roles);
    expect(out[0]?.rules).toEqual([readPods]);
    expect(out[1]).toBe(roles[1]);
  });
});

describe('customResourceClusterRoles', () => {
  it('adds read to view and write to edit for namespaced CRDs', () => {
    const roles = customResourceClusterRoles({ group: 'vmoperator.glasspane.io', plural: 'virtualmachines', scope: 'Namespaced', status: true, scale: false });
    expect(roles.map((r) => [r.metadata.name, r.metadata.labels])).toEqual([
      ['glasspane:crd:virtualmachines.vmoperator.glasspane.io:view', { 'rbac.authorization.k8s.io/aggregate-to-view': 'true', 'glasspane.io/crd': 'virtualmachines.vmoperator.glasspane.io' }],
      ['glasspane:crd:virtualmachines.vmoperator.glasspane.io:edit', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true', 'glasspane.io/crd': 'virtualmachines.vmoperator.glasspane.io' }],
    ]);
    expect(roles[0]?.rules).toEqual([{ verbs: ['get', 'list', 'watch'], apiGroups: ['vmoperator.glasspane.io'], resources: ['virtualmachines', 'virtualmachines/status'] }]);
    expect(roles[1]?.rules).toEqual([{ verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'], apiGroups: ['vmoperator.glasspane.io'], resources: ['virtualmachines'] }]);
  });

  it('gives cluster-scoped CRDs a view role only', () => {
    const roles = customResourceClusterRoles({ group: 'infra.glasspane.io', plural: 'zones', scope: 'Cluster' });
    expect(roles.map((r) => r.metadata.name)).toEqual(['glasspane:crd:zones.infra.glasspane.io:view']);
  });
});
