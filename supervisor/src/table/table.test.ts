import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { KubeObject } from '../api/types';
import { crdTableColumns } from './crd-printer';
import { printerFor, resourceKey } from './registry';
import { parseIncludeObject, tableRowsForWatchEvent, tableWatchEncoder, toTable } from './table';

const now = Date.parse('2025-06-01T12:00:00Z');

const configMap: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'app-config',
    namespace: 'shop',
    uid: '6a1f7c1e-2b1d-4d38-9a57-0f3c2f1d9b10',
    resourceVersion: '1207',
    creationTimestamp: '2025-06-01T11:55:00Z',
    labels: { app: 'shop' },
    managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', time: '2025-06-01T11:55:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }],
  },
  data: { 'LOG_LEVEL': 'info', 'FEATURES': 'a,b' },
};

const role: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'pod-reader', namespace: 'shop', resourceVersion: '88', creationTimestamp: '2025-05-30T08:15:42Z' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }],
};

describe('toTable', () => {
  it('builds a meta.k8s.io/v1 Table with PartialObjectMetadata rows by default', () => {
    const table = toTable({ kindKey: 'configmaps', objects: [configMap], listMeta: { resourceVersion: '1300', continue: '' }, now });
    expect(table).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '1300' },
      columnDefinitions: [
        expect.objectContaining({ name: 'Name', type: 'string', format: 'name', priority: 0 }),
        { name: 'Data', type: 'string', format: '', description: 'Data contains the configuration data.', priority: 0 },
        expect.objectContaining({ name: 'Age', type: 'string', format: '', priority: 0 }),
      ],
      rows: [
        {
          cells: ['app-config', 2, '5m'],
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { name: 'app-config', namespace: 'shop', uid: '6a1f7c1e-2b1d-4d38-9a57-0f3c2f1d9b10', resourceVersion: '1207', creationTimestamp: '2025-06-01T11:55:00Z', labels: { app: 'shop' } },
          },
        },
      ],
    });
    // The stored object is not modified.
    expect(configMap.metadata.managedFields).toHaveLength(1);
  });

  it('honours includeObject=Object and None, and carries paging metadata', () => {
    const full = toTable({ kindKey: 'configmaps', objects: [configMap], listMeta: { resourceVersion: '1300', continue: 'eyJydiI6MTMwMH0', remainingItemCount: 4 }, includeObject: 'Object', now });
    expect(full.rows[0]?.object).toBe(configMap);
    expect(full.metadata).toEqual({ resourceVersion: '1300', continue: 'eyJydiI6MTMwMH0', remainingItemCount: 4 });
    const none = toTable({ kindKey: 'configmaps', objects: [configMap], listMeta: {}, includeObject: 'None', now, apiVersion: 'meta.k8s.io/v1beta1' });
    expect(none.rows[0]?.object).toBeNull();
    expect(none.apiVersion).toBe('meta.k8s.io/v1beta1');
  });

  it('uses the default Name / Created At table for kinds without a printer', () => {
    expect(printerFor('rbac.authorization.k8s.io', 'roles')).toBeUndefined();
    const table = toTable({ kindKey: resourceKey('rbac.authorization.k8s.io', 'roles'), objects: [role], listMeta: { resourceVersion: '90' }, now });
    expect(table.columnDefinitions.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
    expect(table.rows[0]?.cells).toEqual(['pod-reader', '2025-05-30T08:15:42Z']);
  });

  it('looks up built-in printers by group and resource', () => {
    expect(printerFor('', 'pods')?.columns[1]?.name).toBe('Ready');
    expect(printerFor('apps', 'deployments')?.columns[2]?.name).toBe('Up-to-date');
    expect(printerFor('', 'deployments')).toBeUndefined();
    expect(resourceKey('apps', 'deployments')).toBe('deployments.apps');
  });

  it.each([
    ['', 'pods', 'Ready'],
    ['', 'namespaces', 'Status'],
    ['', 'nodes', 'Status'],
    ['', 'services', 'Type'],
    ['', 'endpoints', 'Endpoints'],
    ['', 'configmaps', 'Data'],
    ['', 'secrets', 'Type'],
    ['', 'serviceaccounts', 'Secrets'],
    ['', 'resourcequotas', 'Age'],
    ['', 'persistentvolumeclaims', 'Status'],
    ['', 'persistentvolumes', 'Capacity'],
    ['apps', 'replicasets', 'Desired'],
    ['apps', 'statefulsets', 'Ready'],
    ['apps', 'daemonsets', 'Desired'],
    ['batch', 'jobs', 'Status'],
    ['batch', 'cronjobs', 'Schedule'],
    ['discovery.k8s.io', 'endpointslices', 'AddressType'],
    ['networking.k8s.io', 'ingresses', 'Class'],
    ['storage.k8s.io', 'storageclasses', 'Provisioner'],
    ['coordination.k8s.io', 'leases', 'Holder'],
    ['rbac.authorization.k8s.io', 'rolebindings', 'Role'],
    ['rbac.authorization.k8s.io', 'clusterrolebindings', 'Role'],
    ['scheduling.k8s.io', 'priorityclasses', 'Value'],
    ['policy', 'poddisruptionbudgets', 'Min Available'],
    ['autoscaling', 'horizontalpodautoscalers', 'Reference'],
  ])('has a built-in printer for %s %s', (group, resource, second) => {
    expect(printerFor(group, resource)?.columns[1]?.name).toBe(second);
  });

  it.each([
    ['rbac.authorization.k8s.io', 'clusterroles'],
    ['', 'limitranges'],
    ['apiextensions.k8s.io', 'customresourcedefinitions'],
  ])('leaves %s %s to the default table, as upstream does', (group, resource) => {
    expect(printerFor(group, resource)).toBeUndefined();
  });

  it('uses a CRD printer when given one, and row conditions from the pod printer', () => {
    const cr: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', creationTimestamp: '2025-06-01T10:00:00Z' }, spec: { size: 'L' } };
    const printer = crdTableColumns([{ name: 'Size', type: 'string', jsonPath: '.spec.size' }]);
    expect(toTable({ kindKey: 'widgets.example.com', objects: [cr], listMeta: {}, now, printer }).rows[0]?.cells).toEqual(['w', 'L']);
    const done: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'job-x' }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Succeeded' } };
    expect(toTable({ kindKey: 'pods', objects: [done], listMeta: {}, now }).rows[0]?.conditions?.[0]?.reason).toBe('Succeeded');
  });
});

