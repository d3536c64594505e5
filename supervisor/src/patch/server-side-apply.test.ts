import { describe, expect, it } from 'vitest';
import type { ManagedFieldsEntry } from '../api/types';
import { identityResolver, type SchemaNode, type SchemaResolver } from '../openapi/schema-node';
import { apiErrorOf } from '../testing/api-error-of';
import { LAST_APPLIED_ANNOTATION } from './last-applied';
import { applyMergePatch } from './merge-patch';
import { serverSideApply } from './server-side-apply';
import { applyStrategicMergePatch } from './strategic-merge-patch';
import { configMapSchema, deploymentSchema, resolveFixture, widgetSchema } from './test-schemas';
import { updateManagedFields } from './update-managed-fields';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test access to nested JSON

const T0 = '2025-01-02T03:04:05Z';
const T1 = '2025-01-02T03:05:00Z';
const T2 = '2025-01-02T03:06:00Z';

interface Kind {
  schema: SchemaNode;
  resolve: SchemaResolver;
  apiVersion: string;
}
const CM: Kind = { schema: configMapSchema, resolve: resolveFixture, apiVersion: 'v1' };
const DEPLOY: Kind = { schema: deploymentSchema, resolve: resolveFixture, apiVersion: 'apps/v1' };
const WIDGET: Kind = { schema: widgetSchema, resolve: identityResolver, apiVersion: 'example.com/v1' };

function apply(kind: Kind, live: Obj | undefined, applied: Obj, manager: string, time = T1, force = false): Obj {
  return serverSideApply({ live, applied, manager, force, time, ...kind }).object;
}

/** A non-apply write (merge patch) with ownership recorded as the handlers will record it. */
function mergePatch(kind: Kind, live: Obj, patch: Obj, manager: string, time = T1): Obj {
  const updated = applyMergePatch(live, patch) as Obj;
  return { ...updated, metadata: { ...updated.metadata, managedFields: updateManagedFields({ live, updated, manager, time, ...kind }) } };
}

const cmConfig = (data: Record<string, string>, labels: Record<string, string> = { app: 'web' }): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'demo', namespace: 'default', labels },
  data,
});

const managers = (obj: Obj) => obj.metadata.managedFields.map((e: ManagedFieldsEntry) => `${e.manager}/${e.operation}`);
const fieldsOf = (obj: Obj, manager: string) => obj.metadata.managedFields.find((e: ManagedFieldsEntry) => e.manager === manager)?.fieldsV1;

