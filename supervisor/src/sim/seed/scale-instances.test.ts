import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startCrdController } from '../../controllers/crd-controller';
import { clientFor } from '../../controllers/controller-context';
import { eventually } from '../../testing/eventually';
import { createInProcessCore, type InProcessCore } from '../../testing/in-process-core';
import { installCrds } from '../operators/carvel/installer';
import { startTfJobController } from '../operators/tfjob/controller';
import { KUBEFLOW_V1 } from '../operators/tfjob/crd';
import { trainingService } from '../operators/tfjob/service';
import { scaleTfJob } from './scale-instances';

/**
 * A seeded TFJob is left alone by the running training operator: no status write, no pod, no
 * service, no event. Its work queue is first in, first out and takes every stored job in at
 * start, so once a job created afterwards has its status, the seeded ones have been looked at.
 */
describe('scaleTfJob', () => {
  let core: InProcessCore;
  const NS = 'scale-001';
  beforeEach(async () => {
    core = createInProcessCore({ timeScale: 50, controllers: [startCrdController] });
    installCrds(clientFor(core.ctx, 'test-installer'), [trainingService]);
    await eventually(() => core.registry.lookup('kubeflow.org', 'v1', 'tfjobs') !== undefined, 'TFJobs served');
    core.client.create('v1', 'namespaces', { metadata: { name: NS } });
  });
  afterEach(() => core.dispose());

  it('writes finished jobs the controller has nothing to do for', async () => {
    const finished = new Date(Date.now() - 600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const started = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const seeded = [0, 1, 37].map((i) => {
      const job = scaleTfJob(NS, i, started, finished);
      Object.assign(job.metadata, { uid: randomUUID(), creationTimestamp: started });
      return core.store.put('kubeflow.org/tfjobs', job).obj;
    });
    startTfJobController(core.ctx);
    const marker = { apiVersion: KUBEFLOW_V1, kind: 'TFJob', metadata: { name: 'marker', namespace: NS }, spec: { tfReplicaSpecs: { Worker: { replicas: 1, template: { spec: { containers: [{ name: 'tensorflow', image: 'busybox' }] } } } } } };
    core.client.create(KUBEFLOW_V1, 'tfjobs', marker);
    await eventually(() => (core.client.get(KUBEFLOW_V1, 'tfjobs', NS, 'marker')?.status as { conditions?: unknown[] } | undefined)?.conditions, 'the marker job reconciled');
    for (const job of seeded) {
      const now = core.client.get(KUBEFLOW_V1, 'tfjobs', NS, job.metadata.name!)!;
      expect(now.metadata.resourceVersion).toBe(job.metadata.resourceVersion);
      expect((now.status as { conditions: { type: string }[] }).conditions.at(-1)!.type).toBe('Succeeded');
    }
    const names = new Set(seeded.map((j) => j.metadata.name));
    const owned = (o: { metadata: { ownerReferences?: { name: string }[] } }) => o.metadata.ownerReferences?.some((r) => names.has(r.name));
    expect(core.client.list('v1', 'pods', NS).filter(owned)).toEqual([]);
    expect(core.client.list('v1', 'services', NS).filter(owned)).toEqual([]);
    expect(core.client.list('v1', 'events', NS).filter((e) => names.has((e.involvedObject as { name: string }).name))).toEqual([]);
  });
});
