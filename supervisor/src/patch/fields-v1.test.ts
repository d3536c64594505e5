import { describe, expect, it } from 'vitest';
import { identityResolver } from '../openapi/schema-node';
import { formatPath } from './field-path';
import { FieldSet } from './field-set';
import { fieldSetOf } from './field-set-of';
import { fieldSetFromFieldsV1, fieldSetToFieldsV1 } from './fields-v1';
import { configMapSchema, deploymentSchema, resolveFixture, widgetSchema } from './test-schemas';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '6b1c1c1e-0000-4000-8000-000000000001',
    resourceVersion: '42',
    creationTimestamp: '2025-01-02T03:04:05Z',
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Owner', name: 'o', uid: 'u-1' }],
    finalizers: ['example.com/a'],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
          { name: 'side', image: 'busybox', args: ['sleep'] },
        ],
        volumes: [{ name: 'conf', configMap: { name: 'nginx-conf' } }],
      },
    },
  },
  status: { replicas: 2 },
};

describe('FieldsV1', () => {
  it('encodes a field set the way upstream stores it, "." first', () => {
    const set = FieldSet.of([
      ['f:data', 'f:a'],
      ['f:data'],
      ['f:metadata', 'f:labels', 'f:app'],
      ['f:spec', 'f:containers', 'k:{"name":"nginx"}'],
      ['f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'],
      ['f:metadata', 'f:finalizers', 'v:"example.com/a"'],
    ]);
    const encoded = fieldSetToFieldsV1(set);
    expect(JSON.stringify(encoded)).toBe(
      '{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:finalizers":{"v:\\"example.com/a\\"":{}},"f:labels":{"f:app":{}}},' +
        '"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{}}}}}',
    );
  });

  it('round-trips the field set of a Deployment', () => {
    const set = fieldSetOf(deployment, deploymentSchema, resolveFixture);
    const decoded = fieldSetFromFieldsV1(JSON.parse(JSON.stringify(fieldSetToFieldsV1(set))));
    expect(decoded.equals(set)).toBe(true);
    expect(decoded.size).toBe(set.size);
  });

  it('decodes keys in any field order to the canonical element', () => {
    const set = fieldSetFromFieldsV1({ 'f:spec': { 'f:ports': { 'k:{"protocol":"TCP","port":80}': { '.': {}, 'f:name': {} } } } });
    expect(set.has(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}'])).toBe(true);
    expect(set.has(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}', 'f:name'])).toBe(true);
  });

  it.each([[{ 'x:bad': {} }], [{ 'f:a': 1 }], [{ '.': {} }], [{ 'k:notjson': {} }], [[]]])('rejects malformed FieldsV1 %j', (bad) => {
    expect(() => fieldSetFromFieldsV1(bad)).toThrow();
  });

  it('prints paths as upstream conflict messages do', () => {
    expect(formatPath(['f:data', 'f:a'])).toBe('.data.a');
    expect(formatPath(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'])).toBe(
      '.spec.template.spec.containers[name="nginx"].image',
    );
    expect(formatPath(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}'])).toBe('.spec.ports[port=80,protocol="TCP"]');
    expect(formatPath(['f:metadata', 'f:finalizers', 'v:"example.com/a"'])).toBe('.metadata.finalizers[="example.com/a"]');
  });
});

describe('fieldSetOf', () => {
  it('lists leaves, keyed items and set items, skipping server-owned metadata and status', () => {
    const paths = fieldSetOf(deployment, deploymentSchema, resolveFixture).paths().map(formatPath);
    expect(paths).toEqual([
      '.metadata.finalizers[="example.com/a"]',
      '.metadata.labels.app',
      '.metadata.ownerReferences[uid="u-1"]',
      '.metadata.ownerReferences[uid="u-1"].apiVersion',
      '.metadata.ownerReferences[uid="u-1"].kind',
      '.metadata.ownerReferences[uid="u-1"].name',
      '.metadata.ownerReferences[uid="u-1"].uid',
      '.spec.replicas',
      '.spec.selector',
      '.spec.template.metadata.labels.app',
      '.spec.template.spec.containers[name="nginx"]',
      '.spec.template.spec.containers[name="side"]',
      '.spec.template.spec.containers[name="nginx"].image',
      '.spec.template.spec.containers[name="nginx"].name',
      '.spec.template.spec.containers[name="nginx"].env[name="A"]',
      '.spec.template.spec.containers[name="nginx"].env[name="A"].name',
      '.spec.template.spec.containers[name="nginx"].env[name="A"].value',
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"]',
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].containerPort',
      '.spec.template.spec.containers[name="side"].args',
      '.spec.template.spec.containers[name="side"].image',
      '.spec.template.spec.containers[name="side"].name',
      '.spec.template.spec.volumes[name="conf"]',
      '.spec.template.spec.volumes[name="conf"].name',
      '.spec.template.spec.volumes[name="conf"].configMap.name',
    ]);
  });

  it('tracks only status for the status subresource', () => {
    const paths = fieldSetOf(deployment, deploymentSchema, resolveFixture, { subresource: 'status' }).paths().map(formatPath);
    expect(paths).toEqual(['.status.replicas']);
  });

  it('treats an empty map as no fields and a ConfigMap data map as granular', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'demo', labels: {} }, data: { a: '1', 'b.conf': 'x' } };
    expect(fieldSetOf(cm, configMapSchema, resolveFixture).paths().map(formatPath)).toEqual(['.data.a', '.data.b.conf']);
  });

  it('keys CRD list-maps by their list-map-keys and treats unknown lists as atomic', () => {
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', labels: { a: 'b' } },
      spec: { endpoints: [{ name: 'e1', url: 'http://x' }], tags: ['blue'], config: { nested: { list: [1, 2] } } },
    };
    const paths = fieldSetOf(widget, widgetSchema, identityResolver).paths().map(formatPath);
    expect(paths).toEqual([
      '.metadata.labels.a',
      '.spec.config.nested.list',
      '.spec.endpoints[name="e1"]',
      '.spec.endpoints[name="e1"].name',
      '.spec.endpoints[name="e1"].url',
      '.spec.tags[="blue"]',
    ]);
  });
});
