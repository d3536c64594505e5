import { describe, expect, it } from 'vitest';
import { upsertPodCondition } from './pod-conditions';

describe('upsertPodCondition', () => {
  const scheduledFalse = { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/4 nodes are available: 4 Insufficient cpu.', lastProbeTime: null };

  it('adds a condition with a transition time', () => {
    expect(upsertPodCondition(undefined, scheduledFalse, 'T1')).toEqual([{ ...scheduledFalse, lastTransitionTime: 'T1' }]);
  });

  it('is a no-op when status, reason and message are unchanged', () => {
    const list = upsertPodCondition([], scheduledFalse, 'T1');
    expect(upsertPodCondition(list, { ...scheduledFalse }, 'T2')).toBeUndefined();
  });

  it('keeps the transition time when only the message changes, and moves it when the status flips', () => {
    const list = upsertPodCondition([], scheduledFalse, 'T1');
    const reworded = upsertPodCondition(list, { ...scheduledFalse, message: '0/4 nodes are available: 4 Insufficient memory.' }, 'T2')!;
    expect(reworded[0]!.lastTransitionTime).toBe('T1');
    const scheduled = upsertPodCondition(reworded, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, 'T3')!;
    expect(scheduled).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: 'T3' }]);
  });
});
