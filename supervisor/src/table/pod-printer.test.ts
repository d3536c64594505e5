import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { podPrinter } from './pod-printer';

const now = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const MIN = 60_000;

function pod(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1042', creationTimestamp: ago(5 * 60 * MIN), ...meta },
    spec: { nodeName: 'worker-1', restartPolicy: 'Always', ...spec },
    status,
  };
}

const twoContainers = { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'envoy', image: 'envoyproxy/envoy:v1.30' }] };
const oneContainer = { containers: [{ name: 'app', image: 'ghcr.io/acme/api:2.3.1' }] };
const readyConditions = [
  { type: 'Initialized', status: 'True', lastTransitionTime: ago(300 * MIN) },
  { type: 'Ready', status: 'True', lastTransitionTime: ago(10 * MIN) },
  { type: 'ContainersReady', status: 'True', lastTransitionTime: ago(10 * MIN) },
  { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(300 * MIN) },
];

describe('podPrinter', () => {
  it('has the upstream columns, wide ones at priority 1', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
    expect(podPrinter.columns[0]?.format).toBe('name');
  });

  it('prints a running pod with two containers and restarts, with the last restart age', () => {
    const p = pod('web-7d4b9c8f5-x2kqz', twoContainers, {
      phase: 'Running',
      conditions: readyConditions,
      podIP: '10.244.1.17',
      podIPs: [{ ip: '10.244.1.17' }],
      containerStatuses: [
        { name: 'app', ready: true, started: true, restartCount: 1, image: 'nginx:1.27', state: { running: { startedAt: ago(200 * MIN) } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(200 * MIN) } } },
        { name: 'envoy', ready: true, started: true, restartCount: 2, image: 'envoyproxy/envoy:v1.30', state: { running: { startedAt: ago(10 * MIN) } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(10 * MIN) } } },
      ],
    });
    expect(podPrinter.row(p, now)).toEqual(['web-7d4b9c8f5-x2kqz', '2/2', 'Running', '3 (10m ago)', '5h', '10.244.1.17', 'worker-1', '<none>', '<none>']);
    expect(podPrinter.conditions?.(p)).toBeUndefined();
  });

  it('prints a crash-looping pod', () => {
    const p = pod('api-5f6d7c9b8-kq2lm', oneContainer, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      podIP: '10.244.2.9',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          started: false,
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(MIN), finishedAt: ago(45_000) } },
        },
      ],
    });
    expect(podPrinter.row(p, now).slice(0, 6)).toEqual(['api-5f6d7c9b8-kq2lm', '0/1', 'CrashLoopBackOff', '7 (45s ago)', '5h', '10.244.2.9']);
  });

  it('prints a pending pod whose containers are being created', () => {
    const p = pod('api-5f6d7c9b8-new01', oneContainer, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'ghcr.io/acme/api:2.3.1', state: { waiting: { reason: 'ContainerCreating' } } }],
    });
    expect(podPrinter.row(p, now)).toEqual(['api-5f6d7c9b8-new01', '0/1', 'ContainerCreating', '0', '5h', '<none>', 'worker-1', '<none>', '<none>']);
  });

  it('prints a pod being deleted as Terminating', () => {
    const p = pod(
      'web-7d4b9c8f5-old11',
      oneContainer,
      { phase: 'Running', conditions: readyConditions, podIP: '10.244.1.3', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: ago(60 * MIN) } } }] },
      { deletionTimestamp: ago(-30_000), deletionGracePeriodSeconds: 30 },
    );
    expect(podPrinter.row(p, now).slice(1, 4)).toEqual(['1/1', 'Terminating', '0']);
  });

  it('prints a completed job pod with a Completed row condition', () => {
    const p = pod(
      'backup-28923450-zt7hn',
      { ...oneContainer, restartPolicy: 'Never' },
      {
        phase: 'Succeeded',
        conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }],
        podIP: '10.244.3.4',
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ago(2 * MIN) } } }],
      },
    );
    expect(podPrinter.row(p, now).slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
    expect(podPrinter.conditions?.(p)).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
  });

  it('keeps a terminal pod being deleted in its terminal status', () => {
    const p = pod(
      'backup-28923450-zt7hn',
      oneContainer,
      { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } }] },
      { deletionTimestamp: ago(0) },
    );
    expect(podPrinter.row(p, now)[2]).toBe('Error');
    expect(podPrinter.conditions?.(p)?.[0]?.reason).toBe('Failed');
  });

  it('prints image pull failures, signals and exit codes', () => {
    const waiting = pod('a', oneContainer, { phase: 'Pending', containerStatuses: [{ name: 'app', restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] });
    const signalled = pod('b', oneContainer, { phase: 'Failed', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] });
    const exited = pod('c', oneContainer, { phase: 'Failed', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 3 } } }] });
    expect(podPrinter.row(waiting, now)[2]).toBe('ImagePullBackOff');
    expect(podPrinter.row(signalled, now)[2]).toBe('Signal:9');
    expect(podPrinter.row(exited, now)[2]).toBe('ExitCode:3');
  });

  it('reports init container progress and failures', () => {
    const spec = { ...oneContainer, initContainers: [{ name: 'migrate', image: 'acme/migrate:1' }, { name: 'seed', image: 'acme/seed:1' }] };
    const base = { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], containerStatuses: [{ name: 'app', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] };
    const running = pod('i1', spec, { ...base, initContainerStatuses: [{ name: 'migrate', restartCount: 0, state: { running: {} } }, { name: 'seed', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] });
    const second = pod('i2', spec, { ...base, initContainerStatuses: [{ name: 'migrate', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'seed', restartCount: 0, state: { running: {} } }] });
    const looping = pod('i3', spec, {
      ...base,
      initContainerStatuses: [{ name: 'migrate', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(20_000) } } }],
    });
    const failed = pod('i4', spec, { ...base, initContainerStatuses: [{ name: 'migrate', restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }] });
    expect(podPrinter.row(running, now).slice(1, 4)).toEqual(['0/1', 'Init:0/2', '0']);
    expect(podPrinter.row(second, now)[2]).toBe('Init:1/2');
    expect(podPrinter.row(looping, now).slice(1, 4)).toEqual(['0/1', 'Init:CrashLoopBackOff', '4 (20s ago)']);
    expect(podPrinter.row(failed, now)[2]).toBe('Init:Error');
  });

  it('counts started sidecars (restartable init containers) as ready containers', () => {
    const spec = { ...oneContainer, initContainers: [{ name: 'istio-proxy', image: 'istio/proxyv2:1.22', restartPolicy: 'Always' }] };
    const p = pod('meshed', spec, {
      phase: 'Running',
      conditions: readyConditions,
      initContainerStatuses: [{ name: 'istio-proxy', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * MIN) } } }],
      containerStatuses: [{ name: 'app', ready: true, started: true, restartCount: 0, state: { running: {} } }],
    });
    expect(podPrinter.row(p, now).slice(1, 4)).toEqual(['2/2', 'Running', '1 (3m ago)']);
  });

  it('prints readiness gates, nominated node, lost nodes and scheduling gates', () => {
    const gated = pod(
      'gated',
      { ...oneContainer, nodeName: undefined, readinessGates: [{ conditionType: 'example.com/lb-ready' }, { conditionType: 'example.com/dns' }] },
      { phase: 'Pending', nominatedNodeName: 'worker-2', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }, { type: 'example.com/lb-ready', status: 'True' }] },
    );
    expect(podPrinter.row(gated, now).slice(2)).toEqual(['SchedulingGated', '0', '5h', '<none>', '<none>', 'worker-2', '1/2']);
    const lost = pod('lost', oneContainer, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(0) });
    expect(podPrinter.row(lost, now)[2]).toBe('Unknown');
  });
});
