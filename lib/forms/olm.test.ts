import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { buildKindForm } from './form-schema';
import { almExample, csvFor, olmHints } from './olm';

/** The shape of CloudNativePG's CSV (abridged from config/olm-manifests). */
const csv: KubeObject = {
  apiVersion: 'operators.coreos.com/v1alpha1',
  kind: 'ClusterServiceVersion',
  metadata: {
    name: 'cloudnative-pg.v1.24.0',
    namespace: 'team-a',
    annotations: { 'alm-examples': JSON.stringify([{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'cluster-sample' }, spec: { instances: 3, storage: { size: '1Gi' } } }]) },
  },
  spec: {
    customresourcedefinitions: {
      owned: [
        {
          name: 'clusters.postgresql.cnpg.io',
          version: 'v1',
          kind: 'Cluster',
          displayName: 'Cluster',
          specDescriptors: [
            { path: 'instances', displayName: 'Instances', description: 'Number of instances required in the cluster', 'x-descriptors': ['urn:alm:descriptor:com.tectonic.ui:podCount'] },
            { path: 'storage.storageClass', displayName: 'Storage Class', 'x-descriptors': ['urn:alm:descriptor:io.kubernetes:StorageClass'] },
            { path: 'primaryUpdateStrategy', displayName: 'Primary Update Strategy', 'x-descriptors': ['urn:alm:descriptor:com.tectonic.ui:select:unsupervised', 'urn:alm:descriptor:com.tectonic.ui:select:supervised'] },
            { path: 'enableSuperuserAccess', displayName: 'Enable superuser access', 'x-descriptors': ['urn:alm:descriptor:com.tectonic.ui:booleanSwitch', 'urn:alm:descriptor:com.tectonic.ui:advanced'] },
            { path: 'resources', displayName: 'Resources', 'x-descriptors': ['urn:alm:descriptor:com.tectonic.ui:resourceRequirements'] },
            { path: 'imagePullSecrets[0].name', displayName: 'Image Pull Secret', 'x-descriptors': ['urn:alm:descriptor:io.kubernetes:Secret', 'urn:alm:descriptor:com.tectonic.ui:advanced'] },
            { path: 'description', 'x-descriptors': ['urn:alm:descriptor:com.tectonic.ui:hidden'] },
          ],
        },
      ],
    },
  },
  status: { phase: 'Succeeded' },
};

const schema = {
  type: 'object',
  properties: {
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        description: { type: 'string' },
        instances: { type: 'integer' },
        storage: { type: 'object', properties: { storageClass: { type: 'string' }, size: { type: 'string' } } },
        primaryUpdateStrategy: { type: 'string' },
        enableSuperuserAccess: { type: 'boolean' },
        resources: { type: 'object', properties: { requests: { type: 'object', additionalProperties: { type: 'string' } } } },
        imagePullSecrets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
};

describe('OLM specDescriptors', () => {
  it('finds the CSV that owns the kind and turns its descriptors into form hints', () => {
    expect(csvFor([csv], 'clusters.postgresql.cnpg.io', 'v1')).toBe(csv);
    const hints = olmHints([csv], 'clusters.postgresql.cnpg.io', 'v1')!;
    expect(hints.order?.slice(0, 3)).toEqual(['spec.instances', 'spec.storage.storageClass', 'spec.primaryUpdateStrategy']);
    expect(hints.widgets).toMatchObject({ 'spec.instances': 'podCount', 'spec.enableSuperuserAccess': 'switch', 'spec.resources': 'resources', 'spec.storage.storageClass': 'objectRef', 'spec.primaryUpdateStrategy': 'select' });
    expect(hints.widgetOptions?.['spec.primaryUpdateStrategy']).toEqual({ options: ['unsupervised', 'supervised'] });
    expect(hints.hidden).toEqual(['spec.description']);
    expect(hints.groups).toEqual([{ title: 'Advanced', fields: ['spec.enableSuperuserAccess', 'spec.imagePullSecrets[0].name'], collapsed: true }]);
  });

  it('shapes the generated form', () => {
    const form = buildKindForm({ schema, namespaced: true, hints: olmHints([csv], 'clusters.postgresql.cnpg.io', 'v1') });
    const spec = form.schema.properties!.spec as { properties: Record<string, { title?: string; enum?: unknown[] }> };
    expect(spec.properties.description).toBeUndefined();
    expect(spec.properties.instances!.title).toBe('Instances');
    expect(spec.properties.primaryUpdateStrategy!.enum).toEqual(['unsupervised', 'supervised']);
    const ui = form.uiSchema.spec as Record<string, Record<string, unknown>>;
    expect(ui.imagePullSecrets!.items).toMatchObject({ name: { 'ui:widget': 'objectRef', 'ui:options': { kind: 'Secret', group: '' } } });
    expect(ui['ui:order']).toEqual(['instances', 'storage', 'primaryUpdateStrategy', 'enableSuperuserAccess', 'resources', 'imagePullSecrets', '*']);
  });

  it('is absent without a CSV, and reads alm-examples', () => {
    expect(olmHints([], 'clusters.postgresql.cnpg.io')).toBeUndefined();
    expect(almExample(csv, 'postgresql.cnpg.io', 'Cluster')?.spec).toEqual({ instances: 3, storage: { size: '1Gi' } });
    expect(almExample(undefined, 'x', 'y')).toBeUndefined();
  });
});
