import type { KubeObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import type { EventRecorder } from '../../../controllers/kit/event-recorder';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { stableStringify } from '../../../util/stable-json';
import { claimObjects, selectorMatches } from '../kit/claim';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes } from '../kit/object-index';
import { controllerOf } from '../../../controllers/kit/owner-refs';
import { isNotFound } from '../kit/pod-control';
import { deepCopy } from '../kit/pod-template';
import type { ControllerRevision, Pod, StatefulSet } from '../kit/types';
import { claimsFor, newStatefulSetPod, ordinalOf, podName, podRevision, retentionOwnerRefs } from './sts-identity';
import { planStatefulSet, type StsAction, type StsRevisions } from './sts-plan';
import { newRevision, revisionName, revisionPatch, revisionsToTruncate, sameData, templateOf } from './sts-revisions';
import { computeStatus } from './sts-status';

/**
 * kube-controller-manager's StatefulSet controller: ControllerRevisions for the pod template,
 * then one planned step of pod creation (claims first), replacement, scale-down and rolling
 * update, claim owner references per retention policy, status, and history truncation. Events
 * are worded as stateful_pod_control.go words them ("create Pod web-0 in StatefulSet web successful").
 */
export function startStatefulSetController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const recorder = recorderFor(ctx, 'statefulset-controller');
  const sets = indexes.of<StatefulSet>('apps/statefulsets');
  const pods = indexes.of<Pod>('core/pods');
  const revisions = indexes.of<ControllerRevision>('apps/controllerrevisions');
  const claims = indexes.of('core/persistentvolumeclaims');

  const podKeys = (e: StoreEvent): string[] => {
    const keys = new Set<string>();
    for (const s of [e.cur, e.prev]) {
      if (!s) continue;
      const ref = controllerOf(s.obj);
      if (ref?.kind === 'StatefulSet') keys.add(keyOf(e.namespace, ref.name));
      else if (!ref && e.type !== 'DELETED') for (const set of sets.inNamespace(e.namespace)) if (selectorMatches(set.spec.selector, s.obj.metadata.labels)) keys.add(keyOf(e.namespace, set.metadata.name));
    }
    return [...keys];
  };

  const controller = startController(ctx, {
    name: 'statefulset-controller',
    primary: 'apps/statefulsets',
    watches: [{ table: 'core/pods', keys: podKeys }],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const stored = sets.get(namespace, name);
      if (!stored) return;
      const set = deepCopy(stored);
      // Only pods named like members (`<set>-<ordinal>`) are adopted (isMemberOf).
      const orphans = pods.inNamespace(namespace).filter((p) => !controllerOf(p) && ordinalOf(set, p) !== undefined);
      const owned = claimObjects(client, { apiVersion: 'v1', resource: 'pods' }, set, set.spec.selector, [...pods.ownedBy(set.metadata.uid), ...orphans]).filter((p) => ordinalOf(set, p) !== undefined);
      const history = claimObjects(client, { apiVersion: 'apps/v1', resource: 'controllerrevisions' }, set, set.spec.selector, [...revisions.ownedBy(set.metadata.uid), ...revisions.inNamespace(namespace).filter((r) => !controllerOf(r))]);
      const { rev, collisionCount } = resolveRevisions(client, set, history);
      const plan = planStatefulSet(set, owned, rev, Date.now(), ctx.clock.scale);
      let error: Error | undefined;
      for (const action of plan.actions) {
        try {
          execute(client, recorder, claims.get.bind(claims), set, action);
        } catch (e) {
          error = e as Error;
          break;
        }
      }
      const current = pods.ownedBy(set.metadata.uid).filter((p) => ordinalOf(set, p) !== undefined);
      for (const pod of current) fixClaimOwners(client, claims.get.bind(claims), set, pod);
      const status = computeStatus(set, current, rev.current.name, rev.update.name, collisionCount, Date.now(), ctx.clock.scale);
      if (stableStringify(set.status ?? {}) !== stableStringify(status)) client.updateStatus('apps/v1', 'statefulsets', { ...set, status });
      const live = new Set([status.currentRevision ?? '', status.updateRevision ?? '', ...current.map((p) => podRevision(p) ?? '')]);
      for (const r of revisionsToTruncate(revisions.ownedBy(set.metadata.uid), live, set.spec.revisionHistoryLimit ?? 10)) {
        client.delete('apps/v1', 'controllerrevisions', namespace, r.metadata.name ?? '');
      }
      if (plan.recheckAfterSeconds !== undefined) controller.requeueAfter(key, plan.recheckAfterSeconds * 1000 + 1);
      if (error) throw error;
    },
  });
}

