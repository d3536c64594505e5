import { describe, expect, it } from 'vitest';
import { getCondition } from '../kit/conditions';
import { deployment, iso, replicaSet, T0 } from '../kit/fixtures.test-util';
import { calculateStatus, rolloutStatus, secondsUntilDeadline } from './deployment-status';

describe('Deployment status', () => {
  it('sums its ReplicaSets and reports minimum availability', () => {
    const d = deployment(4);
    const newRS = replicaSet('web-new', 2, { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const old = replicaSet('web-old', 2, { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    const s = calculateStatus([old, newRS], newRS, d, new Date(T0));
    expect(s).toMatchObject({ observedGeneration: 1, replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1 });
    expect(getCondition(s.conditions, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    const none = calculateStatus([replicaSet('web-new', 3, { replicas: 3 })], undefined, deployment(3), new Date(T0));
    expect(getCondition(none.conditions, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(none.availableReplicas).toBeUndefined();
  });

  it('marks a finished rollout NewReplicaSetAvailable', () => {
    const d = deployment(3);
    d.status = { conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-5d78f9c4b" is progressing.', lastUpdateTime: iso(T0), lastTransitionTime: iso(T0) }] };
    const rs = replicaSet('web-5d78f9c4b', 3, { replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const s = rolloutStatus([rs], rs, d, T0 + 5000, 1);
    expect(getCondition(s.conditions, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-5d78f9c4b" has successfully progressed.', lastTransitionTime: iso(T0) });
  });

  it('times out after progressDeadlineSeconds of simulated time without progress', () => {
    const d = deployment(3, { progressDeadlineSeconds: 60 });
    d.status = { replicas: 3, updatedReplicas: 3, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: iso(T0), lastTransitionTime: iso(T0) }] };
    const rs = replicaSet('web-new', 3, { replicas: 3 });
    expect(getCondition(rolloutStatus([rs], rs, d, T0 + 30_000, 1).conditions, 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    expect(secondsUntilDeadline(d, d.status, T0 + 30_000, 1)).toBeCloseTo(31);
    // At time scale 10, 7 real seconds are 70 simulated ones: past the deadline.
    expect(getCondition(rolloutStatus([rs], rs, d, T0 + 7_000, 10).conditions, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-new" has timed out progressing.' });
  });

  it('carries a ReplicaSet\'s ReplicaFailure over to the Deployment', () => {
    const rs = replicaSet('web-new', 3, { replicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-new-x" is forbidden: exceeded quota: compute', lastTransitionTime: iso(T0) }] });
    const s = rolloutStatus([rs], rs, deployment(3), T0, 1);
    expect(getCondition(s.conditions, 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', lastUpdateTime: iso(T0) });
  });
});
