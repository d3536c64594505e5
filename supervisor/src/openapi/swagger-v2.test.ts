import { describe, expect, it } from 'vitest';
import { BUILTIN_OPENAPI_RESOURCES } from './builtin-resources';
import { buildCustomResourceDocument } from './custom-resource-document';
import { buildGroupVersionDocument } from './group-version-document';
import { buildSwaggerV2 } from './swagger-v2';
import { CRON_TAB } from './testing/sample-crd';

const apps = buildGroupVersionDocument({ group: 'apps', version: 'v1', resources: BUILTIN_OPENAPI_RESOURCES.filter((r) => r.group === 'apps') });
const swagger = buildSwaggerV2({ documents: [apps, buildCustomResourceDocument(CRON_TAB)] });
const json = JSON.stringify(swagger);

describe('buildSwaggerV2', () => {
  it('publishes definitions with the GVK extension and #/definitions references only', () => {
    expect(swagger.swagger).toBe('2.0');
    expect(swagger.definitions['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect(swagger.definitions['com.example.stable.v1.CronTab']).toBeDefined();
    expect(json).not.toContain('#/components/schemas/');
    expect(json).toContain('"$ref":"#/definitions/io.k8s.api.core.v1.PodTemplateSpec"');
  });

  it('drops v3-only keywords, keeping int-or-string as a string with its format', () => {
    expect(json).not.toMatch(/"(anyOf|oneOf|nullable)":/);
    expect(swagger.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true });
    expect(swagger.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({ type: 'string' });
    expect(swagger.definitions['com.example.stable.v1.CronTab']?.properties?.spec?.properties?.port).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(swagger.definitions['io.k8s.api.apps.v1.DeploymentSpec']?.properties?.strategy).toMatchObject({ 'x-kubernetes-patch-strategy': 'retainKeys' });
  });

  it('turns request bodies into body parameters and content types into consumes/produces', () => {
    const patch = swagger.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch;
    expect(patch?.consumes).toContain('application/strategic-merge-patch+json');
    expect(patch?.produces).toEqual(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
    expect(patch?.parameters?.[0]).toMatchObject({ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } });
    expect(patch?.parameters?.find((p) => p.name === 'fieldValidation')).toMatchObject({ in: 'query', type: 'string' });
    expect(patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch?.responses['200']?.schema).toEqual({ $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' });
  });
});
