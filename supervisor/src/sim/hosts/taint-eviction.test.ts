import { describe, expect, it } from 'vitest';
import { evictionPlan, taintedSince } from './taint-eviction';
import type { Taint } from './taints';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const unreachable: Taint[] = [
  { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' },
];
const defaults = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
];

describe('evictionPlan (taint-based eviction)', () => {
  it('does nothing without NoExecute taints', () => {
    expect(evictionPlan([unreachable[0]!], [], T0, 1)).toEqual({ action: 'none' });
  });

  it('evicts at once when a NoExecute taint is not tolerated', () => {
    expect(evictionPlan(unreachable, [], T0, 1)).toEqual({ action: 'now' });
    expect(evictionPlan(unreachable, [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }], T0, 1)).toEqual({ action: 'now' });
  });

  it('waits tolerationSeconds from when the taints appeared, scaled to real time', () => {
    expect(evictionPlan(unreachable, defaults, T0, 1)).toEqual({ action: 'at', atMs: T0 + 300_000 });
    expect(evictionPlan(unreachable, defaults, T0, 50)).toEqual({ action: 'at', atMs: T0 + 6_000 });
  });

  it('dates taints found at start-up from their timeAdded', () => {
    expect(taintedSince(unreachable, T0 + 9_000)).toBe(T0);
    expect(taintedSince([{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }], T0 + 9_000)).toBe(T0 + 9_000);
  });

  it('uses the shortest matching toleration and keeps pods that tolerate forever', () => {
    const short = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 30 }, ...defaults];
    expect(evictionPlan(unreachable, short, T0, 1)).toEqual({ action: 'at', atMs: T0 + 30_000 });
    expect(evictionPlan(unreachable, [{ operator: 'Exists' }], T0, 1)).toEqual({ action: 'never' });
  });
});
