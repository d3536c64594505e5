import { describe, expect, it } from 'vitest';
import { buildCustomResourceDocument, mergeOpenAPIDocuments, type CustomResourceVersionInput } from './custom-resource-document';
import { collectRefs } from './group-version-document';
import { CRON_TAB } from './testing/sample-crd';

const doc = buildCustomResourceDocument(CRON_TAB);
const kindSchema = doc.components.schemas['com.example.stable.v1.CronTab']!;

describe('buildCustomResourceDocument', () => {
  it('extends the CR schema with apiVersion, kind, a metadata reference and the GVK', () => {
    expect(kindSchema['x-kubernetes-group-version-kind']).toEqual([{ group: 'stable.example.com', version: 'v1', kind: 'CronTab' }]);
    expect(kindSchema.description).toBe('CronTab runs a command on a schedule.');
    expect(kindSchema.properties?.apiVersion).toMatchObject({ type: 'string' });
    expect(kindSchema.properties?.kind).toMatchObject({ type: 'string' });
    expect(kindSchema.properties?.metadata).toMatchObject({ allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] });
    expect(kindSchema.properties?.spec?.properties?.cronSpec?.description).toMatch(/cron expression/);
    expect(CRON_TAB.schema!.properties!.apiVersion).toBeUndefined();
  });

  it('synthesizes the list kind', () => {
    const list = doc.components.schemas['com.example.stable.v1.CronTabList']!;
    expect(list['x-kubernetes-group-version-kind']).toEqual([{ group: 'stable.example.com', version: 'v1', kind: 'CronTabList' }]);
    expect(list.properties?.items?.items).toEqual({ $ref: '#/components/schemas/com.example.stable.v1.CronTab' });
    expect(list.required).toEqual(['items']);
  });

  it('has PATCH with fieldValidation but without strategic merge patch, and status/scale subresources', () => {
    const item = doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}']!;
    expect(item.patch?.operationId).toBe('patchStableExampleComV1NamespacedCronTab');
    expect(item.patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'stable.example.com', version: 'v1', kind: 'CronTab' });
    expect(item.patch?.parameters?.map((p) => p.name)).toContain('fieldValidation');
    expect(Object.keys(item.patch!.requestBody!.content)).not.toContain('application/strategic-merge-patch+json');
    expect(item.get?.responses['200']?.content?.['application/vnd.kubernetes.protobuf']).toBeUndefined();
    expect(doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/status']?.put).toBeDefined();
    expect(doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale']?.patch?.['x-kubernetes-group-version-kind']?.kind).toBe('Scale');
    expect(doc.paths['/apis/stable.example.com/v1/crontabs']?.get?.operationId).toBe('listStableExampleComV1CronTabForAllNamespaces');
    const missing = [...collectRefs(doc)].filter((name) => !doc.components.schemas[name]);
    expect(missing).toEqual([]);
    expect(doc.components.schemas['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
  });

  it('merges several CRDs of one group-version into one document', () => {
    const other: CustomResourceVersionInput = { group: 'stable.example.com', version: 'v1', kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', namespaced: false };
    const merged = buildCustomResourceDocument([CRON_TAB, other]);
    expect(merged.paths['/apis/stable.example.com/v1/widgets/{name}']?.get).toBeDefined();
    expect(merged.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs']).toBeDefined();
    expect(merged.components.schemas['com.example.stable.v1.Widget']).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    expect(merged.paths['/apis/stable.example.com/v1/widgets/{name}/status']).toBeUndefined();
    expect(mergeOpenAPIDocuments([doc, buildCustomResourceDocument(other)])).toEqual(merged);
  });

  it('refuses CRD versions of different group-versions', () => {
    expect(() => buildCustomResourceDocument([CRON_TAB, { ...CRON_TAB, version: 'v2' }])).toThrow(/different group-versions/);
  });
});
