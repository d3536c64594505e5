import { describe, expect, it } from 'vitest';
import { pod, replicaSet, T0 } from '../kit/fixtures.test-util';
import { calculateReplicaSetStatus } from './replicaset-status';

describe('ReplicaSet status', () => {
  it('counts fully labeled, ready and available pods (minReadySeconds in simulated time)', () => {
    const rs = replicaSet('web-5d78f9c4b', 3);
    rs.spec.minReadySeconds = 30;
    const labels = { app: 'web', 'pod-template-hash': '5d78f9c4b' };
    const pods = [pod('a', { labels, ready: true, readySince: T0 }), pod('b', { labels, ready: true, readySince: T0 + 25_000 }), pod('c', { labels: { app: 'web' }, ready: false })];
    expect(calculateReplicaSetStatus(rs, pods, undefined, T0 + 31_000, 1)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
    expect(calculateReplicaSetStatus(rs, pods, undefined, T0 + 31_000, 10).availableReplicas).toBe(2);
  });

  it('reports a failed create as ReplicaFailure/FailedCreate and clears it once creates succeed', () => {
    const rs = replicaSet('web-5d78f9c4b', 3);
    const err = new Error('pods "web-5d78f9c4b-x2xkq" is forbidden: exceeded quota: compute, requested: requests.cpu=1, used: requests.cpu=16, limited: requests.cpu=16');
    const failed = calculateReplicaSetStatus(rs, [], err, T0, 1);
    expect(failed.replicas).toBe(0);
    expect(failed.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: err.message, lastTransitionTime: '2026-03-02T10:00:00Z' }]);
    rs.status = failed;
    expect(calculateReplicaSetStatus(rs, [], undefined, T0, 1).conditions).toBeUndefined();
  });
});
