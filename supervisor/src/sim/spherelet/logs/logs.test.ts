import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { ApiError } from '../../../api/errors';
import { boundPod, container, T0 } from '../test-fixtures';
import { containerId } from '../container-status';
import { LogSeries, RETAINED_LINES, selectLines } from './log-series';
import { resolveInstance, type ResolvedInstance } from './log-instance';
import { renderLine, seriesFor } from './log-provider';
import { echoes } from './family-compute';

/**
 * Log generation: deterministic lines per image family, O(1) indexing consistent with the line
 * times, tail/since/rotation selection, the previous instance, and the kubelet's errors.
 */
const UID = '7b0c3a52-5d7e-4f7a-9a51-2f1c9a0c1e11';

function runningPod(image: string, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}): KubeObject {
  const pod = boundPod({ containers: [container('app', image, extra)] });
  pod.metadata.labels = { ...pod.metadata.labels, ...labels };
  pod.status = {
    phase: 'Running',
    podIP: '10.244.12.34',
    containerStatuses: [{ name: 'app', containerID: containerId(UID, 'app', 0), ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2025-03-01T10:00:05Z' } }, lastState: {} }],
  };
  return pod;
}

function textOf(pod: KubeObject, seconds: number, scale = 1): string[] {
  const r = resolveInstance(pod, 'app', false) as ResolvedInstance;
  const series = seriesFor(pod, 'app', r, scale);
  const { from, to } = selectLines(series, T0 + seconds * 1000, {});
  return Array.from({ length: to - from }, (_, i) => series.line(from + i).text);
}

describe('log lines per image family', () => {
  it('nginx: entrypoint and notices, then access log lines', () => {
    const lines = textOf(runningPod('nginx:1.27'), 60);
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines.some((l) => /^2025\/03\/01 10:00:05 \[notice\] 1#1: nginx\/1\.27/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^10\.244\.12\.\d+ - - \[01\/Mar\/2025:10:00:\d\d \+0000\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} \d+ "-" ".+" "-"$/);
    expect(lines.length).toBeGreaterThan(25);
  });

  it('is the same for the same pod, and different for another pod', () => {
    expect(textOf(runningPod('nginx:1.27'), 60)).toEqual(textOf(runningPod('nginx:1.27'), 60));
    const other = runningPod('nginx:1.27');
    other.metadata.uid = 'f00dfeed-0000-4000-8000-000000000001';
    expect(textOf(other, 60).slice(-5)).not.toEqual(textOf(runningPod('nginx:1.27'), 60).slice(-5));
  });

  it('postgres, redis, cassandra, minio and operators print their own lines', () => {
    expect(textOf(runningPod('postgres:16.4'), 30)).toContain('2025-03-01 10:00:05.420 UTC [1] LOG:  database system is ready to accept connections');
    expect(textOf(runningPod('redis:7.2'), 30).some((l) => l.endsWith('* Ready to accept connections tcp'))).toBe(true);
    expect(textOf(runningPod('cr.k8ssandra.io/k8ssandra/cass-management-api:4.1.5'), 60).some((l) => /^INFO  \[main\] .* CassandraDaemon\.java:\d+ - Startup complete$/.test(l))).toBe(true);
    expect(textOf(runningPod('quay.io/minio/minio:RELEASE.2025-01-20T14-49-07Z'), 30)).toContain('MinIO Object Storage Server');
    const cnpg = textOf(runningPod('ghcr.io/cloudnative-pg/cloudnative-pg:1.24.1'), 60);
    expect(cnpg.every((l) => JSON.parse(l) !== null)).toBe(true);
    expect(cnpg.some((l) => (JSON.parse(l) as { msg: string }).msg === 'Starting Controller')).toBe(true);
    const pg = textOf(runningPod('ghcr.io/cloudnative-pg/postgresql:16.4'), 30).map((l) => JSON.parse(l) as { logger: string; record: { message: string } });
    expect(pg.some((r) => r.logger === 'postgres' && r.record.message === 'database system is ready to accept connections')).toBe(true);
  });

  it('shell containers print what their command echoes, every loop iteration', () => {
    expect(echoes(`echo "hello from $(hostname)"; sleep 5; echo 'done'`)).toEqual(['hello from $(hostname)', 'done']);
    const loop = runningPod('busybox:1.36', { command: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 2; done'] });
    const lines = textOf(loop, 25);
    expect(lines.slice(0, 3)).toEqual(['tick 1', 'tick 2', 'tick 3']);
    expect(lines.length).toBeGreaterThanOrEqual(9);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(textOf(runningPod('busybox:1.36', { command: ['sleep', '3600'] }), 60)).toEqual([]);
  });

  it('training containers log accuracy by step', () => {
    const tf = runningPod('kubeflow/tf-mnist-with-summaries:latest', {}, { 'training.kubeflow.org/replica-type': 'worker', 'training.kubeflow.org/replica-index': '0' });
    const lines = textOf(tf, 60);
    expect(lines.some((l) => /^Accuracy at step \d+0: 0\.\d{4}$/.test(l))).toBe(true);
  });
});

describe('a terminated instance', () => {
  const crashed = (exitCode: number, image = 'ghcr.io/acme/crash-app:1.0'): KubeObject => {
    const pod = runningPod(image);
    const terminated = { exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: '2025-03-01T10:00:05Z', finishedAt: '2025-03-01T10:00:08Z', containerID: containerId(UID, 'app', 0) };
    pod.status = { ...(pod.status as object), containerStatuses: [{ name: 'app', containerID: containerId(UID, 'app', 0), ready: false, restartCount: 0, started: false, state: { terminated }, lastState: {} }] };
    return pod;
  };

  it('ends with a crash report when it exits with an error', () => {
    const lines = textOf(crashed(1), 600);
    const tail = lines.slice(-3).join('\n');
    expect(tail.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/panic: runtime error|Error: connect ECONNREFUSED|java\.lang\.IllegalStateException/);
    expect(textOf(crashed(1), 600)).toEqual(lines);
  });

  it('prints π for the Job example', () => {
    const lines = textOf(crashed(0, 'perl:5.34'), 600);
    expect(lines).toEqual([]);
    const job = crashed(0, 'perl:5.34');
    (job.spec as { containers: Record<string, unknown>[] }).containers[0]!.command = ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'];
    const out = textOf(job, 600);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^3\.14159265358979323846/);
    expect(out[0]).toHaveLength(2001);
    expect(out[0]!.endsWith('33904780275901')).toBe(true);
  });
});

describe('LogSeries indexing', () => {
  const series = (finishedAt?: number) =>
    seriesFor(runningPod('nginx:1.27'), 'app', { instance: 0, containerID: 'x', startedAt: T0 + 5000, finishedAt, exitCode: finishedAt ? 1 : undefined, running: finishedAt === undefined }, 4);

  it('agrees with the line times: countAt, firstAtOrAfter and timeOf', () => {
    const s = series();
    for (let i = 0; i < 400; i++) expect(s.timeOf(i + 1)).toBeGreaterThan(s.timeOf(i));
    for (let i = 0; i < 400; i += 7) {
      const at = s.timeOf(i);
      expect(s.countAt(at)).toBe(i + 1);
      expect(s.countAt(at - 0.001)).toBe(i);
      expect(s.firstAtOrAfter(at)).toBe(i);
      expect(s.line(i).at).toBe(at);
    }
  });

  it('selects the tail, lines since a time, and what rotation kept', () => {
    const s = series();
    const until = T0 + 4 * 3_600_000;
    const all = selectLines(s, until, {});
    expect(all.to - all.from).toBe(RETAINED_LINES);
    expect(selectLines(s, until, { tailLines: 5 })).toEqual({ from: all.to - 5, to: all.to });
    const since = selectLines(s, until, { since: until - 10_000 });
    expect(s.timeOf(since.from)).toBeGreaterThanOrEqual(until - 10_000);
    expect(s.timeOf(since.from - 1)).toBeLessThan(until - 10_000);
    expect(selectLines(s, until, { since: until - 10_000, tailLines: 1_000_000 })).toEqual(since);
    expect(selectLines(s, T0, {})).toEqual({ from: 0, to: 0 });
  });

  it('stops at the exit, the trailer being the last lines', () => {
    // A server stopped at 65 s (whole seconds): its output runs to the end of that second.
    const finishedAt = T0 + 65_000;
    const s = series(finishedAt);
    const n = s.countAt(Infinity);
    expect(s.countAt(finishedAt + 999)).toBe(n);
    expect(s.countAt(finishedAt)).toBeLessThan(n);
    expect(s.timeOf(n - 1)).toBeLessThan(finishedAt + 999);
    expect(s.timeOf(n)).toBe(Infinity);
    expect(s.line(n - 1).text).toContain('nginx: [emerg] host not found in upstream');
  });

  it('renders the kubelet timestamp prefix with nanoseconds', () => {
    const line = new LogSeries({ startup: [{ offsetMs: 0, text: () => 'hello' }] }, { startedAt: T0 }, 1, ['u', 'c', 0]).line(0);
    expect(renderLine(line, true)).toMatch(/^2025-03-01T10:00:00\.000\d{6}Z hello\n$/);
    expect(renderLine(line, false)).toBe('hello\n');
  });
});

describe('resolveInstance', () => {
  const pod = (containerStatus: Record<string, unknown>): KubeObject => ({ ...runningPod('nginx:1.27'), status: { phase: 'Pending', containerStatuses: [{ name: 'app', restartCount: 0, ...containerStatus }] } });
  const message = (r: unknown) => (r instanceof ApiError ? `${r.code} ${r.message}` : 'resolved');

  it('refuses containers that have not started, with the kubelet texts', () => {
    expect(message(resolveInstance(pod({ state: { waiting: { reason: 'ContainerCreating' } } }), 'app', false))).toBe('400 container "app" in pod "web" is waiting to start: ContainerCreating');
    expect(message(resolveInstance(pod({ state: { waiting: { reason: 'PodInitializing' } } }), 'app', false))).toBe('400 container "app" in pod "web" is waiting to start: PodInitializing');
    expect(message(resolveInstance(pod({ state: { waiting: { reason: 'ImagePullBackOff' } } }), 'app', false))).toBe('400 container "app" in pod "web" is waiting to start: trying and failing to pull image');
    expect(message(resolveInstance(pod({ state: { waiting: { reason: 'ErrImagePull' } } }), 'app', false))).toBe('400 container "app" in pod "web" is waiting to start: image can\'t be pulled');
    expect(message(resolveInstance({ ...pod({}), status: {} }, 'app', false))).toBe('400 container "app" in pod "web" is waiting to start: ContainerCreating');
    expect(message(resolveInstance(runningPod('nginx:1.27'), 'app', true))).toBe('400 previous terminated container "app" in pod "web" not found');
  });

  it('reads the previous instance of a restarted container, and the last one while it backs off', () => {
    const last = { exitCode: 1, reason: 'Error', startedAt: '2025-03-01T10:00:20Z', finishedAt: '2025-03-01T10:00:23Z', containerID: containerId(UID, 'app', 1) };
    const backingOff = pod({ restartCount: 1, containerID: last.containerID, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: last } });
    expect(resolveInstance(backingOff, 'app', false)).toMatchObject({ instance: 1, running: false, exitCode: 1, finishedAt: Date.parse(last.finishedAt) });
    expect(resolveInstance(backingOff, 'app', true)).toMatchObject({ instance: 1 });
    const rerun = pod({ restartCount: 2, containerID: containerId(UID, 'app', 2), state: { running: { startedAt: '2025-03-01T10:00:45Z' } }, lastState: { terminated: last } });
    expect(resolveInstance(rerun, 'app', false)).toMatchObject({ instance: 2, running: true, startedAt: Date.parse('2025-03-01T10:00:45Z') });
    expect(resolveInstance(rerun, 'app', true)).toMatchObject({ instance: 1, running: false });
  });
});
