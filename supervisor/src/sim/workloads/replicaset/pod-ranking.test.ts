import { describe, expect, it } from 'vitest';
import { pod, T0 } from '../kit/fixtures.test-util';
import { podsToDelete } from './pod-ranking';

const names = (pods: { metadata: { name?: string } }[]) => pods.map((p) => p.metadata.name);
const NOW = T0 + 3_600_000;

describe('which pods a ReplicaSet deletes first', () => {
  it('prefers unscheduled, then pending, then not-ready pods', () => {
    const pods = [pod('ready', { node: 'esxi-01', ready: true }), pod('unready', { node: 'esxi-01', ready: false }), pod('pending', { node: 'esxi-02', phase: 'Pending' }), pod('unscheduled')];
    expect(names(podsToDelete(pods, pods, 3, NOW))).toEqual(['unscheduled', 'pending', 'unready']);
  });

  it('prefers pods doubled up on a node with related pods', () => {
    const a = pod('a', { node: 'esxi-01', ready: true });
    const b = pod('b', { node: 'esxi-01', ready: true });
    const c = pod('c', { node: 'esxi-02', ready: true });
    const sibling = pod('other-rs-pod', { node: 'esxi-02', ready: true, deleting: true });
    // esxi-01 holds two active related pods, esxi-02 one (the terminating sibling does not count).
    expect(names(podsToDelete([c, a, b], [a, b, c, sibling], 2, NOW)).sort()).toEqual(['a', 'b']);
  });

  it('prefers pods ready for a shorter time, by log2 buckets', () => {
    const old = pod('old', { node: 'n', ready: true, readySince: T0 });
    const recent = pod('recent', { node: 'n2', ready: true, readySince: NOW - 5_000 });
    expect(names(podsToDelete([old, recent], [], 1, NOW))).toEqual(['recent']);
  });

  it('prefers more restarts, then newer pods', () => {
    const crashy = pod('crashy', { node: 'n', ready: true, restarts: 5, readySince: T0, created: T0 });
    const calm = pod('calm', { node: 'n2', ready: true, restarts: 0, readySince: T0, created: T0 });
    expect(names(podsToDelete([calm, crashy], [], 1, NOW))).toEqual(['crashy']);
    const older = pod('older', { created: T0 });
    const newer = pod('newer', { created: NOW - 1000 });
    expect(names(podsToDelete([older, newer], [], 1, NOW))).toEqual(['newer']);
  });

  it('honours controller.kubernetes.io/pod-deletion-cost', () => {
    const cheap = pod('cheap', { node: 'n', ready: true });
    const dear = pod('dear', { node: 'n', ready: true });
    dear.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '100' };
    expect(names(podsToDelete([dear, cheap], [], 1, NOW))).toEqual(['cheap']);
  });

  it('returns everything when asked for all', () => {
    const pods = [pod('a'), pod('b')];
    expect(podsToDelete(pods, pods, 5, NOW)).toHaveLength(2);
  });
});
