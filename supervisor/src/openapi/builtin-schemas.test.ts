import { describe, expect, it } from 'vitest';
import { builtinComponents, builtinResolver, builtinSchemaFor, createResolver } from './builtin-schemas';
import { collectRefs } from './group-version-document';
import type { SchemaNode } from './schema-node';

/** Walks property names from a kind's schema, resolving references and array items on the way. */
function fieldOf(root: SchemaNode, path: string[]): SchemaNode {
  let node = root;
  for (const key of path) {
    let resolved = builtinResolver(node);
    if (resolved.type === 'array' && resolved.items) resolved = builtinResolver(resolved.items);
    const next = resolved.properties?.[key];
    if (!next) throw new Error(`no field ${key} in ${path.join('.')}`);
    node = next;
  }
  return node;
}

const deployment = builtinSchemaFor('apps', 'v1', 'Deployment')!;
const pod = builtinSchemaFor('', 'v1', 'Pod')!;

describe('built-in component schemas', () => {
  it('has Deployment, Pod and ConfigMap with descriptions and their GVK extension', () => {
    const configMap = builtinSchemaFor('', 'v1', 'ConfigMap')!;
    expect(deployment.description).toMatch(/declarative updates for Pods and ReplicaSets/);
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', version: 'v1', kind: 'Pod' }]);
    expect(configMap['x-kubernetes-group-version-kind']).toEqual([{ group: '', version: 'v1', kind: 'ConfigMap' }]);
    expect(configMap.properties?.data).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(configMap.properties?.data?.description).toMatch(/configuration data/);
    expect(builtinSchemaFor('apps', 'v1', 'DeploymentList')?.required).toEqual(['items']);
    expect(builtinComponents()['io.k8s.api.core.v1.PodSpec']?.required).toEqual(['containers']);
  });

  it('names components like upstream, including group-prefixed client-node models', () => {
    const names = Object.keys(builtinComponents());
    expect(names).toEqual(expect.arrayContaining([
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.api.core.v1.PodTemplateSpec',
      'io.k8s.api.core.v1.Event',
      'io.k8s.api.events.v1.Event',
      'io.k8s.api.rbac.v1.Subject',
      'io.k8s.api.autoscaling.v1.Scale',
      'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
      'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
    ]));
    for (const name of names) expect(name).toMatch(/^io\.k8s\.[a-z0-9.-]+\.[A-Z][A-Za-z0-9]*$/);
    expect(names.filter((n) => /\.([A-Z][a-z]+)?V\d+[A-Z]/.test(n))).toEqual([]);
  });

  it('resolves spec.template.spec.containers to a list merged on name, with containerPort-keyed ports', () => {
    const containers = fieldOf(deployment, ['spec', 'template', 'spec', 'containers']);
    expect(containers).toMatchObject({
      type: 'array',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    const container = builtinResolver(containers.items!);
    expect(container.required).toEqual(['name']);
    const ports = container.properties!.ports!;
    expect(ports).toMatchObject({ 'x-kubernetes-patch-merge-key': 'containerPort', 'x-kubernetes-list-map-keys': ['containerPort', 'protocol'] });
    expect(builtinResolver(ports.items!).properties?.containerPort).toMatchObject({ type: 'integer', format: 'int32' });
    expect(container.properties!.env).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name' });
    expect(container.properties!.volumeMounts).toMatchObject({ 'x-kubernetes-patch-merge-key': 'mountPath' });
  });

  it('carries the other patch strategies and map types from the upstream struct tags', () => {
    expect(fieldOf(pod, ['spec', 'volumes'])['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    expect(fieldOf(deployment, ['spec', 'strategy'])).toMatchObject({ 'x-kubernetes-patch-strategy': 'retainKeys', allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy' }] });
    expect(fieldOf(pod, ['metadata', 'finalizers'])).toMatchObject({ 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' });
    expect(fieldOf(pod, ['metadata', 'ownerReferences'])['x-kubernetes-patch-merge-key']).toBe('uid');
    expect(fieldOf(deployment, ['status', 'conditions'])).toMatchObject({ 'x-kubernetes-patch-merge-key': 'type', 'x-kubernetes-list-map-keys': ['type'] });
    expect(builtinResolver(fieldOf(deployment, ['spec', 'selector']))['x-kubernetes-map-type']).toBe('atomic');
    const service = builtinSchemaFor('', 'v1', 'Service')!;
    expect(fieldOf(service, ['spec', 'ports'])).toMatchObject({ 'x-kubernetes-patch-merge-key': 'port', 'x-kubernetes-list-map-keys': ['port', 'protocol'] });
  });

  it('spells IntOrString, Quantity, times, bytes and raw extensions as upstream types', () => {
    const maxSurge = builtinResolver(fieldOf(deployment, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']));
    expect(maxSurge).toMatchObject({ 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] });
    const targetPort = fieldOf(builtinSchemaFor('', 'v1', 'Service')!, ['spec', 'ports', 'targetPort']);
    expect(targetPort.allOf?.[0]?.$ref ?? targetPort.$ref).toBe('#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    const limits = fieldOf(pod, ['spec', 'containers', 'resources', 'limits']);
    expect(limits.additionalProperties).toEqual({ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' });
    expect(fieldOf(pod, ['metadata', 'creationTimestamp'])).toMatchObject({ type: 'string', format: 'date-time' });
    expect(fieldOf(builtinSchemaFor('', 'v1', 'Secret')!, ['data']).additionalProperties).toEqual({ type: 'string', format: 'byte' });
    const data = builtinResolver(fieldOf(builtinSchemaFor('apps', 'v1', 'ControllerRevision')!, ['data']));
    expect(data).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
  });

  it('has no dangling references', () => {
    const components = builtinComponents();
    const missing = [...collectRefs(components)].filter((name) => !components[name]);
    expect(missing).toEqual([]);
  });
});

describe('createResolver', () => {
  const components: Record<string, SchemaNode> = {
    a: { allOf: [{ $ref: '#/components/schemas/b' }] },
    b: { type: 'string' },
  };
  const resolve = createResolver((name) => components[name]);

  it('follows $ref and single-element allOf wrappers', () => {
    expect(resolve({ $ref: '#/components/schemas/a' })).toEqual({ type: 'string' });
    expect(resolve({ allOf: [{ $ref: '#/components/schemas/b' }], description: 'x' })).toEqual({ type: 'string' });
  });

  it('leaves concrete nodes alone and resolves unknown references to the empty schema', () => {
    const node: SchemaNode = { type: 'object', allOf: [{ type: 'object' }, { type: 'object' }] };
    expect(resolve(node)).toBe(node);
    expect(resolve({ $ref: '#/components/schemas/missing' })).toEqual({});
  });
});
