import { describe, expect, it } from 'vitest';
import { BUILTIN_OPENAPI_RESOURCES } from './builtin-resources';
import { buildGroupVersionDocument, collectRefs, groupByGroupVersion } from './group-version-document';
import { documentHash } from './root';
import type { OpenAPIOperation, OpenAPIV3Document } from './types';

function docFor(group: string, version: string): OpenAPIV3Document {
  const resources = BUILTIN_OPENAPI_RESOURCES.filter((r) => r.group === group && r.version === version);
  return buildGroupVersionDocument({ group, version, resources });
}

/** kubectl's supportsQueryParamV3: every PATCH operation tagged with the GVK, in any path order. */
function patchOperationsFor(doc: OpenAPIV3Document, kind: string): [string, OpenAPIOperation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    item.patch && item.patch['x-kubernetes-group-version-kind']?.kind === kind ? [[path, item.patch] as [string, OpenAPIOperation]] : [],
  );
}

const apps = docFor('apps', 'v1');
const core = docFor('', 'v1');

describe('buildGroupVersionDocument', () => {
  it('gives apps/v1 Deployments a PATCH operation that kubectl recognises for server-side field validation', () => {
    const item = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!;
    expect(item.patch).toMatchObject({
      operationId: 'patchAppsV1NamespacedDeployment',
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'Deployment' },
    });
    const patches = patchOperationsFor(apps, 'Deployment');
    expect(patches.map(([p]) => p).sort()).toEqual([
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status',
    ]);
    for (const [, op] of patches) {
      expect(op.parameters?.find((p) => p.name === 'fieldValidation' && p.in === 'query')).toBeDefined();
      expect(Object.keys(op.requestBody!.content)).toEqual([
        'application/apply-patch+yaml',
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/strategic-merge-patch+json',
      ]);
    }
    expect(item.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:name', 'path:namespace', 'query:pretty']);
  });

  it('lays out collection, all-namespaces and subresource paths with upstream operation ids', () => {
    const collection = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments']!;
    expect(collection.get?.operationId).toBe('listAppsV1NamespacedDeployment');
    expect(collection.get?.parameters?.some((p) => p.name === 'watch')).toBe(true);
    expect(collection.get?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/io.k8s.api.apps.v1.DeploymentList');
    expect(collection.post?.['x-kubernetes-action']).toBe('post');
    expect(collection.delete?.['x-kubernetes-action']).toBe('deletecollection');
    expect(apps.paths['/apis/apps/v1/deployments']?.get?.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    const scale = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale']!;
    expect(scale.patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(scale.get?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/io.k8s.api.autoscaling.v1.Scale');
    expect(apps.paths['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/scale']).toBeUndefined();
  });

  it('describes core subresources and scopes', () => {
    const log = core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log']!.get!;
    expect(log.operationId).toBe('readCoreV1NamespacedPodLog');
    expect(log.responses['200']?.content?.['text/plain']?.schema).toEqual({ type: 'string' });
    expect(log.parameters?.map((p) => p.name)).toContain('follow');
    expect(core.paths['/api/v1/namespaces/{name}/finalize']?.put?.operationId).toBe('replaceCoreV1NamespaceFinalize');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction']?.post?.['x-kubernetes-group-version-kind']).toEqual({ group: 'policy', version: 'v1', kind: 'Eviction' });
    expect(core.paths['/api/v1/namespaces/{namespace}/serviceaccounts/{name}/token']?.post?.requestBody?.content['application/json']?.schema.$ref).toBe(
      '#/components/schemas/io.k8s.api.authentication.v1.TokenRequest',
    );
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/exec']?.post?.['x-kubernetes-action']).toBe('connect');
    const node = core.paths['/api/v1/nodes/{name}']!;
    expect(node.parameters?.map((p) => p.name)).toEqual(['name', 'pretty']);
    expect(core.paths['/api/v1/namespaces/{namespace}/nodes']).toBeUndefined();
  });

  it('gives create-only review kinds just a POST', () => {
    const doc = docFor('authorization.k8s.io', 'v1');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/apis/authorization.k8s.io/v1/namespaces/{namespace}/localsubjectaccessreviews',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    ]);
    const item = doc.paths['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews']!;
    expect(Object.keys(item).filter((k) => k !== 'parameters')).toEqual(['post']);
  });

  it('carries exactly the schemas its operations reach, plus the meta kinds', () => {
    const schemas = apps.components.schemas;
    const missing = [...collectRefs(apps)].filter((name) => !schemas[name]);
    expect(missing).toEqual([]);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining([
      'io.k8s.api.apps.v1.Deployment',
      'io.k8s.api.core.v1.PodSpec',
      'io.k8s.api.autoscaling.v1.Scale',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
      'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
      'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    ]));
    expect(schemas['io.k8s.api.batch.v1.Job']).toBeUndefined();
    expect(schemas['io.k8s.api.core.v1.Service']).toBeUndefined();
    expect(apps).toMatchObject({ openapi: '3.0.0', info: { title: 'Kubernetes' } });
  });

  it('leaves out resources whose schema is unknown', () => {
    const doc = buildGroupVersionDocument({
      group: 'apps',
      version: 'v1',
      resources: [{ group: 'apps', version: 'v1', kind: 'Nope', resource: 'nopes', namespaced: true, verbs: ['get'], subresources: [] }],
    });
    expect(doc.paths).toEqual({});
  });

  it('builds, serializes and hashes every built-in group-version well within the startup budget', () => {
    const start = performance.now();
    for (const [, resources] of groupByGroupVersion(BUILTIN_OPENAPI_RESOURCES)) {
      const doc = buildGroupVersionDocument({ group: resources[0]!.group, version: resources[0]!.version, resources });
      documentHash(JSON.stringify(doc));
    }
    expect(performance.now() - start).toBeLessThan(300);
  });
});
