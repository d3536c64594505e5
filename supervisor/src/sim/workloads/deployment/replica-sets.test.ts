import { describe, expect, it } from 'vitest';
import { deployment, replicaSet, T0 } from '../kit/fixtures.test-util';
import { equalIgnoreHash, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets, REVISION, REVISION_HISTORY, setNewReplicaSetAnnotations } from './replica-sets';

describe('finding a Deployment\'s ReplicaSets', () => {
  it('takes the ReplicaSet whose template equals the Deployment\'s, ignoring pod-template-hash', () => {
    const d = deployment(3);
    const current = replicaSet('web-5d78f9c4b', 3);
    const old = replicaSet('web-7c9d8b6f5', 0, {}, { image: 'nginx:1.26.0', created: T0 - 60_000 });
    expect(equalIgnoreHash(current.spec.template, d.spec.template)).toBe(true);
    expect(findNewReplicaSet(d, [old, current])?.metadata.name).toBe('web-5d78f9c4b');
    expect(findOldReplicaSets(d, [old, current]).map((r) => r.metadata.name)).toEqual(['web-7c9d8b6f5']);
  });

  it('finds the single active ReplicaSet, or the newest when none is active', () => {
    const a = replicaSet('web-a', 0, {}, { created: T0 });
    const b = replicaSet('web-b', 0, {}, { created: T0 + 1000 });
    expect(findActiveOrLatest(undefined, [a, b])?.metadata.name).toBe('web-b');
    expect(findActiveOrLatest(a, [replicaSet('web-c', 2)])?.metadata.name).toBe('web-c');
    expect(findActiveOrLatest(replicaSet('web-n', 1), [replicaSet('web-c', 2)])).toBeUndefined();
  });
});

describe('setNewReplicaSetAnnotations', () => {
  it('copies the Deployment\'s annotations except the skipped ones and sets the replica annotations on create', () => {
    const d = deployment(3);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl set image', 'kubectl.kubernetes.io/last-applied-configuration': '{}', [REVISION]: '4' };
    const rs = replicaSet('web-x', 0);
    rs.metadata.annotations = {};
    expect(setNewReplicaSetAnnotations(d, rs, 5, false, 3, 4)).toBe(true);
    expect(rs.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      [REVISION]: '5',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
  });

  it('keeps the older revisions of a rolled-back ReplicaSet in revision-history', () => {
    const d = deployment(3);
    const rs = replicaSet('web-x', 3, {}, { revision: '1' });
    setNewReplicaSetAnnotations(d, rs, 3, true, 3, 4);
    expect(rs.metadata.annotations?.[REVISION]).toBe('3');
    expect(rs.metadata.annotations?.[REVISION_HISTORY]).toBe('1');
    setNewReplicaSetAnnotations(d, rs, 5, true, 3, 4);
    expect(rs.metadata.annotations?.[REVISION_HISTORY]).toBe('1,3');
    expect(setNewReplicaSetAnnotations(d, rs, 5, true, 3, 4)).toBe(false);
  });
});

describe('semantic template equality', () => {
  it('treats creationTimestamp: null and empty fields as absent, as Go decoding does (kubectl rollout undo sends them)', () => {
    const a = deployment(3).spec.template;
    const b = JSON.parse(JSON.stringify(a)) as typeof a;
    b.metadata = { ...b.metadata, creationTimestamp: null, annotations: {} };
    b.spec!.volumes = [];
    expect(equalIgnoreHash(a, b)).toBe(true);
    b.spec!.containers![0]!.image = 'nginx:1.28.0';
    expect(equalIgnoreHash(a, b)).toBe(false);
  });
});
