/**
 * An `RbacSource` over fixed lists, indexed once so each lookup is a map access. Used by tests
 * and usable by the server as a snapshot it rebuilds when RBAC objects change.
 */
import type { ClusterRole, ClusterRoleBinding, RbacSource, Role, RoleBinding } from './rbac-types';

export interface RbacObjects {
  roles?: readonly Role[];
  clusterRoles?: readonly ClusterRole[];
  roleBindings?: readonly RoleBinding[];
  clusterRoleBindings?: readonly ClusterRoleBinding[];
}

const NONE: readonly RoleBinding[] = Object.freeze([]);

export function staticRbacSource(objects: RbacObjects): RbacSource {
  const roles = new Map<string, Role>();
  for (const r of objects.roles ?? []) roles.set(`${r.metadata.namespace ?? ''}/${r.metadata.name ?? ''}`, r);
  const clusterRoles = new Map<string, ClusterRole>();
  for (const r of objects.clusterRoles ?? []) clusterRoles.set(r.metadata.name ?? '', r);
  const roleBindings = new Map<string, RoleBinding[]>();
  for (const b of objects.roleBindings ?? []) {
    const ns = b.metadata.namespace ?? '';
    const list = roleBindings.get(ns);
    if (list) list.push(b);
    else roleBindings.set(ns, [b]);
  }
  const clusterRoleBindings = [...(objects.clusterRoleBindings ?? [])];
  return {
    getRole: (namespace, name) => roles.get(`${namespace}/${name}`),
    getClusterRole: (name) => clusterRoles.get(name),
    listRoleBindings: (namespace) => roleBindings.get(namespace) ?? NONE,
    listClusterRoleBindings: () => clusterRoleBindings,
  };
}
