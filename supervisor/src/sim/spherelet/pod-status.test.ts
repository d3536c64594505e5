import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { summarizePod } from '../../table/pod-printer';
import { buildTimeline, sandboxDelayMs } from './pod-timeline';
import { podStatusAt } from './pod-status';
import { boundPod, condition, container, containerStatus, T0 } from './test-fixtures';

/**
 * The status state machine: what a pod's status is at any moment of its simulated life, checked
 * on real-shaped pods, and what `kubectl get pod` makes of it (the server-side pod printer).
 */
const INPUTS = { hostIP: '10.10.10.11', podIP: '10.244.12.34', qosClass: 'BestEffort' };
type Status = Record<string, unknown>;

function statusAt(pod: KubeObject, seconds: number, scale = 1, deletionAt?: number): Status {
  const t = T0 + seconds * 1000;
  return podStatusAt(pod, buildTimeline(pod, { anchor: T0, until: t, scale, deletionAt }), t, INPUTS);
}

function kubectlStatus(pod: KubeObject, status: Status, seconds: number): string {
  return summarizePod({ ...pod, status }, T0 + seconds * 1000).reason;
}

/** The first simulated second (in 0.25 s steps) at which `check` holds. */
function firstSecond(pod: KubeObject, check: (s: Status) => boolean, limit = 900): number {
  for (let s = 0; s <= limit; s += 0.25) if (check(statusAt(pod, s))) return s;
  throw new Error('never');
}

