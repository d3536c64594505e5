import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { configMap, ownerRef, toYaml } from './manifests';
import { waitFor } from './poll';

/** kubectl delete: cascading policies, finalizers, --all, wait --for=delete and namespace deletion. */
describe('kubectl delete', () => {
  const sv = useSupervisor();
  const ns = 'deletes';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
  });

  interface Meta {
    name: string;
    uid: string;
    finalizers?: string[];
    deletionTimestamp?: string;
    ownerReferences?: { uid: string; name: string }[];
  }
  interface Obj {
    apiVersion: string;
    kind: string;
    metadata: Meta;
  }

  const getJson = async (name: string, namespace = ns): Promise<Obj> => JSON.parse(await sv().kubectl.ok(['get', 'cm', name, '-n', namespace, '-o', 'json'])) as Obj;
  const exists = async (name: string, namespace = ns): Promise<boolean> => {
    const r = await sv().kubectl.run(['get', 'cm', name, '-n', namespace, '-o', 'name']);
    if (r.code === 0) return true;
    expect(r.stderr.trim()).toBe(`Error from server (NotFound): configmaps "${name}" not found`);
    return false;
  };
  const applyCms = (...cms: Record<string, unknown>[]): Promise<string> => sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...cms) });

  /** Creates an owner ConfigMap and dependents that reference it (plus any extra owners). */
  const family = async (prefix: string, dependents: number, extra: { blockOwnerDeletion?: boolean; finalizers?: string[]; alsoOwnedBy?: Obj } = {}): Promise<{ owner: Obj; children: string[] }> => {
    await applyCms(configMap(`${prefix}-owner`, ns));
    const owner = await getJson(`${prefix}-owner`);
    const children = Array.from({ length: dependents }, (_, i) => `${prefix}-child-${i}`);
    const refs = [ownerRef(owner, extra.blockOwnerDeletion), ...(extra.alsoOwnedBy ? [ownerRef(extra.alsoOwnedBy)] : [])];
    await applyCms(...children.map((c) => configMap(c, ns, { owner: owner.metadata.name }, { ownerReferences: refs, ...(extra.finalizers ? { finalizers: extra.finalizers } : {}) })));
    return { owner, children };
  };

  it('--cascade=background deletes the owner at once and the garbage collector removes dependents', async () => {
    const { children } = await family('bg', 3);
    expect(await sv().kubectl.ok(['delete', 'cm', 'bg-owner', '-n', ns, '--cascade=background'])).toBe('configmap "bg-owner" deleted\n');
    expect(await exists('bg-owner')).toBe(false);
    for (const c of children) await waitFor(async () => !(await exists(c)), { what: `dependent ${c} to be garbage-collected` });
  });

  it('--cascade=orphan deletes the owner and keeps dependents, minus the owner reference', async () => {
    await applyCms(configMap('orphan-other-owner', ns));
    const other = await getJson('orphan-other-owner');
    const { owner, children } = await family('orphan', 2, { alsoOwnedBy: other });
    expect(await sv().kubectl.ok(['delete', 'cm', 'orphan-owner', '-n', ns, '--cascade=orphan'])).toBe('configmap "orphan-owner" deleted\n');
    expect(await exists('orphan-owner')).toBe(false);
    for (const c of children) {
      const child = await waitFor(async () => {
        const obj = await getJson(c);
        return obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid) ? undefined : obj;
      }, { what: `owner reference to be removed from ${c}` });
      expect(child.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'orphan-other-owner', uid: other.metadata.uid }]);
    }
  });

  it('--cascade=foreground keeps the owner (foregroundDeletion) until blocking dependents are gone', async () => {
    const { children } = await family('fg', 2, { blockOwnerDeletion: true, finalizers: ['example.com/hold'] });
    const del = await sv().kubectl.run(['delete', 'cm', 'fg-owner', '-n', ns, '--cascade=foreground', '--wait=false']);
    expect(del.stdout).toBe('configmap "fg-owner" deleted\n');
    const owner = await getJson('fg-owner');
    expect(owner.metadata.deletionTimestamp).toMatch(/Z$/);
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    // Dependents are being deleted first; their own finalizer holds them, so the owner must wait.
    for (const c of children) await waitFor(async () => (await getJson(c)).metadata.deletionTimestamp, { what: `${c} to be marked for deletion` });
    expect((await getJson('fg-owner')).metadata.finalizers).toEqual(['foregroundDeletion']);

    for (const c of children) await sv().kubectl.ok(['patch', 'cm', c, '-n', ns, '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}']);
    for (const c of children) await waitFor(async () => !(await exists(c)), { what: `${c} to be deleted` });
    await waitFor(async () => !(await exists('fg-owner')), { what: 'the owner to be deleted after its dependents' });
  });

  it('a finalizer holds kubectl delete until it is removed', async () => {
    await applyCms(configMap('held', ns, { a: '1' }, { finalizers: ['example.com/hold'] }));
    const del = sv().kubectl.background(['delete', 'cm', 'held', '-n', ns]);
    try {
      const marked = await waitFor(async () => (await getJson('held')).metadata.deletionTimestamp, { what: 'deletionTimestamp on held' });
      expect(marked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(del.running).toBe(true);
      // No new finalizers can be added once deletion has started.
      const add = await sv().kubectl.run(['patch', 'cm', 'held', '-n', ns, '--type', 'merge', '-p', '{"metadata":{"finalizers":["example.com/hold","example.com/late"]}}']);
      expect(add.code).toBe(1);
      expect(add.stderr).toContain('Forbidden');
      expect(await sv().kubectl.ok(['patch', 'cm', 'held', '-n', ns, '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}'])).toBe('configmap/held patched\n');
      const status = await del.exited;
      expect(status.code).toBe(0);
      expect(del.stdout).toBe('configmap "held" deleted\n');
      expect(await exists('held')).toBe(false);
    } finally {
      await del.stop();
    }
  });

  it('kubectl wait --for=delete returns once the object is really gone', async () => {
    await applyCms(configMap('awaited', ns, {}, { finalizers: ['example.com/hold'] }));
    const wait = sv().kubectl.background(['wait', '--for=delete', 'cm/awaited', '-n', ns, '--timeout=60s']);
    try {
      await sv().kubectl.ok(['delete', 'cm', 'awaited', '-n', ns, '--wait=false']);
      await waitFor(async () => (await getJson('awaited')).metadata.deletionTimestamp, { what: 'deletionTimestamp on awaited' });
      expect(wait.running).toBe(true);
      await sv().kubectl.ok(['patch', 'cm', 'awaited', '-n', ns, '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}']);
      expect((await wait.exited).code).toBe(0);
      expect(wait.stdout).toBe('configmap/awaited condition met\n');
    } finally {
      await wait.stop();
    }
  });

  it('kubectl delete --all and delete -l remove exactly the selected objects', async () => {
    const allNs = 'delete-all';
    await sv().kubectl.ok(['create', 'namespace', allNs]);
    await applyCms(configMap('one', allNs, {}, { labels: { app: 'x' } }), configMap('two', allNs, {}, { labels: { app: 'x' } }), configMap('three', allNs, {}, { labels: { app: 'y' } }));
    expect(await sv().kubectl.ok(['delete', 'cm', '-l', 'app=x', '-n', allNs])).toBe('configmap "one" deleted\nconfigmap "two" deleted\n');
    expect(await exists('three', allNs)).toBe(true);
    const out = await sv().kubectl.ok(['delete', 'cm', '--all', '-n', allNs]);
    expect(out).toBe('configmap "kube-root-ca.crt" deleted\nconfigmap "three" deleted\n');
    expect(await exists('three', allNs)).toBe(false);
  });

  it('deleting a namespace removes its contents, blocks new content while terminating, then removes it', async () => {
    const doomed = 'doomed';
    await sv().kubectl.ok(['create', 'namespace', doomed]);
    await sv().kubectl.ok(['apply', '-f', '-'], {
      stdin: toYaml(configMap('plain', doomed, { a: '1' }), configMap('stuck', doomed, {}, { finalizers: ['example.com/hold'] })),
    });
    // No workloads here: pods would add graceful termination to the namespace's lifetime.
    await sv().kubectl.ok(['create', 'secret', 'generic', 's', '-n', doomed, '--from-literal=k=v']);
    await sv().kubectl.ok(['create', 'role', 'r', '-n', doomed, '--verb=get', '--resource=configmaps']);
    expect(await sv().kubectl.ok(['delete', 'namespace', doomed, '--wait=false'])).toBe(`namespace "${doomed}" deleted\n`);

    // The finalizer on "stuck" keeps the namespace Terminating while everything else goes.
    await waitFor(async () => (await sv().kubectl.ok(['get', 'cm,secret,roles', '-n', doomed, '-o', 'name'])) === 'configmap/stuck\n', { what: 'namespace contents (except the held ConfigMap) to be deleted' });
    const phase = await sv().kubectl.ok(['get', 'namespace', doomed, '-o', 'jsonpath={.status.phase}']);
    expect(phase).toBe('Terminating');
    const create = await sv().kubectl.run(['create', 'configmap', 'late', '-n', doomed]);
    expect(create.code).toBe(1);
    expect(create.stderr.trim()).toBe(`error: failed to create configmap: configmaps "late" is forbidden: unable to create new content in namespace ${doomed} because it is being terminated`);

    await sv().kubectl.ok(['patch', 'cm', 'stuck', '-n', doomed, '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}']);
    await waitFor(
      async () => {
        const r = await sv().kubectl.run(['get', 'namespace', doomed]);
        return r.code === 1 && r.stderr.trim() === `Error from server (NotFound): namespaces "${doomed}" not found`;
      },
      { what: `namespace ${doomed} to disappear` },
    );
    expect(await sv().kubectl.ok(['get', 'cm,secret,roles', '-n', doomed, '-o', 'name'])).toBe('');
  });

  it('kubectl delete --dry-run=server deletes nothing', async () => {
    await applyCms(configMap('survivor', ns));
    expect(await sv().kubectl.ok(['delete', 'cm', 'survivor', '-n', ns, '--dry-run=server'])).toBe('configmap "survivor" deleted (server dry run)\n');
    expect(await exists('survivor')).toBe(true);
  });

  it('orphaning the only owner leaves no empty ownerReferences list', async () => {
    const { children } = await family('orphan-only', 1);
    await sv().kubectl.ok(['delete', 'cm', 'orphan-only-owner', '-n', ns, '--cascade=orphan']);
    const child = await waitFor(async () => {
      const obj = await getJson(children[0]!);
      return obj.metadata.ownerReferences?.length ? undefined : obj;
    });
    expect(child.metadata).not.toHaveProperty('ownerReferences');
  });
});
