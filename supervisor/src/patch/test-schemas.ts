/**
 * Hand-made schema fixtures for the patch tests, shaped like the OpenAPI v3 that kube-apiserver
 * publishes for built-in kinds: references as `$ref` or `allOf:[{$ref}]` with patch extensions beside
 * them, list maps with `x-kubernetes-list-map-keys`. Only the fields the tests touch are described.
 */
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';

const ref = (name: string): SchemaNode => ({ $ref: `#/components/schemas/${name}` });
const wrapped = (name: string, extra: Partial<SchemaNode> = {}): SchemaNode => ({ allOf: [ref(name)], ...extra });
const str: SchemaNode = { type: 'string' };
const int: SchemaNode = { type: 'integer', format: 'int32' };
const strMap: SchemaNode = { type: 'object', additionalProperties: { type: 'string' } };
const strList: SchemaNode = { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' };
const keyedList = (item: string, mergeKey: string, keys: string[], strategy = 'merge'): SchemaNode => ({
  type: 'array',
  items: wrapped(item),
  'x-kubernetes-patch-merge-key': mergeKey,
  'x-kubernetes-patch-strategy': strategy,
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
});

const P = 'io.k8s.api.core.v1.';
const M = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** A top-level kind: apiVersion, kind and defaulted metadata, then `properties`. */
const kindSchema = (properties: Record<string, SchemaNode>): SchemaNode => ({
  type: 'object',
  properties: { apiVersion: str, kind: str, metadata: wrapped(`${M}ObjectMeta`, { default: {} }), ...properties },
});
const defaultedObject = (properties: Record<string, SchemaNode>): SchemaNode => ({ type: 'object', default: {}, properties });

export const DEFINITIONS: Record<string, SchemaNode> = {
  [`${M}ObjectMeta`]: {
    type: 'object',
    properties: {
      name: str,
      namespace: str,
      labels: strMap,
      annotations: strMap,
      finalizers: { type: 'array', items: str, 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
      ownerReferences: keyedList(`${M}OwnerReference`, 'uid', ['uid']),
      managedFields: { type: 'array', items: { type: 'object' } },
    },
  },
  [`${M}OwnerReference`]: { type: 'object', properties: { apiVersion: str, kind: str, name: str, uid: str, controller: { type: 'boolean' } } },
  [`${M}LabelSelector`]: {
    type: 'object',
    properties: { matchLabels: strMap, matchExpressions: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' } },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${P}ConfigMap`]: kindSchema({ data: strMap, binaryData: strMap, immutable: { type: 'boolean' } }),
  [`${P}Container`]: {
    type: 'object',
    properties: {
      name: str,
      image: str,
      args: strList,
      command: strList,
      env: keyedList(`${P}EnvVar`, 'name', ['name']),
      ports: keyedList(`${P}ContainerPort`, 'containerPort', ['containerPort', 'protocol']),
      volumeMounts: keyedList(`${P}VolumeMount`, 'mountPath', ['mountPath']),
      resources: wrapped(`${P}ResourceRequirements`, { default: {} }),
    },
  },
  [`${P}EnvVar`]: { type: 'object', properties: { name: str, value: str, valueFrom: { type: 'object' } } },
  [`${P}ContainerPort`]: { type: 'object', properties: { name: str, containerPort: int, protocol: { type: 'string', default: 'TCP' } } },
  [`${P}VolumeMount`]: { type: 'object', properties: { name: str, mountPath: str, readOnly: { type: 'boolean' } } },
  [`${P}ResourceRequirements`]: { type: 'object', properties: { limits: strMap, requests: strMap } },
  [`${P}Volume`]: {
    type: 'object',
    properties: {
      name: str,
      configMap: wrapped(`${P}ConfigMapVolumeSource`),
      emptyDir: { type: 'object', properties: { medium: str, sizeLimit: str } },
      secret: { type: 'object', properties: { secretName: str } },
    },
  },
  [`${P}ConfigMapVolumeSource`]: { type: 'object', properties: { name: str, defaultMode: int } },
  [`${P}Toleration`]: { type: 'object', properties: { key: str, operator: str, effect: str } },
  [`${P}PodSpec`]: {
    type: 'object',
    properties: {
      containers: keyedList(`${P}Container`, 'name', ['name']),
      initContainers: keyedList(`${P}Container`, 'name', ['name']),
      volumes: keyedList(`${P}Volume`, 'name', ['name'], 'merge,retainKeys'),
      tolerations: { type: 'array', items: wrapped(`${P}Toleration`), 'x-kubernetes-list-type': 'atomic' },
      nodeSelector: { ...strMap, 'x-kubernetes-map-type': 'atomic' },
      serviceAccountName: str,
    },
    required: ['containers'],
  },
  [`${P}PodTemplateSpec`]: { type: 'object', properties: { metadata: wrapped(`${M}ObjectMeta`, { default: {} }), spec: wrapped(`${P}PodSpec`, { default: {} }) } },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    type: 'object',
    properties: { type: str, rollingUpdate: { type: 'object', properties: { maxSurge: { 'x-kubernetes-int-or-string': true }, maxUnavailable: { 'x-kubernetes-int-or-string': true } } } },
  },
  'io.k8s.api.apps.v1.Deployment': kindSchema({
    spec: defaultedObject({
      replicas: int,
      selector: wrapped(`${M}LabelSelector`),
      template: wrapped(`${P}PodTemplateSpec`, { default: {} }),
      strategy: wrapped('io.k8s.api.apps.v1.DeploymentStrategy', { 'x-kubernetes-patch-strategy': 'retainKeys', default: {} }),
    }),
    status: defaultedObject({ replicas: int, conditions: keyedList('io.k8s.api.apps.v1.DeploymentCondition', 'type', ['type']) }),
  }),
  'io.k8s.api.apps.v1.DeploymentCondition': { type: 'object', properties: { type: str, status: str, reason: str } },
  [`${P}ServicePort`]: { type: 'object', properties: { name: str, port: int, targetPort: { 'x-kubernetes-int-or-string': true }, protocol: { type: 'string', default: 'TCP' } } },
  [`${P}Service`]: kindSchema({
    spec: defaultedObject({
      ports: keyedList(`${P}ServicePort`, 'port', ['port', 'protocol']),
      selector: { ...strMap, 'x-kubernetes-map-type': 'atomic' },
      type: str,
      clusterIP: str,
    }),
  }),
};

/** Follows `$ref` and single-element `allOf` wrappers, as the real resolver does. */
export const resolveFixture: SchemaResolver = (node) => {
  let current = node;
  for (let depth = 0; depth < 32; depth++) {
    if (current.$ref) {
      const target = DEFINITIONS[current.$ref.replace('#/components/schemas/', '')];
      if (!target) throw new Error(`unknown reference ${current.$ref}`);
      current = target;
    } else if (current.allOf?.length === 1 && !current.properties && !current.type) {
      current = current.allOf[0] as SchemaNode;
    } else {
      return current;
    }
  }
  return current;
};

export const configMapSchema = ref(`${P}ConfigMap`);
export const deploymentSchema = ref('io.k8s.api.apps.v1.Deployment');
export const serviceSchema = ref(`${P}Service`);

/** A CRD's openAPIV3Schema: no merge keys, a list-map, a set, free-form config; metadata undescribed. */
export const widgetSchema: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: str,
    kind: str,
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        endpoints: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', properties: { name: str, url: str, weight: { type: 'integer' } }, required: ['name'] },
        },
        tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: str },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};
