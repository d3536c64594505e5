import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor, type ContextName } from './harness';
import { parseTable } from './tables';

/**
 * Authentication and authorization as kubectl sees them, for the kubeconfig's three contexts:
 * admin (cluster-admin), devops (workloads everywhere, read cluster-scoped objects) and
 * developer (edit in team-a only). SelfSubject*Review requests are protobuf from kubectl 1.32.
 */
describe('kubectl auth, RBAC and impersonation', () => {
  const sv = useSupervisor();

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'configmap', 'shared', '-n', 'default', '--from-literal=a=1']);
    await sv().kubectl.ok(['create', 'configmap', 'team', '-n', 'team-a', '--from-literal=a=1']);
  });

  const canI = async (context: ContextName, ...args: string[]): Promise<[string, number | null]> => {
    const r = await sv().kubectl.run(['auth', 'can-i', ...args], { context });
    return [r.stdout.trim(), r.code];
  };

  it('auth can-i answers yes (exit 0) or no (exit 1) per context', async () => {
    const cases: [ContextName, string[], 'yes' | 'no'][] = [
      ['admin', ['create', 'configmaps', '-n', 'default'], 'yes'],
      ['admin', ['*', '*'], 'yes'],
      ['devops', ['create', 'deployments.apps', '-n', 'kube-system'], 'yes'],
      ['devops', ['delete', 'secrets', '-n', 'team-a'], 'yes'],
      ['devops', ['list', 'nodes'], 'yes'],
      ['devops', ['create', 'namespaces'], 'no'],
      ['devops', ['create', 'clusterroles.rbac.authorization.k8s.io'], 'no'],
      ['developer', ['create', 'configmaps'], 'yes'],
      ['developer', ['create', 'deployments.apps', '-n', 'team-a'], 'yes'],
      ['developer', ['create', 'configmaps', '-n', 'default'], 'no'],
      ['developer', ['get', 'configmaps', '-n', 'kube-system'], 'no'],
      // Cluster scope: -A clears the context namespace (team-a), where `edit` includes reading namespaces.
      ['developer', ['list', 'namespaces', '-A'], 'no'],
      ['developer', ['get', 'namespaces'], 'yes'],
    ];
    for (const [context, args, answer] of cases) {
      expect([context, ...args, await canI(context, ...args)]).toEqual([context, ...args, [answer, answer === 'yes' ? 0 : 1]]);
    }
  });

  it('auth whoami reports user, uid and groups for each context', async () => {
    const expected: Record<ContextName, { Username: string; UID: string; Groups: string }> = {
      admin: { Username: 'admin', UID: 'glasspane-admin', Groups: '[system:masters system:authenticated]' },
      devops: { Username: 'devops', UID: 'glasspane-devops', Groups: '[glasspane:devops system:authenticated]' },
      developer: { Username: 'developer', UID: 'glasspane-developer', Groups: '[glasspane:developers system:authenticated]' },
    };
    for (const context of Object.keys(expected) as ContextName[]) {
      const out = await sv().kubectl.ok(['auth', 'whoami'], { context });
      const rows = Object.fromEntries(parseTable(out).map((r) => [r.ATTRIBUTE, r.VALUE]));
      expect(rows).toEqual(expected[context]);
    }
    const json = JSON.parse(await sv().kubectl.ok(['auth', 'whoami', '-o', 'json'], { context: 'developer' })) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', status: { userInfo: { username: 'developer', uid: 'glasspane-developer' } } });
  });

  it('auth can-i --list as developer lists the edit rules in team-a, nothing cluster-wide', async () => {
    const out = await sv().kubectl.ok(['auth', 'can-i', '--list'], { context: 'developer' });
    expect(out.split('\n')[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    const rows = parseTable(out);
    const verbsOf = (resource: string): string[] | undefined => {
      const row = rows.find((r) => r.Resources === resource);
      return row ? row.Verbs!.replace(/^\[|\]$/g, '').split(' ').sort() : undefined;
    };
    const edit = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
    expect(verbsOf('configmaps')).toEqual(edit);
    expect(verbsOf('secrets')).toEqual(edit);
    expect(verbsOf('deployments.apps')).toEqual(edit);
    expect(verbsOf('selfsubjectaccessreviews.authorization.k8s.io')).toEqual(['create']);
    expect(verbsOf('nodes')).toBeUndefined();
    expect(verbsOf('namespaces')).toEqual(['get', 'list', 'watch']);
    expect(verbsOf('roles.rbac.authorization.k8s.io')).toBeUndefined();
    expect(rows.some((r) => r['Non-Resource URLs'] === '[/version]' && r.Verbs === '[get]')).toBe(true);
    const elsewhere = parseTable(await sv().kubectl.ok(['auth', 'can-i', '--list', '-n', 'default'], { context: 'developer' }));
    expect(elsewhere.find((r) => r.Resources === 'configmaps')).toBeUndefined();
  });

  it('the developer is forbidden outside team-a with the exact RBAC message, and allowed inside', async () => {
    const k = (...args: string[]) => sv().kubectl.run(args, { context: 'developer' });
    const list = await k('get', 'configmaps', '-n', 'default');
    expect([list.code, list.stderr.trim()]).toEqual([1, 'Error from server (Forbidden): configmaps is forbidden: User "developer" cannot list resource "configmaps" in API group "" in the namespace "default"']);
    const get = await k('get', 'configmap', 'shared', '-n', 'default');
    expect(get.stderr.trim()).toBe('Error from server (Forbidden): configmaps "shared" is forbidden: User "developer" cannot get resource "configmaps" in API group "" in the namespace "default"');
    const create = await k('create', 'configmap', 'mine', '-n', 'default');
    expect(create.stderr.trim()).toBe('error: failed to create configmap: configmaps is forbidden: User "developer" cannot create resource "configmaps" in API group "" in the namespace "default"');
    const namespaces = await k('get', 'namespaces');
    expect(namespaces.stderr.trim()).toBe('Error from server (Forbidden): namespaces is forbidden: User "developer" cannot list resource "namespaces" in API group "" at the cluster scope');
    const deploy = await k('create', 'deployment', 'd', '-n', 'kube-system', '--image=nginx');
    expect(deploy.stderr.trim()).toBe('error: failed to create deployment: deployments.apps is forbidden: User "developer" cannot create resource "deployments" in API group "apps" in the namespace "kube-system"');

    expect((await k('create', 'configmap', 'mine', '--from-literal=x=y')).stdout).toBe('configmap/mine created\n');
    expect((await k('get', 'configmap', 'team', '-o', 'jsonpath={.data.a}')).stdout).toBe('1');
    expect((await k('delete', 'configmap', 'mine')).stdout).toBe('configmap "mine" deleted\n');
  });

  it('devops manages workloads everywhere and reads, but cannot change, cluster-scoped objects', async () => {
    const k = (...args: string[]) => sv().kubectl.run(args, { context: 'devops' });
    expect((await k('create', 'deployment', 'ops', '-n', 'default', '--image=nginx:1.27')).stdout).toBe('deployment.apps/ops created\n');
    expect((await k('get', 'namespaces', '-o', 'name')).stdout).toContain('namespace/team-a\n');
    const crole = await k('create', 'clusterrole', 'nope', '--verb=get', '--resource=pods');
    expect(crole.stderr.trim()).toBe('Error from server (Forbidden): clusterroles.rbac.authorization.k8s.io is forbidden: User "devops" cannot create resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope');
    // As upstream's request info does, a namespace's own path sets the namespace attribute.
    const ns = await k('delete', 'namespace', 'team-a');
    expect(ns.stderr.trim()).toBe('Error from server (Forbidden): namespaces "team-a" is forbidden: User "devops" cannot delete resource "namespaces" in API group "" in the namespace "team-a"');
  });

  it('--as impersonates for admin; the impersonated user gets only its own permissions', async () => {
    const whoami = await sv().kubectl.ok(['auth', 'whoami', '--as=jane']);
    expect(Object.fromEntries(parseTable(whoami).map((r) => [r.ATTRIBUTE, r.VALUE]))).toEqual({ Username: 'jane', Groups: '[system:authenticated]' });
    const denied = await sv().kubectl.run(['get', 'configmaps', '-n', 'default', '--as=jane']);
    expect(denied.stderr.trim()).toBe('Error from server (Forbidden): configmaps is forbidden: User "jane" cannot list resource "configmaps" in API group "" in the namespace "default"');
    expect(await canI('admin', 'create', 'configmaps', '-n', 'team-a', '--as=developer')).toEqual(['yes', 0]);
    expect(await canI('admin', 'create', 'configmaps', '-n', 'default', '--as=developer')).toEqual(['no', 1]);
    // Group impersonation: a ClusterRoleBinding to a group applies to the impersonated identity.
    await sv().kubectl.ok(['create', 'clusterrolebinding', 'auditors-view', '--clusterrole=view', '--group=auditors']);
    expect(await canI('admin', 'list', 'secrets', '-n', 'default', '--as=jane', '--as-group=auditors')).toEqual(['no', 1]);
    expect(await canI('admin', 'list', 'configmaps', '-n', 'default', '--as=jane', '--as-group=auditors')).toEqual(['yes', 0]);
    expect(await canI('admin', 'list', 'configmaps', '-n', 'default', '--as=jane')).toEqual(['no', 1]);
  });

  it('--as as the developer is a 403 impersonation error', async () => {
    const r = await sv().kubectl.run(['create', 'configmap', 'x', '--as=jane'], { context: 'developer' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: failed to create configmap: users "jane" is forbidden: User "developer" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('an invalid token is 401 Unauthorized', async () => {
    const whoami = await sv().kubectl.run(['auth', 'whoami', '--token=not-a-valid-token']);
    expect([whoami.code, whoami.stderr.trim()]).toEqual([1, 'error: You must be logged in to the server (Unauthorized)']);
    const create = await sv().kubectl.run(['create', 'configmap', 'x', '--token=not-a-valid-token']);
    expect([create.code, create.stderr.trim()]).toEqual([1, 'error: failed to create configmap: Unauthorized']);
    // Discovery reads raw bodies, so client-go reports its generic 401 text there.
    const get = await sv().kubectl.run(['get', 'configmaps', '--token=not-a-valid-token']);
    expect(get.code).toBe(1);
    expect(get.stderr.trim().split('\n').at(-1)).toBe('error: You must be logged in to the server (the server has asked for the client to provide credentials)');
  });
});
