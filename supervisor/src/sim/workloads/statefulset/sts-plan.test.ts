import { describe, expect, it } from 'vitest';
import { pod, podTemplate, T0 } from '../kit/fixtures.test-util';
import type { Pod, StatefulSet } from '../kit/types';
import { claimsFor, newStatefulSetPod, retentionOwnerRefs } from './sts-identity';
import { planStatefulSet, type StsAction } from './sts-plan';

function redisTemplate(image = 'redis:7.2.5'): StatefulSet['spec']['template'] {
  const t = podTemplate(image);
  t.metadata = { labels: { app: 'redis' } };
  return t;
}

function set(replicas: number, extra: Partial<StatefulSet['spec']> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'redis', namespace: 'team-b', uid: 'sts-uid', generation: 1 },
    spec: {
      replicas,
      serviceName: 'redis',
      selector: { matchLabels: { app: 'redis' } },
      template: redisTemplate(),
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } }],
      ...extra,
    },
  };
}

const REV = { current: { name: 'redis-6b8f5f5c6d', template: podTemplate('redis:7.2.5') }, update: { name: 'redis-6b8f5f5c6d', template: podTemplate('redis:7.2.5') } };

function member(i: number, o: { ready?: boolean; revision?: string; deleting?: boolean; phase?: string } = {}): Pod {
  const p = pod(`redis-${i}`, { node: 'esxi-01', ready: o.ready ?? true, deleting: o.deleting, phase: o.phase });
  p.metadata.labels = { app: 'redis', 'controller-revision-hash': o.revision ?? REV.update.name };
  return p;
}

const summary = (actions: StsAction[]) => actions.map((a) => (a.kind === 'create' ? `create ${a.ordinal}` : `delete ${a.pod.metadata.name} (${a.why})`));

describe('StatefulSet identity', () => {
  it('names pods and claims by ordinal and labels them', () => {
    const s = set(3);
    const p = newStatefulSetPod(s, s.spec.template, 2, 'redis-6b8f5f5c6d');
    expect(p.metadata.name).toBe('redis-2');
    expect(p.metadata.labels).toMatchObject({ app: 'redis', 'statefulset.kubernetes.io/pod-name': 'redis-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'redis-6b8f5f5c6d' });
    expect(p.spec).toMatchObject({ hostname: 'redis-2', subdomain: 'redis', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-redis-2' } }] });
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'redis', controller: true, blockOwnerDeletion: true });
    const [claim] = claimsFor(s, 2);
    expect(claim?.metadata).toMatchObject({ name: 'data-redis-2', namespace: 'team-b', labels: { app: 'redis' } });
  });

  it('sets claim owners per persistentVolumeClaimRetentionPolicy', () => {
    const s = set(1, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } });
    const [claim] = claimsFor(s, 0);
    expect(retentionOwnerRefs(claim!, s, member(0), 0)).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'redis', uid: 'sts-uid' }]);
    const [scaledAway] = claimsFor(s, 3);
    expect(retentionOwnerRefs(scaledAway!, s, member(3), 3)).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'redis-3', uid: 'redis-3-uid' }]);
    expect(retentionOwnerRefs(claim!, set(1), member(0), 0)).toBeUndefined();
  });
});

describe('StatefulSet plan', () => {
  it('OrderedReady creates one pod at a time and waits for it to be Running and Ready', () => {
    expect(summary(planStatefulSet(set(3), [], REV, T0, 1).actions)).toEqual(['create 0']);
    expect(summary(planStatefulSet(set(3), [member(0, { ready: false })], REV, T0, 1).actions)).toEqual([]);
    expect(summary(planStatefulSet(set(3), [member(0)], REV, T0, 1).actions)).toEqual(['create 1']);
  });

  it('Parallel creates every missing pod at once', () => {
    expect(summary(planStatefulSet(set(3, { podManagementPolicy: 'Parallel' }), [member(1, { ready: false })], REV, T0, 1).actions)).toEqual(['create 0', 'create 2']);
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const pods = [member(0), member(1), member(2), member(3)];
    expect(summary(planStatefulSet(set(2), pods, REV, T0, 1).actions)).toEqual(['delete redis-3 (condemned)']);
    expect(summary(planStatefulSet(set(2), [member(0), member(1), member(2), member(3, { deleting: true })], REV, T0, 1).actions)).toEqual([]);
  });

  it('rolls outdated pods from the highest ordinal down, respecting the partition', () => {
    const rev = { ...REV, update: { name: 'redis-7c9d8b6f5', template: podTemplate('redis:7.4.0') } };
    const old = { revision: REV.current.name };
    expect(summary(planStatefulSet(set(3), [member(0, old), member(1, old), member(2, old)], rev, T0, 1).actions)).toEqual(['delete redis-2 (update)']);
    const upd = { revision: rev.update.name };
    expect(summary(planStatefulSet(set(3), [member(0, old), member(1, old), member(2, { ...upd, ready: false })], rev, T0, 1).actions)).toEqual([]);
    const partitioned = set(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(summary(planStatefulSet(partitioned, [member(0, old), member(1, old), member(2, upd)], rev, T0, 1).actions)).toEqual([]);
    expect(summary(planStatefulSet(set(3, { updateStrategy: { type: 'OnDelete' } }), [member(0, old), member(1, old), member(2, old)], rev, T0, 1).actions)).toEqual([]);
  });

  it('creates pods below the partition from the current revision', () => {
    const rev = { ...REV, update: { name: 'redis-7c9d8b6f5', template: podTemplate('redis:7.4.0') } };
    const partitioned = set(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const [create] = planStatefulSet(partitioned, [], rev, T0, 1).actions;
    expect(create).toMatchObject({ kind: 'create', ordinal: 0, revision: REV.current.name });
  });

  it('replaces a failed pod, then waits', () => {
    expect(summary(planStatefulSet(set(2), [member(0, { phase: 'Failed' })], REV, T0, 1).actions)).toEqual(['delete redis-0 (failed)']);
  });

  it('waits minReadySeconds (simulated) before moving on', () => {
    const p = member(0);
    const plan = planStatefulSet(set(2, { minReadySeconds: 10 }), [p], REV, T0 + 5_000, 1);
    expect(plan).toEqual({ actions: [], recheckAfterSeconds: 10 });
    expect(summary(planStatefulSet(set(2, { minReadySeconds: 10 }), [p], REV, T0 + 5_000, 4).actions)).toEqual(['create 1']);
  });
});
