import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import builtin from '../../supervisor/src/openapi/generated/builtin-schemas.json';
import { buildKindForm } from './form-schema';
import { findKindSchema, type OpenApiComponents } from './openapi-schema';
import { validateValue } from './validate-value';
import { propertyPath, schemaValidator } from './validator';

const components = builtin as unknown as OpenApiComponents;
const deploymentForm = buildKindForm({ schema: findKindSchema(components, 'apps', 'v1', 'Deployment')!, components, namespaced: true });

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a', labels: { 'app.kubernetes.io/name': 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: 2 } }, ports: [{ containerPort: 80 }] }] },
    },
    someFutureField: { x: 1 },
  },
};

describe('schema validator (no code generation)', () => {
  it('accepts a real Deployment, numbers in quantity and int-or-string fields, and unknown fields', () => {
    expect(validateValue(deploymentForm.schema, deployment)).toEqual([]);
  });

  it('reports wrong types, missing required fields and bad quantities at their paths', () => {
    const bad = structuredClone(deployment) as unknown as { spec: { replicas: unknown; template: typeof deployment.spec.template } };
    bad.spec.replicas = 'two';
    delete (bad.spec.template.spec.containers[0] as { name?: string }).name;
    bad.spec.template.spec.containers[0]!.resources.requests.cpu = 'lots';
    const errors = validateValue(deploymentForm.schema, bad);
    expect(errors.map((e) => [e.path.join('.'), e.keyword])).toEqual(
      expect.arrayContaining([
        ['spec.replicas', 'type'],
        ['spec.template.spec.containers.0.name', 'required'],
        ['spec.template.spec.containers.0.resources.requests.cpu', 'format'],
      ]),
    );
  });

  it('checks enum, pattern, bounds, lengths and combinators', () => {
    const s: JSONSchema7 = {
      type: 'object',
      properties: {
        power: { type: 'string', enum: ['PoweredOn', 'PoweredOff'] },
        name: { type: 'string', pattern: '^[a-z0-9]{2,}$', maxLength: 5 },
        count: { type: 'integer', minimum: 1, maximum: 3 },
        pick: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 2 },
      },
    };
    const errors = validateValue(s, { power: 'On', name: 'ETH-0000', count: 0, pick: true, tags: ['a', 'a', 'b'] });
    expect(errors.map((e) => `${e.path.join('.')}:${e.keyword}`).sort()).toEqual(['count:minimum', 'name:maxLength', 'name:pattern', 'pick:oneOf', 'power:enum', 'tags:maxItems', 'tags:uniqueItems'].sort());
    expect(errors.find((e) => e.keyword === 'minimum')?.message).toBe('must be at least 1');
  });

  it('stops after a limit so a huge wrong document cannot hang the page', () => {
    const s: JSONSchema7 = { type: 'array', items: { type: 'string' } };
    expect(validateValue(s, Array.from({ length: 10_000 }, (_, i) => i), s, 50)).toHaveLength(50);
  });

  it('gives RJSF errors with property paths and an error schema', () => {
    const bad = structuredClone(deployment) as unknown as { spec: { replicas: unknown } };
    bad.spec.replicas = -1.5;
    const result = schemaValidator.validateFormData(bad, deploymentForm.schema);
    expect(result.errors[0]).toMatchObject({ property: '.spec.replicas', name: 'type', stack: 'Replicas must be integer' });
    expect((result.errorSchema as { spec: { replicas: { __errors: string[] } } }).spec.replicas.__errors).toEqual(['must be integer']);
    expect(schemaValidator.isValid({ type: 'integer' }, 3, {})).toBe(true);
    expect(schemaValidator.isValid({ type: 'integer' }, 'x', {})).toBe(false);
  });

  it('merges custom validation', () => {
    const result = schemaValidator.validateFormData({ a: 'x' }, { type: 'object', properties: { a: { type: 'string' } } }, (data, errors) => {
      (errors as unknown as { a: { addError(m: string): void } }).a.addError('is taken');
      return errors;
    });
    expect(result.errors.map((e) => e.stack)).toEqual(['.a is taken']);
  });

  it('writes RJSF property paths for keys that are not identifiers', () => {
    expect(propertyPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(".metadata.labels['app.kubernetes.io/name']");
    expect(propertyPath(['spec', 'containers', 0, 'name'])).toBe('.spec.containers.0.name');
    expect(propertyPath([])).toBe('.');
  });
});
