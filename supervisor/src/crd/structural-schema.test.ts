import { describe, expect, it } from 'vitest';
import type { StatusCause } from '../api/errors';
import type { SchemaNode } from '../openapi/schema-node';
import { validateStructuralSchema } from './structural-schema';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widgetSchema } from './testdata/widgets-crd';

const ROOT = 'spec.versions[0].schema.openAPIV3Schema';
const lines = (causes: StatusCause[]): string[] => causes.map((c) => `${c.field}: ${c.message}`);
const check = (schema: SchemaNode): string[] => lines(validateStructuralSchema(schema, ROOT));
const withSpec = (spec: SchemaNode): SchemaNode => ({ type: 'object', properties: { spec } });

describe('validateStructuralSchema', () => {
  it('accepts structural real-world schemas', () => {
    expect(check(widgetSchema())).toEqual([]);
    const cnpg = cnpgClusterCrd().spec.versions?.[0]?.schema?.openAPIV3Schema;
    if (!cnpg) throw new Error('fixture');
    expect(check(cnpg)).toEqual([]);
  });

  it('requires types on the root, properties, items and additionalProperties', () => {
    expect(check({ properties: { spec: { properties: { list: { type: 'array', items: {} }, map: { type: 'object', additionalProperties: {} } } } } })).toEqual([
      `${ROOT}.properties[spec].properties[list].items.type: Required value: must not be empty for specified array items`,
      `${ROOT}.properties[spec].properties[map].additionalProperties.type: Required value: must not be empty for specified object fields`,
      `${ROOT}.properties[spec].type: Required value: must not be empty for specified object fields`,
      `${ROOT}.type: Required value: must not be empty at the root`,
    ]);
    expect(check(withSpec({ type: 'array' }))).toEqual([`${ROOT}.properties[spec].items: Required value: must be specified`]);
    expect(check({ type: 'string' })).toEqual([`${ROOT}.type: Invalid value: "string": must be object at the root`]);
  });

  it('exempts int-or-string and preserve-unknown-fields nodes from the type rule', () => {
    expect(check(withSpec({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true }, raw: { 'x-kubernetes-preserve-unknown-fields': true } } }))).toEqual([]);
    expect(check(withSpec({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true } } }))).toEqual([
      `${ROOT}.properties[spec].properties[port].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true`,
    ]);
  });

  it('forbids unsupported keywords', () => {
    const schema = withSpec({
      type: 'object',
      properties: { a: { type: 'string', readOnly: true, writeOnly: true } as SchemaNode, b: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
    });
    expect(check(schema)).toEqual([
      `${ROOT}.properties[spec].properties[a].readOnly: Forbidden: readOnly is not supported`,
      `${ROOT}.properties[spec].properties[a].writeOnly: Forbidden: writeOnly is not supported`,
      `${ROOT}.properties[spec].properties[b].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
    ]);
    // Keywords a structural schema cannot represent hide the structural pass, as upstream.
    const refs = withSpec({ $ref: '#/definitions/Spec', definitions: {}, dependencies: {}, patternProperties: {}, xml: {} } as SchemaNode);
    expect(check(refs)).toEqual([
      `${ROOT}.properties[spec].patternProperties: Forbidden: patternProperties is not supported`,
      `${ROOT}.properties[spec].definitions: Forbidden: definitions is not supported`,
      `${ROOT}.properties[spec].dependencies: Forbidden: dependencies is not supported`,
      `${ROOT}.properties[spec].$ref: Forbidden: $ref is not supported`,
      `${ROOT}.properties[spec].xml: Forbidden: xml is not supported`,
    ]);
  });

  it('forbids properties together with additionalProperties, and additionalProperties at the root', () => {
    expect(check(withSpec({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } }))).toEqual([
      `${ROOT}.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
    ]);
    expect(check({ type: 'object', additionalProperties: { type: 'string' } })).toEqual([
      `${ROOT}.additionalProperties: Forbidden: must not be used at the root`,
    ]);
  });

  it('forbids generics and extensions inside junctors, and metadata in a nested context', () => {
    const spec: SchemaNode = {
      type: 'object',
      properties: { a: { type: 'string' }, metadata: { type: 'object' } },
      anyOf: [{ type: 'object', description: 'x', nullable: true, default: {}, properties: { a: { minLength: 1 }, metadata: {} } }],
      oneOf: [{ 'x-kubernetes-preserve-unknown-fields': true, additionalProperties: {} } as SchemaNode],
    };
    expect(check(withSpec(spec))).toEqual([
      `${ROOT}.properties[spec].anyOf[0].default: Forbidden: must be undefined to be structural`,
      `${ROOT}.properties[spec].anyOf[0].description: Forbidden: must be empty to be structural`,
      `${ROOT}.properties[spec].anyOf[0].nullable: Forbidden: must be false to be structural`,
      `${ROOT}.properties[spec].anyOf[0].properties[metadata]: Forbidden: must not be specified in a nested context`,
      `${ROOT}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural`,
      `${ROOT}.properties[spec].oneOf[0].additionalProperties: Forbidden: must be undefined to be structural`,
      `${ROOT}.properties[spec].oneOf[0].x-kubernetes-preserve-unknown-fields: Forbidden: must be false to be structural`,
    ]);
  });

  it('accepts the int-or-string anyOf and allOf patterns', () => {
    const port: SchemaNode = { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
    const bounded: SchemaNode = { 'x-kubernetes-int-or-string': true, allOf: [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }, { pattern: '^\\d+%?$' }] };
    expect(check(withSpec({ type: 'object', properties: { port, bounded } }))).toEqual([]);
  });

  it('requires fields constrained by the root junctors to be declared outside them', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
      oneOf: [{ required: ['spec'] }, { properties: { spec: { properties: { b: { minLength: 1 } } } } }, { properties: { extra: {} } }],
    };
    expect(check(schema)).toEqual([
      `${ROOT}.properties[extra]: Required value: because it is defined in ${ROOT}.oneOf[2].properties[extra]`,
      `${ROOT}.properties[spec].properties[b]: Required value: because it is defined in ${ROOT}.oneOf[1].properties[spec].properties[b]`,
    ]);
  });

  it('restricts root metadata to name and generateName', () => {
    expect(check({ type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } } } })).toEqual([]);
    expect(check({ type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } })).toEqual([
      `${ROOT}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
    ]);
    expect(check({ type: 'object', properties: { kind: { type: 'integer' } } })).toEqual([`${ROOT}.properties[kind].type: Invalid value: "integer": must be string`]);
  });

  it('checks embedded resources', () => {
    expect(check(withSpec({ type: 'object', properties: { t: { 'x-kubernetes-embedded-resource': true } } }))).toEqual([
      `${ROOT}.properties[spec].properties[t].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields`,
      `${ROOT}.properties[spec].properties[t].type: Required value: must be object if x-kubernetes-embedded-resource is true`,
    ]);
  });

  it('checks list-type and map-type declarations', () => {
    const spec: SchemaNode = {
      type: 'object',
      properties: {
        a: { type: 'object', 'x-kubernetes-list-type': 'set' },
        b: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'map' },
        c: { type: 'array', items: { type: 'object', properties: { k: { type: 'object' } } }, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['k', 'missing'] },
        d: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-map-keys': ['k'] },
        e: { type: 'string', 'x-kubernetes-map-type': 'atomic' },
        f: { type: 'array', items: { type: 'object', nullable: true }, 'x-kubernetes-list-type': 'set' },
      },
    };
    expect(check(withSpec(spec))).toEqual([
      `${ROOT}.properties[spec].properties[a].type: Invalid value: "object": must be array if x-kubernetes-list-type is specified`,
      `${ROOT}.properties[spec].properties[b].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`,
      `${ROOT}.properties[spec].properties[b].items.type: Invalid value: "string": must be object if parent array's x-kubernetes-list-type is map`,
      `${ROOT}.properties[spec].properties[c].items.properties[k].type: Invalid value: "object": must be a scalar type if parent array's x-kubernetes-list-type is map`,
      `${ROOT}.properties[spec].properties[c].items.properties[k].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`,
      `${ROOT}.properties[spec].properties[c].x-kubernetes-list-map-keys: Invalid value: ["k","missing"]: entries must all be names of item properties`,
      `${ROOT}.properties[spec].properties[d].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty`,
      `${ROOT}.properties[spec].properties[e].type: Invalid value: "string": must be object if x-kubernetes-map-type is specified`,
      `${ROOT}.properties[spec].properties[f].items.nullable: Forbidden: cannot be nullable when x-kubernetes-list-type is set`,
      `${ROOT}.properties[spec].properties[f].items.x-kubernetes-map-type: Invalid value: null: must be atomic as item of a list with x-kubernetes-list-type=set`,
    ]);
  });

  it('checks patterns compile', () => {
    expect(check(withSpec({ type: 'string', pattern: '([a-z' }))).toEqual([
      `${ROOT}.properties[spec].pattern: Invalid value: "([a-z": must be a valid regular expression, but isn't: Invalid regular expression: /([a-z/: Unterminated character class`,
    ]);
    expect(check(withSpec({ type: 'string', pattern: '(?i)^[a-z]+$' }))).toEqual([]);
  });

  it('rejects nullable at the root and defaults in top-level metadata', () => {
    expect(check({ type: 'object', nullable: true })).toEqual([`${ROOT}.nullable: Forbidden: nullable cannot be true at the root`]);
    expect(check({ type: 'object', properties: { metadata: { type: 'object', default: { name: 'x' } } } })).toEqual([
      `${ROOT}.properties[metadata].default: Forbidden: must not be set in top-level metadata`,
    ]);
  });

  it('validates defaults against their schema and requires them pruned', () => {
    const spec: SchemaNode = {
      type: 'object',
      properties: {
        size: { type: 'integer', maximum: 5, default: 7 },
        mode: { type: 'string', enum: ['fast', 'safe'], default: 'slow' },
        kind: { type: 'string', default: 3 } as SchemaNode,
        opts: { type: 'object', properties: { a: { type: 'string' } }, default: { a: 'x', b: 'y' } },
        ok: { type: 'object', properties: { a: { type: 'string' } }, default: { a: 'x' } },
      },
    };
    expect(check(withSpec(spec))).toEqual([
      `${ROOT}.properties[spec].properties[size].default: Invalid value: 7: in body should be less than or equal to 5`,
      `${ROOT}.properties[spec].properties[mode].default: Unsupported value: "slow": supported values: "fast", "safe"`,
      `${ROOT}.properties[spec].properties[kind].default: Invalid value: "integer": in body must be of type string: "integer"`,
      `${ROOT}.properties[spec].properties[opts].default: Invalid value: {"a":"x","b":"y"}: must not have unknown fields`,
    ]);
  });

  it('reports schema nodes that are not objects', () => {
    expect(check(withSpec({ type: 'object', properties: { a: 'string' as unknown as SchemaNode } }))).toEqual([
      `${ROOT}.properties[spec].properties[a]: Invalid value: "string": must be a JSON schema object`,
    ]);
  });

  it('accepts and ignores x-kubernetes-validations', () => {
    expect(check(withSpec({ type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a < self.b' }, { rule: '' }] }))).toEqual([]);
  });
});
