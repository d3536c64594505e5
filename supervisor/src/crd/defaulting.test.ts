import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../openapi/schema-node';
import { applyDefaults } from './defaulting';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widget, widgetSchema } from './testdata/widgets-crd';

describe('applyDefaults', () => {
  it('fills missing properties, recursing into items and preserved subtrees, without touching the input', () => {
    const input = widget({ size: 2, ports: [{ name: 'http' }, { name: 'dns', protocol: 'UDP' }], config: { free: 1 } });
    const out = applyDefaults(input, widgetSchema());
    expect(out.spec).toEqual({
      size: 2,
      replicas: 1,
      mode: 'safe',
      ports: [{ name: 'http', protocol: 'TCP' }, { name: 'dns', protocol: 'UDP' }],
      config: { free: 1, level: 3 },
    });
    expect(input.spec).toEqual({ size: 2, ports: [{ name: 'http' }, { name: 'dns', protocol: 'UDP' }], config: { free: 1 } });
  });

  it('keeps values that are set, including falsy ones', () => {
    const out = applyDefaults(widget({ size: 1, replicas: 0, mode: 'fast' }), widgetSchema());
    expect(out.spec).toMatchObject({ replicas: 0, mode: 'fast' });
  });

  it('applies nested defaults inside a defaulted object', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          default: {},
          properties: { strategy: { type: 'object', default: {}, properties: { type: { type: 'string', default: 'RollingUpdate' } } } },
        },
      },
    };
    expect(applyDefaults({ metadata: { name: 'x' } }, schema)).toEqual({ metadata: { name: 'x' }, spec: { strategy: { type: 'RollingUpdate' } } });
  });

  it('replaces non-nullable nulls by the default, and removes them when there is none', () => {
    const out = applyDefaults(widget({ size: 1, mode: null, count: null, note: null }), widgetSchema());
    expect(out.spec).toEqual({ size: 1, mode: 'safe', replicas: 1, note: null });
  });

  it('defaults additionalProperties values and array items', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        envs: { type: 'object', additionalProperties: { type: 'object', properties: { replicas: { type: 'integer', default: 1 } } } },
        sizes: { type: 'array', items: { type: 'string', default: '1Gi' } },
        names: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    expect(applyDefaults({ envs: { dev: {}, prod: { replicas: 3 } }, sizes: ['2Gi', null], names: { a: null } }, schema)).toEqual({
      envs: { dev: { replicas: 1 }, prod: { replicas: 3 } },
      sizes: ['2Gi', '1Gi'],
      names: {},
    });
  });

  it('defaults a CloudNativePG Cluster as the operator expects', () => {
    const schema = cnpgClusterCrd().spec.versions?.[0]?.schema?.openAPIV3Schema;
    if (!schema) throw new Error('fixture');
    const out = applyDefaults({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'pg' }, spec: { storage: { size: '1Gi' } } }, schema);
    expect(out.spec).toEqual({ instances: 1, primaryUpdateStrategy: 'unsupervised', storage: { size: '1Gi', resizeInUseVolumes: true } });
  });
});
