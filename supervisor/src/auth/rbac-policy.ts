/**
 * The RBAC objects a fresh Glasspane supervisor is seeded with: upstream's defaults
 * (rbac-bootstrap) plus the demo personas.
 *
 * - `admin`: authenticates in group `system:masters`, which is always allowed (and bound to
 *   cluster-admin); no binding of its own.
 * - `devops`: ClusterRoleBinding to `glasspane:devops`, an aggregated ClusterRole = everything
 *   `edit` holds (workloads, services, config maps, secrets, jobs, PVCs, events, and every CRD's
 *   kinds through the per-CRD roles of rbac-crd-roles) in every namespace, plus read-only access
 *   to cluster-scoped objects (nodes, namespaces, PVs, storage classes, CRDs, cluster RBAC,
 *   priority/ingress/runtime classes) and events.k8s.io events. No cluster-scoped writes: devops
 *   cannot create ClusterRoles, delete nodes or change CRDs. Extra devops powers can be added by
 *   labelling a ClusterRole `glasspane.io/aggregate-to-devops: "true"`.
 * - `developer`: RoleBinding `developer-edit` in namespace `team-a` to `edit`; cluster-wide only
 *   what every authenticated user has (system:discovery, system:basic-user, public-info-viewer).
 */
import { withAggregatedRules } from './rbac-aggregation';
import {
  AGGREGATE_TO_EDIT,
  READ,
  defaultClusterRoleBindings,
  defaultClusterRoles,
  resourceRule,
  userSubject,
} from './rbac-bootstrap';
import { RBAC_API_VERSION, type ClusterRole, type ClusterRoleBinding, type RoleBinding } from './rbac-types';

export const DEMO_LABELS = Object.freeze({ 'glasspane.io/bootstrapping': 'demo' });
export const AGGREGATE_TO_DEVOPS = 'glasspane.io/aggregate-to-devops';
export const DEVELOPER_NAMESPACE = 'team-a';

export interface RbacPolicy {
  clusterRoles: ClusterRole[];
  clusterRoleBindings: ClusterRoleBinding[];
  roleBindings: RoleBinding[];
}

function meta(name: string, extra: { namespace?: string; labels?: Record<string, string>; description?: string } = {}) {
  const m: ClusterRole['metadata'] = { name, labels: { ...(extra.labels ?? {}), ...DEMO_LABELS } };
  if (extra.namespace) m.namespace = extra.namespace;
  if (extra.description) m.annotations = { 'glasspane.io/description': extra.description };
  return m;
}

function glasspaneClusterRoles(): ClusterRole[] {
  return [
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'ClusterRole',
      metadata: meta('glasspane:devops', { description: 'Manages workloads in every namespace, reads cluster-scoped objects.' }),
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO_EDIT]: 'true' } }, { matchLabels: { [AGGREGATE_TO_DEVOPS]: 'true' } }],
      },
      rules: [],
    },
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'ClusterRole',
      metadata: meta('glasspane:aggregate-to-devops', { labels: { [AGGREGATE_TO_DEVOPS]: 'true' }, description: 'Cluster-scoped read access for glasspane:devops.' }),
      rules: [
        resourceRule(READ, [''], ['nodes', 'nodes/status', 'namespaces', 'namespaces/status', 'persistentvolumes']),
        resourceRule(READ, ['storage.k8s.io'], ['storageclasses', 'csidrivers', 'csinodes', 'volumeattachments']),
        resourceRule(READ, ['apiextensions.k8s.io'], ['customresourcedefinitions']),
        resourceRule(READ, ['rbac.authorization.k8s.io'], ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings']),
        resourceRule(READ, ['scheduling.k8s.io'], ['priorityclasses']),
        resourceRule(READ, ['networking.k8s.io'], ['ingressclasses']),
        resourceRule(READ, ['node.k8s.io'], ['runtimeclasses']),
        resourceRule(READ, ['events.k8s.io'], ['events']),
      ],
    },
  ];
}

function glasspaneClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'ClusterRoleBinding',
      metadata: meta('glasspane:devops'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'glasspane:devops' },
      subjects: [userSubject('devops')],
    },
  ];
}

function glasspaneRoleBindings(): RoleBinding[] {
  return [
    {
      apiVersion: RBAC_API_VERSION,
      kind: 'RoleBinding',
      metadata: meta('developer-edit', { namespace: DEVELOPER_NAMESPACE }),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [userSubject('developer')],
    },
  ];
}

/**
 * All seed objects, with aggregated ClusterRoles already holding their aggregated rules (what
 * the aggregation controller would write), so the policy is usable before any controller runs.
 * The `team-a` namespace itself is not part of RBAC and must be seeded by the caller.
 */
export function bootstrapPolicy(): RbacPolicy {
  return {
    clusterRoles: withAggregatedRules([...defaultClusterRoles(), ...glasspaneClusterRoles()]),
    clusterRoleBindings: [...defaultClusterRoleBindings(), ...glasspaneClusterRoleBindings()],
    roleBindings: glasspaneRoleBindings(),
  };
}
