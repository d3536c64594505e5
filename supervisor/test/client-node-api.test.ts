import { beforeAll, describe, expect, it } from 'vitest';
import { ApiException, CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject, type V1ConfigMap, type V1Status } from '@kubernetes/client-node';
import { useSupervisor } from './harness';
import { WIDGETS, toYaml, widgetCrd, type Manifest } from './manifests';
import { waitFor } from './poll';

/** @kubernetes/client-node 2.x typed and dynamic clients against the supervisor. */
describe('client-node CoreV1Api and KubernetesObjectApi', () => {
  const sv = useSupervisor();
  const ns = 'client-node';
  let core: CoreV1Api;
  let objects: KubernetesObjectApi;

  beforeAll(async () => {
    const kc = sv().kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    objects = KubernetesObjectApi.makeApiClient(kc);
    await core.createNamespace({ body: { metadata: { name: ns } } });
  });

  /** The HTTP status and parsed Status body of a failed client-node call. */
  const failure = async (call: Promise<unknown>): Promise<{ code: number; status: V1Status }> => {
    try {
      await call;
    } catch (e) {
      expect(e).toBeInstanceOf(ApiException);
      const ex = e as ApiException<unknown>;
      const status = (typeof ex.body === 'string' ? JSON.parse(ex.body) : ex.body) as V1Status;
      return { code: ex.code, status };
    }
    throw new Error('expected the call to fail');
  };

  it('listNamespacedConfigMap pages with limit and _continue, at one resourceVersion', async () => {
    for (let i = 0; i < 7; i++) {
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: `page-${i}`, labels: { set: 'paging', parity: i % 2 ? 'odd' : 'even' } }, data: { i: String(i) } } });
    }
    const names: string[] = [];
    const rvs = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'set=paging', limit: 3, _continue: token });
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(3);
      names.push(...page.items.map((i) => i.metadata!.name!));
      rvs.add(page.metadata!.resourceVersion!);
      token = page.metadata!._continue || undefined;
      // With a label selector the remaining count is unknown, so upstream leaves it unset.
      expect(page.metadata!.remainingItemCount).toBeUndefined();
    } while (token);
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `page-${i}`));
    expect(rvs.size).toBe(1);

    // A changed object after page 1 does not show up in later pages: all pages are one snapshot.
    const first = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'set=paging', limit: 3 });
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'page-9', labels: { set: 'paging' } } } });
    const rest = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'set=paging', limit: 10, _continue: first.metadata!._continue });
    expect(rest.items.map((i) => i.metadata!.name)).toEqual(['page-3', 'page-4', 'page-5', 'page-6']);
    expect(rest.metadata!.resourceVersion).toBe(first.metadata!.resourceVersion);

    const expired = await failure(core.listNamespacedConfigMap({ namespace: ns, limit: 3, _continue: 'not-a-token' }));
    expect(expired.code).toBe(400);
  });

  it('an unfiltered paginated list reports remainingItemCount', async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'remaining-a' } } });
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'remaining-b' } } });
    const all = await core.listNamespacedConfigMap({ namespace: ns });
    const page = await core.listNamespacedConfigMap({ namespace: ns, limit: 1 });
    expect(page.metadata!._continue).toBeTruthy();
    expect(page.metadata!.remainingItemCount).toBe(all.items.length - 1);
  });

  it('listNamespacedConfigMap filters with label and field selectors', async () => {
    const odd = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'set=paging,parity=odd' });
    expect(odd.items.map((i) => i.metadata!.name)).toEqual(['page-1', 'page-3', 'page-5']);
    const notEven = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'set=paging,parity notin (even)' });
    expect(notEven.items.map((i) => i.metadata!.name)).toEqual(['page-1', 'page-3', 'page-5', 'page-9']);
    const byName = await core.listNamespacedConfigMap({ namespace: ns, fieldSelector: 'metadata.name=page-4' });
    expect(byName.items.map((i) => [i.metadata!.name, i.data])).toEqual([['page-4', { i: '4' }]]);
    const bad = await failure(core.listNamespacedConfigMap({ namespace: ns, fieldSelector: 'data.i=4' }));
    expect(bad.code).toBe(400);
    expect(bad.status.message).toBe('field label not supported: data.i');
  });

  it('replaceNamespacedConfigMap with a stale resourceVersion throws ApiException 409', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'optimistic' }, data: { v: '1' } } });
    expect(created.kind).toBe('ConfigMap');
    const updated = await core.replaceNamespacedConfigMap({ namespace: ns, name: 'optimistic', body: { ...created, data: { v: '2' } } });
    expect(Number(updated.metadata!.resourceVersion)).toBeGreaterThan(Number(created.metadata!.resourceVersion));
    const conflict = await failure(core.replaceNamespacedConfigMap({ namespace: ns, name: 'optimistic', body: { ...created, data: { v: 'stale' } } }));
    expect(conflict.code).toBe(409);
    expect(conflict.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on configmaps "optimistic": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'optimistic', kind: 'configmaps' },
    });
    expect((await core.readNamespacedConfigMap({ namespace: ns, name: 'optimistic' })).data).toEqual({ v: '2' });
    const duplicate = await failure(core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'optimistic' } } }));
    expect([duplicate.code, duplicate.status.reason, duplicate.status.message]).toEqual([409, 'AlreadyExists', 'configmaps "optimistic" already exists']);
    const missing = await failure(core.readNamespacedConfigMap({ namespace: ns, name: 'nope' }));
    expect([missing.code, missing.status.reason, missing.status.message]).toEqual([404, 'NotFound', 'configmaps "nope" not found']);
  });

  it('KubernetesObjectApi create/read/patch (merge, server-side apply)/delete on a ConfigMap', async () => {
    const spec: V1ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns }, data: { a: '1' } };
    const created = await objects.create(spec);
    expect(created.metadata!.uid).toMatch(/^[0-9a-f-]{36}$/);
    const read = await objects.read<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns } });
    expect(read.data).toEqual({ a: '1' });

    const merged = await objects.patch<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns }, data: { b: '2' } }, undefined, undefined, 'merge-test', undefined, PatchStrategy.MergePatch);
    expect(merged.data).toEqual({ a: '1', b: '2' });

    const applied = await objects.patch<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns }, data: { c: '3' } }, undefined, undefined, 'glasspane-test', true, PatchStrategy.ServerSideApply);
    expect(applied.data).toEqual({ a: '1', b: '2', c: '3' });
    expect(applied.metadata!.managedFields!.find((m) => m.manager === 'glasspane-test')).toMatchObject({ operation: 'Apply', fieldsV1: { 'f:data': { 'f:c': {} } } });

    // Server-side apply creates a missing object (upsert).
    const upserted = await objects.patch<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'upserted', namespace: ns }, data: { x: 'y' } }, undefined, undefined, 'glasspane-test', false, PatchStrategy.ServerSideApply);
    expect(upserted.metadata!.uid).toBeTruthy();

    await objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns } });
    const gone = await failure(objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dynamic', namespace: ns } }));
    expect(gone.code).toBe(404);
  });

  it('KubernetesObjectApi on a custom resource: create, read, merge patch, server-side apply, delete', async () => {
    // Set up with kubectl: client-node's typed serializer drops JSONSchemaProps keys such as
    // `default` unless they are spelled as its model properties (`_default`).
    await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widgetCrd()) });
    await waitFor(
      async () => {
        const crd = (await objects.read({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `widgets.${WIDGETS.group}` } })) as KubernetesObject & { status?: { conditions?: { type: string; status: string }[] } };
        return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
      },
      { what: 'the Widget CRD to be established' },
    );
    type Widget = KubernetesObject & { spec: Manifest };
    const header = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'cn-widget', namespace: ns } };
    const created = await objects.create<Widget>({ ...header, spec: { size: 2 } });
    expect(created.spec).toEqual({ size: 2, replicas: 1, mode: 'safe' });
    expect((await objects.read<Widget>(header)).metadata!.uid).toBe(created.metadata!.uid);

    const merged = await objects.patch<Widget>({ ...header, spec: { color: 'green' } }, undefined, undefined, 'merge-test', undefined, PatchStrategy.MergePatch);
    expect(merged.spec).toEqual({ size: 2, replicas: 1, mode: 'safe', color: 'green' });

    const applied = await objects.patch<Widget>({ ...header, spec: { size: 4 } }, undefined, undefined, 'glasspane-test', true, PatchStrategy.ServerSideApply);
    expect(applied.spec).toEqual({ size: 4, replicas: 1, mode: 'safe', color: 'green' });

    // client-node's default patch strategy is strategic merge, which custom resources reject.
    const smp = await failure(objects.patch<Widget>({ ...header, spec: { size: 3 } }));
    expect(smp.code).toBe(415);
    expect(smp.status.reason).toBe('UnsupportedMediaType');
    expect(smp.status.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');

    const invalid = await failure(objects.patch<Widget>({ ...header, spec: { size: 10 } }, undefined, undefined, 'merge-test', undefined, PatchStrategy.MergePatch));
    expect(invalid.code).toBe(422);
    expect(invalid.status.message).toBe('Widget.example.com "cn-widget" is invalid: spec.size: Invalid value: 10: spec.size in body should be less than or equal to 5');

    await objects.delete(header);
    expect((await failure(objects.read(header))).code).toBe(404);
  });
});
