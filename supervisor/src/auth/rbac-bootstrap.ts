/**
 * The default RBAC objects every cluster starts with, modelled on kubernetes/kubernetes
 * `plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go` (the subset a Glasspane supervisor
 * serves): cluster-admin, the aggregated admin/edit/view with the `system:aggregate-to-*` roles
 * that hold their rules, discovery, basic-user and public-info-viewer, and their bindings.
 */
import { RBAC_API_VERSION, type ClusterRole, type ClusterRoleBinding, type PolicyRule, type Subject } from './rbac-types';

export const BOOTSTRAP_LABELS = Object.freeze({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';
export const AGGREGATE_TO_ADMIN = 'rbac.authorization.k8s.io/aggregate-to-admin';
export const AGGREGATE_TO_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
export const AGGREGATE_TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';

export const READ = ['get', 'list', 'watch'];
export const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
export const READ_WRITE = [...READ, ...WRITE];

export function resourceRule(verbs: string[], apiGroups: string[], resources: string[], resourceNames?: string[]): PolicyRule {
  const rule: PolicyRule = { verbs: [...verbs], apiGroups: [...apiGroups], resources: [...resources] };
  if (resourceNames?.length) rule.resourceNames = [...resourceNames];
  return rule;
}

export function urlRule(verbs: string[], urls: string[]): PolicyRule {
  return { verbs: [...verbs], nonResourceURLs: [...urls] };
}

export function groupSubject(name: string): Subject {
  return { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name };
}

export function userSubject(name: string): Subject {
  return { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name };
}

function defaultsMeta(name: string, labels: Record<string, string> = {}) {
  return { name, labels: { ...labels, ...BOOTSTRAP_LABELS }, annotations: { [AUTOUPDATE_ANNOTATION]: 'true' } };
}

function clusterRole(name: string, rules: PolicyRule[], labels?: Record<string, string>): ClusterRole {
  return { apiVersion: RBAC_API_VERSION, kind: 'ClusterRole', metadata: defaultsMeta(name, labels), rules };
}

function aggregatedRole(name: string, selectLabel: string, labels?: Record<string, string>): ClusterRole {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRole',
    metadata: defaultsMeta(name, labels),
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [selectLabel]: 'true' } }] },
    rules: [],
  };
}

function clusterBinding(name: string, subjects: Subject[], roleName = name): ClusterRoleBinding {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: defaultsMeta(name),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  };
}

const core = [''];

/** Rules of `system:aggregate-to-view`: read access to non-escalating namespaced resources (no secrets). */
function viewRules(): PolicyRule[] {
  return [
    resourceRule(READ, core, ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
    resourceRule(READ, core, ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
    // Reading namespaces at namespace scope means reading *this* namespace.
    resourceRule(READ, core, ['namespaces']),
    resourceRule(READ, ['discovery.k8s.io'], ['endpointslices']),
    resourceRule(READ, ['apps'], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
    resourceRule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
    resourceRule(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
    resourceRule(READ, ['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
    resourceRule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
    resourceRule(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
  ];
}

/** Rules of `system:aggregate-to-edit`: writes to workloads, plus secrets, exec/attach/port-forward and SA impersonation. */
function editRules(): PolicyRule[] {
  return [
    resourceRule(READ, core, ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
    resourceRule(['impersonate'], core, ['serviceaccounts']),
    resourceRule(WRITE, core, ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
    resourceRule(['create'], core, ['pods/eviction']),
    resourceRule(WRITE, core, ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
    resourceRule(['create'], core, ['serviceaccounts/token']),
    resourceRule(WRITE, ['apps'], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
    resourceRule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
    resourceRule(WRITE, ['batch'], ['jobs', 'cronjobs']),
    resourceRule(WRITE, ['extensions'], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
    resourceRule(WRITE, ['policy'], ['poddisruptionbudgets']),
    resourceRule(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
    resourceRule(READ_WRITE, ['coordination.k8s.io'], ['leases']),
  ];
}

/** Rules of `system:aggregate-to-admin`: edit plus managing RBAC inside the namespace. */
function adminRules(): PolicyRule[] {
  return [
    resourceRule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
    resourceRule(READ_WRITE, ['rbac.authorization.k8s.io'], ['roles', 'rolebindings']),
  ];
}

/** Upstream default ClusterRoles; admin/edit/view carry empty rules until aggregated. */
export function defaultClusterRoles(): ClusterRole[] {
  return [
    clusterRole('cluster-admin', [resourceRule(['*'], ['*'], ['*']), urlRule(['*'], ['*'])]),
    clusterRole('system:discovery', [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])]),
    clusterRole('system:basic-user', [
      resourceRule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
      resourceRule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
    ]),
    clusterRole('system:public-info-viewer', [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
    aggregatedRole('admin', AGGREGATE_TO_ADMIN),
    aggregatedRole('edit', AGGREGATE_TO_EDIT, { [AGGREGATE_TO_ADMIN]: 'true' }),
    aggregatedRole('view', AGGREGATE_TO_VIEW, { [AGGREGATE_TO_EDIT]: 'true' }),
    clusterRole('system:aggregate-to-admin', adminRules(), { [AGGREGATE_TO_ADMIN]: 'true' }),
    clusterRole('system:aggregate-to-edit', editRules(), { [AGGREGATE_TO_EDIT]: 'true' }),
    clusterRole('system:aggregate-to-view', viewRules(), { [AGGREGATE_TO_VIEW]: 'true' }),
  ];
}

export function defaultClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    clusterBinding('cluster-admin', [groupSubject('system:masters')]),
    clusterBinding('system:discovery', [groupSubject('system:authenticated')]),
    clusterBinding('system:basic-user', [groupSubject('system:authenticated')]),
    clusterBinding('system:public-info-viewer', [groupSubject('system:authenticated'), groupSubject('system:unauthenticated')]),
  ];
}
