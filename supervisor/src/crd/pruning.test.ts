import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../openapi/schema-node';
import { pruneUnknownFields } from './pruning';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widget, widgetSchema } from './testdata/widgets-crd';

describe('pruneUnknownFields', () => {
  it('drops unknown fields at every level and reports their paths', () => {
    const input = {
      ...widget({ size: 1, colour: 'red', ports: [{ name: 'http', port: 80, extra: 1 }], labels: { a: 'b' } }),
      topLevel: true,
      status: { replicas: 1, unknownStatus: 'x' },
    };
    const { object, unknownPaths } = pruneUnknownFields(input, widgetSchema());
    expect(object).toEqual({
      ...widget({ size: 1, ports: [{ name: 'http', port: 80 }], labels: { a: 'b' } }),
      status: { replicas: 1 },
    });
    expect(unknownPaths.sort()).toEqual(['spec.colour', 'spec.ports[0].extra', 'status.unknownStatus', 'topLevel']);
    expect(input).toHaveProperty('spec.colour', 'red');
  });

  it('always keeps apiVersion, kind and metadata at the root, whatever the schema says', () => {
    const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: { a: 'b' }, futureField: 1 }, spec: {} };
    const { object, unknownPaths } = pruneUnknownFields(obj, { type: 'object', properties: { spec: { type: 'object' } } });
    expect(object).toEqual(obj);
    expect(unknownPaths).toEqual([]);
  });

  it('keeps unknown fields under x-kubernetes-preserve-unknown-fields but prunes declared children', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
        },
      },
    };
    const { object, unknownPaths } = pruneUnknownFields({ spec: { free: { deep: [1, { x: 2 }] }, known: { a: 'x', b: 'y' } } }, schema);
    expect(object).toEqual({ spec: { free: { deep: [1, { x: 2 }] }, known: { a: 'x' } } });
    expect(unknownPaths).toEqual(['spec.known.b']);
  });

  it('keeps an embedded resource whole when it preserves unknown fields, and its type metadata otherwise', () => {
    const template = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }] } };
    expect(pruneUnknownFields(widget({ size: 1, template }), widgetSchema()).object).toEqual(widget({ size: 1, template }));
    const strict: SchemaNode = {
      type: 'object',
      properties: { t: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } } },
    };
    const { object, unknownPaths } = pruneUnknownFields({ t: { ...template, status: {} } }, strict);
    expect(object).toEqual({ t: { apiVersion: 'v1', kind: 'Pod', metadata: template.metadata, spec: {} } });
    expect(unknownPaths).toEqual(['t.spec.containers', 't.status']);
  });

  it('prunes additionalProperties values by their schema and keeps additionalProperties: true values', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        byName: { type: 'object', additionalProperties: { type: 'object', properties: { port: { type: 'integer' } } } },
        free: { type: 'object', additionalProperties: true },
      },
    };
    const { object, unknownPaths } = pruneUnknownFields({ byName: { web: { port: 80, junk: 1 } }, free: { a: { b: 1 } } }, schema);
    expect(object).toEqual({ byName: { web: { port: 80 } }, free: { a: { b: 1 } } });
    expect(unknownPaths).toEqual(['byName.web.junk']);
  });

  it('prunes a CloudNativePG Cluster but keeps its pvcTemplate', () => {
    const schema = cnpgClusterCrd().spec.versions?.[0]?.schema?.openAPIV3Schema;
    if (!schema) throw new Error('fixture');
    const cluster = {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'pg' },
      spec: { instances: 1, enableSuperuserAccess: true, storage: { size: '1Gi', pvcTemplate: { volumeMode: 'Filesystem' } } },
    };
    const { object, unknownPaths } = pruneUnknownFields(cluster, schema);
    expect(object.spec).toEqual({ instances: 1, storage: { size: '1Gi', pvcTemplate: { volumeMode: 'Filesystem' } } });
    expect(unknownPaths).toEqual(['spec.enableSuperuserAccess']);
  });
});
