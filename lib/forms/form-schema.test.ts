import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import builtin from '../../supervisor/src/openapi/generated/builtin-schemas.json';
import { buildKindForm, locate, pickFields } from './form-schema';
import { convertSchema, findKindSchema, humanize, type OpenApiComponents, type OpenApiSchema } from './openapi-schema';

const components = builtin as unknown as OpenApiComponents;
const prop = (s: JSONSchema7, path: string): JSONSchema7 => path.split('.').reduce<JSONSchema7>((cur, k) => (k === '[]' ? (cur.items as JSONSchema7) : (cur.properties![k] as JSONSchema7)), s);

/** A CloudNativePG Cluster schema as its CRD publishes it (abridged). */
const CNPG: OpenApiSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        instances: { type: 'integer', minimum: 1, default: 1, description: 'Number of instances required in the cluster' },
        imageCatalogRef: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        storage: { type: 'object', properties: { size: { type: 'string', description: 'Size of the storage.' }, storageClass: { type: 'string' } } },
        resources: {
          type: 'object',
          properties: { limits: { type: 'object', additionalProperties: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true } } },
        },
        postgresql: { type: 'object', properties: { parameters: { type: 'object', additionalProperties: { type: 'string' } } } },
        primaryUpdateStrategy: { type: 'string', enum: ['unsupervised', 'supervised'] },
      },
      required: ['instances'],
    },
    status: { type: 'object', properties: { phase: { type: 'string' } } },
  },
};