describe('parseIncludeObject', () => {
  it('accepts the three values and rejects others with a BadRequest', () => {
    expect(parseIncludeObject(undefined)).toBe('Metadata');
    expect(parseIncludeObject('')).toBe('Metadata');
    expect(parseIncludeObject('Object')).toBe('Object');
    expect(parseIncludeObject('None')).toBe('None');
    const err = (() => {
      try {
        parseIncludeObject('Everything');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(400);
    expect((err as ApiError).message).toBe('Unable to convert to Table as requested: includeObject: Unsupported value: "Everything": supported values: "Metadata", "None", "Object"');
  });
});

describe('watch events as tables', () => {
  const modified = { ...configMap, metadata: { ...configMap.metadata, resourceVersion: '1310' }, data: { LOG_LEVEL: 'debug' } };

  it('sends column definitions only with the first event', () => {
    const encode = tableWatchEncoder({ kindKey: 'configmaps', includeObject: 'Metadata' });
    const first = encode({ type: 'ADDED', object: configMap }, now);
    const second = encode({ type: 'MODIFIED', object: modified }, now);
    expect(first.type).toBe('ADDED');
    expect(first.object).toMatchObject({ kind: 'Table', metadata: { resourceVersion: '1207' }, rows: [{ cells: ['app-config', 2, '5m'] }] });
    expect((first.object as { columnDefinitions: unknown[] }).columnDefinitions).toHaveLength(3);
    expect(second.object).toMatchObject({ kind: 'Table', metadata: { resourceVersion: '1310' }, columnDefinitions: [], rows: [{ cells: ['app-config', 1, '5m'] }] });
  });

  it('turns bookmarks into row-less tables and passes errors through', () => {
    const bookmark = tableRowsForWatchEvent({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: '1400' } } }, { kindKey: 'configmaps', now, first: false });
    expect(bookmark).toEqual({ type: 'BOOKMARK', object: { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '1400' }, columnDefinitions: [], rows: [] } });
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 5 (100)', reason: 'Expired', code: 410 };
    expect(tableRowsForWatchEvent({ type: 'ERROR', object: status }, { kindKey: 'configmaps', now, first: true })).toEqual({ type: 'ERROR', object: status });
  });
});
