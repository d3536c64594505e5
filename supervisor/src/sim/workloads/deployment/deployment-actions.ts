import type { ControllerContext } from '../../../controllers/controller-context';
import type { EventRecorder } from '../../../controllers/kit/event-recorder';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { stableStringify } from '../../../util/stable-json';
import { claimObjects } from '../kit/claim';
import { getCondition, newCondition, setCondition } from '../kit/conditions';
import { computeHash } from '../kit/hash';
import type { ObjectIndex } from '../kit/object-index';
import { controllerOf, controllerRef } from '../../../controllers/kit/owner-refs';
import { isAlreadyExists, isNamespaceTerminating } from '../kit/pod-control';
import { deepCopy } from '../kit/pod-template';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../kit/types';
import { calculateStatus, hasProgressDeadline, REASON, rolloutStatus, secondsUntilDeadline, deploymentComplete } from './deployment-status';
import { byRevision, findNewReplicaSet, findOldReplicaSets, maxRevision, POD_TEMPLATE_HASH, REVISION, setNewReplicaSetAnnotations, setReplicasAnnotations } from './replica-sets';
import { maxSurge, newRSNewReplicas, replicasOf } from './rollout-math';

/**
 * The Deployment controller's writes (deployment/sync.go): claiming ReplicaSets, creating the
 * new ReplicaSet `<deployment>-<pod-template-hash>` and keeping revisions in sync, scaling
 * ReplicaSets with ScalingReplicaSet events, cleaning up old revisions, and writing status.
 * `d` is the controller's private copy of the Deployment; status writes go through /status and
 * the revision annotation through a metadata patch, so neither bumps the generation.
 */
export interface AllReplicaSets {
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
}

export class DeploymentActions {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly client: SystemClient,
    private readonly recorder: EventRecorder,
    private readonly rsIndex: ObjectIndex<ReplicaSet>,
    private readonly requeueAfter: (d: Deployment, simMs: number) => void,
  ) {}

  replicaSetsFor(d: Deployment): ReplicaSet[] {
    const ns = d.metadata.namespace ?? '';
    const candidates = [...this.rsIndex.ownedBy(d.metadata.uid), ...this.rsIndex.inNamespace(ns).filter((rs) => !controllerOf(rs))];
    return claimObjects(this.client, { apiVersion: 'apps/v1', resource: 'replicasets' }, d, d.spec.selector, candidates);
  }

  writeStatus(d: Deployment, status: DeploymentStatus): void {
    if (stableStringify(d.status ?? {}) === stableStringify(status)) return;
    d.status = status;
    this.client.updateStatus('apps/v1', 'deployments', d);
  }

  private setRevision(d: Deployment, revision: string): void {
    if (d.metadata.annotations?.[REVISION] === revision) return;
    d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: revision };
    this.client.patch('apps/v1', 'deployments', d.metadata.namespace ?? '', d.metadata.name ?? '', { metadata: { annotations: { [REVISION]: revision } } });
  }

  private updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    return this.client.update<ReplicaSet>('apps/v1', 'replicasets', rs);
  }

  /** getAllReplicaSetsAndSyncRevision: old ReplicaSets and the new one (created when asked and missing). */
  allReplicaSets(d: Deployment, rsList: ReplicaSet[], create: boolean): AllReplicaSets {
    const oldRSs = findOldReplicaSets(d, rsList);
    return { newRS: this.newReplicaSet(d, rsList, oldRSs, create), oldRSs };
  }

  private newReplicaSet(d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = maxRevision(oldRSs) + 1;
    const desired = replicasOf(d);
    const max = desired + maxSurge(d);
    const now = new Date();
    if (existing) {
      const copy = deepCopy(existing);
      const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true, desired, max);
      if (annotationsChanged || (copy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        copy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        return this.updateReplicaSet(copy);
      }
      this.setRevision(d, copy.metadata.annotations?.[REVISION] ?? String(newRevision));
      if (hasProgressDeadline(d) && !getCondition(d.status?.conditions, 'Progressing')) {
        const cond = newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set "${copy.metadata.name}"`, now);
        this.writeStatus(d, { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions, cond) });
      }
      return copy;
    }
    if (!create) return undefined;
    const template = deepCopy(d.spec.template);
    const hash = computeHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = deepCopy(d.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...(template.metadata.labels ?? {}) }, ownerReferences: [controllerRef(d)] },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = replicas;
    setNewReplicaSetAnnotations(d, rs, newRevision, false, desired, max);
    let created: ReplicaSet;
    let alreadyExisted = false;
    try {
      created = this.client.create<ReplicaSet>('apps/v1', 'replicasets', rs);
    } catch (e) {
      if (isAlreadyExists(e)) {
        const found = this.rsIndex.get(d.metadata.namespace ?? '', rs.metadata.name ?? '');
        if (!found || controllerOf(found)?.uid !== d.metadata.uid || findNewReplicaSet(d, [found]) === undefined) {
          // A hash collision: bump collisionCount so the next attempt hashes differently.
          this.writeStatus(d, { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
          throw e;
        }
        created = deepCopy(found);
        alreadyExisted = true;
      } else {
        if (isNamespaceTerminating(e)) throw e;
        const msg = `Failed to create new replica set "${rs.metadata.name}": ${(e as Error).message}`;
        if (hasProgressDeadline(d)) this.writeStatus(d, { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions, newCondition('Progressing', 'False', REASON.failedRSCreate, msg, now)) });
        this.recorder.record(d, 'Warning', REASON.failedRSCreate, msg);
        throw e;
      }
    }
    if (!alreadyExisted && replicas > 0) this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`);
    this.setRevision(d, String(newRevision));
    if (!alreadyExisted && hasProgressDeadline(d)) {
      const cond = newCondition('Progressing', 'True', REASON.newRSCreated, `Created new replica set "${created.metadata.name}"`, now);
      this.writeStatus(d, { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions, cond) });
    }
    return created;
  }

  /** scaleReplicaSet: resize and refresh the desired/max annotations; an event when the size changed. */
  scale(rs: ReplicaSet, newScale: number, d: Deployment, operation: string): { scaled: boolean; rs: ReplicaSet } {
    const sizeChanged = replicasOf(rs) !== newScale;
    const copy = deepCopy(rs);
    const annotationsChanged = setReplicasAnnotations(copy, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (!sizeChanged && !annotationsChanged) return { scaled: false, rs };
    const oldScale = replicasOf(rs);
    copy.spec.replicas = newScale;
    const updated = this.updateReplicaSet(copy);
    if (sizeChanged) this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
    return { scaled: sizeChanged, rs: updated };
  }

  scaleAndRecord(rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
    if (replicasOf(rs) === newScale) return { scaled: false, rs };
    return this.scale(rs, newScale, d, replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  cleanup(oldRSs: ReplicaSet[], d: Deployment): void {
    const limit = d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.client.delete('apps/v1', 'replicasets', rs.metadata.namespace ?? '', rs.metadata.name ?? '');
    }
  }

  syncStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
    this.writeStatus(d, calculateStatus(allRSs, newRS, d, new Date()));
  }

  /** syncRolloutStatus, then a re-check when the progress deadline would pass. */
  syncRolloutStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
    const nowMs = Date.now();
    const status = rolloutStatus(allRSs, newRS, d, nowMs, this.ctx.clock.scale);
    this.writeStatus(d, status);
    const left = secondsUntilDeadline(d, status, nowMs, this.ctx.clock.scale);
    if (left !== undefined && !deploymentComplete(d, status)) this.requeueAfter(d, left * 1000);
  }
}
