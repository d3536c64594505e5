import type { Store } from '../storage/store';
import type { ClusterRole, ClusterRoleBinding, RbacSource, Role, RoleBinding } from './rbac-types';

/**
 * RBAC objects read straight from the store, with bindings indexed by namespace. The index is
 * rebuilt lazily after any binding changes, so authorization stays a few map lookups per request.
 */
const ROLES = 'rbac.authorization.k8s.io/roles';
const CLUSTER_ROLES = 'rbac.authorization.k8s.io/clusterroles';
const ROLE_BINDINGS = 'rbac.authorization.k8s.io/rolebindings';
const CLUSTER_ROLE_BINDINGS = 'rbac.authorization.k8s.io/clusterrolebindings';

export class StoreRbacSource implements RbacSource {
  private roleBindings: Map<string, RoleBinding[]> | undefined;
  private clusterRoleBindings: ClusterRoleBinding[] | undefined;

  constructor(private readonly store: Store) {
    store.subscribe(ROLE_BINDINGS, () => (this.roleBindings = undefined));
    store.subscribe(CLUSTER_ROLE_BINDINGS, () => (this.clusterRoleBindings = undefined));
  }

  getRole(namespace: string, name: string): Role | undefined {
    return this.store.get(ROLES, namespace, name)?.obj as Role | undefined;
  }

  getClusterRole(name: string): ClusterRole | undefined {
    return this.store.get(CLUSTER_ROLES, '', name)?.obj as ClusterRole | undefined;
  }

  listRoleBindings(namespace: string): readonly RoleBinding[] {
    if (!this.roleBindings) {
      const index = new Map<string, RoleBinding[]>();
      for (const s of this.store.list(ROLE_BINDINGS)) {
        const ns = s.obj.metadata.namespace ?? '';
        const list = index.get(ns) ?? [];
        list.push(s.obj as RoleBinding);
        index.set(ns, list);
      }
      this.roleBindings = index;
    }
    return this.roleBindings.get(namespace) ?? [];
  }

  listClusterRoleBindings(): readonly ClusterRoleBinding[] {
    this.clusterRoleBindings ??= this.store.list(CLUSTER_ROLE_BINDINGS).map((s) => s.obj as ClusterRoleBinding);
    return this.clusterRoleBindings;
  }
}
