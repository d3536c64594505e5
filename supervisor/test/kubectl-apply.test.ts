import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { configMap, deployment, toYaml } from './manifests';

/** Client-side apply (strategic merge patches), server-side apply and field-manager conflicts. */
describe('kubectl apply', () => {
  const sv = useSupervisor();
  const ns = 'applies';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
  });

  const apply = (manifest: Record<string, unknown>, ...flags: string[]): Promise<string> => sv().kubectl.ok(['apply', '-f', '-', ...flags], { stdin: toYaml(manifest) });
  const getJson = async <T>(...args: string[]): Promise<T> => JSON.parse(await sv().kubectl.ok(['get', ...args, '-o', 'json'])) as T;

  interface ManagedEntry {
    manager: string;
    operation: string;
    fieldsV1: Record<string, unknown>;
  }
  interface Stored {
    data?: Record<string, string>;
    metadata: { annotations?: Record<string, string>; managedFields?: ManagedEntry[]; resourceVersion: string; generation?: number };
  }

  it('ConfigMap: created, configured (removed keys really go), then unchanged', async () => {
    expect(await apply(configMap('cfg', ns, { a: '1', b: '2' }))).toBe('configmap/cfg created\n');
    const v1 = await getJson<Stored>('cm', 'cfg', '-n', ns);
    expect(JSON.parse(v1.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']!)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { annotations: {}, name: 'cfg', namespace: ns },
      data: { a: '1', b: '2' },
    });

    expect(await apply(configMap('cfg', ns, { a: '10', c: '3' }))).toBe('configmap/cfg configured\n');
    const v2 = await getJson<Stored>('cm', 'cfg', '-n', ns);
    expect(v2.data).toEqual({ a: '10', c: '3' });
    expect(JSON.parse(v2.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']!).data).toEqual({ a: '10', c: '3' });

    expect(await apply(configMap('cfg', ns, { a: '10', c: '3' }))).toBe('configmap/cfg unchanged\n');
    const v3 = await getJson<Stored>('cm', 'cfg', '-n', ns);
    expect(v3.metadata.resourceVersion).toBe(v2.metadata.resourceVersion);
  });

  it('Deployment: dropping a container removes it from the stored object; generation follows spec changes', async () => {
    const two = deployment('shop', ns, [
      { name: 'nginx', image: 'nginx:1.26' },
      { name: 'side', image: 'busybox:1.36' },
    ]);
    expect(await apply(two)).toBe('deployment.apps/shop created\n');
    const one = deployment('shop', ns, [{ name: 'nginx', image: 'nginx:1.27' }]);
    const r = await sv().kubectl.run(['apply', '-f', '-', '-v=8'], { stdin: toYaml(one) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('deployment.apps/shop configured\n');
    // The patch kubectl sent is a strategic merge patch with the delete directive for the dropped container.
    expect(r.stderr).toMatch(/PATCH https:\S+\/apis\/apps\/v1\/namespaces\/applies\/deployments\/shop\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict/);
    expect(r.stderr).toContain('application/strategic-merge-patch+json');
    expect(r.stderr).toContain('\\"$patch\\":\\"delete\\"');

    const stored = await getJson<{ metadata: { generation: number }; spec: { template: { spec: { containers: { name: string; image: string }[] } } } }>('deploy', 'shop', '-n', ns);
    expect(stored.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.27']]);
    expect(stored.metadata.generation).toBe(2);

    expect(await apply(one)).toBe('deployment.apps/shop unchanged\n');
    const again = await getJson<{ metadata: { generation: number } }>('deploy', 'shop', '-n', ns);
    expect(again.metadata.generation).toBe(2);
  });

  it('server-side apply: creates, conflicts with another manager, --force-conflicts takes ownership', async () => {
    const manifest = configMap('ssa', ns, { a: 'from-apply', b: 'kept' });
    expect(await apply(manifest, '--server-side')).toBe('configmap/ssa serverside-applied\n');
    const created = await getJson<Stored>('cm', 'ssa', '-n', ns, '--show-managed-fields');
    expect(created.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } })]);
    expect(created.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();

    expect(await sv().kubectl.ok(['patch', 'cm', 'ssa', '-n', ns, '--type', 'merge', '-p', '{"data":{"a":"from-patch"}}'])).toBe('configmap/ssa patched\n');
    const conflict = await sv().kubectl.run(['apply', '--server-side', '-f', '-'], { stdin: toYaml(manifest) });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: .data.a');
    expect(conflict.stderr).toContain('--force-conflicts');
    expect((await getJson<Stored>('cm', 'ssa', '-n', ns)).data).toEqual({ a: 'from-patch', b: 'kept' });

    expect(await apply(manifest, '--server-side', '--force-conflicts')).toBe('configmap/ssa serverside-applied\n');
    const forced = await getJson<Stored>('cm', 'ssa', '-n', ns, '--show-managed-fields');
    expect(forced.data).toEqual({ a: 'from-apply', b: 'kept' });
    const managers = Object.fromEntries(forced.metadata.managedFields!.map((m) => [m.manager, m.fieldsV1]));
    expect(managers.kubectl).toEqual({ 'f:data': { 'f:a': {}, 'f:b': {} } });
    expect(managers['kubectl-patch']).toBeUndefined();
  });

  it('server-side apply removes fields the manager stops applying', async () => {
    expect(await apply(configMap('ssa-prune', ns, { keep: '1', drop: '2' }), '--server-side')).toBe('configmap/ssa-prune serverside-applied\n');
    expect(await apply(configMap('ssa-prune', ns, { keep: '1' }), '--server-side')).toBe('configmap/ssa-prune serverside-applied\n');
    expect((await getJson<Stored>('cm', 'ssa-prune', '-n', ns)).data).toEqual({ keep: '1' });

    // Keyed list items (containers by name) are owned individually and pruned the same way.
    const two = deployment('ssa-deploy', ns, [
      { name: 'nginx', image: 'nginx:1.26' },
      { name: 'side', image: 'busybox:1.36' },
    ]);
    expect(await apply(two, '--server-side')).toBe('deployment.apps/ssa-deploy serverside-applied\n');
    expect(await apply(deployment('ssa-deploy', ns, [{ name: 'nginx', image: 'nginx:1.27' }]), '--server-side')).toBe('deployment.apps/ssa-deploy serverside-applied\n');
    const stored = await getJson<{ spec: { template: { spec: { containers: { name: string; image: string }[] } } }; metadata: { managedFields: ManagedEntry[] } }>('deploy', 'ssa-deploy', '-n', ns, '--show-managed-fields');
    expect(stored.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.27']]);
    const owned = stored.metadata.managedFields.find((m) => m.manager === 'kubectl')!.fieldsV1 as { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': Record<string, unknown> } } } };
    expect(Object.keys(owned['f:spec']['f:template']['f:spec']['f:containers'])).toEqual(['k:{"name":"nginx"}']);
  });

  it('--validate=strict rejects unknown fields; --validate=warn prints a warning and creates', async () => {
    const bad = { ...configMap('strict', ns, { a: '1' }), spec: { foo: 'bar' } };
    const strict = await sv().kubectl.run(['apply', '--validate=strict', '-f', '-'], { stdin: toYaml(bad) });
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim()).toBe('Error from server (BadRequest): error when creating "STDIN": strict decoding error: unknown field "spec"');
    expect((await sv().kubectl.run(['get', 'cm', 'strict', '-n', ns])).code).toBe(1);

    const nested = deployment('typo', ns, [{ name: 'c', image: 'nginx' }]);
    (nested.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0]!.imagePullPolicyy = 'Always';
    const strictNested = await sv().kubectl.run(['apply', '-f', '-'], { stdin: toYaml(nested) });
    expect(strictNested.code).toBe(1);
    expect(strictNested.stderr.trim()).toBe('Error from server (BadRequest): error when creating "STDIN": strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"');

    const warn = await sv().kubectl.run(['apply', '--validate=warn', '-f', '-'], { stdin: toYaml(bad) });
    expect(warn.code).toBe(0);
    expect(warn.stdout).toBe('configmap/strict created\n');
    expect(warn.stderr.trim()).toBe('Warning: unknown field "spec"');
    const stored = await getJson<Record<string, unknown>>('cm', 'strict', '-n', ns);
    expect(stored.spec).toBeUndefined();
    expect(stored.data).toEqual({ a: '1' });
  });

  it('--dry-run=server on create and apply validates and persists nothing', async () => {
    expect(await sv().kubectl.ok(['create', 'configmap', 'dry', '-n', ns, '--from-literal=a=1', '--dry-run=server'])).toBe('configmap/dry created (server dry run)\n');
    const missing = await sv().kubectl.run(['get', 'cm', 'dry', '-n', ns]);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): configmaps "dry" not found');

    const before = await getJson<Stored>('cm', 'cfg', '-n', ns);
    expect(await apply(configMap('cfg', ns, { a: 'dry' }), '--dry-run=server')).toBe('configmap/cfg configured (server dry run)\n');
    const after = await getJson<Stored>('cm', 'cfg', '-n', ns);
    expect(after.data).toEqual(before.data);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);

    // Server-side dry runs still run validation.
    const invalid = await sv().kubectl.run(['create', 'configmap', 'Bad_Name', '-n', ns, '--dry-run=server']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"');
  });
});
