import { describe, expect, it } from 'vitest';
import { authorize, rulesFor } from './rbac-authorizer';
import { staticRbacSource } from './rbac-static-source';
import { anonymous, authenticated, pathAttrs, resourceAttrs, serviceAccount } from './rbac-test-helpers';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from './rbac-types';

const V1 = 'rbac.authorization.k8s.io/v1';
const user = (name: string): Subject => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });

const podReader: ClusterRole = {
  apiVersion: V1,
  kind: 'ClusterRole',
  metadata: { name: 'pod-reader' },
  rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }],
};
const logReader: ClusterRole = {
  apiVersion: V1,
  kind: 'ClusterRole',
  metadata: { name: 'log-reader' },
  rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }],
};
const scaler: ClusterRole = {
  apiVersion: V1,
  kind: 'ClusterRole',
  metadata: { name: 'scaler' },
  rules: [{ verbs: ['get', 'update', 'patch'], apiGroups: ['*'], resources: ['*/scale'] }],
};
const metrics: ClusterRole = {
  apiVersion: V1,
  kind: 'ClusterRole',
  metadata: { name: 'metrics-reader' },
  rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics', '/debug/*'] }],
};
const settingsEditor: Role = {
  apiVersion: V1,
  kind: 'Role',
  metadata: { name: 'settings-editor', namespace: 'team-a' },
  rules: [{ verbs: ['get', 'update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'] }],
};

const crb = (name: string, role: string, subjects: Subject[]): ClusterRoleBinding => ({
  apiVersion: V1,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects,
});
const rb = (namespace: string, name: string, kind: 'Role' | 'ClusterRole', role: string, subjects: Subject[]): RoleBinding => ({
  apiVersion: V1,
  kind: 'RoleBinding',
  metadata: { name, namespace },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: role },
  subjects,
});

const source = staticRbacSource({
  roles: [settingsEditor],
  clusterRoles: [podReader, logReader, scaler, metrics],
  clusterRoleBindings: [
    crb('alice-pods', 'pod-reader', [user('alice')]),
    crb('ops-scale', 'scaler', [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'ops' }]),
    crb('monitoring', 'metrics-reader', [{ kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' }]),
    crb('ghost', 'does-not-exist', [user('carol')]),
  ],
  roleBindings: [
    rb('team-a', 'bob-pods', 'ClusterRole', 'pod-reader', [user('bob')]),
    rb('team-a', 'bob-metrics', 'ClusterRole', 'metrics-reader', [user('bob')]),
    rb('team-a', 'bob-settings', 'Role', 'settings-editor', [user('bob')]),
    rb('team-a', 'builder-logs', 'ClusterRole', 'log-reader', [{ kind: 'ServiceAccount', name: 'builder' }]),
  ],
});

const allowed = (a: Parameters<typeof authorize>[0]): boolean => authorize(a, source).allowed;

describe('authorize', () => {
  it('allows system:masters everything, with no binding at all', () => {
    const root = authenticated('root', 'system:masters');
    expect(authorize(resourceAttrs(root, 'delete', 'nodes', { name: 'esx-01' }), staticRbacSource({}))).toEqual({ allowed: true, reason: '' });
    expect(allowed(pathAttrs(root, 'get', '/anything'))).toBe(true);
  });

  it('gives the upstream allow reason for a ClusterRoleBinding', () => {
    expect(authorize(resourceAttrs(authenticated('alice'), 'list', 'pods', { namespace: 'default' }), source)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "alice-pods" of ClusterRole "pod-reader" to User "alice"',
    });
  });

  it('applies a RoleBinding to a ClusterRole only inside its namespace', () => {
    const bob = authenticated('bob');
    expect(authorize(resourceAttrs(bob, 'get', 'pods', { namespace: 'team-a', name: 'web' }), source)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "bob-pods/team-a" of ClusterRole "pod-reader" to User "bob"',
    });
    expect(allowed(resourceAttrs(bob, 'get', 'pods', { namespace: 'team-b', name: 'web' }))).toBe(false);
    expect(allowed(resourceAttrs(bob, 'list', 'pods'))).toBe(false);
  });

  it('honours resourceNames: named requests only', () => {
    const bob = authenticated('bob');
    expect(allowed(resourceAttrs(bob, 'update', 'configmaps', { namespace: 'team-a', name: 'settings' }))).toBe(true);
    expect(allowed(resourceAttrs(bob, 'update', 'configmaps', { namespace: 'team-a', name: 'other' }))).toBe(false);
    expect(allowed(resourceAttrs(bob, 'get', 'configmaps', { namespace: 'team-a' }))).toBe(false);
  });

  it('separates pods from pods/log', () => {
    const alice = authenticated('alice');
    expect(allowed(resourceAttrs(alice, 'get', 'pods', { namespace: 'x', name: 'p' }))).toBe(true);
    expect(allowed(resourceAttrs(alice, 'get', 'pods', { namespace: 'x', name: 'p', subresource: 'log' }))).toBe(false);
    const builder = serviceAccount('team-a', 'builder');
    expect(allowed(resourceAttrs(builder, 'get', 'pods', { namespace: 'team-a', name: 'p', subresource: 'log' }))).toBe(true);
    expect(allowed(resourceAttrs(builder, 'get', 'pods', { namespace: 'team-a', name: 'p' }))).toBe(false);
  });

  it('matches */scale for any resource in any group', () => {
    const ops = authenticated('olga', 'ops');
    expect(allowed(resourceAttrs(ops, 'patch', 'deployments', { group: 'apps', namespace: 'x', name: 'web', subresource: 'scale' }))).toBe(true);
    expect(allowed(resourceAttrs(ops, 'update', 'virtualmachinesets', { group: 'vm.glasspane.io', namespace: 'x', name: 'v', subresource: 'scale' }))).toBe(true);
    expect(allowed(resourceAttrs(ops, 'patch', 'deployments', { group: 'apps', namespace: 'x', name: 'web' }))).toBe(false);
  });

  it('grants non-resource URLs from ClusterRoleBindings but not from RoleBindings', () => {
    const prom = serviceAccount('monitoring', 'prometheus');
    expect(authorize(pathAttrs(prom, 'get', '/debug/pprof/heap'), source)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "monitoring" of ClusterRole "metrics-reader" to ServiceAccount "prometheus/monitoring"',
    });
    expect(allowed(pathAttrs(prom, 'post', '/metrics'))).toBe(false);
    const bob = authenticated('bob');
    expect(allowed(pathAttrs(bob, 'get', '/metrics'))).toBe(false);
    // Even if the caller left a namespace on a non-resource request.
    expect(allowed({ ...pathAttrs(bob, 'get', '/metrics'), namespace: 'team-a' })).toBe(false);
  });

  it('matches service accounts by full username, defaulting the namespace to the RoleBinding', () => {
    expect(authorize(resourceAttrs(serviceAccount('team-a', 'builder'), 'get', 'pods', { namespace: 'team-a', name: 'p', subresource: 'log' }), source).reason).toBe(
      'RBAC: allowed by RoleBinding "builder-logs/team-a" of ClusterRole "log-reader" to ServiceAccount "builder/team-a"',
    );
    expect(allowed(resourceAttrs(serviceAccount('team-b', 'builder'), 'get', 'pods', { namespace: 'team-a', name: 'p', subresource: 'log' }))).toBe(false);
    expect(allowed(resourceAttrs(authenticated('builder'), 'get', 'pods', { namespace: 'team-a', name: 'p', subresource: 'log' }))).toBe(false);
  });

  it('reports a binding to a missing role as the denial reason', () => {
    expect(authorize(resourceAttrs(authenticated('carol'), 'get', 'pods', { namespace: 'x' }), source)).toEqual({
      allowed: false,
      reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "does-not-exist" not found',
    });
    expect(authorize(resourceAttrs(anonymous, 'get', 'pods', { namespace: 'x' }), source)).toEqual({ allowed: false, reason: '' });
  });

  it('stays in the microsecond range with 100 bindings', () => {
    const many = Array.from({ length: 100 }, (_, i) => crb(`b${i}`, 'pod-reader', [user(`user-${i}`)]));
    const big = staticRbacSource({ clusterRoles: [podReader], clusterRoleBindings: many });
    const denied = resourceAttrs(authenticated('nobody', 'g1', 'g2'), 'get', 'pods', { namespace: 'x', name: 'p' });
    const last = resourceAttrs(authenticated('user-99'), 'get', 'pods', { namespace: 'x', name: 'p' });
    const n = 20_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      authorize(denied, big);
      authorize(last, big);
    }
    const perCallMicros = ((performance.now() - start) * 1000) / (2 * n);
    expect(authorize(last, big).allowed).toBe(true);
    expect(perCallMicros).toBeLessThan(100);
  });
});

describe('rulesFor', () => {
  it('lists cluster-wide rules, then the namespace RoleBinding rules; URL rules only from ClusterRoleBindings', () => {
    const bob = authenticated('bob');
    expect(rulesFor(bob, 'team-a', source)).toEqual({
      resourceRules: [
        { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['get', 'update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'] },
      ],
      nonResourceRules: [],
      incomplete: false,
    });
    expect(rulesFor(bob, 'default', source)).toEqual({ resourceRules: [], nonResourceRules: [], incomplete: false });
    expect(rulesFor(serviceAccount('monitoring', 'prometheus'), 'default', source).nonResourceRules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/metrics', '/debug/*'] }]);
  });

  it('reports resolution errors as evaluationError', () => {
    expect(rulesFor(authenticated('carol'), 'x', source).evaluationError).toBe('clusterrole.rbac.authorization.k8s.io "does-not-exist" not found');
  });
});
