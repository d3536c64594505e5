import type { ResourceType, Strategy } from '../resource-type';
import { builtin, REPLICAS_SCALE } from './define';
import { podStrategy } from './pod-strategy';
import { configMapStrategy, eventStrategy, namespaceStrategy, nodeStrategy, pvcStrategy, secretStrategy, serviceAccountStrategy, serviceStrategy } from './core-strategies';
import { cronJobStrategy, daemonSetStrategy, deploymentStrategy, jobStrategy, replicaSetStrategy, statefulSetStrategy } from './workload-strategies';
import { eventsV1View } from './event-view';
import { crdStrategy } from './crd-strategy';

/**
 * The built-in resources the supervisor serves, with upstream's names, short names, categories
 * and subresources (as `kubectl api-resources` prints them on a 1.32 cluster).
 */
const roleRefImmutable: Strategy = {
  validateUpdate(obj, old) {
    const a = JSON.stringify(obj.roleRef ?? null);
    const b = JSON.stringify(old.roleRef ?? null);
    return a === b ? [] : [{ type: 'FieldValueInvalid', message: `Invalid value: ${a}: cannot change roleRef`, field: 'roleRef' }];
  },
};

const core = (o: Omit<Parameters<typeof builtin>[0], 'group' | 'version'>) => builtin({ group: '', version: 'v1', ...o });

export const BUILTIN_KINDS: ResourceType[] = [
  core({ resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], subresources: ['status', 'finalize'], nameRule: 'label', strategy: namespaceStrategy }),
  core({ resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'], subresources: ['status', 'log', 'binding', 'eviction'], strategy: podStrategy }),
  core({ resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ['all'], subresources: ['status'], nameRule: 'dns1035-label', strategy: serviceStrategy }),
  core({ resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], singular: 'endpoints' }),
  core({ resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], strategy: configMapStrategy }),
  core({ resource: 'secrets', kind: 'Secret', namespaced: true, strategy: secretStrategy }),
  core({ resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], subresources: ['token'], strategy: serviceAccountStrategy }),
  core({ resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'], strategy: eventStrategy }),
  core({ resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['status'], strategy: nodeStrategy }),
  core({ resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], subresources: ['status'] }),
  core({ resource: 'limitranges', kind: 'LimitRange', namespaced: true, shortNames: ['limits'] }),
  core({ resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'], strategy: pvcStrategy }),
  core({ resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], subresources: ['status'] }),
  core({ resource: 'podtemplates', kind: 'PodTemplate', namespaced: true }),

  builtin({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, generation: true, shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'], scale: REPLICAS_SCALE, strategy: deploymentStrategy }),
  builtin({ group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, generation: true, shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'], scale: REPLICAS_SCALE, strategy: replicaSetStrategy }),
  builtin({ group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, generation: true, shortNames: ['sts'], categories: ['all'], subresources: ['status', 'scale'], scale: REPLICAS_SCALE, strategy: statefulSetStrategy }),
  builtin({ group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, generation: true, shortNames: ['ds'], categories: ['all'], subresources: ['status'], strategy: daemonSetStrategy }),
  builtin({ group: 'apps', version: 'v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true }),

  builtin({ group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, generation: true, categories: ['all'], subresources: ['status'], strategy: jobStrategy }),
  builtin({ group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true, generation: true, shortNames: ['cj'], categories: ['all'], subresources: ['status'], strategy: cronJobStrategy }),

  builtin({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, generation: true, shortNames: ['hpa'], categories: ['all'], subresources: ['status'] }),

  builtin({ group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true }),
  builtin({ group: 'events.k8s.io', version: 'v1', resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'], table: 'core/events', view: eventsV1View }),
  builtin({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true }),
  builtin({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', kind: 'StorageClass', namespaced: false, shortNames: ['sc'] }),
  builtin({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] }),
  builtin({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, generation: true, shortNames: ['pdb'], subresources: ['status'] }),
  builtin({ group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, generation: true, shortNames: ['ing'], subresources: ['status'] }),
  builtin({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, generation: true, shortNames: ['netpol'] }),

  builtin({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', namespaced: true, nameRule: 'path-segment' }),
  builtin({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true, nameRule: 'path-segment', strategy: roleRefImmutable }),
  builtin({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false, nameRule: 'path-segment' }),
  builtin({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false, nameRule: 'path-segment', strategy: roleRefImmutable }),

  builtin({ group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, virtual: true }),
  builtin({ group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, virtual: true }),
  builtin({ group: 'authorization.k8s.io', version: 'v1', resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, virtual: true }),
  builtin({ group: 'authorization.k8s.io', version: 'v1', resource: 'localsubjectaccessreviews', kind: 'LocalSubjectAccessReview', namespaced: true, virtual: true }),
  builtin({ group: 'authentication.k8s.io', version: 'v1', resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, virtual: true }),
  builtin({ group: 'authentication.k8s.io', version: 'v1', resource: 'tokenreviews', kind: 'TokenReview', namespaced: false, virtual: true }),

  builtin({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, generation: true, shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'], strategy: crdStrategy }),
];

/** Preferred versions of built-in groups (the only version each serves). */
export const BUILTIN_PREFERRED: Record<string, string> = {
  '': 'v1',
  apps: 'v1',
  batch: 'v1',
  autoscaling: 'v2',
};