describe('OpenAPI → form schema', () => {
  it('finds a kind by its group-version-kind and inlines refs', () => {
    const deployment = findKindSchema(components, 'apps', 'v1', 'Deployment');
    expect(deployment).toBeDefined();
    const { schema } = convertSchema(deployment!, components);
    expect(prop(schema, 'spec.replicas')).toMatchObject({ type: 'integer', title: 'Replicas' });
    const container = prop(schema, 'spec.template.spec.containers.[]');
    expect(container.required).toContain('name');
    expect(prop(container, 'image').type).toBe('string');
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('maps quantities and int-or-string to text fields with their own formats and help', () => {
    const deployment = findKindSchema(components, 'apps', 'v1', 'Deployment')!;
    const { schema, ui } = convertSchema(deployment, components);
    const limits = prop(schema, 'spec.template.spec.containers.[].resources.limits');
    expect(limits.additionalProperties).toMatchObject({ type: 'string', format: 'quantity' });
    expect(prop(schema, 'spec.strategy.rollingUpdate.maxSurge')).toMatchObject({ type: 'string', format: 'int-or-string' });
    const uiSurge = ((((ui.spec as Record<string, unknown>).strategy as Record<string, unknown>).rollingUpdate as Record<string, unknown>).maxSurge as Record<string, unknown>);
    expect(uiSurge['ui:widget']).toBe('intOrString');
  });

  it('keeps descriptions as help and states defaults in words (never as form defaults)', () => {
    const { schema } = convertSchema(CNPG);
    const instances = prop(schema, 'spec.instances');
    expect(instances.description).toBe('Number of instances required in the cluster Default: 1.');
    expect(instances.default).toBeUndefined();
    expect(instances.minimum).toBe(1);
  });

  it('turns schemaless and recursive fields into YAML-only fields', () => {
    const { ui } = convertSchema(CNPG);
    expect((ui.spec as Record<string, Record<string, unknown>>).imageCatalogRef!['ui:field']).toBe('yamlOnly');
    const crd = findKindSchema(components, 'apiextensions.k8s.io', 'v1', 'CustomResourceDefinition')!;
    const converted = convertSchema(crd, components);
    expect(JSON.stringify(converted.ui)).toContain('"reason":"recursive"');
  });

  it('humanizes field names', () => {
    expect(humanize('className')).toBe('Class name');
    expect(humanize('primaryIP4')).toBe('Primary IP4');
    expect(humanize('sshAuthorizedKeys')).toBe('Ssh authorized keys');
    expect(humanize('pg_hba')).toBe('Pg hba');
  });
});

describe('a kind’s form', () => {
  it('drops status and server-set metadata, keeps name, namespace, labels, annotations', () => {
    const deployment = findKindSchema(components, 'apps', 'v1', 'Deployment')!;
    const form = buildKindForm({ schema: deployment, components, namespaced: true });
    expect(form.schema.properties!.status).toBeUndefined();
    expect(Object.keys(prop(form.schema, 'metadata').properties!)).toEqual(['name', 'generateName', 'namespace', 'labels', 'annotations']);
    expect(prop(form.schema, 'metadata.labels').additionalProperties).toEqual({ type: 'string' });
    expect(form.uiSchema['ui:order']).toEqual(['apiVersion', 'kind', 'metadata', 'spec', '*']);
    expect((form.uiSchema.kind as Record<string, unknown>)['ui:widget']).toBe('hidden');
    expect(((form.uiSchema.metadata as Record<string, Record<string, unknown>>).name!)['ui:help']).toMatch(/^Unique/);
  });

  it('cluster-scoped kinds have no namespace field', () => {
    const ns = findKindSchema(components, '', 'v1', 'Namespace')!;
    const form = buildKindForm({ schema: ns, components, namespaced: false });
    expect(prop(form.schema, 'metadata').properties!.namespace).toBeUndefined();
  });

  it('applies descriptor hints: order, titles, help, widgets, groups, hidden', () => {
    const form = buildKindForm({
      schema: CNPG,
      namespaced: true,
      hints: {
        order: ['spec.instances', 'spec.storage'],
        labels: { 'spec.instances': 'Instances' },
        help: { 'spec.storage.size': 'For example 1Gi.' },
        widgets: { 'spec.instances': 'podCount', 'spec.resources': 'resources', 'spec.storage.storageClass': 'objectRef' },
        widgetOptions: { 'spec.storage.storageClass': { group: 'storage.k8s.io', kind: 'StorageClass' } },
        groups: [{ title: 'Advanced', fields: ['spec.postgresql', 'spec.primaryUpdateStrategy'], collapsed: true }],
        hidden: ['spec.imageCatalogRef'],
      },
    });
    const spec = form.uiSchema.spec as Record<string, Record<string, unknown>>;
    expect(spec['ui:order']).toEqual(['instances', 'storage', '*']);
    expect(prop(form.schema, 'spec.instances').title).toBe('Instances');
    expect(spec.instances!['ui:widget']).toBe('podCount');
    expect(spec.resources!['ui:field']).toBe('resources');
    expect((spec.storage!.storageClass as Record<string, unknown>)['ui:options']).toEqual({ group: 'storage.k8s.io', kind: 'StorageClass' });
    expect((spec.storage!.size as Record<string, unknown>)['ui:help']).toBe('For example 1Gi.');
    expect((spec['ui:options'] as Record<string, unknown>).groups).toEqual([{ title: 'Advanced', fields: ['postgresql', 'primaryUpdateStrategy'], collapsed: true }]);
    expect(prop(form.schema, 'spec').properties!.imageCatalogRef).toBeUndefined();
  });

  it('ignores hints for fields the schema does not have', () => {
    const form = buildKindForm({ schema: CNPG, namespaced: true, hints: { order: ['spec.nope', 'spec.instances'], labels: { 'spec.nope.deeper': 'x' } } });
    expect((form.uiSchema.spec as Record<string, unknown>)['ui:order']).toEqual(['instances', '*']);
    expect(locate(form, 'spec.nope')).toBeUndefined();
  });

  it('picks the fields of one step', () => {
    const form = buildKindForm({ schema: CNPG, namespaced: true });
    const step = pickFields(form, ['metadata', 'spec.instances', 'spec.storage']);
    expect(Object.keys(step.schema.properties!)).toEqual(['metadata', 'spec']);
    expect(Object.keys(prop(step.schema, 'spec').properties!)).toEqual(['instances', 'storage']);
    expect(prop(step.schema, 'spec').required).toEqual(['instances']);
  });
});
