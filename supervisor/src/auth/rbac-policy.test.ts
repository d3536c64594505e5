import { describe, expect, it } from 'vitest';
import { withAggregatedRules } from './rbac-aggregation';
import { authorize, rulesFor } from './rbac-authorizer';
import { customResourceClusterRoles } from './rbac-crd-roles';
import { bootstrapPolicy } from './rbac-policy';
import { staticRbacSource } from './rbac-static-source';
import { anonymous, authenticated, pathAttrs, resourceAttrs, serviceAccount } from './rbac-test-helpers';
import type { Attributes } from './rbac-types';

const policy = bootstrapPolicy();
const source = staticRbacSource(policy);
const can = (a: Attributes): boolean => authorize(a, source).allowed;

const admin = authenticated('admin', 'system:masters');
const devops = authenticated('devops');
const developer = authenticated('developer');

describe('bootstrapPolicy: objects', () => {
  it('contains the upstream defaults with bootstrap label and autoupdate annotation', () => {
    const names = policy.clusterRoles.map((r) => r.metadata.name);
    for (const n of ['cluster-admin', 'admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view', 'system:discovery', 'system:basic-user', 'system:public-info-viewer']) {
      expect(names).toContain(n);
      const role = policy.clusterRoles.find((r) => r.metadata.name === n);
      expect(role?.metadata.labels?.['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
      expect(role?.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate']).toBe('true');
      expect(role?.apiVersion).toBe('rbac.authorization.k8s.io/v1');
    }
    const bindings = Object.fromEntries(policy.clusterRoleBindings.map((b) => [b.metadata.name, b.subjects?.map((s) => `${s.kind}:${s.name}`)]));
    expect(bindings['cluster-admin']).toEqual(['Group:system:masters']);
    expect(bindings['system:discovery']).toEqual(['Group:system:authenticated']);
    expect(bindings['system:basic-user']).toEqual(['Group:system:authenticated']);
    expect(bindings['system:public-info-viewer']).toEqual(['Group:system:authenticated', 'Group:system:unauthenticated']);
    expect(policy.clusterRoleBindings.find((b) => b.metadata.name === 'cluster-admin')?.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
  });

  it('ships admin/edit/view with aggregated rules, keeping their aggregation rules', () => {
    const edit = policy.clusterRoles.find((r) => r.metadata.name === 'edit');
    expect(edit?.aggregationRule?.clusterRoleSelectors).toEqual([{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }]);
    expect(edit?.rules?.length).toBeGreaterThan(10);
    // Aggregation is a fixed point: running it again changes nothing.
    expect(withAggregatedRules(policy.clusterRoles)).toEqual(policy.clusterRoles);
  });
});

describe('bootstrapPolicy: personas', () => {
  it('admin (system:masters) can do anything', () => {
    expect(can(resourceAttrs(admin, 'delete', 'nodes', { name: 'esx-01' }))).toBe(true);
    expect(can(resourceAttrs(admin, 'create', 'clusterroles', { group: 'rbac.authorization.k8s.io' }))).toBe(true);
  });

  it('developer edits team-a only', () => {
    expect(can(resourceAttrs(developer, 'create', 'configmaps', { namespace: 'team-a' }))).toBe(true);
    expect(authorize(resourceAttrs(developer, 'create', 'configmaps', { namespace: 'team-a' }), source).reason).toBe(
      'RBAC: allowed by RoleBinding "developer-edit/team-a" of ClusterRole "edit" to User "developer"',
    );
    expect(can(resourceAttrs(developer, 'create', 'configmaps', { namespace: 'default' }))).toBe(false);
    expect(can(resourceAttrs(developer, 'create', 'deployments', { group: 'apps', namespace: 'team-a' }))).toBe(true);
    expect(can(resourceAttrs(developer, 'get', 'pods', { namespace: 'team-a', name: 'web', subresource: 'log' }))).toBe(true);
    expect(can(resourceAttrs(developer, 'create', 'pods', { namespace: 'team-a', name: 'web', subresource: 'exec' }))).toBe(true);
    expect(can(resourceAttrs(developer, 'create', 'roles', { group: 'rbac.authorization.k8s.io', namespace: 'team-a' }))).toBe(false);
    expect(can(resourceAttrs(developer, 'list', 'namespaces'))).toBe(false);
    expect(can(resourceAttrs(developer, 'list', 'nodes'))).toBe(false);
    expect(can(resourceAttrs(developer, 'create', 'selfsubjectaccessreviews', { group: 'authorization.k8s.io' }))).toBe(true);
    expect(can(pathAttrs(developer, 'get', '/apis/apps/v1'))).toBe(true);
  });

  it('devops manages workloads everywhere and only reads cluster-scoped objects', () => {
    expect(can(resourceAttrs(devops, 'list', 'pods'))).toBe(true);
    expect(can(resourceAttrs(devops, 'watch', 'pods'))).toBe(true);
    for (const ns of ['default', 'team-a', 'kube-system']) {
      expect(can(resourceAttrs(devops, 'create', 'deployments', { group: 'apps', namespace: ns }))).toBe(true);
    }
    expect(can(resourceAttrs(devops, 'patch', 'deployments', { group: 'apps', namespace: 'team-a', name: 'web', subresource: 'scale' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'delete', 'secrets', { namespace: 'team-a', name: 's' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'create', 'jobs', { group: 'batch', namespace: 'team-a' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'create', 'persistentvolumeclaims', { namespace: 'team-a' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'list', 'events', { group: 'events.k8s.io' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'list', 'nodes'))).toBe(true);
    expect(can(resourceAttrs(devops, 'list', 'namespaces'))).toBe(true);
    expect(can(resourceAttrs(devops, 'list', 'customresourcedefinitions', { group: 'apiextensions.k8s.io' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'get', 'storageclasses', { group: 'storage.k8s.io', name: 'vsan' }))).toBe(true);
    expect(can(resourceAttrs(devops, 'create', 'clusterroles', { group: 'rbac.authorization.k8s.io' }))).toBe(false);
    expect(can(resourceAttrs(devops, 'delete', 'nodes', { name: 'esx-01' }))).toBe(false);
    expect(can(resourceAttrs(devops, 'create', 'namespaces'))).toBe(false);
    expect(can(resourceAttrs(devops, 'create', 'customresourcedefinitions', { group: 'apiextensions.k8s.io' }))).toBe(false);
    expect(can(resourceAttrs(devops, 'create', 'rolebindings', { group: 'rbac.authorization.k8s.io', namespace: 'team-a' }))).toBe(false);
  });

  it('custom resources reach edit, devops and view once their CRD roles exist', () => {
    const crdRoles = customResourceClusterRoles({ group: 'vmoperator.glasspane.io', plural: 'virtualmachines', scope: 'Namespaced', status: true });
    const withCrds = staticRbacSource({ ...policy, clusterRoles: withAggregatedRules([...policy.clusterRoles, ...crdRoles]) });
    const vm = (user: typeof devops, verb: string, namespace: string): boolean =>
      authorize(resourceAttrs(user, verb, 'virtualmachines', { group: 'vmoperator.glasspane.io', namespace }), withCrds).allowed;
    expect(vm(devops, 'create', 'team-b')).toBe(true);
    expect(vm(developer, 'create', 'team-a')).toBe(true);
    expect(vm(developer, 'create', 'default')).toBe(false);
    expect(vm(authenticated('nobody'), 'get', 'team-a')).toBe(false);
    // Without the CRD roles, edit does not reach the custom resource.
    expect(can(resourceAttrs(devops, 'create', 'virtualmachines', { group: 'vmoperator.glasspane.io', namespace: 'team-b' }))).toBe(false);
  });

  it('anonymous can only read health and version endpoints', () => {
    expect(can(pathAttrs(anonymous, 'get', '/version'))).toBe(true);
    expect(can(pathAttrs(anonymous, 'get', '/healthz'))).toBe(true);
    expect(can(pathAttrs(anonymous, 'get', '/api'))).toBe(false);
    expect(can(pathAttrs(anonymous, 'get', '/apis/apps/v1'))).toBe(false);
    expect(can(pathAttrs(anonymous, 'get', '/openapi/v2'))).toBe(false);
    expect(can(pathAttrs(anonymous, 'post', '/healthz'))).toBe(false);
    expect(can(resourceAttrs(anonymous, 'list', 'pods', { namespace: 'default' }))).toBe(false);
    expect(can(resourceAttrs(anonymous, 'create', 'selfsubjectaccessreviews', { group: 'authorization.k8s.io' }))).toBe(false);
  });

  it('service accounts get only what system:authenticated has', () => {
    const sa = serviceAccount('team-a', 'default');
    expect(can(pathAttrs(sa, 'get', '/api/v1'))).toBe(true);
    expect(can(resourceAttrs(sa, 'list', 'pods', { namespace: 'team-a' }))).toBe(false);
  });
});

describe('bootstrapPolicy: rulesFor (kubectl auth can-i --list)', () => {
  const hasRule = (rules: { verbs: string[]; resources: string[] }[], verb: string, resource: string): boolean =>
    rules.some((r) => r.verbs.includes(verb) && r.resources.includes(resource));

  it('shows edit rules for developer in team-a but not in default', () => {
    const inTeam = rulesFor(developer, 'team-a', source);
    const inDefault = rulesFor(developer, 'default', source);
    expect(hasRule(inTeam.resourceRules, 'create', 'configmaps')).toBe(true);
    expect(hasRule(inDefault.resourceRules, 'create', 'configmaps')).toBe(false);
    expect(inDefault.resourceRules).toEqual([
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
    ]);
    expect(inDefault.nonResourceRules.flatMap((r) => r.nonResourceURLs)).toContain('/apis/*');
    expect(inTeam.nonResourceRules).toEqual(inDefault.nonResourceRules);
    expect(inTeam.incomplete).toBe(false);
    expect(inTeam.evaluationError).toBeUndefined();
  });
});
