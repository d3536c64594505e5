import { describe, expect, it } from 'vitest';
import type { ManagedFieldsEntry } from '../api/types';
import { applyMergePatch } from './merge-patch';
import { MAX_UPDATE_MANAGERS } from './managed-fields';
import { applyStrategicMergePatch } from './strategic-merge-patch';
import { configMapSchema, deploymentSchema, resolveFixture } from './test-schemas';
import { updateManagedFields, type UpdateManagedFieldsParams } from './update-managed-fields';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test access to nested JSON

const T0 = '2025-01-02T03:04:05Z';
const T1 = '2025-01-02T03:05:00Z';
const T2 = '2025-01-02T03:06:00Z';

const configMap = (): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'demo', namespace: 'default', uid: 'uid-1', resourceVersion: '10', creationTimestamp: T0, labels: { app: 'web' } },
  data: { a: '1', b: '2' },
});

function track(live: Obj | undefined, updated: Obj, manager: string, time: string, extra: Partial<UpdateManagedFieldsParams> = {}): Obj {
  const managedFields = updateManagedFields({ live, updated, manager, apiVersion: 'v1', time, schema: configMapSchema, resolve: resolveFixture, ...extra });
  return { ...updated, metadata: { ...updated.metadata, managedFields } };
}

const entry = (obj: Obj, manager: string): ManagedFieldsEntry | undefined => obj.metadata.managedFields.find((e: ManagedFieldsEntry) => e.manager === manager);

