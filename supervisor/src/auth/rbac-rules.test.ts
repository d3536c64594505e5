import { describe, expect, it } from 'vitest';
import { nonResourceURLMatches, resourceMatches, ruleAllows } from './rbac-rules';
import { authenticated, pathAttrs, resourceAttrs } from './rbac-test-helpers';
import type { PolicyRule } from './rbac-types';

const alice = authenticated('alice');

describe('resourceMatches', () => {
  const rule = (...resources: string[]): PolicyRule => ({ verbs: ['get'], apiGroups: [''], resources });
  it('matches exact names, *, res/sub and */sub', () => {
    expect(resourceMatches(rule('pods'), 'pods', '')).toBe(true);
    expect(resourceMatches(rule('pods'), 'pods/log', 'log')).toBe(false);
    expect(resourceMatches(rule('pods/log'), 'pods/log', 'log')).toBe(true);
    expect(resourceMatches(rule('pods/log'), 'pods', '')).toBe(false);
    expect(resourceMatches(rule('*'), 'pods/exec', 'exec')).toBe(true);
    expect(resourceMatches(rule('*/scale'), 'deployments/scale', 'scale')).toBe(true);
    expect(resourceMatches(rule('*/scale'), 'deployments', '')).toBe(false);
    expect(resourceMatches(rule('*/scale'), 'deployments/status', 'status')).toBe(false);
    expect(resourceMatches(rule('*/sc'), 'deployments/scale', 'scale')).toBe(false);
  });
});

describe('nonResourceURLMatches', () => {
  const rule: PolicyRule = { verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*', '/metrics*'] };
  it('matches exact paths and trailing-* prefixes', () => {
    expect(nonResourceURLMatches(rule, '/healthz')).toBe(true);
    expect(nonResourceURLMatches(rule, '/healthz/etcd')).toBe(false);
    expect(nonResourceURLMatches(rule, '/apis/apps/v1')).toBe(true);
    expect(nonResourceURLMatches(rule, '/apis')).toBe(false);
    expect(nonResourceURLMatches(rule, '/metrics/slis')).toBe(true);
    expect(nonResourceURLMatches({ verbs: ['*'], nonResourceURLs: ['*'] }, '/anything')).toBe(true);
  });
});

describe('ruleAllows', () => {
  it('needs verb, group, resource and name to match', () => {
    const rule: PolicyRule = { verbs: ['get', 'update'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] };
    expect(ruleAllows(resourceAttrs(alice, 'get', 'deployments', { group: 'apps', namespace: 'a', name: 'web' }), rule)).toBe(true);
    expect(ruleAllows(resourceAttrs(alice, 'get', 'deployments', { group: 'apps', namespace: 'a', name: 'db' }), rule)).toBe(false);
    expect(ruleAllows(resourceAttrs(alice, 'list', 'deployments', { group: 'apps', namespace: 'a' }), rule)).toBe(false);
    expect(ruleAllows(resourceAttrs(alice, 'get', 'deployments', { group: 'extensions', namespace: 'a', name: 'web' }), rule)).toBe(false);
    expect(ruleAllows(resourceAttrs(alice, 'delete', 'deployments', { group: 'apps', namespace: 'a', name: 'web' }), rule)).toBe(false);
  });

  it('treats a named list (fieldSelector metadata.name) as matching resourceNames', () => {
    const rule: PolicyRule = { verbs: ['list', 'watch'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'] };
    expect(ruleAllows(resourceAttrs(alice, 'watch', 'configmaps', { namespace: 'a', name: 'settings' }), rule)).toBe(true);
    expect(ruleAllows(resourceAttrs(alice, 'watch', 'configmaps', { namespace: 'a' }), rule)).toBe(false);
  });

  it('matches wildcard verbs and groups, including the core group', () => {
    const rule: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['pods'] };
    expect(ruleAllows(resourceAttrs(alice, 'deletecollection', 'pods', { namespace: 'a' }), rule)).toBe(true);
  });

  it('never lets a resource rule allow a path or a URL rule allow a resource', () => {
    const resourceRule: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
    const urlRule: PolicyRule = { verbs: ['*'], nonResourceURLs: ['*'] };
    expect(ruleAllows(pathAttrs(alice, 'get', '/healthz'), resourceRule)).toBe(false);
    expect(ruleAllows(resourceAttrs(alice, 'get', 'pods', { namespace: 'a' }), urlRule)).toBe(false);
  });
});
