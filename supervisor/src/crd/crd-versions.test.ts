import { describe, expect, it } from 'vitest';
import { compareKubeVersions, crdInfo, crdVersionInfo, DEFAULT_PRINTER_COLUMNS, sortKubeVersions } from './crd-versions';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widgetSchema, widgetsCrd } from './testdata/widgets-crd';

describe('compareKubeVersions', () => {
  it('orders GA > beta > alpha > other strings, by major then minor', () => {
    const sorted = ['foo10', 'v1alpha1', 'v11alpha2', 'foo1', 'v3beta1', 'v10beta3', 'v12alpha1', 'v11beta2', 'v1', 'v2', 'v1beta1', 'v1beta2'];
    expect(sortKubeVersions(sorted)).toEqual(['v2', 'v1', 'v11beta2', 'v10beta3', 'v3beta1', 'v1beta2', 'v1beta1', 'v12alpha1', 'v11alpha2', 'v1alpha1', 'foo1', 'foo10']);
  });

  it('returns the sign of the preference', () => {
    expect(compareKubeVersions('v2', 'v1')).toBeGreaterThan(0);
    expect(compareKubeVersions('v1beta1', 'v1')).toBeLessThan(0);
    expect(compareKubeVersions('v1alpha1', 'v1beta1')).toBeLessThan(0);
    expect(compareKubeVersions('v1alpha1', 'stable')).toBeGreaterThan(0);
    expect(compareKubeVersions('v1', 'v1')).toBe(0);
  });
});

describe('crdInfo', () => {
  it('normalizes versions, subresources, columns and selectable fields', () => {
    const info = crdInfo(widgetsCrd());
    expect(info).toMatchObject({
      group: 'example.com',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'], categories: ['all'] },
      namespaced: true,
      servedVersions: ['v1', 'v1beta1'],
      storageVersion: 'v1',
      preferredVersion: 'v1',
    });
    expect(info.versions[0]).toEqual({
      name: 'v1',
      served: true,
      storage: true,
      deprecated: false,
      schema: widgetSchema(),
      statusSubresource: true,
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
      printerColumns: [
        { name: 'Size', type: 'integer', priority: 0, jsonPath: '.spec.size' },
        { name: 'Mode', type: 'string', priority: 1, jsonPath: '.spec.mode' },
        { name: 'Age', type: 'date', priority: 0, jsonPath: '.metadata.creationTimestamp' },
      ],
      selectableFields: ['.spec.mode'],
    });
    expect(info.versions[1]).toMatchObject({
      name: 'v1beta1',
      deprecated: true,
      deprecationWarning: 'example.com/v1beta1 Widget is deprecated',
      statusSubresource: false,
      printerColumns: DEFAULT_PRINTER_COLUMNS,
      selectableFields: [],
    });
    expect(info.versions[1]?.scale).toBeUndefined();
  });

  it('prefers the highest served version, not the storage version', () => {
    const crd = widgetsCrd();
    crd.spec.versions?.push({ name: 'v2alpha1', served: true, storage: false, schema: { openAPIV3Schema: widgetSchema() } }, { name: 'v2', served: false, storage: false });
    const info = crdInfo(crd);
    expect(info.servedVersions).toEqual(['v1', 'v1beta1', 'v2alpha1']);
    expect(info.preferredVersion).toBe('v1');
    expect(info.storageVersion).toBe('v1');
  });

  it('serves the accepted names once set, and knows cluster scope', () => {
    const crd = cnpgClusterCrd();
    crd.spec.scope = 'Cluster';
    crd.status = { acceptedNames: { plural: 'clusters', kind: 'Cluster' } };
    crd.spec.names = { plural: 'clusters', kind: 'PgCluster' };
    const info = crdInfo(crd);
    expect(info.names.kind).toBe('Cluster');
    expect(info.names.listKind).toBe('ClusterList');
    expect(info.namespaced).toBe(false);
    expect(crdVersionInfo(crd, 'v1')?.scale).toEqual({ specReplicasPath: '.spec.instances', statusReplicasPath: '.status.instances' });
    expect(crdVersionInfo(crd, 'v9')).toBeUndefined();
  });
});
