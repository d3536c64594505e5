import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { eventually } from '../../testing/eventually';
import { createInProcessCore, type InProcessCore } from '../../testing/in-process-core';
import { startWorkloads } from './index';

/**
 * The controllers in process against the real object API: they resume from stored state after a
 * restart, and stay fast on a large inventory (what `--seed scale` builds).
 */
let core: InProcessCore | undefined;
afterEach(() => {
  core?.dispose();
  core = undefined;
});

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'team-a' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3' }] } } },
  };
}

const ready = (pod: KubeObject, ip: string): KubeObject => ({ ...pod, status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-03-02T10:00:00Z' }] } });

describe('workload controllers in process', () => {
  it('resume from what is stored: a Deployment created while they were down is rolled out after a restart', async () => {
    core = createInProcessCore({ timeScale: 50 });
    core.client.create('apps/v1', 'deployments', deployment('web', 2));
    core = core.reopen();
    startWorkloads(core.ctx);
    const c = core;
    const pods = await eventually(() => {
      const list = c.client.list('v1', 'pods', 'team-a', 'app=web');
      return list.length === 2 ? list : undefined;
    }, 'two pods');
    pods.forEach((p, i) => c.client.updateStatus('v1', 'pods', ready(p, `10.244.0.${i + 2}`)));
    const status = await eventually(() => {
      const d = c.client.get('apps/v1', 'deployments', 'team-a', 'web');
      return (d?.status as { availableReplicas?: number } | undefined)?.availableReplicas === 2 ? d!.status : undefined;
    }, 'two available replicas');
    expect(status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
  }, 30_000);

  it('keep up with a large inventory: 40 Services over 4,000 pods get their Endpoints quickly', async () => {
    core = createInProcessCore({ timeScale: 50 });
    const { client, store } = core;
    const namespaces = ['scale-0', 'scale-1', 'scale-2', 'scale-3'];
    store.batch(() => {
      for (const ns of namespaces) {
        client.create('v1', 'namespaces', { metadata: { name: ns } });
        for (let s = 0; s < 10; s++) client.create('v1', 'services', { metadata: { name: `svc-${s}`, namespace: ns }, spec: { selector: { app: `app-${s}` }, ports: [{ port: 80 }] } });
        for (let i = 0; i < 1000; i++) {
          const pod = client.create('v1', 'pods', { metadata: { name: `pod-${i}`, namespace: ns, labels: { app: `app-${i % 10}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27.3' }] } });
          client.updateStatus('v1', 'pods', ready(pod, `10.${namespaces.indexOf(ns)}.${Math.floor(i / 250)}.${(i % 250) + 1}`));
        }
      }
    });
    const started = Date.now();
    startWorkloads(core.ctx);
    await eventually(() => namespaces.every((ns) => store.count('core/endpoints', ns) === 10 && store.count('discovery.k8s.io/endpointslices', ns) === 10), 'endpoints for every service', 20_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    const ep = store.get('core/endpoints', 'scale-2', 'svc-7')!.obj as unknown as { subsets: { addresses: unknown[] }[] };
    expect(ep.subsets[0]!.addresses).toHaveLength(100);
  }, 60_000);
});
