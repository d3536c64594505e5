import { describe, expect, it } from 'vitest';
import { hasWorkRights, rulesAllow } from './access';

const developer = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], apiGroups: [''], resources: ['pods', 'pods/log', 'services', 'configmaps'] },
  { verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'], apiGroups: ['vmoperator.vmware.com'], resources: ['virtualmachines'] },
  { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['db-app'] },
];

describe('rulesAllow', () => {
  it('evaluates verbs, groups, resources and names like RBAC', () => {
    expect(rulesAllow(developer, 'list', '', 'pods')).toBe(true);
    expect(rulesAllow(developer, 'get', '', 'pods/log')).toBe(true);
    expect(rulesAllow(developer, 'patch', 'vmoperator.vmware.com', 'virtualmachines')).toBe(true);
    expect(rulesAllow(developer, 'update', 'vmoperator.vmware.com', 'virtualmachines')).toBe(false);
    expect(rulesAllow(developer, 'list', '', 'nodes')).toBe(false);
    expect(rulesAllow(developer, 'get', '', 'secrets', 'db-app')).toBe(true);
    expect(rulesAllow(developer, 'get', '', 'secrets', 'other')).toBe(false);
    expect(rulesAllow(developer, 'list', '', 'secrets')).toBe(false);
    expect(rulesAllow([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], 'delete', 'apps', 'deployments')).toBe(true);
  });

  it('tells real work rights from the baseline every user has', () => {
    expect(hasWorkRights(developer)).toBe(true);
    expect(hasWorkRights([developer[0]!])).toBe(false);
  });
});
