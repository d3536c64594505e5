import { describe, expect, it } from 'vitest';
import { forbiddenError, forbiddenMessage, impersonationAttributes } from './rbac-messages';
import { authenticated, pathAttrs, resourceAttrs } from './rbac-test-helpers';

const alice = authenticated('alice');

describe('forbiddenMessage', () => {
  it('renders namespaced, cluster-scoped, subresource and non-resource denials like upstream', () => {
    expect(forbiddenMessage(resourceAttrs(alice, 'get', 'pods', { namespace: 'default', name: 'p' }))).toBe(
      'User "alice" cannot get resource "pods" in API group "" in the namespace "default"',
    );
    expect(forbiddenMessage(resourceAttrs(alice, 'list', 'nodes'))).toBe('User "alice" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(forbiddenMessage(resourceAttrs(alice, 'get', 'pods', { namespace: 'default', name: 'p', subresource: 'log' }))).toBe(
      'User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
    expect(forbiddenMessage(resourceAttrs(alice, 'create', 'deployments', { group: 'apps', namespace: 'team-a' }))).toBe(
      'User "alice" cannot create resource "deployments" in API group "apps" in the namespace "team-a"',
    );
    expect(forbiddenMessage(pathAttrs(alice, 'get', '/foo'))).toBe('User "alice" cannot get path "/foo"');
  });

  it('appends an authorizer reason and escapes angle brackets', () => {
    expect(forbiddenMessage(resourceAttrs(alice, 'get', 'pods', { namespace: 'x' }), 'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found')).toBe(
      'User "alice" cannot get resource "pods" in API group "" in the namespace "x": RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    );
    expect(forbiddenMessage(pathAttrs(authenticated('<script>'), 'get', '/x'))).toBe('User "&lt;script&gt;" cannot get path "/x"');
  });
});

describe('forbiddenError', () => {
  it('wraps the message into the Status upstream returns', () => {
    const named = forbiddenError(resourceAttrs(alice, 'get', 'pods', { namespace: 'default', name: 'p', subresource: 'log' })).toStatus();
    expect(named).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "p" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"',
      details: { name: 'p', group: '', kind: 'pods' },
    });
    const list = forbiddenError(resourceAttrs(alice, 'list', 'deployments', { group: 'apps' })).toStatus();
    expect(list.message).toBe('deployments.apps is forbidden: User "alice" cannot list resource "deployments" in API group "apps" at the cluster scope');
    const path = forbiddenError(pathAttrs(alice, 'get', '/foo')).toStatus();
    expect(path.message).toBe('forbidden: User "alice" cannot get path "/foo"');
  });
});

describe('impersonationAttributes', () => {
  const bob = authenticated('bob');
  it('checks users, groups and service accounts in the core group', () => {
    const asUser = impersonationAttributes(bob, { kind: 'User', name: 'jane' });
    expect(forbiddenError(asUser).message).toBe('users "jane" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope');
    expect(forbiddenMessage(impersonationAttributes(bob, { kind: 'Group', name: 'ops' }))).toBe(
      'User "bob" cannot impersonate resource "groups" in API group "" at the cluster scope',
    );
    expect(forbiddenMessage(impersonationAttributes(bob, { kind: 'ServiceAccount', namespace: 'team-a', name: 'builder' }))).toBe(
      'User "bob" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team-a"',
    );
  });

  it('checks uids and userextras/<key> in authentication.k8s.io', () => {
    expect(impersonationAttributes(bob, { kind: 'UID', uid: '42' })).toMatchObject({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: '42', verb: 'impersonate' });
    expect(forbiddenMessage(impersonationAttributes(bob, { kind: 'UserExtra', key: 'scopes', value: 'view' }))).toBe(
      'User "bob" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope',
    );
  });
});