describe('serverSideApply', () => {
  it('creates the object from the applied configuration and records an Apply entry', () => {
    const { object, managedFields } = serverSideApply({ live: undefined, applied: cmConfig({ a: '1', b: '2' }), manager: 'kubectl', force: false, time: T0, ...CM });
    expect(managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } },
      },
    ]);
    expect(object).toEqual({ ...cmConfig({ a: '1', b: '2' }), metadata: { ...cmConfig({}).metadata, managedFields } });
  });

  it('changes nothing, not even the entry time, when the same configuration is applied again', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1' }), 'kubectl', T0);
    const live = { ...created, metadata: { ...created.metadata, uid: 'u1', resourceVersion: '5', creationTimestamp: T0 } };
    expect(apply(CM, live, cmConfig({ a: '1' }), 'kubectl', T2)).toEqual(live);
  });

  it('removes fields the applier no longer specifies, and maps it emptied', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1', b: '2' }), 'kubectl', T0);
    const next = apply(CM, created, { ...cmConfig({ a: '1' }), metadata: { name: 'demo', namespace: 'default' } }, 'kubectl', T1);
    expect(next.data).toEqual({ a: '1' });
    expect(next.metadata).not.toHaveProperty('labels');
    expect(next.metadata.managedFields[0]).toMatchObject({ time: T1, fieldsV1: { 'f:data': { 'f:a': {} } } });
  });

  it('is a 409 naming the manager who changed the field with a merge patch', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1', b: '2' }), 'kubectl', T0);
    const patched = mergePatch(CM, created, { data: { a: 'patched' } }, 'kubectl-patch', T1);
    const err = apiErrorOf(() => apply(CM, patched, cmConfig({ a: '1', b: '2' }), 'kubectl', T2));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: .data.a');
    expect(err.toStatus().details).toEqual({ causes: [{ type: 'FieldManagerConflict', message: 'conflict with "kubectl-patch" using v1', field: '.data.a' }] });
  });

  it('force takes the field over and drops the manager left with nothing', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1', b: '2' }), 'kubectl', T0);
    const patched = mergePatch(CM, created, { data: { a: 'patched' } }, 'kubectl-patch', T1);
    const forced = apply(CM, patched, cmConfig({ a: '1', b: '2' }), 'kubectl', T2, true);
    expect(forced.data).toEqual({ a: '1', b: '2' });
    expect(managers(forced)).toEqual(['kubectl/Apply']);
    expect(forced.metadata.managedFields[0].time).toBe(T2);
  });

  it('lets two appliers share a field and keeps it while either still applies it', () => {
    const a = apply(CM, undefined, cmConfig({ shared: 'x', onlyA: '1' }), 'alpha', T0);
    const ab = apply(CM, a, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'demo', namespace: 'default' }, data: { shared: 'x' } }, 'beta', T1);
    expect(fieldsOf(ab, 'beta')).toEqual({ 'f:data': { 'f:shared': {} } });
    expect(fieldsOf(ab, 'alpha')).toEqual({ 'f:data': { 'f:onlyA': {}, 'f:shared': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } });

    const err = apiErrorOf(() => apply(CM, ab, cmConfig({ shared: 'y', onlyA: '1' }), 'alpha', T2));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "beta": .data.shared');

    const dropped = apply(CM, ab, cmConfig({ onlyA: '1' }), 'alpha', T2);
    expect(dropped.data).toEqual({ shared: 'x', onlyA: '1' });
    expect(fieldsOf(dropped, 'alpha')).toEqual({ 'f:data': { 'f:onlyA': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } });
  });

  it('lists several conflicts grouped by manager in upstream wording', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1', b: '2', c: '3' }), 'kubectl', T0);
    const p1 = mergePatch(CM, created, { data: { a: 'x', b: 'y' } }, 'editor-one', T1);
    const p2 = mergePatch(CM, p1, { data: { c: 'z' } }, 'editor-two', T1);
    const err = apiErrorOf(() => apply(CM, p2, cmConfig({ a: '1', b: '2', c: '3' }), 'kubectl', T2));
    expect(err.message).toBe(
      'Apply failed with 3 conflicts: conflicts with "editor-one" using v1:\n- .data.a\n- .data.b\nconflicts with "editor-two" using v1:\n- .data.c',
    );
    expect(err.details?.causes?.map((c) => c.field)).toEqual(['.data.a', '.data.b', '.data.c']);
  });

  it('adds labels to an object created by kubectl create without taking its other fields', () => {
    const live = { ...cmConfig({ a: '1' }, { app: 'web' }) };
    const created = { ...live, metadata: { ...live.metadata, managedFields: updateManagedFields({ live: undefined, updated: live, manager: 'kubectl-create', time: T0, ...CM }) } };
    const out = apply(CM, created, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'demo', labels: { team: 'a' } }, data: { a: '1' } }, 'kubectl', T1);
    expect(out.metadata.labels).toEqual({ app: 'web', team: 'a' });
    expect(managers(out)).toEqual(['kubectl/Apply', 'kubectl-create/Update']);
    expect(fieldsOf(out, 'kubectl-create')).toEqual({ 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });

  it('names before-first-apply as the owner of an untracked object on the first apply', () => {
    const err = apiErrorOf(() => apply(CM, cmConfig({ a: '1' }), cmConfig({ a: '2' }), 'my-tool', T1));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using v1: .data.a');
  });

  it('lets kubectl take over fields client-side apply last applied, and refreshes the annotation', () => {
    const config = cmConfig({ a: '1' });
    const annotated = { ...config, metadata: { ...config.metadata, annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify(config) } } };
    const created = { ...annotated, metadata: { ...annotated.metadata, managedFields: updateManagedFields({ live: undefined, updated: annotated, manager: 'kubectl-client-side-apply', time: T0, ...CM }) } };
    const next = cmConfig({ a: '2' });
    expect(apiErrorOf(() => apply(CM, created, next, 'other-tool', T1)).code).toBe(409);
    const out = apply(CM, created, next, 'kubectl', T1);
    expect(out.data).toEqual({ a: '2' });
    expect(JSON.parse(out.metadata.annotations[LAST_APPLIED_ANNOTATION])).toEqual(next);
  });

  it('keeps live status on the main resource and rejects applied managedFields', () => {
    const created = apply(CM, undefined, cmConfig({ a: '1' }), 'kubectl', T0);
    const withStatus = { ...created, status: { phase: 'Ready' } };
    expect(apply(CM, withStatus, { ...cmConfig({ a: '1' }), status: { phase: 'Lost' } }, 'kubectl', T1).status).toEqual({ phase: 'Ready' });
    const bad = { ...cmConfig({ a: '1' }), metadata: { name: 'demo', managedFields: [] } };
    expect(apiErrorOf(() => apply(CM, created, bad, 'kubectl')).code).toBe(400);
  });
});

