import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';

/**
 * `kubectl create <kind>` generators. kubectl 1.32 sends these bodies as protobuf
 * (application/vnd.kubernetes.protobuf), so each test checks the stored object field by field.
 */
describe('kubectl create (protobuf request bodies)', () => {
  const sv = useSupervisor();
  const ns = 'creates';

  beforeAll(async () => {
    expect(await sv().kubectl.ok(['create', 'namespace', ns])).toBe(`namespace/${ns} created\n`);
  });

  const getJson = async <T>(...args: string[]): Promise<T> => JSON.parse(await sv().kubectl.ok(['get', ...args, '-o', 'json'])) as T;

  it('create namespace stores an Active namespace', async () => {
    const created = await sv().kubectl.run(['create', 'namespace', ns]);
    expect(created.code).toBe(1);
    expect(created.stderr.trim()).toBe(`Error from server (AlreadyExists): namespaces "${ns}" already exists`);
    const obj = await getJson<{ status: { phase: string }; spec: { finalizers: string[] } }>('namespace', ns);
    expect(obj.status.phase).toBe('Active');
    expect(obj.spec.finalizers).toEqual(['kubernetes']);
  });

  it('create configmap --from-literal', async () => {
    expect(await sv().kubectl.ok(['create', 'configmap', 'settings', '-n', ns, '--from-literal=color=blue', '--from-literal=size=10'])).toBe('configmap/settings created\n');
    const obj = await getJson<{ data: Record<string, string>; metadata: { managedFields?: unknown } }>('cm', 'settings', '-n', ns, '--show-managed-fields');
    expect(obj.data).toEqual({ color: 'blue', size: '10' });
    expect(obj.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kubectl-create', operation: 'Update', fieldsV1: { 'f:data': { '.': {}, 'f:color': {}, 'f:size': {} } } })]);
  });

  it('create secret generic stores base64 data and type Opaque', async () => {
    expect(await sv().kubectl.ok(['create', 'secret', 'generic', 'creds', '-n', ns, '--from-literal=password=s3cr3t'])).toBe('secret/creds created\n');
    const obj = await getJson<{ type: string; data: Record<string, string> }>('secret', 'creds', '-n', ns);
    expect(obj.type).toBe('Opaque');
    expect(obj.data).toEqual({ password: Buffer.from('s3cr3t').toString('base64') });
    expect(await sv().kubectl.ok(['create', 'secret', 'docker-registry', 'pull', '-n', ns, '--docker-server=registry.example.com', '--docker-username=u', '--docker-password=p'])).toBe('secret/pull created\n');
    const pull = await getJson<{ type: string; data: Record<string, string> }>('secret', 'pull', '-n', ns);
    expect(pull.type).toBe('kubernetes.io/dockerconfigjson');
    const dockerConfig = JSON.parse(Buffer.from(pull.data['.dockerconfigjson']!, 'base64').toString()) as { auths: Record<string, { username: string }> };
    expect(dockerConfig.auths['registry.example.com']!.username).toBe('u');
  });

  it('create deployment stores replicas, selector and the pod template', async () => {
    expect(await sv().kubectl.ok(['create', 'deployment', 'api', '-n', ns, '--image=nginx:1.27', '--replicas=2', '--port=8080'])).toBe('deployment.apps/api created\n');
    const obj = await getJson<{ metadata: { labels: Record<string, string>; generation: number }; spec: { replicas: number; selector: unknown; template: { metadata: { labels: unknown }; spec: { containers: unknown[] } }; strategy: unknown } }>('deploy', 'api', '-n', ns);
    expect(obj.metadata.labels).toEqual({ app: 'api' });
    expect(obj.metadata.generation).toBe(1);
    expect(obj.spec.replicas).toBe(2);
    expect(obj.spec.selector).toEqual({ matchLabels: { app: 'api' } });
    expect(obj.spec.template.metadata.labels).toEqual({ app: 'api' });
    expect(obj.spec.template.spec.containers).toEqual([expect.objectContaining({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }] })]);
    // Defaulting, as the real apiserver does for apps/v1 Deployments.
    expect(obj.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  });

  it('create serviceaccount, role, rolebinding and token: the token authenticates and is authorized', async () => {
    expect(await sv().kubectl.ok(['create', 'serviceaccount', 'robot', '-n', ns])).toBe('serviceaccount/robot created\n');
    expect(await sv().kubectl.ok(['create', 'role', 'cm-reader', '-n', ns, '--verb=get,list', '--resource=configmaps'])).toBe('role.rbac.authorization.k8s.io/cm-reader created\n');
    const role = await getJson<{ rules: unknown[] }>('role', 'cm-reader', '-n', ns);
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }]);
    expect(await sv().kubectl.ok(['create', 'rolebinding', 'robot-reads', '-n', ns, '--role=cm-reader', `--serviceaccount=${ns}:robot`])).toBe('rolebinding.rbac.authorization.k8s.io/robot-reads created\n');
    const binding = await getJson<{ roleRef: unknown; subjects: unknown[] }>('rolebinding', 'robot-reads', '-n', ns);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cm-reader' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'robot', namespace: ns }]);

    const token = (await sv().kubectl.ok(['create', 'token', 'robot', '-n', ns, '--duration=10m'])).trim();
    expect(token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; exp: number; iat: number };
    expect(claims.sub).toBe(`system:serviceaccount:${ns}:robot`);
    expect(claims.exp - claims.iat).toBe(600);

    const whoami = await sv().kubectl.ok(['auth', 'whoami', '--token', token]);
    expect(whoami).toMatch(new RegExp(`^Username\\s+system:serviceaccount:${ns}:robot$`, 'm'));
    expect(whoami).toMatch(new RegExp(`^Groups\\s+\\[system:serviceaccounts system:serviceaccounts:${ns} system:authenticated\\]$`, 'm'));
    const canList = await sv().kubectl.run(['auth', 'can-i', 'list', 'configmaps', '-n', ns, '--token', token]);
    expect([canList.stdout.trim(), canList.code]).toEqual(['yes', 0]);
    const canDelete = await sv().kubectl.run(['auth', 'can-i', 'delete', 'configmaps', '-n', ns, '--token', token]);
    expect([canDelete.stdout.trim(), canDelete.code]).toEqual(['no', 1]);
    expect(await sv().kubectl.ok(['get', 'cm', 'settings', '-n', ns, '-o', 'name', '--token', token])).toBe('configmap/settings\n');
    const denied = await sv().kubectl.run(['get', 'secrets', '-n', ns, '--token', token]);
    expect(denied.stderr.trim()).toBe(`Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:${ns}:robot" cannot list resource "secrets" in API group "" in the namespace "${ns}"`);
  });

  it('create clusterrole and clusterrolebinding', async () => {
    expect(await sv().kubectl.ok(['create', 'clusterrole', 'ns-viewer', '--verb=get,list,watch', '--resource=namespaces'])).toBe('clusterrole.rbac.authorization.k8s.io/ns-viewer created\n');
    expect(await sv().kubectl.ok(['create', 'clusterrolebinding', 'jane-ns-viewer', '--clusterrole=ns-viewer', '--user=jane'])).toBe('clusterrolebinding.rbac.authorization.k8s.io/jane-ns-viewer created\n');
    const r = await sv().kubectl.run(['auth', 'can-i', 'list', 'namespaces', '--as=jane']);
    expect([r.stdout.trim(), r.code]).toEqual(['yes', 0]);
  });
});