/** getStatefulSetRevisions: find or create the update revision (re-numbering an older equal one on rollback). */
function resolveRevisions(client: SystemClient, set: StatefulSet, history: ControllerRevision[]): { rev: StsRevisions; collisionCount: number } {
  let collisionCount = set.status?.collisionCount ?? 0;
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const latest = sorted[sorted.length - 1];
  const data = revisionPatch(set);
  let update = sorted.filter((r) => sameData(r, data)).pop();
  if (update && update !== latest) {
    update = client.update<ControllerRevision>('apps/v1', 'controllerrevisions', { ...deepCopy(update), revision: (latest?.revision ?? 0) + 1 });
  }
  while (!update) {
    const name = revisionName(set, collisionCount);
    const clash = sorted.find((r) => r.metadata.name === name);
    if (clash && !sameData(clash, data)) {
      collisionCount++;
      continue;
    }
    update = clash ?? client.create<ControllerRevision>('apps/v1', 'controllerrevisions', newRevision(set, (latest?.revision ?? 0) + 1, collisionCount));
  }
  const currentName = set.status?.currentRevision;
  const current = (currentName && sorted.find((r) => r.metadata.name === currentName)) || update;
  return { rev: { current: { name: current.metadata.name ?? '', template: templateOf(current) }, update: { name: update.metadata.name ?? '', template: templateOf(update) } }, collisionCount };
}

type GetClaim = (namespace: string, name: string) => KubeObject | undefined;

function execute(client: SystemClient, recorder: EventRecorder, getClaim: GetClaim, set: StatefulSet, action: StsAction): void {
  const setName = set.metadata.name ?? '';
  if (action.kind === 'create') {
    const pod = newStatefulSetPod(set, action.template, action.ordinal, action.revision);
    for (const claim of claimsFor(set, action.ordinal)) {
      const existing = getClaim(set.metadata.namespace ?? '', claim.metadata.name ?? '');
      if (existing?.metadata.deletionTimestamp) throw new Error(`pvc ${claim.metadata.name} is being deleted`);
      if (existing) continue;
      const refs = retentionOwnerRefs(claim, set, pod, action.ordinal);
      if (refs) claim.metadata.ownerReferences = refs;
      try {
        client.create('v1', 'persistentvolumeclaims', claim);
        recorder.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${setName} success`);
      } catch (e) {
        recorder.record(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(e as Error).message}`);
        throw e;
      }
    }
    try {
      client.create('v1', 'pods', pod);
      recorder.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
    } catch (e) {
      recorder.record(set, 'Warning', 'FailedCreate', `create Pod ${podName(set, action.ordinal)} in StatefulSet ${setName} failed error: ${(e as Error).message}`);
      throw e;
    }
    return;
  }
  const pod = action.pod;
  if (action.why === 'failed') recorder.record(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${set.metadata.namespace}/${setName} is recreating failed Pod ${pod.metadata.name}`);
  if (action.why === 'succeeded') recorder.record(set, 'Normal', 'RecreatingTerminatedPod', `StatefulSet ${set.metadata.namespace}/${setName} is recreating terminated Pod ${pod.metadata.name}`);
  if (action.why === 'condemned') fixClaimOwners(client, getClaim, set, pod);
  try {
    client.delete('v1', 'pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    recorder.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
  } catch (e) {
    if (isNotFound(e)) return;
    recorder.record(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(e as Error).message}`);
    throw e;
  }
}

/** Keeps each claim's owner references in line with persistentVolumeClaimRetentionPolicy. */
function fixClaimOwners(client: SystemClient, getClaim: GetClaim, set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(set, pod);
  if (ordinal === undefined) return;
  for (const template of claimsFor(set, ordinal)) {
    const claim = getClaim(set.metadata.namespace ?? '', template.metadata.name ?? '');
    if (!claim || claim.metadata.deletionTimestamp) continue;
    const refs = retentionOwnerRefs(claim, set, pod, ordinal);
    if (refs) client.patch('v1', 'persistentvolumeclaims', claim.metadata.namespace ?? '', claim.metadata.name ?? '', { metadata: { ownerReferences: refs.length ? refs : null } });
  }
}