describe('serverSideApply on a Deployment', () => {
  const deployment = (containers: Obj[], extra: Obj = {}): Obj => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'Owner', name: 'o', uid: 'u-1' }], finalizers: ['example.com/keep'] },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers, ...extra } } },
  });
  const nginx = (image: string): Obj => ({
    name: 'nginx',
    image,
    env: [{ name: 'MODE', value: 'prod' }],
    ports: [{ containerPort: 80 }],
    volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx' }],
  });
  const side = { name: 'side', image: 'busybox', args: ['sleep', '3600'] };
  const volumes = [{ name: 'conf', configMap: { name: 'nginx-conf' } }];

  it('merges containers by name, drops the one no longer applied, and keeps fields others set', () => {
    const created = apply(DEPLOY, undefined, deployment([nginx('nginx:1.25'), side], { volumes }), 'kubectl', T0);
    expect(fieldsOf(created, 'kubectl')['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"nginx"}']['f:ports']).toEqual({
      'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
    });
    const scaled = mergePatch(DEPLOY, created, { spec: { replicas: 3 } }, 'kubectl-scale', T1);
    const next = apply(DEPLOY, scaled, deployment([nginx('nginx:1.27')], { volumes }), 'kubectl', T2);
    expect(next.spec.replicas).toBe(3);
    expect(next.spec.template.spec.containers).toEqual([nginx('nginx:1.27')]);
    expect(next.spec.template.spec.volumes).toEqual(volumes);
    expect(next.metadata.ownerReferences).toEqual(deployment([]).metadata.ownerReferences);
    expect(managers(next)).toEqual(['kubectl/Apply', 'kubectl-scale/Update']);
  });

  it('keeps a container another manager added when the applier re-applies its own', () => {
    const created = apply(DEPLOY, undefined, deployment([nginx('nginx:1.25')]), 'kubectl', T0);
    const injected = applyStrategicMergePatch(created, { spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy' }] } } } }, deploymentSchema, resolveFixture) as Obj;
    const withProxy: Obj = { ...injected, metadata: { ...injected.metadata, managedFields: updateManagedFields({ live: created, updated: injected, manager: 'injector', time: T1, ...DEPLOY }) } };
    expect(withProxy.spec.template.spec.containers.map((c: Obj) => c.name)).toEqual(['proxy', 'nginx']);
    const next = apply(DEPLOY, withProxy, deployment([nginx('nginx:1.27'), side]), 'kubectl', T2);
    expect(next.spec.template.spec.containers.map((c: Obj) => `${c.name}=${c.image}`)).toEqual(['proxy=envoy', 'nginx=nginx:1.27', 'side=busybox']);
    expect(fieldsOf(next, 'injector')['f:spec']['f:template']['f:spec']['f:containers']).toEqual({ 'k:{"name":"proxy"}': { '.': {}, 'f:image': {}, 'f:name': {} } });
  });

  it('reports a container image conflict with the list key in the path', () => {
    const created = apply(DEPLOY, undefined, deployment([nginx('nginx:1.25'), side]), 'kubectl', T0);
    const edited = mergePatch(
      DEPLOY,
      created,
      { spec: { template: { spec: { containers: [{ ...nginx('nginx:1.26') }, side] } } } },
      'kubectl-edit',
      T1,
    );
    const err = apiErrorOf(() => apply(DEPLOY, edited, deployment([nginx('nginx:1.27'), side]), 'kubectl', T2));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.template.spec.containers[name="nginx"].image');
  });

  it('adds an owner reference by uid and a finalizer by value next to existing ones', () => {
    const created = apply(DEPLOY, undefined, deployment([side]), 'kubectl', T0);
    const config = deployment([side]);
    config.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Owner', name: 'p', uid: 'u-2' }];
    config.metadata.finalizers = ['example.com/other'];
    const out = apply(DEPLOY, created, config, 'controller', T1);
    expect(out.metadata.ownerReferences.map((r: Obj) => r.uid)).toEqual(['u-1', 'u-2']);
    expect(out.metadata.finalizers).toEqual(['example.com/keep', 'example.com/other']);
    expect(fieldsOf(out, 'controller')['f:metadata']['f:finalizers']).toEqual({ 'v:"example.com/other"': {} });
  });
});

describe('serverSideApply on a custom resource', () => {
  const widget = (endpoints: Obj[], extra: Obj = {}): Obj => ({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', namespace: 'default' },
    spec: { endpoints, ...extra },
  });

  it('merges a list-map by its keys between appliers and removes only the applier’s own items', () => {
    const a = apply(WIDGET, undefined, widget([{ name: 'e1', url: 'http://one' }], { tags: ['blue'], config: { x: { y: [1] } } }), 'alpha', T0);
    const ab = apply(WIDGET, a, widget([{ name: 'e2', url: 'http://two' }], { tags: ['green'] }), 'beta', T1);
    expect(ab.spec.endpoints).toEqual([
      { name: 'e1', url: 'http://one' },
      { name: 'e2', url: 'http://two' },
    ]);
    expect(ab.spec.tags).toEqual(['blue', 'green']);
    const updated = apply(WIDGET, ab, widget([{ name: 'e1', url: 'http://uno', weight: 2 }], { tags: ['blue'], config: { x: { y: [2] } } }), 'alpha', T2);
    expect(updated.spec.endpoints[0]).toEqual({ name: 'e1', url: 'http://uno', weight: 2 });
    expect(updated.spec.config).toEqual({ x: { y: [2] } });
    const removed = apply(WIDGET, updated, widget([], { tags: ['blue'] }), 'alpha', T2);
    expect(removed.spec.endpoints).toEqual([{ name: 'e2', url: 'http://two' }]);
    expect(removed.spec).not.toHaveProperty('config');
    expect(fieldsOf(removed, 'beta')).toEqual({ 'f:spec': { 'f:endpoints': { 'k:{"name":"e2"}': { '.': {}, 'f:name': {}, 'f:url': {} } }, 'f:tags': { 'v:"green"': {} } } });
  });
});
