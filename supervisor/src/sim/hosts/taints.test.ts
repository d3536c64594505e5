import { describe, expect, it } from 'vitest';
import { desiredControllerTaints, reconcileTaints, taintReason, tolerates, untoleratedTaint, type Taint } from './taints';

const unreachableNoExecute: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' };
const gpu: Taint = { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' };

describe('tolerates', () => {
  it('matches key, effect and value with Equal (the default operator)', () => {
    expect(tolerates({ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }, gpu)).toBe(true);
    expect(tolerates({ key: 'nvidia.com/gpu', value: 'false', effect: 'NoSchedule' }, gpu)).toBe(false);
    expect(tolerates({ key: 'nvidia.com/gpu', operator: 'Equal', value: 'true', effect: 'NoExecute' }, gpu)).toBe(false);
  });

  it('ignores the value with Exists, and an empty key with Exists tolerates everything', () => {
    expect(tolerates({ key: 'nvidia.com/gpu', operator: 'Exists' }, gpu)).toBe(true);
    expect(tolerates({ operator: 'Exists' }, unreachableNoExecute)).toBe(true);
    expect(tolerates({ operator: 'Exists', effect: 'NoSchedule' }, unreachableNoExecute)).toBe(false);
  });
});

describe('untoleratedTaint', () => {
  it('finds the first NoSchedule/NoExecute taint nothing tolerates, ignoring PreferNoSchedule', () => {
    const taints: Taint[] = [{ key: 'soft', effect: 'PreferNoSchedule' }, gpu, unreachableNoExecute];
    const defaults = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 }];
    expect(untoleratedTaint(taints, defaults)).toEqual(gpu);
    expect(untoleratedTaint(taints, [...defaults, { key: 'nvidia.com/gpu', operator: 'Exists' }])).toBeUndefined();
  });

  it('is worded like kube-scheduler', () => {
    expect(taintReason({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' })).toBe('node(s) had untolerated taint {node.kubernetes.io/unreachable: }');
    expect(taintReason(gpu)).toBe('node(s) had untolerated taint {nvidia.com/gpu: true}');
  });
});

describe('node lifecycle taints', () => {
  it('follow the Ready condition and cordon', () => {
    expect(desiredControllerTaints('True', false)).toEqual([]);
    expect(desiredControllerTaints('Unknown', false)).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(desiredControllerTaints('False', true).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(desiredControllerTaints('Missing', false)).toEqual([]);
  });

  it('adds wanted taints with timeAdded, removes unwanted managed ones and keeps the rest', () => {
    const now = '2026-02-02T00:00:00Z';
    const current: Taint[] = [gpu, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }];
    const next = reconcileTaints(current, desiredControllerTaints('Unknown', false), now);
    expect(next).toEqual([
      gpu,
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: now },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: now },
    ]);
    expect(reconcileTaints(next!, desiredControllerTaints('Unknown', false), '2026-03-03T00:00:00Z')).toBeUndefined();
    expect(reconcileTaints(next!, desiredControllerTaints('True', false), now)).toEqual([gpu]);
  });
});
