import { describe, expect, it } from 'vitest';
import { schemaRoot, typeForKind } from './schema';

describe('typeForKind', () => {
  it.each([
    ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Namespace'], ['v1', 'ServiceAccount'], ['v1', 'Service'], ['v1', 'ResourceQuota'], ['v1', 'Pod'], ['v1', 'Node'],
    ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'],
    ['rbac.authorization.k8s.io/v1', 'Role'], ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['rbac.authorization.k8s.io/v1', 'ClusterRole'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
    ['authorization.k8s.io/v1', 'SelfSubjectAccessReview'], ['authorization.k8s.io/v1', 'SelfSubjectRulesReview'], ['authentication.k8s.io/v1', 'SelfSubjectReview'], ['authentication.k8s.io/v1', 'TokenRequest'],
    ['autoscaling/v1', 'Scale'], ['autoscaling/v1', 'HorizontalPodAutoscaler'], ['policy/v1', 'Eviction'], ['policy/v1', 'PodDisruptionBudget'],
    ['networking.k8s.io/v1', 'Ingress'], ['scheduling.k8s.io/v1', 'PriorityClass'], ['coordination.k8s.io/v1', 'Lease'], ['events.k8s.io/v1', 'Event'],
    ['discovery.k8s.io/v1', 'EndpointSlice'], ['storage.k8s.io/v1', 'StorageClass'], ['certificates.k8s.io/v1', 'CertificateSigningRequest'],
    ['v1', 'DeleteOptions'], ['policy/v1', 'DeleteOptions'],
  ])('%s %s is a known kind', (apiVersion, kind) => {
    const type = typeForKind(apiVersion, kind);
    expect(type?.name).toBe(kind);
  });

  it('maps groups to their proto packages', () => {
    expect(typeForKind('rbac.authorization.k8s.io/v1', 'Role')?.fullName).toBe('.k8s.io.api.rbac.v1.Role');
    expect(typeForKind('v1', 'ConfigMap')?.fullName).toBe('.k8s.io.api.core.v1.ConfigMap');
    expect(typeForKind('authorization.k8s.io/v1', 'SelfSubjectAccessReview')?.fullName).toBe('.k8s.io.api.authorization.v1.SelfSubjectAccessReview');
  });

  it('knows nothing outside the registered kinds of the stable built-in groups', () => {
    expect(typeForKind('v1', 'ObjectMeta')).toBeNull();
    expect(typeForKind('v1', 'PodSpec')).toBeNull();
    expect(typeForKind('v1', 'configmap')).toBeNull();
    expect(typeForKind('apps/v1beta1', 'Deployment')).toBeNull();
    expect(typeForKind('rbac/v1', 'Role')).toBeNull();
    expect(typeForKind('example.com/v1', 'Widget')).toBeNull();
    expect(typeForKind('v1', 'toString')).toBeNull();
  });

  it('loads the schema once', () => {
    expect(schemaRoot()).toBe(schemaRoot());
  });
});
