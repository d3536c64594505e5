import { builtinDefinitionName } from './definition-names';
import type { OpenAPIResource } from './types';

/**
 * The built-in resources whose schemas are generated into generated/builtin-schemas.json and
 * that the OpenAPI documents can describe. The API server's own registry is authoritative for
 * what is served; this list drives schema generation (every kind here, its list kind and the
 * kinds its subresources use get a component) and lets the documents be tested end to end.
 */

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];

interface Entry {
  kind: string;
  resource: string;
  namespaced: boolean;
  subresources?: string[];
  verbs?: string[];
}

function groupVersion(group: string, version: string, entries: Entry[]): OpenAPIResource[] {
  return entries.map((e) => ({
    group,
    version,
    kind: e.kind,
    resource: e.resource,
    namespaced: e.namespaced,
    verbs: e.verbs ?? ALL_VERBS,
    subresources: e.subresources ?? [],
    schemaRef: builtinDefinitionName(group, version, e.kind),
  }));
}

const N = true;
const C = false;

export const BUILTIN_OPENAPI_RESOURCES: readonly OpenAPIResource[] = [
  ...groupVersion('', 'v1', [
    { kind: 'Namespace', resource: 'namespaces', namespaced: C, subresources: ['status', 'finalize'] },
    { kind: 'Pod', resource: 'pods', namespaced: N, subresources: ['status', 'log', 'binding', 'eviction', 'exec', 'attach', 'portforward'] },
    { kind: 'Service', resource: 'services', namespaced: N, subresources: ['status'] },
    { kind: 'Endpoints', resource: 'endpoints', namespaced: N },
    { kind: 'ConfigMap', resource: 'configmaps', namespaced: N },
    { kind: 'Secret', resource: 'secrets', namespaced: N },
    { kind: 'ServiceAccount', resource: 'serviceaccounts', namespaced: N, subresources: ['token'] },
    { kind: 'Event', resource: 'events', namespaced: N },
    { kind: 'Node', resource: 'nodes', namespaced: C, subresources: ['status'] },
    { kind: 'ResourceQuota', resource: 'resourcequotas', namespaced: N, subresources: ['status'] },
    { kind: 'LimitRange', resource: 'limitranges', namespaced: N },
    { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', namespaced: N, subresources: ['status'] },
    { kind: 'PersistentVolume', resource: 'persistentvolumes', namespaced: C, subresources: ['status'] },
    { kind: 'PodTemplate', resource: 'podtemplates', namespaced: N },
  ]),
  ...groupVersion('apps', 'v1', [
    { kind: 'Deployment', resource: 'deployments', namespaced: N, subresources: ['status', 'scale'] },
    { kind: 'ReplicaSet', resource: 'replicasets', namespaced: N, subresources: ['status', 'scale'] },
    { kind: 'StatefulSet', resource: 'statefulsets', namespaced: N, subresources: ['status', 'scale'] },
    { kind: 'DaemonSet', resource: 'daemonsets', namespaced: N, subresources: ['status'] },
    { kind: 'ControllerRevision', resource: 'controllerrevisions', namespaced: N },
  ]),
  ...groupVersion('batch', 'v1', [
    { kind: 'Job', resource: 'jobs', namespaced: N, subresources: ['status'] },
    { kind: 'CronJob', resource: 'cronjobs', namespaced: N, subresources: ['status'] },
  ]),
  ...groupVersion('autoscaling', 'v2', [
    { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', namespaced: N, subresources: ['status'] },
  ]),
  ...groupVersion('discovery.k8s.io', 'v1', [{ kind: 'EndpointSlice', resource: 'endpointslices', namespaced: N }]),
  ...groupVersion('events.k8s.io', 'v1', [{ kind: 'Event', resource: 'events', namespaced: N }]),
  ...groupVersion('coordination.k8s.io', 'v1', [{ kind: 'Lease', resource: 'leases', namespaced: N }]),
  ...groupVersion('storage.k8s.io', 'v1', [{ kind: 'StorageClass', resource: 'storageclasses', namespaced: C }]),
  ...groupVersion('scheduling.k8s.io', 'v1', [{ kind: 'PriorityClass', resource: 'priorityclasses', namespaced: C }]),
  ...groupVersion('policy', 'v1', [
    { kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets', namespaced: N, subresources: ['status'] },
  ]),
  ...groupVersion('networking.k8s.io', 'v1', [
    { kind: 'Ingress', resource: 'ingresses', namespaced: N, subresources: ['status'] },
    { kind: 'NetworkPolicy', resource: 'networkpolicies', namespaced: N },
  ]),
  ...groupVersion('rbac.authorization.k8s.io', 'v1', [
    { kind: 'Role', resource: 'roles', namespaced: N },
    { kind: 'RoleBinding', resource: 'rolebindings', namespaced: N },
    { kind: 'ClusterRole', resource: 'clusterroles', namespaced: C },
    { kind: 'ClusterRoleBinding', resource: 'clusterrolebindings', namespaced: C },
  ]),
  ...groupVersion('authorization.k8s.io', 'v1', [
    { kind: 'SelfSubjectAccessReview', resource: 'selfsubjectaccessreviews', namespaced: C, verbs: CREATE_ONLY },
    { kind: 'SelfSubjectRulesReview', resource: 'selfsubjectrulesreviews', namespaced: C, verbs: CREATE_ONLY },
    { kind: 'SubjectAccessReview', resource: 'subjectaccessreviews', namespaced: C, verbs: CREATE_ONLY },
    { kind: 'LocalSubjectAccessReview', resource: 'localsubjectaccessreviews', namespaced: N, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('authentication.k8s.io', 'v1', [
    { kind: 'SelfSubjectReview', resource: 'selfsubjectreviews', namespaced: C, verbs: CREATE_ONLY },
    { kind: 'TokenReview', resource: 'tokenreviews', namespaced: C, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('apiextensions.k8s.io', 'v1', [
    { kind: 'CustomResourceDefinition', resource: 'customresourcedefinitions', namespaced: C, subresources: ['status'] },
  ]),
];
