import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { appendCapped, highlightParts, logPath, matchingLines, splitChunk } from './log-lines';
import { containerHealth, podContainers } from './pod-containers';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'team-a' },
  spec: {
    initContainers: [{ name: 'migrate', image: 'registry.example.com/migrate:1.2' }],
    containers: [
      { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }], resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '256Mi' } } },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
  },
  status: {
    initContainerStatuses: [{ name: 'migrate', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
    containerStatuses: [
      { name: 'nginx', ready: true, restartCount: 2, state: { running: { startedAt: '2026-01-01T10:00:00Z' } } },
      { name: 'sidecar', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } } },
    ],
  },
};

describe('pod containers', () => {
  it('joins spec and status, init containers first', () => {
    const c = podContainers(pod);
    expect(c.map((x) => [x.name, x.init, x.state, x.ready, x.restarts])).toEqual([
      ['migrate', true, 'Terminated: Completed', false, 0],
      ['nginx', false, 'Running', true, 2],
      ['sidecar', false, 'Waiting: CrashLoopBackOff', false, 7],
    ]);
    expect(c[0]!.stateDetail).toBe('exit code 0');
    expect(c[1]).toMatchObject({ ports: ['80/TCP (http)'], requests: 'cpu 250m, memory 128Mi', limits: 'memory 256Mi', stateDetail: 'since 2026-01-01T10:00:00Z' });
    expect(c[2]!.stateDetail).toBe('back-off 5m0s restarting failed container');
  });

  it('gives each container a badge', () => {
    expect(podContainers(pod).map(containerHealth)).toEqual(['healthy', 'healthy', 'error']);
    expect(containerHealth({ state: 'Waiting: ContainerCreating' })).toBe('progressing');
    expect(containerHealth({ state: 'Terminated: OOMKilled' })).toBe('error');
  });

  it('shows containers without status as not started', () => {
    expect(podContainers({ metadata: {}, spec: { containers: [{ name: 'a', image: 'x' }] } })[0]!.state).toBe('Not started');
  });
});

describe('log lines', () => {
  it('builds the pods/log path', () => {
    expect(logPath('/api/v1/namespaces/team-a/pods/web-0', { container: 'nginx', follow: true, previous: false, timestamps: true, tailLines: 500 })).toBe(
      '/api/v1/namespaces/team-a/pods/web-0/log?container=nginx&follow=true&timestamps=true&tailLines=500',
    );
    expect(logPath('/p', { container: 'a b', follow: false, previous: true, timestamps: false })).toBe('/p/log?container=a+b&previous=true');
  });

  it('splits a stream into lines, carrying a partial line', () => {
    const a = splitChunk('', 'one\ntwo\r\nthr');
    expect(a).toEqual({ lines: ['one', 'two'], carry: 'thr' });
    expect(splitChunk(a.carry, 'ee\n')).toEqual({ lines: ['three'], carry: '' });
  });

  it('keeps at most the newest lines', () => {
    expect(appendCapped(['a', 'b'], ['c', 'd'], 3)).toEqual(['b', 'c', 'd']);
  });

  it('finds and highlights matches case-insensitively', () => {
    expect(matchingLines(['GET /a 200', 'error: boom', 'Error again'], 'error')).toEqual([1, 2]);
    expect(matchingLines(['x', 'y'], '')).toEqual([0, 1]);
    expect(highlightParts('Error: an error', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ': an ', match: false },
      { text: 'error', match: true },
    ]);
    expect(highlightParts('<img src=x>', '')).toEqual([{ text: '<img src=x>', match: false }]);
  });
});
