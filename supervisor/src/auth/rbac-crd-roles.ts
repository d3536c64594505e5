/**
 * Per-CRD ClusterRoles that plug custom resources into the aggregated view/edit/admin roles.
 *
 * Upstream, a CRD's kinds reach `edit` only when someone creates ClusterRoles labelled
 * `aggregate-to-edit` for them. Glasspane does that for every CRD: when a CRD is established,
 * its controller writes these two roles (and deletes them with the CRD, found by the
 * `glasspane.io/crd` label); the aggregation controller then folds them into view/edit/admin.
 * A CRD that ships its own aggregate-to-* roles may do both: aggregation drops duplicate rules.
 *
 * - `glasspane:crd:<crd>:view` (aggregate-to-view): get/list/watch on the resource and its
 *   status/scale subresources.
 * - `glasspane:crd:<crd>:edit` (aggregate-to-edit): create/update/patch/delete/deletecollection
 *   on the resource and `scale`, for namespaced CRDs only, since `edit` is meant for namespaces
 *   (a cluster-wide binding of edit must not grant writes to cluster-scoped kinds). Status
 *   writes stay with controllers, as for built-in kinds.
 */
import { AGGREGATE_TO_EDIT, AGGREGATE_TO_VIEW, READ, WRITE, resourceRule } from './rbac-bootstrap';
import { RBAC_API_VERSION, type ClusterRole } from './rbac-types';

export const CRD_ROLE_LABEL = 'glasspane.io/crd';

/** The parts of a CustomResourceDefinition these roles depend on. */
export interface CrdRoleInput {
  group: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  /** Whether some served version has a status / scale subresource. */
  status?: boolean;
  scale?: boolean;
}

function role(name: string, crdName: string, aggregateLabel: string, rules: ClusterRole['rules']): ClusterRole {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRole',
    metadata: { name, labels: { [aggregateLabel]: 'true', [CRD_ROLE_LABEL]: crdName } },
    rules,
  };
}

export function customResourceClusterRoles(crd: CrdRoleInput): ClusterRole[] {
  const crdName = `${crd.plural}.${crd.group}`;
  const readable = [crd.plural];
  if (crd.status) readable.push(`${crd.plural}/status`);
  if (crd.scale) readable.push(`${crd.plural}/scale`);
  const roles = [role(`glasspane:crd:${crdName}:view`, crdName, AGGREGATE_TO_VIEW, [resourceRule(READ, [crd.group], readable)])];
  if (crd.scope === 'Namespaced') {
    const writable = crd.scale ? [crd.plural, `${crd.plural}/scale`] : [crd.plural];
    roles.push(role(`glasspane:crd:${crdName}:edit`, crdName, AGGREGATE_TO_EDIT, [resourceRule(WRITE, [crd.group], writable)]));
  }
  return roles;
}