describe('a long-running pod (nginx)', () => {
  const pod = boundPod();

  it('starts Pending with ContainerCreating, the host IP and no pod IP', () => {
    const s = statusAt(pod, 0);
    expect(s.phase).toBe('Pending');
    expect(s.startTime).toBe('2025-03-01T10:00:00Z');
    expect(s.hostIP).toBe('10.10.10.11');
    expect(s.hostIPs).toEqual([{ ip: '10.10.10.11' }]);
    expect(s.podIP).toBeUndefined();
    expect(containerStatus(s, 'nginx')).toEqual({ name: 'nginx', image: 'docker.io/library/nginx:1.27', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} });
    expect(condition(s, 'PodReadyToStartContainers')).toMatchObject({ status: 'False' });
    expect(condition(s, 'Initialized')).toMatchObject({ status: 'True' });
    expect(condition(s, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
    expect(condition(s, 'PodScheduled')).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-03-01T09:59:59Z' });
    expect(kubectlStatus(pod, s, 0)).toBe('ContainerCreating');
  });

  it('gets its pod IP once the CRX sandbox is up, still creating', () => {
    const s = statusAt(pod, sandboxDelayMs(pod.metadata.uid!) / 1000 + 0.01);
    expect(s.podIP).toBe('10.244.12.34');
    expect(s.podIPs).toEqual([{ ip: '10.244.12.34' }]);
    expect(condition(s, 'PodReadyToStartContainers')).toMatchObject({ status: 'True' });
    expect(kubectlStatus(pod, s, 3)).toBe('ContainerCreating');
  });

  it('runs after a pull of a few seconds, with full container status and conditions', () => {
    const runningAt = firstSecond(pod, (s) => s.phase === 'Running');
    expect(runningAt).toBeGreaterThanOrEqual(3);
    expect(runningAt).toBeLessThanOrEqual(10);
    const s = statusAt(pod, 60);
    const cs = containerStatus(s, 'nginx');
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, lastState: {}, image: 'docker.io/library/nginx:1.27' });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect((cs.state as Status).running).toEqual({ startedAt: expect.stringMatching(/^2025-03-01T10:00:0\dZ$/) });
    const types = (s.conditions as Status[]).map((c) => `${c.type}=${c.status}`);
    expect(types).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(condition(s, 'Ready')!.lastTransitionTime).toBe((cs.state as { running: { startedAt: string } }).running.startedAt);
    expect(condition(s, 'Initialized')!.lastTransitionTime).toBe('2025-03-01T10:00:00Z');
    expect(s.qosClass).toBe('BestEffort');
    expect(kubectlStatus(pod, s, 60)).toBe('Running');
  });

  it('stays the same once running (nothing left to change)', () => {
    expect(statusAt(pod, 3600)).toEqual(statusAt(pod, 60));
    expect(buildTimeline(pod, { anchor: T0, until: T0 + 60_000, scale: 1 }).nextAt).toBeUndefined();
  });

  it('records the kubelet events in order, worded as the kubelet words them', () => {
    const tl = buildTimeline(pod, { anchor: T0, until: T0 + 60_000, scale: 1 });
    expect(tl.events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(tl.events[0]).toMatchObject({ type: 'Normal', message: 'Pulling image "nginx:1.27"', fieldPath: 'spec.containers{nginx}' });
    expect(tl.events[1]!.message).toMatch(/^Successfully pulled image "nginx:1\.27" in (\d+\.\d+)s \(\1s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(tl.events[2]!.message).toBe('Created container: nginx');
    expect(tl.events[3]!.message).toBe('Started container nginx');
  });

  it('moves faster with a higher time scale', () => {
    expect(statusAt(pod, 0.2, 50).phase).toBe('Running');
  });

  it('becomes Ready only after the readiness probe initial delay', () => {
    const probed = boundPod({ containers: [container('nginx', 'nginx:1.27', { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 10, periodSeconds: 5 } })] });
    const running = firstSecond(probed, (s) => s.phase === 'Running');
    const ready = firstSecond(probed, (s) => condition(s, 'Ready')!.status === 'True');
    expect(ready - running).toBeGreaterThanOrEqual(10);
    expect(ready - running).toBeLessThanOrEqual(11.5);
    const between = statusAt(probed, running + 1);
    expect(containerStatus(between, 'nginx')).toMatchObject({ ready: false, started: true });
    expect(kubectlStatus(probed, between, running + 1)).toBe('Running');
  });

  it('waits for readiness gates set by others', () => {
    const gated = boundPod({ readinessGates: [{ conditionType: 'www.example.com/feature-1' }] });
    expect(condition(statusAt(gated, 60), 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "www.example.com/feature-1" does not exist.' });
    const status = { ...(gated.status as Status), conditions: [...(gated.status as { conditions: Status[] }).conditions, { type: 'www.example.com/feature-1', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-03-01T10:00:30Z' }] };
    const s = statusAt({ ...gated, status }, 60);
    expect(condition(s, 'Ready')).toMatchObject({ status: 'True' });
    expect(condition(s, 'www.example.com/feature-1')).toMatchObject({ status: 'True' });
  });
});

describe('a crash-looping pod', () => {
  const pod = boundPod({ name: 'crashy', uid: 'c8a0f5d2-7d0e-4a59-b4a4-5f2d9cf1a001', containers: [container('app', 'ghcr.io/acme/crash-app:1.0')] });

  it('shows Error, then CrashLoopBackOff with a growing back-off and restart count', () => {
    const seen: string[] = [];
    let last = '';
    for (let s = 0; s <= 400; s += 0.5) {
      const st = statusAt(pod, s);
      const cs = containerStatus(st, 'app');
      const text = `${kubectlStatus(pod, st, s)}/${String(cs.restartCount)}`;
      if (text !== last) seen.push(text);
      last = text;
    }
    expect(seen.slice(0, 10)).toEqual(['ContainerCreating/0', 'Running/0', 'Error/0', 'Running/1', 'Error/1', 'CrashLoopBackOff/1', 'Running/2', 'Error/2', 'CrashLoopBackOff/2', 'Running/3']);
    expect(seen.filter((x) => x.startsWith('Running')).length).toBeGreaterThanOrEqual(5);
  });

  it('reports the back-off, the last termination and stays Running but not Ready', () => {
    const tl = buildTimeline(pod, { anchor: T0, until: T0 + 400_000, scale: 1 });
    const waitingPoints = tl.containers[0]!.points.filter((p) => p.state.kind === 'waiting');
    const messages = waitingPoints.map((p) => (p.state as { message: string }).message);
    expect(messages.slice(0, 4)).toEqual([10, 20, 40, 80].map((n) => `back-off ${n}s restarting failed container=app pod=crashy_team-a(c8a0f5d2-7d0e-4a59-b4a4-5f2d9cf1a001)`));
    const during = waitingPoints[1]!.at + 1000;
    const s = podStatusAt(pod, tl, during, INPUTS);
    const cs = containerStatus(s, 'app');
    expect(s.phase).toBe('Running');
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(cs.state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: messages[1] } });
    expect((cs.lastState as { terminated: Status }).terminated).toMatchObject({ exitCode: 1, reason: 'Error', containerID: cs.containerID });
    expect(tl.events.filter((e) => e.reason === 'BackOff')[0]).toMatchObject({ type: 'Warning', message: 'Back-off restarting failed container app in pod crashy_team-a(c8a0f5d2-7d0e-4a59-b4a4-5f2d9cf1a001)' });
    expect(tl.events.filter((e) => e.reason === 'Pulled').slice(1).every((e) => e.message === 'Container image "ghcr.io/acme/crash-app:1.0" already present on machine')).toBe(true);
  });

  it('fails for good with restartPolicy Never', () => {
    const never = boundPod({ restartPolicy: 'Never', containers: [container('app', 'ghcr.io/acme/crash-app:1.0')] });
    const s = statusAt(never, 60);
    expect(s.phase).toBe('Failed');
    expect(containerStatus(s, 'app')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(condition(s, 'PodReadyToStartContainers')).toMatchObject({ status: 'False' });
    expect(kubectlStatus(never, s, 60)).toBe('Error');
  });

  it('restarts until it succeeds with restartPolicy OnFailure (fail image)', () => {
    const once = boundPod({ restartPolicy: 'OnFailure', containers: [container('app', 'acme/fail-once:1.0')] });
    const s = statusAt(once, 120);
    expect(s.phase).toBe('Succeeded');
    expect(containerStatus(s, 'app')).toMatchObject({ restartCount: 1, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
  });
});

describe('a job pod (restartPolicy Never)', () => {
  const pod = boundPod({ name: 'pi-x7k2p', restartPolicy: 'Never', containers: [container('pi', 'perl:5.34', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] })], initContainers: [container('setup', 'busybox:1.36', { command: ['sh', '-c', 'echo preparing; sleep 2'] })] });

  it('shows Init:0/1, then PodInitializing, then runs and completes', () => {
    const seen: string[] = [];
    for (let s = 0; s <= 120; s += 0.25) {
      const text = kubectlStatus(pod, statusAt(pod, s), s);
      if (seen[seen.length - 1] !== text) seen.push(text);
    }
    expect(seen).toEqual(['Init:0/1', 'PodInitializing', 'Running', 'Completed']);
  });

  it('ends Succeeded with completed containers and PodCompleted conditions', () => {
    const s = statusAt(pod, 120);
    expect(s.phase).toBe('Succeeded');
    expect(containerStatus(s, 'pi')).toMatchObject({ ready: false, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(containerStatus(s, 'setup', 'initContainerStatuses')).toMatchObject({ state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(condition(s, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(condition(s, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(s.podIP).toBe('10.244.12.34');
  });

  it('is not initialized while the init container runs', () => {
    const s = statusAt(pod, 5);
    expect(condition(s, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
    expect(containerStatus(s, 'pi')).toMatchObject({ state: { waiting: { reason: 'PodInitializing' } } });
  });
});

describe('image pull failures', () => {
  const pod = boundPod({ containers: [container('web', 'nginx:invalid')] });

  it('alternate ErrImagePull and ImagePullBackOff, with Failed and BackOff events', () => {
    const reasons = new Set<string>();
    for (let s = 0; s <= 60; s += 0.25) reasons.add(kubectlStatus(pod, statusAt(pod, s), s));
    expect([...reasons]).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    expect(statusAt(pod, 60).phase).toBe('Pending');
    const tl = buildTimeline(pod, { anchor: T0, until: T0 + 60_000, scale: 1 });
    const texts = tl.events.map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(texts).toContain('Warning Failed: Error: ErrImagePull');
    expect(texts).toContain('Normal BackOff: Back-off pulling image "nginx:invalid"');
    expect(texts).toContain('Warning Failed: Error: ImagePullBackOff');
    expect(texts.some((t) => t.startsWith('Warning Failed: Failed to pull image "nginx:invalid": rpc error: code = NotFound'))).toBe(true);
  });
});

describe('graceful deletion', () => {
  const pod = boundPod();

  it('stops running containers shortly after the request, then the pod is terminal', () => {
    const deletionAt = T0 + 60_000;
    const tl = buildTimeline(pod, { anchor: T0, until: T0 + 60_100, scale: 1, deletionAt });
    expect(tl.events[tl.events.length - 1]).toMatchObject({ reason: 'Killing', message: 'Stopping container nginx', at: deletionAt });
    expect(tl.stoppedAt).toBeGreaterThan(deletionAt);
    expect(tl.stoppedAt! - deletionAt).toBeLessThanOrEqual(2500);
    expect(tl.nextAt).toBe(tl.stoppedAt);
    const after = buildTimeline(pod, { anchor: T0, until: tl.stoppedAt!, scale: 1, deletionAt });
    const s = podStatusAt(pod, after, tl.stoppedAt!, INPUTS);
    expect(containerStatus(s, 'nginx')).toMatchObject({ ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(s.phase).toBe('Succeeded');
  });

  it('stops at once a pod whose containers never started', () => {
    const tl = buildTimeline(pod, { anchor: T0, until: T0 + 1000, scale: 1, deletionAt: T0 + 500 });
    expect(tl.stoppedAt).toBe(T0 + 500);
    expect(tl.events).toEqual([]);
  });
});
