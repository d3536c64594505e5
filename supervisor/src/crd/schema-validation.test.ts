import { describe, expect, it } from 'vitest';
import { errors, type StatusCause } from '../api/errors';
import type { SchemaNode } from '../openapi/schema-node';
import { validateCustomResource } from './schema-validation';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widget, widgetSchema } from './testdata/widgets-crd';

const lines = (causes: StatusCause[]): string[] => causes.map((c) => `${c.field}: ${c.message}`);
const check = (spec: Record<string, unknown>): string[] => lines(validateCustomResource(widget(spec), widgetSchema()));

describe('validateCustomResource', () => {
  it('accepts a valid widget', () => {
    expect(
      check({
        size: 3,
        replicas: 2,
        mode: 'fast',
        name: 'abc',
        ratio: 2.5,
        ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }],
        tags: ['a', 'b'],
        config: { anything: { goes: true } },
        labels: { team: 'core' },
        target: '50%',
        template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} },
        createdAt: '2025-01-02T03:04:05Z',
        day: '2024-02-29',
        payload: 'aGVsbG8=',
        note: null,
      }),
    ).toEqual([]);
  });

  it('reports type errors with the JSON type as the value, as upstream', () => {
    const causes = validateCustomResource(widget({ size: 'big' }), widgetSchema());
    expect(causes).toEqual([
      { type: 'FieldValueTypeInvalid', field: 'spec.size', message: 'Invalid value: "string": spec.size in body must be of type integer: "string"' },
    ]);
    expect(errors.invalid('example.com', 'Widget', 'w1', causes).message).toBe(
      'Widget.example.com "w1" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
    );
    expect(check({ size: 2.5 })).toEqual(['spec.size: Invalid value: "number": spec.size in body must be of type integer: "number"']);
    expect(check({ size: 1, tags: 'a' })).toEqual(['spec.tags: Invalid value: "string": spec.tags in body must be of type array: "string"']);
    expect(check({ size: 1, ratio: 3 })).toEqual([]);
    expect(lines(validateCustomResource({ metadata: {}, spec: [] }, widgetSchema()))).toEqual([
      'spec: Invalid value: "array": spec in body must be of type object: "array"',
    ]);
  });

  it('reports required fields', () => {
    expect(check({})).toEqual(['spec.size: Required value']);
    expect(check({ size: 1, ports: [{ port: 80 }] })).toEqual(['spec.ports[0].name: Required value']);
  });

  it('checks numeric bounds and multipleOf', () => {
    expect(check({ size: 7 })).toEqual(['spec.size: Invalid value: 7: spec.size in body should be less than or equal to 5']);
    expect(check({ size: 0 })).toEqual(['spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1']);
    expect(check({ size: 1, ratio: 10 })).toEqual(['spec.ratio: Invalid value: 10: spec.ratio in body should be less than 10']);
    expect(check({ size: 1, ratio: 0.7 })).toEqual(['spec.ratio: Invalid value: 0.7: spec.ratio in body should be a multiple of 0.5']);
    const exclusiveMin: SchemaNode = { type: 'object', properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true } } };
    expect(lines(validateCustomResource({ n: 0 }, exclusiveMin))).toEqual(['n: Invalid value: 0: n in body should be greater than 0']);
  });

  it('checks enums', () => {
    expect(check({ size: 1, mode: 'x' })).toEqual(['spec.mode: Unsupported value: "x": supported values: "fast", "safe"']);
    const numeric: SchemaNode = { type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } };
    expect(lines(validateCustomResource({ n: 3 }, numeric))).toEqual(['n: Unsupported value: 3: supported values: "1", "2"']);
  });

  it('checks string length and pattern', () => {
    expect(check({ size: 1, name: 'ab' })).toEqual(['spec.name: Invalid value: "ab": spec.name in body should be at least 3 chars long']);
    expect(check({ size: 1, name: 'abcdefghijk' })).toEqual(['spec.name: Too long: may not be more than 10 bytes']);
    expect(check({ size: 1, name: 'ABC' })).toEqual(["spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'"]);
    expect(check({ size: 1, labels: { team: 'platform-team' } })).toEqual(['spec.labels.team: Too long: may not be more than 8 bytes']);
  });

  it('checks formats', () => {
    expect(check({ size: 1, createdAt: 'yesterday' })).toEqual([
      'spec.createdAt: Invalid value: "yesterday": spec.createdAt in body must be of type date-time: "yesterday"',
    ]);
    expect(check({ size: 1, day: '2023-02-29' })).toEqual(['spec.day: Invalid value: "2023-02-29": spec.day in body must be of type date: "2023-02-29"']);
    expect(check({ size: 1, payload: 'not base64!' })).toEqual([
      'spec.payload: Invalid value: "not base64!": spec.payload in body must be of type byte: "not base64!"',
    ]);
    expect(check({ size: 1, replicas: 3000000000 })).toEqual([
      'spec.replicas: Invalid value: 3000000000: spec.replicas in body must be of type int32: "3000000000"',
    ]);
  });

  it('checks array and object sizes', () => {
    const ports = [1, 2, 3, 4].map((i) => ({ name: `p${i}` }));
    expect(check({ size: 1, ports })).toEqual(['spec.ports: Too many: 4: must have at most 3 items']);
    expect(check({ size: 1, tags: [] })).toEqual(['spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items']);
    expect(check({ size: 1, labels: { a: 'a', b: 'b', c: 'c', d: 'd' } })).toEqual(['spec.labels: Too many: 4: must have at most 3 items']);
    const minProps: SchemaNode = { type: 'object', properties: { m: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } } } };
    expect(lines(validateCustomResource({ m: {} }, minProps))).toEqual(['m: Invalid value: 0: m in body should have at least 1 properties']);
  });

  it('checks list-type set and map uniqueness', () => {
    expect(lines(validateCustomResource(widget({ size: 1, tags: ['a', 'b', 'a', 'a'] }), widgetSchema()))).toEqual([
      'spec.tags[2]: Duplicate value: "a"',
    ]);
    expect(check({ size: 1, ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }] })).toEqual([
      'spec.ports[1]: Duplicate value: {"name":"http"}',
    ]);
    const multi: SchemaNode = {
      type: 'object',
      properties: {
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['port', 'protocol'],
          items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string' } } },
        },
      },
    };
    const ports = [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { protocol: 'UDP', port: 53 }];
    expect(lines(validateCustomResource({ ports }, multi))).toEqual(['ports[2]: Duplicate value: {"port":53,"protocol":"UDP"}']);
    expect(lines(validateCustomResource({ ports: ['x'] }, { ...multi, properties: { ports: { ...multi.properties?.ports, items: undefined } } }))).toEqual([
      'ports[0]: Invalid value: "x": must be an object for an array of list-type map',
    ]);
  });

  it('handles null and nullable', () => {
    expect(check({ size: 1, note: null })).toEqual([]);
    expect(check({ size: 1, count: null })).toEqual(['spec.count: Invalid value: "null": spec.count in body must be of type integer: "null"']);
    const nullableEnum: SchemaNode = { type: 'object', properties: { phase: { type: 'string', nullable: true, enum: ['A', 'B'] } } };
    expect(lines(validateCustomResource({ phase: null }, nullableEnum))).toEqual(['phase: Unsupported value: null: supported values: "A", "B"']);
    expect(validateCustomResource({ phase: null }, { ...nullableEnum, properties: { phase: { type: 'string', nullable: true, enum: ['A', null] } } })).toEqual([]);
  });

  it('checks int-or-string values', () => {
    expect(check({ size: 1, target: 3 })).toEqual([]);
    expect(check({ size: 1, target: true })).toEqual(['spec.target: Invalid value: "boolean": spec.target in body must be of type integer,string: "boolean"']);
  });

  it('validates additionalProperties schemas and additionalProperties: false', () => {
    expect(check({ size: 1, labels: { team: 3 } })).toEqual(['spec.labels.team: Invalid value: "integer": spec.labels.team in body must be of type string: "integer"']);
    const closed: SchemaNode = { type: 'object', properties: { m: { type: 'object', additionalProperties: false } } };
    expect(lines(validateCustomResource({ m: { x: 1 } }, closed))).toEqual(['m: Invalid value: "x": m.x in body is a forbidden property']);
  });

  it('checks embedded resources', () => {
    expect(check({ size: 1, template: { metadata: { name: 'a/b' } } })).toEqual([
      'spec.template.apiVersion: Required value: must not be empty',
      'spec.template.kind: Required value: must not be empty',
      "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'",
    ]);
    expect(check({ size: 1, template: { apiVersion: 'a/b/c', kind: 'Pod Thing' } })).toEqual([
      'spec.template.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      expect.stringMatching(/^spec\.template\.kind: Invalid value: "Pod Thing": may have mixed case, but should otherwise match: a DNS-1035 label/),
    ]);
  });

  it('evaluates junctors with kube-openapi messages', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'integer' } },
          oneOf: [{ required: ['a'] }, { required: ['b'] }],
          anyOf: [{ properties: { c: { minimum: 10 } } }, { properties: { c: { maximum: 0 } } }],
          not: { required: ['c'], properties: { c: { minimum: 100 } } },
          allOf: [{ properties: { a: { minLength: 2 } } }],
        },
      },
    };
    expect(lines(validateCustomResource({ spec: { a: 'xy', c: 5 } }, schema))).toEqual([
      'spec: Invalid value: "": "spec" must validate at least one schema (anyOf)',
      'spec.c: Invalid value: 5: spec.c in body should be greater than or equal to 10',
    ]);
    expect(lines(validateCustomResource({ spec: { a: 'xy', b: 'z', c: 200 } }, schema))).toEqual([
      'spec: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found 2 valid alternatives',
      'spec: Invalid value: "": "spec" must not validate the schema (not)',
    ]);
    expect(lines(validateCustomResource({ spec: { a: 'x', c: 0 } }, schema))).toEqual([
      'spec.a: Invalid value: "x": spec.a in body should be at least 2 chars long',
      'spec: Invalid value: "": "spec" must validate all the schemas (allOf). None validated',
    ]);
    expect(lines(validateCustomResource({ spec: { c: 0 } }, schema))).toEqual([
      'spec: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found none valid',
      'spec.a: Required value',
    ]);
  });

  it('accepts a real CloudNativePG Cluster and rejects a bad one, ignoring CEL rules', () => {
    const schema = cnpgClusterCrd().spec.versions?.[0]?.schema?.openAPIV3Schema;
    if (!schema) throw new Error('fixture');
    const cluster = {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'pg', namespace: 'db' },
      spec: {
        instances: 3,
        storage: { size: '1Gi', pvcTemplate: { accessModes: ['ReadWriteOnce'] } },
        postgresql: { parameters: { max_connections: '200' } },
        bootstrap: { initdb: { database: 'app', owner: 'app', secret: { name: 'app-secret' } }, recovery: { source: 'x' } },
      },
      status: { conditions: [{ type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'ok', lastTransitionTime: '2025-01-02T03:04:05Z' }] },
    };
    expect(validateCustomResource(cluster, schema)).toEqual([]);
    const bad = structuredClone(cluster);
    bad.spec.instances = 0;
    bad.spec.postgresql.parameters.max_connections = 200 as unknown as string;
    bad.spec.bootstrap.initdb.secret = {} as { name: string };
    bad.status.conditions.push({ type: 'Ready', status: 'Maybe', reason: 'x y', message: '', lastTransitionTime: 'now' });
    expect(lines(validateCustomResource(bad, schema))).toEqual([
      'spec.instances: Invalid value: 0: spec.instances in body should be greater than or equal to 1',
      'spec.postgresql.parameters.max_connections: Invalid value: "integer": spec.postgresql.parameters.max_connections in body must be of type string: "integer"',
      'spec.bootstrap.initdb.secret.name: Required value',
      'status.conditions[1].lastTransitionTime: Invalid value: "now": status.conditions[1].lastTransitionTime in body must be of type date-time: "now"',
      "status.conditions[1].reason: Invalid value: \"x y\": status.conditions[1].reason in body should match '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$'",
      'status.conditions[1].status: Unsupported value: "Maybe": supported values: "True", "False", "Unknown"',
      'status.conditions[1]: Duplicate value: {"type":"Ready"}',
    ]);
  });

  it('reports under a field prefix and checks an embedded root when asked', () => {
    const schema: SchemaNode = { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { kind: { type: 'string' } } };
    expect(lines(validateCustomResource({ kind: 'Pod' }, schema, { fieldPrefix: 'x.default', isResourceRoot: false }))).toEqual([
      'x.default.apiVersion: Required value: must not be empty',
    ]);
    expect(lines(validateCustomResource('str', schema, { fieldPrefix: 'x.default' }))).toEqual([
      'x.default: Invalid value: "string": in body must be of type object: "string"',
    ]);
  });
});
