import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { anchorOf, canonicalJson, decideSync, deletionRequestedAt, type SyncInputs } from './sync-decision';
import { VSPHERE_POD_ANNOTATIONS } from './annotations';
import { boundPod, container, T0 } from './test-fixtures';

/**
 * One sync of one pod: what gets written, which events get recorded, and what a restarted
 * process (no memory of what it recorded) does with a pod it had been running.
 */
const base = (now: number, emittedThrough?: number): SyncInputs => ({ now, scale: 1, hostIP: '10.10.10.11', podIP: '10.244.12.34', emittedThrough });

/** A spherelet's memory of one pod across syncs, as the controller keeps it. */
function syncer(): (pod: KubeObject, now: number) => ReturnType<typeof decideSync> {
  const memory: Partial<SyncInputs> = {};
  return (pod, now) => {
    const d = decideSync(pod, { ...base(now), emittedThrough: memory.emittedThrough, deletionAt: memory.deletionAt, anchor: memory.anchor });
    Object.assign(memory, { emittedThrough: d.emittedThrough, deletionAt: d.deletionAt, anchor: d.anchor });
    return d;
  };
}

/** Applies a decision the way the controller does (annotations, then status). */
function apply(pod: KubeObject, d: ReturnType<typeof decideSync>): KubeObject {
  const annotations = { ...(pod.metadata.annotations ?? {}), ...(d.annotations ?? {}) };
  return { ...pod, metadata: { ...pod.metadata, annotations }, status: d.status ?? pod.status };
}

