import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import { splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { stableStringify } from '../../../util/stable-json';
import { claimObjects, selectorMatches } from '../kit/claim';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes } from '../kit/object-index';
import { controllerOf } from '../../../controllers/kit/owner-refs';
import { isNamespaceTerminating, PodControl } from '../kit/pod-control';
import { isPodActive, isPodReady } from '../kit/pod-state';
import { podFromTemplate } from '../kit/pod-template';
import type { Pod, ReplicaSet } from '../kit/types';
import { podsToDelete } from './pod-ranking';
import { calculateReplicaSetStatus } from './replicaset-status';

/**
 * kube-controller-manager's ReplicaSet controller: keeps `spec.replicas` active pods (creating
 * `<rs>-xxxxx` pods from the template, deleting the lowest-ranked extras), adopts matching
 * orphans, replaces pods that finish or are deleted, and reports status. A failed create (for
 * example refused by ResourceQuota admission) leaves a FailedCreate event and a ReplicaFailure
 * condition, and is retried with back-off.
 */
const BURST_REPLICAS = 500;

export function startReplicaSetController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const pods = new PodControl(client, recorderFor(ctx, 'replicaset-controller'));
  const podIndex = indexes.of<Pod>('core/pods');
  const rsIndex = indexes.of<ReplicaSet>('apps/replicasets');

  const podKeys = (e: StoreEvent): string[] => {
    const keys = new Set<string>();
    for (const s of [e.cur, e.prev]) {
      if (!s) continue;
      const ref = controllerOf(s.obj);
      if (ref?.kind === 'ReplicaSet') keys.add(keyOf(e.namespace, ref.name));
      else if (!ref && e.type !== 'DELETED') {
        for (const rs of rsIndex.inNamespace(e.namespace)) if (selectorMatches(rs.spec.selector, s.obj.metadata.labels)) keys.add(keyOf(e.namespace, rs.metadata.name));
      }
    }
    return [...keys];
  };

  const relatedPods = (rs: ReplicaSet): Pod[] => {
    const owner = controllerOf(rs);
    const family = owner ? rsIndex.ownedBy(owner.uid) : [rs];
    return family.flatMap((r) => podIndex.ownedBy(r.metadata.uid));
  };

  const manageReplicas = (rs: ReplicaSet, active: Pod[]): Error | undefined => {
    const diff = active.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
        try {
          pods.create(podFromTemplate(rs.spec.template, rs), rs);
        } catch (e) {
          return isNamespaceTerminating(e) ? undefined : (e as Error);
        }
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(active, relatedPods(rs), Math.min(diff, BURST_REPLICAS), Date.now())) {
        try {
          pods.delete(pod, rs);
        } catch (e) {
          return e as Error;
        }
      }
    }
    return undefined;
  };

  const controller = startController(ctx, {
    name: 'replicaset-controller',
    primary: 'apps/replicasets',
    watches: [{ table: 'core/pods', keys: podKeys }],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const rs = rsIndex.get(namespace, name);
      if (!rs) return;
      const candidates = [...podIndex.ownedBy(rs.metadata.uid), ...podIndex.inNamespace(namespace).filter((p) => !controllerOf(p))];
      const owned = claimObjects(client, { apiVersion: 'v1', resource: 'pods' }, rs, rs.spec.selector, candidates);
      const active = owned.filter(isPodActive);
      const error = rs.metadata.deletionTimestamp ? undefined : manageReplicas(rs, active);
      const current = (podIndex.ownedBy(rs.metadata.uid) as Pod[]).filter(isPodActive);
      const status = calculateReplicaSetStatus(rs, current, error, Date.now(), ctx.clock.scale);
      const fresh = rsIndex.get(namespace, name);
      if (fresh && stableStringify(fresh.status ?? {}) !== stableStringify(status)) {
        client.updateStatus('apps/v1', 'replicasets', { ...fresh, status });
      }
      const minReady = rs.spec.minReadySeconds ?? 0;
      if (minReady > 0 && current.some(isPodReady) && (status.availableReplicas ?? 0) < (status.readyReplicas ?? 0)) controller.requeueAfter(key, minReady * 1000);
      if (error) throw error;
    },
  });
}
