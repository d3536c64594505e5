import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import { splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { selectorMatches } from '../kit/claim';
import { getCondition, newCondition, setCondition } from '../kit/conditions';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes } from '../kit/object-index';
import { controllerOf } from '../../../controllers/kit/owner-refs';
import { deepCopy } from '../kit/pod-template';
import type { Deployment, Pod, ReplicaSet } from '../kit/types';
import { DeploymentActions } from './deployment-actions';
import { rolloutRecreate, rolloutRolling, scaleDeployment } from './deployment-rollout';
import { hasProgressDeadline, REASON } from './deployment-status';
import { activeReplicaSets } from './replica-sets';
import { desiredReplicasAnnotation, replicasOf } from './rollout-math';

/**
 * kube-controller-manager's Deployment controller (deployment_controller.go syncDeployment):
 * status only while deleting, Paused/Resumed conditions, scaling when only the size changed or
 * the rollout is paused, otherwise a RollingUpdate or Recreate rollout step. Re-synced on
 * changes of its ReplicaSets, on deletions of their pods (Recreate waits for them), and when a
 * progress deadline is due.
 */
export function startDeploymentController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const recorder = recorderFor(ctx, 'deployment-controller');
  const rsIndex = indexes.of<ReplicaSet>('apps/replicasets');
  const podIndex = indexes.of<Pod>('core/pods');
  const deployIndex = indexes.of<Deployment>('apps/deployments');

  const rsKeys = (e: StoreEvent): string[] => {
    const keys = new Set<string>();
    for (const s of [e.cur, e.prev]) {
      if (!s) continue;
      const ref = controllerOf(s.obj);
      if (ref?.kind === 'Deployment') keys.add(keyOf(e.namespace, ref.name));
      else if (!ref && e.type !== 'DELETED') {
        for (const d of deployIndex.inNamespace(e.namespace)) if (selectorMatches(d.spec.selector, s.obj.metadata.labels)) keys.add(keyOf(e.namespace, d.metadata.name));
      }
    }
    return [...keys];
  };
  const podKeys = (e: StoreEvent): string[] => {
    if (e.type !== 'DELETED') return [];
    const ref = controllerOf(e.cur.obj);
    if (ref?.kind !== 'ReplicaSet') return [];
    const rs = rsIndex.get(e.namespace, ref.name);
    const owner = rs ? controllerOf(rs) : undefined;
    return owner?.kind === 'Deployment' ? [keyOf(e.namespace, owner.name)] : [];
  };

  const controller = startController(ctx, {
    name: 'deployment-controller',
    primary: 'apps/deployments',
    watches: [
      { table: 'apps/replicasets', keys: rsKeys },
      { table: 'core/pods', keys: podKeys },
    ],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const stored = deployIndex.get(namespace, name);
      if (!stored) return;
      syncDeployment(deepCopy(stored));
    },
  });

  const actions = new DeploymentActions(ctx, client, recorder, rsIndex, (d, ms) => controller.requeueAfter(keyOf(d.metadata.namespace, d.metadata.name), ms));

  const syncDeployment = (d: Deployment): void => {
    const selector = d.spec.selector ?? {};
    if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
      recorder.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      return;
    }
    const rsList = actions.replicaSetsFor(d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = actions.allReplicaSets(d, rsList, false);
      return actions.syncStatus([...oldRSs, ...(newRS ? [newRS] : [])], newRS, d);
    }
    checkPausedConditions(d);
    if (d.spec.paused || isScalingEvent(d, rsList)) return syncScale(d, rsList);
    if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(actions, d, rsList, (rs) => podIndex.ownedBy(rs.metadata.uid));
    rolloutRolling(actions, d, rsList);
  };

  const checkPausedConditions = (d: Deployment): void => {
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status?.conditions, 'Progressing');
    if (cond?.reason === REASON.timedOut) return;
    const pausedCond = cond?.reason === REASON.paused;
    const now = new Date();
    if (d.spec.paused && !pausedCond) {
      actions.writeStatus(d, { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', now)) });
    } else if (!d.spec.paused && pausedCond) {
      actions.writeStatus(d, { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', now)) });
    }
  };

  const isScalingEvent = (d: Deployment, rsList: ReplicaSet[]): boolean => {
    const { newRS, oldRSs } = actions.allReplicaSets(d, rsList, false);
    return activeReplicaSets([...oldRSs, newRS]).some((rs) => {
      const desired = desiredReplicasAnnotation(rs);
      return desired !== undefined && desired !== replicasOf(d);
    });
  };

  /** sync.go sync: proportional scaling, history cleanup while paused, status. */
  const syncScale = (d: Deployment, rsList: ReplicaSet[]): void => {
    const { newRS, oldRSs } = actions.allReplicaSets(d, rsList, false);
    scaleDeployment(actions, d, newRS, oldRSs);
    if (d.spec.paused) actions.cleanup(oldRSs, d);
    const fresh = (rs: ReplicaSet): ReplicaSet => rsIndex.get(rs.metadata.namespace ?? '', rs.metadata.name ?? '') ?? rs;
    actions.syncStatus([...oldRSs.map(fresh), ...(newRS ? [fresh(newRS)] : [])], newRS ? fresh(newRS) : undefined, d);
  };
}