describe('decideSync', () => {
  it('picks a new pod up on the next whole second', () => {
    const sync = syncer();
    const early = sync(boundPod(), T0 - 600);
    expect(early).toMatchObject({ events: [], confirmDeletion: false, nextAt: T0, anchor: T0 });
    expect(early.status).toBeUndefined();
    expect(early.annotations).toBeUndefined();
    // A timer that fires late still uses the chosen second.
    expect(sync(boundPod(), T0 + 30).status).toMatchObject({ startTime: '2025-03-01T10:00:00Z' });
    expect(decideSync(boundPod({ deletionTimestamp: '2025-03-01T10:00:29Z' }), base(T0 - 600))).toMatchObject({ confirmDeletion: true });
  });

  it('takes a new pod: startTime, the vSphere Pod annotations, no events yet', () => {
    const now = T0;
    const d = decideSync(boundPod(), base(now));
    expect(d.status).toMatchObject({ phase: 'Pending', startTime: '2025-03-01T10:00:00Z', hostIP: '10.10.10.11' });
    expect(Object.keys(d.annotations ?? {}).sort()).toEqual([...VSPHERE_POD_ANNOTATIONS].sort());
    expect(d.events).toEqual([]);
    expect(d.nextAt).toBeGreaterThan(now);
    expect(d.confirmDeletion).toBe(false);
    expect(anchorOf(boundPod(), T0 - 400)).toBe(T0);
  });

  it('writes nothing when the status is already what it should be', () => {
    let pod = boundPod();
    const first = decideSync(pod, base(T0));
    pod = apply(pod, first);
    const again = decideSync(pod, base(T0 + 50, first.emittedThrough));
    expect(again.status).toBeUndefined();
    expect(again.annotations).toBeUndefined();
    expect(again.events).toEqual([]);
  });

  it('records each event once, as time passes', () => {
    let pod = boundPod();
    const sync = syncer();
    const reasons: string[] = [];
    for (let ms = -400; ms <= 20_000; ms += 700) {
      const d = sync(pod, T0 + ms);
      reasons.push(...d.events.map((e) => e.reason));
      pod = apply(pod, d);
    }
    expect(reasons).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect((pod.status as { phase: string }).phase).toBe('Running');
  });

  it('after a restart, resumes from the stored status without recording past events again', () => {
    let pod = boundPod();
    const sync = syncer();
    for (let ms = 0; ms <= 4000; ms += 500) pod = apply(pod, sync(pod, T0 + ms));
    // The process dies with the image being pulled and comes back later: no memory of events.
    const resumed = decideSync(pod, base(T0 + 30_000));
    expect(resumed.events.map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
    expect(resumed.status).toMatchObject({ phase: 'Running', startTime: '2025-03-01T10:00:00Z' });
  });

  it('does not replay history for a status it did not write', () => {
    const pod = boundPod({ status: { phase: 'Running', startTime: '2025-03-01T10:00:00Z', qosClass: 'BestEffort', conditions: [] } });
    const d = decideSync(pod, base(T0 + 60_000));
    expect(d.events).toEqual([]);
    expect(d.status).toMatchObject({ phase: 'Running' });
  });

  it('confirms a graceful deletion once the containers have stopped', () => {
    let pod = boundPod();
    let emitted: number | undefined;
    for (const ms of [0, 10_000]) {
      const d = decideSync(pod, base(T0 + ms, emitted));
      emitted = d.emittedThrough;
      pod = apply(pod, d);
    }
    // `kubectl delete` at 20 s with the default 30 s grace period.
    pod = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2025-03-01T10:00:50Z', deletionGracePeriodSeconds: 30 } };
    expect(deletionRequestedAt(pod)).toBe(T0 + 20_000);
    const killing = decideSync(pod, base(T0 + 20_050, emitted));
    expect(killing.events.map((e) => `${e.reason}: ${e.message}`)).toEqual(['Killing: Stopping container nginx']);
    expect(killing.confirmDeletion).toBe(false);
    expect(killing.annotations).toBeUndefined();
    expect(killing.nextAt! - (T0 + 20_000)).toBeLessThanOrEqual(2500);
    expect(killing.deletionAt).toBe(T0 + 20_000);
    const done = decideSync(pod, { ...base(killing.nextAt! + 1, killing.emittedThrough), deletionAt: killing.deletionAt });
    expect(done.confirmDeletion).toBe(true);
    expect(done.status).toMatchObject({ containerStatuses: [{ state: { terminated: { exitCode: 0, reason: 'Completed' } } }] });
  });

  it('stops from when it noticed a deletion whose whole-second timestamp looks older than what it showed', () => {
    let pod = apply(boundPod(), decideSync(boundPod(), base(T0)));
    const first = decideSync(pod, base(T0 + 10_000, T0));
    pod = apply(pod, first);
    expect((pod.status as { phase: string }).phase).toBe('Running');
    // Requested at 10.6 s: deletionTimestamp (whole seconds) says 10 s, before the last sync.
    pod = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2025-03-01T10:00:40Z', deletionGracePeriodSeconds: 30 } };
    const d = decideSync(pod, base(T0 + 10_700, first.emittedThrough));
    expect(d.deletionAt).toBeGreaterThan(T0 + 10_000);
    expect(d.events.map((e) => e.reason)).toEqual(['Killing']);
    expect(d.status).toBeUndefined();
  });

  it('confirms at once the deletion of a pod it never started, without a status', () => {
    const pod = boundPod({ deletionTimestamp: '2025-03-01T10:00:30Z', deletionGracePeriodSeconds: 30 });
    const d = decideSync(pod, base(T0));
    expect(d.confirmDeletion).toBe(true);
    expect(d.status).toBeUndefined();
  });

  it('keeps fields other components own', () => {
    const pod = boundPod({
      containers: [container('app', 'registry.example.com/shop/api:2')],
      status: { phase: 'Pending', qosClass: 'BestEffort', nominatedNodeName: 'esxi-02.vsphere.local', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-03-01T09:59:59Z' }, { type: 'DisruptionTarget', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-03-01T09:59:59Z' }] },
    });
    const d = decideSync(pod, base(T0));
    expect(d.status).toMatchObject({ nominatedNodeName: 'esxi-02.vsphere.local' });
    expect((d.status!.conditions as { type: string }[]).map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled', 'DisruptionTarget']);
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined values', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined, z: null }] })).toBe(canonicalJson({ a: [{ z: null, y: 2 }], b: 1 }));
  });
});
