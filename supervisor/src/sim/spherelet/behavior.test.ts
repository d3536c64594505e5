import { describe, expect, it } from 'vitest';
import { backOffSeconds, explicitExit, instancePlan, loopsForever, readyDelayMs, restartDelayMs, restarts, sleepMs, type ContainerSpec } from './behavior';
import { imageFamily, imageId, imageSizeBytes, normalizedImage, parseImage, pullDurationMs, pullFails } from './images';
import { goDuration } from './go-duration';

const UID = '1f0e6c38-8a51-4bb2-9d1d-3c77c0c2a9aa';
const c = (image: string, extra: Partial<ContainerSpec> = {}): ContainerSpec => ({ name: 'app', image, imagePullPolicy: 'IfNotPresent', ...extra });

describe('image references', () => {
  it('normalizes references the way containerd reports them', () => {
    expect(normalizedImage('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(normalizedImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(normalizedImage('bitnami/redis:7.2')).toBe('docker.io/bitnami/redis:7.2');
    expect(normalizedImage('ghcr.io/cloudnative-pg/postgresql:16.4')).toBe('ghcr.io/cloudnative-pg/postgresql:16.4');
    expect(normalizedImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(parseImage('registry.local:5000/team/app@sha256:abc')).toEqual({ registry: 'registry.local:5000', repository: 'team/app', tag: undefined, digest: 'sha256:abc' });
  });

  it('derives a stable sha256 image ID per reference', () => {
    const id = imageId('nginx:1.27');
    expect(id).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageId('nginx:1.27')).toBe(id);
    expect(imageId('nginx:1.26')).not.toBe(id);
    expect(imageId('busybox@sha256:1234')).toBe('docker.io/library/busybox@sha256:1234');
  });

  it('sorts images into families', () => {
    expect(imageFamily('nginx:1.27')).toBe('nginx');
    expect(imageFamily('ghcr.io/cloudnative-pg/postgresql:16.4')).toBe('postgres');
    expect(imageFamily('ghcr.io/cloudnative-pg/cloudnative-pg:1.24.1')).toBe('operator');
    expect(imageFamily('cr.k8ssandra.io/k8ssandra/cass-management-api:4.1.5')).toBe('cassandra');
    expect(imageFamily('kubeflow/tf-mnist-with-summaries:latest')).toBe('tensorflow');
    expect(imageFamily('quay.io/minio/minio:RELEASE.2025-01-20T14-49-07Z')).toBe('minio');
    expect(imageFamily('busybox:1.36')).toBe('shell');
    expect(imageFamily('perl:5.34')).toBe('perl');
    expect(imageFamily('registry.example.com/shop/checkout:2.3.1')).toBe('generic');
  });

  it('pulls bigger images for longer, deterministically, within 1.5-15 s', () => {
    expect(pullDurationMs('nginx:1.27')).toBe(pullDurationMs('nginx:1.27'));
    expect(pullDurationMs('tensorflow/tensorflow:2.16.1')).toBeGreaterThan(pullDurationMs('busybox:1.36'));
    for (const image of ['busybox:1.36', 'nginx:1.27', 'postgres:16', 'tensorflow/tensorflow:2.16.1-gpu']) {
      expect(pullDurationMs(image)).toBeGreaterThanOrEqual(1500);
      expect(pullDurationMs(image)).toBeLessThanOrEqual(15_000);
    }
    expect(imageSizeBytes('nginx:1.27')).toBeGreaterThan(60_000_000);
    expect(imageSizeBytes('nginx:1.27')).toBeLessThan(85_000_000);
  });

  it('knows which references cannot be pulled', () => {
    expect(pullFails('nginx:invalid')).toBe(true);
    expect(pullFails('example.com/doesnotexist:1.0')).toBe(true);
    expect(pullFails('nginx:1.27')).toBe(false);
  });

  it('prints durations as Go does', () => {
    expect(goDuration(2345)).toBe('2.345s');
    expect(goDuration(2300)).toBe('2.3s');
    expect(goDuration(2000)).toBe('2s');
    expect(goDuration(512)).toBe('512ms');
    expect(goDuration(64_500)).toBe('1m4.5s');
  });
});

describe('container behaviour rules', () => {
  it('crash images exit 1 after a couple of seconds, every time', () => {
    for (const instance of [0, 1, 5]) {
      const plan = instancePlan(c('ghcr.io/acme/crash-app:1.0'), UID, 'Always', 'main', instance);
      expect(plan).toMatchObject({ forever: false, exitCode: 1 });
      expect(plan.runtimeMs).toBeGreaterThanOrEqual(2000);
      expect(plan.runtimeMs).toBeLessThanOrEqual(3500);
    }
  });

  it('fail images exit 1 once, then behave', () => {
    expect(instancePlan(c('acme/fail-once:1'), UID, 'Always', 'main', 0)).toMatchObject({ forever: false, exitCode: 1 });
    expect(instancePlan(c('acme/fail-once:1'), UID, 'Always', 'main', 1)).toMatchObject({ forever: true });
    expect(instancePlan(c('acme/fail-once:1'), UID, 'OnFailure', 'main', 1)).toMatchObject({ forever: false, exitCode: 0 });
  });

  it('restartPolicy Always pods serve forever; Never/OnFailure pods run to completion', () => {
    expect(instancePlan(c('registry.example.com/shop/api:2'), UID, 'Always', 'main', 0).forever).toBe(true);
    const job = instancePlan(c('perl:5.34', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }), UID, 'Never', 'main', 0);
    expect(job).toMatchObject({ forever: false, exitCode: 0 });
    expect(job.runtimeMs).toBeGreaterThanOrEqual(3000);
    expect(job.runtimeMs).toBeLessThanOrEqual(10_000);
    expect(instancePlan(c('kubeflow/tf-mnist-with-summaries:latest'), UID, 'OnFailure', 'main', 0).forever).toBe(false);
  });

  it('server images without a command serve even with restartPolicy Never', () => {
    expect(instancePlan(c('nginx:1.27'), UID, 'Never', 'main', 0).forever).toBe(true);
    expect(instancePlan(c('nginx:1.27', { command: ['nginx', '-t'] }), UID, 'Never', 'main', 0).forever).toBe(false);
  });

  it('honours sleep, exit and endless loops in the command', () => {
    expect(sleepMs('echo start; sleep 5; echo done; sleep 1m')).toBe(65_000);
    expect(explicitExit('sh -c "echo boom; exit 3"')).toBe(3);
    expect(loopsForever('while true; do date; sleep 5; done')).toBe(true);
    expect(loopsForever('sleep infinity')).toBe(true);
    const sleeper = instancePlan(c('busybox:1.36', { command: ['sh', '-c', 'sleep 30'] }), UID, 'Never', 'main', 0);
    expect(sleeper.runtimeMs).toBeGreaterThanOrEqual(30_500);
    expect(sleeper.runtimeMs).toBeLessThanOrEqual(32_000);
    expect(instancePlan(c('busybox:1.36', { args: ['sh', '-c', 'exit 3'] }), UID, 'Always', 'main', 0)).toMatchObject({ forever: false, exitCode: 3 });
    expect(instancePlan(c('busybox:1.36', { command: ['sleep', 'infinity'] }), UID, 'Never', 'main', 0).forever).toBe(true);
  });

  it('init containers complete; sidecars keep running', () => {
    const init = instancePlan(c('busybox:1.36', { command: ['sh', '-c', 'echo ready'] }), UID, 'Always', 'init', 0);
    expect(init).toMatchObject({ forever: false, exitCode: 0 });
    expect(init.runtimeMs).toBeLessThanOrEqual(4000);
    expect(instancePlan(c('envoyproxy/envoy:v1.31'), UID, 'Always', 'sidecar', 0).forever).toBe(true);
  });

  it('restarts per restart policy, and backs off like the kubelet', () => {
    expect(restarts('Always', 'main', 0)).toBe(true);
    expect(restarts('OnFailure', 'main', 0)).toBe(false);
    expect(restarts('OnFailure', 'main', 1)).toBe(true);
    expect(restarts('Never', 'main', 1)).toBe(false);
    expect(restarts('Always', 'init', 0)).toBe(false);
    expect(restarts('Always', 'init', 1)).toBe(true);
    expect(restarts('Never', 'init', 1)).toBe(false);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(restartDelayMs)).toEqual([1000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(backOffSeconds(3)).toBe(20);
  });

  it('becomes ready after the readiness probe initial delay', () => {
    expect(readyDelayMs(c('nginx:1.27'), UID, 0)).toBe(0);
    const delay = readyDelayMs(c('nginx:1.27', { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }), UID, 0);
    expect(delay).toBeGreaterThanOrEqual(5000);
    expect(delay).toBeLessThanOrEqual(6000);
  });
});
