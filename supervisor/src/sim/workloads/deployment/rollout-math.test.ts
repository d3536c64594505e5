import { describe, expect, it } from 'vitest';
import { deployment, replicaSet } from '../kit/fixtures.test-util';
import { maxSurge, maxUnavailable, newRSNewReplicas, replicaSetProportion, resolveFenceposts, scaledValue } from './rollout-math';

describe('maxSurge / maxUnavailable', () => {
  it('scales percentages: surge rounds up, unavailable rounds down', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(scaledValue(2, 10, true)).toBe(2);
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 });
  });

  it('falls back to one unavailable when both resolve to zero', () => {
    expect(resolveFenceposts(0, '10%', 3)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('caps maxUnavailable at the replica count and ignores Recreate', () => {
    expect(maxUnavailable(deployment(2, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 5 } } }))).toBe(2);
    expect(maxUnavailable(deployment(3, { strategy: { type: 'Recreate' } }))).toBe(0);
    expect(maxSurge(deployment(3, { strategy: { type: 'Recreate' } }))).toBe(0);
    expect(maxSurge(deployment(10))).toBe(3);
  });
});

describe('newRSNewReplicas', () => {
  it('grows the new ReplicaSet up to replicas + maxSurge in total', () => {
    const d = deployment(3);
    const old = replicaSet('web-old', 3);
    const fresh = replicaSet('web-new', 0);
    expect(newRSNewReplicas(d, [old, fresh], fresh)).toBe(1);
    expect(newRSNewReplicas(d, [replicaSet('web-old', 1), replicaSet('web-new', 2)], replicaSet('web-new', 2))).toBe(3);
    expect(newRSNewReplicas(d, [replicaSet('web-old', 2), replicaSet('web-new', 2)], replicaSet('web-new', 2))).toBe(2);
  });

  it('goes straight to the full size for Recreate', () => {
    const d = deployment(5, { strategy: { type: 'Recreate' } });
    expect(newRSNewReplicas(d, [replicaSet('web-new', 0)], replicaSet('web-new', 0))).toBe(5);
  });
});

describe('proportional scaling', () => {
  it('splits a resize by each ReplicaSet share of max-replicas', () => {
    const d = deployment(6);
    const rs = replicaSet('web-a', 2, {}, { maxReplicas: 4 });
    expect(replicaSetProportion(rs, d, 4, 0)).toBe(2);
    expect(replicaSetProportion(rs, d, 1, 0)).toBe(1);
    expect(replicaSetProportion(replicaSet('web-b', 0), d, 4, 0)).toBe(0);
  });

  it('scales everything away when the deployment goes to zero', () => {
    expect(replicaSetProportion(replicaSet('web-a', 3), deployment(0), -4, 0)).toBe(-3);
  });
});