describe('updateManagedFields', () => {
  it('gives the creator every field it set, with "." on maps it created', () => {
    const created = track(undefined, configMap(), 'kubectl-create', T0);
    expect(created.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
      },
    ]);
  });

  it('moves a changed field to the writer and keeps everything else with its owner', () => {
    const created = track(undefined, configMap(), 'kubectl-client-side-apply', T0);
    const patched = track(created, applyMergePatch(created, { data: { a: 'changed' }, metadata: { labels: { env: 'prod' } } }), 'kubectl-patch', T1);
    expect(entry(patched, 'kubectl-client-side-apply')?.fieldsV1).toEqual({
      'f:data': { '.': {}, 'f:b': {} },
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    });
    expect(entry(patched, 'kubectl-patch')).toEqual({
      manager: 'kubectl-patch',
      operation: 'Update',
      apiVersion: 'v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { 'f:a': {} }, 'f:metadata': { 'f:labels': { 'f:env': {} } } },
    });
    expect(entry(patched, 'kubectl-client-side-apply')?.time).toBe(T0);
  });

  it('drops removed fields from every manager and drops managers left with nothing', () => {
    const created = track(undefined, configMap(), 'kubectl-create', T0);
    const edited = track(created, applyMergePatch(created, { data: { a: 'x' } }), 'kubectl-edit', T1);
    const removed = track(edited, applyMergePatch(edited, { data: { a: null } }), 'kubectl-patch', T2);
    expect(entry(removed, 'kubectl-edit')).toBeUndefined();
    expect(entry(removed, 'kubectl-patch')).toBeUndefined();
    expect(entry(removed, 'kubectl-create')?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:b': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });

  it('merges repeated writes of one manager into one entry and refreshes its time', () => {
    const created = track(undefined, configMap(), 'kubectl-create', T0);
    const first = track(created, applyMergePatch(created, { data: { a: 'x' } }), 'kubectl-edit', T1);
    const second = track(first, applyMergePatch(first, { data: { b: 'y' } }), 'kubectl-edit', T2);
    const edits = second.metadata.managedFields.filter((e: ManagedFieldsEntry) => e.manager === 'kubectl-edit');
    expect(edits).toHaveLength(1);
    expect(edits[0].fieldsV1).toEqual({ 'f:data': { 'f:a': {}, 'f:b': {} } });
    expect(edits[0].time).toBe(T2);
    // A member without children is written as {} (upstream emits "." only beside children).
    expect(entry(second, 'kubectl-create')?.fieldsV1).toEqual({ 'f:data': {}, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });

  it('leaves managed fields untouched by a write that changes nothing', () => {
    const created = track(undefined, configMap(), 'kubectl-create', T0);
    const same = track(created, { ...created, metadata: { ...created.metadata, resourceVersion: '11' } }, 'kubectl-replace', T1);
    expect(same.metadata.managedFields).toEqual(created.metadata.managedFields);
  });

  it('keeps an existing object without managed fields untracked', () => {
    const untracked = configMap();
    expect(updateManagedFields({ live: untracked, updated: applyMergePatch(untracked, { data: { a: 'x' } }), manager: 'kubectl-patch', apiVersion: 'v1', time: T1, schema: configMapSchema, resolve: resolveFixture })).toEqual([]);
  });

  it('clears managed fields when the client sends [{}] and honours other entries it sends', () => {
    const created = track(undefined, configMap(), 'kubectl-create', T0);
    const cleared = { ...created, metadata: { ...created.metadata, managedFields: [{}] } };
    expect(updateManagedFields({ live: created, updated: cleared, manager: 'kubectl-patch', apiVersion: 'v1', time: T1, schema: configMapSchema, resolve: resolveFixture })).toEqual([]);
    const handMade = [{ manager: 'tool', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } }];
    const replaced = track(created, { ...created, metadata: { ...created.metadata, managedFields: handMade } }, 'kubectl-patch', T1);
    expect(replaced.metadata.managedFields).toEqual(handMade);
  });

  it('records status writes under the status subresource without touching spec owners', () => {
    const deployment: Obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    const params = { apiVersion: 'apps/v1', schema: deploymentSchema, resolve: resolveFixture };
    const created = { ...deployment, metadata: { ...deployment.metadata, managedFields: updateManagedFields({ ...params, live: undefined, updated: deployment, manager: 'kubectl-create', time: T0 }) } };
    // As upstream: zero-value structs (default {}) and required lists get no "." of their own.
    expect(created.metadata.managedFields[0].fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
    });
    const withStatus = { ...created, status: { replicas: 1, conditions: [{ type: 'Available', status: 'True' }] } };
    const fields = updateManagedFields({ ...params, live: created, updated: withStatus, manager: 'deployment-controller', time: T1, subresource: 'status' });
    expect(fields).toHaveLength(2);
    expect(fields[1]).toEqual({
      manager: 'deployment-controller',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:replicas': {} } },
      subresource: 'status',
    });
    expect(fields[0]).toEqual(created.metadata.managedFields[0]);
  });

  it('tracks a kubectl apply strategic patch that drops a container', () => {
    const live: Obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } } },
    };
    const params = { apiVersion: 'apps/v1', schema: deploymentSchema, resolve: resolveFixture };
    const created = { ...live, metadata: { ...live.metadata, managedFields: updateManagedFields({ ...params, live: undefined, updated: live, manager: 'kubectl-client-side-apply', time: T0 }) } };
    const patch = { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.27', name: 'nginx' }, { $patch: 'delete', name: 'side' }] } } } };
    const updated = applyStrategicMergePatch(created, patch, deploymentSchema, resolveFixture);
    const fields = updateManagedFields({ ...params, live: created, updated, manager: 'kubectl-client-side-apply', time: T1 });
    expect(fields).toHaveLength(1);
    expect(fields[0]?.time).toBe(T1);
    expect(JSON.stringify(fields[0]?.fieldsV1)).not.toContain('side');
    expect(JSON.stringify(fields[0]?.fieldsV1)).toContain('k:{\\"name\\":\\"nginx\\"}');
  });

  it(`folds the oldest of more than ${MAX_UPDATE_MANAGERS} update managers into ancient-changes`, () => {
    let obj = track(undefined, { ...configMap(), data: {} }, 'creator', '2025-01-01T00:00:00Z');
    for (let i = 0; i < MAX_UPDATE_MANAGERS + 1; i++) {
      const time = `2025-01-01T00:${String(i + 1).padStart(2, '0')}:00Z`;
      obj = track(obj, applyMergePatch(obj, { data: { [`k${i}`]: 'v' } }), `writer-${i}`, time);
    }
    const managers = obj.metadata.managedFields.map((e: ManagedFieldsEntry) => e.manager);
    expect(managers).toHaveLength(MAX_UPDATE_MANAGERS);
    expect(managers[0]).toBe('ancient-changes');
    expect(managers).not.toContain('creator');
    expect(managers).not.toContain('writer-0');
    expect(managers).not.toContain('writer-1');
    expect(managers).toContain('writer-2');
    // creator + 11 writers = 12 update managers: the oldest three fold into one bucket.
    expect(entry(obj, 'ancient-changes')?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });
});
