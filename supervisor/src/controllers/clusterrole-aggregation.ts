import { aggregateClusterRoles } from '../auth/rbac-aggregation';
import type { ClusterRole } from '../auth/rbac-types';
import type { KubeObject } from '../api/types';
import { SYSTEM_USER } from '../core/objects';
import { clone } from '../storage/store';
import { stableStringify } from '../util/stable-json';
import type { ControllerContext } from './controller-context';
import { WorkQueue } from './work-queue';

/**
 * ClusterRole aggregation (kube-controller-manager's clusterrole-aggregation controller): any
 * ClusterRole change re-computes the rules of every role with an aggregationRule and writes
 * those that differ.
 */
const TABLE = 'rbac.authorization.k8s.io/clusterroles';

export function startClusterRoleAggregation({ core, onStop }: ControllerContext): void {
  const { store, registry, objects } = core;
  const rt = registry.lookup('rbac.authorization.k8s.io', 'v1', 'clusterroles')!;
  const queue = new WorkQueue('clusterrole-aggregation', () => {
    const roles = store.list(TABLE).map((s) => s.obj as ClusterRole);
    for (const { name, rules } of aggregateClusterRoles(roles)) {
      const stored = store.get(TABLE, '', name);
      if (!stored || stableStringify(stored.obj.rules ?? []) === stableStringify(rules)) continue;
      const next = clone<KubeObject>(stored);
      next.rules = rules;
      objects.commitUpdate(rt, stored, next, { user: SYSTEM_USER, fieldManager: 'clusterrole-aggregation-controller' });
    }
  });
  const unsubscribe = store.subscribe(TABLE, () => queue.add('all'));
  queue.add('all');
  onStop(() => {
    unsubscribe();
    queue.stop();
  });
}
