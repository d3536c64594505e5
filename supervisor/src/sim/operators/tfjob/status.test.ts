import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { replicaPod, replicaService, replicaSpecs, tfConfig } from './resources';
import { evaluate, isFinished, replicaStatuses, updateJobConditions, type JobCondition } from './status';

/** The training-operator's TFJob pods, TF_CONFIG, replica counts and condition transitions. */
function tfjob(specs: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'kubeflow.org/v1', kind: 'TFJob', metadata: { name: 'mnist', namespace: 'team-b', uid: 'tf-uid' }, spec: { tfReplicaSpecs: specs, ...extra } };
}

const template = { spec: { containers: [{ name: 'tensorflow', image: 'kubeflow/tf-mnist-with-summaries:latest', command: ['python', '/var/tf_mnist/mnist_with_summaries.py'] }] } };

function pod(rt: string, index: number, phase: string, exitCode?: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `mnist-${rt}-${index}`, namespace: 'team-b', labels: { 'training.kubeflow.org/replica-type': rt, 'training.kubeflow.org/replica-index': String(index) } },
    status: { phase, containerStatuses: exitCode === undefined ? [] : [{ name: 'tensorflow', state: { terminated: { exitCode } } }] },
  };
}

const T0 = '2025-03-01T10:00:00Z';
const T1 = '2025-03-01T10:05:00Z';

describe('TFJob pods and services', () => {
  const job = tfjob({ PS: { replicas: 1, template }, Worker: { replicas: 2, restartPolicy: 'OnFailure', template }, Evaluator: { replicas: 1, template } });
  const specs = replicaSpecs(job);

  it('orders replica types as the operator does and defaults replicas and restart policy', () => {
    expect(specs.map((s) => [s.type, s.rt, s.replicas, s.restartPolicy])).toEqual([
      ['Evaluator', 'evaluator', 1, 'Never'],
      ['PS', 'ps', 1, 'Never'],
      ['Worker', 'worker', 2, 'OnFailure'],
    ]);
  });

  it('describes the training cluster in TF_CONFIG, without evaluators', () => {
    expect(JSON.parse(tfConfig(job, specs, 'worker', 1))).toEqual({
      cluster: { ps: ['mnist-ps-0.team-b.svc:2222'], worker: ['mnist-worker-0.team-b.svc:2222', 'mnist-worker-1.team-b.svc:2222'] },
      task: { type: 'worker', index: 1 },
      environment: 'cloud',
    });
  });

  it('labels replica pods, marks worker 0 as master without a chief, and adds the tfjob port', () => {
    const p = replicaPod(job, specs, specs[2]!, 0);
    expect(p.metadata.name).toBe('mnist-worker-0');
    expect(p.metadata.labels).toEqual({
      'training.kubeflow.org/job-name': 'mnist',
      'training.kubeflow.org/operator-name': 'tfjob-controller',
      'training.kubeflow.org/replica-type': 'worker',
      'training.kubeflow.org/replica-index': '0',
      'training.kubeflow.org/job-role': 'master',
    });
    const c = (p.spec as { restartPolicy: string; containers: { ports: unknown[]; env: { name: string }[] }[] });
    expect(c.restartPolicy).toBe('OnFailure');
    expect(c.containers[0]!.ports).toEqual([{ name: 'tfjob-port', containerPort: 2222, protocol: 'TCP' }]);
    expect(c.containers[0]!.env.map((e) => e.name)).toEqual(['TF_CONFIG']);
    expect(replicaPod(job, specs, specs[2]!, 1).metadata.labels).not.toHaveProperty('training.kubeflow.org/job-role');
    const svc = replicaService(job, specs[2]!, 1);
    expect(svc.spec).toMatchObject({ clusterIP: 'None', ports: [{ name: 'tfjob-port', port: 2222 }] });
  });

  it('gives a single-replica job no TF_CONFIG', () => {
    const single = tfjob({ Worker: { replicas: 1, template } });
    const p = replicaPod(single, replicaSpecs(single), replicaSpecs(single)[0]!, 0);
    expect((p.spec as { containers: { env?: unknown }[] }).containers[0]!.env).toBeUndefined();
  });
});

describe('TFJob conditions', () => {
  it('appends conditions in order and turns Running false when the job finishes', () => {
    let c: JobCondition[] = updateJobConditions([], 'Created', 'TFJobCreated', 'TFJob team-b/mnist is created.', T0);
    c = updateJobConditions(c, 'Running', 'TFJobRunning', 'TFJob team-b/mnist is running.', T0);
    expect(updateJobConditions(c, 'Running', 'TFJobRunning', 'TFJob team-b/mnist is running.', T1)).toBe(c);
    c = updateJobConditions(c, 'Succeeded', 'TFJobSucceeded', 'TFJob team-b/mnist successfully completed.', T1);
    expect(c.map((x) => [x.type, x.status])).toEqual([
      ['Created', 'True'],
      ['Running', 'False'],
      ['Succeeded', 'True'],
    ]);
    expect(isFinished(c)).toBe('Succeeded');
  });

  it('counts replicas by pod phase', () => {
    const job = tfjob({ Worker: { replicas: 3, template } });
    const s = replicaStatuses('mnist', replicaSpecs(job), [pod('worker', 0, 'Running'), pod('worker', 1, 'Succeeded', 0), pod('worker', 2, 'Failed', 1)]);
    expect(s.Worker).toEqual({
      active: 1,
      succeeded: 1,
      failed: 1,
      labelSelector: { matchLabels: { 'training.kubeflow.org/job-name': 'mnist', 'training.kubeflow.org/operator-name': 'tfjob-controller', 'training.kubeflow.org/replica-type': 'worker' } },
      selector: 'training.kubeflow.org/job-name=mnist,training.kubeflow.org/operator-name=tfjob-controller,training.kubeflow.org/replica-type=worker',
    });
  });

  it('is running while a worker runs, and succeeds when worker 0 completes (default success policy)', () => {
    const job = tfjob({ Worker: { replicas: 2, template } });
    const specs = replicaSpecs(job);
    const created = updateJobConditions([], 'Created', 'TFJobCreated', 'TFJob team-b/mnist is created.', T0);
    const running = [pod('worker', 0, 'Running'), pod('worker', 1, 'Running')];
    const r = evaluate(job, specs, replicaStatuses('mnist', specs, running), running, created, '', T0);
    expect(r.conditions.at(-1)).toMatchObject({ type: 'Running', reason: 'TFJobRunning', message: 'TFJob team-b/mnist is running.' });
    expect(r.events).toEqual([]);
    const done = [pod('worker', 0, 'Succeeded', 0), pod('worker', 1, 'Running')];
    const s = evaluate(job, specs, replicaStatuses('mnist', specs, done), done, r.conditions, '', T1);
    expect(s.conditions.at(-1)).toMatchObject({ type: 'Succeeded', reason: 'TFJobSucceeded', message: 'TFJob team-b/mnist successfully completed.' });
    expect(s.events).toEqual([{ type: 'Normal', reason: 'TFJobSucceeded', message: 'TFJob team-b/mnist successfully completed.' }]);
    const all = evaluate(job, specs, replicaStatuses('mnist', specs, done), done, r.conditions, 'AllWorkers', T1);
    expect(isFinished(all.conditions)).toBeUndefined();
  });

  it('follows the chief when there is one, and fails when a replica fails', () => {
    const job = tfjob({ Chief: { replicas: 1, template }, Worker: { replicas: 1, template } });
    const specs = replicaSpecs(job);
    const done = [pod('chief', 0, 'Succeeded', 0), pod('worker', 0, 'Running')];
    expect(isFinished(evaluate(job, specs, replicaStatuses('mnist', specs, done), done, [], '', T1).conditions)).toBe('Succeeded');
    const failed = [pod('chief', 0, 'Running'), pod('worker', 0, 'Failed', 1)];
    const f = evaluate(job, specs, replicaStatuses('mnist', specs, failed), failed, [], '', T1);
    expect(f.conditions.at(-1)).toMatchObject({ type: 'Failed', reason: 'TFJobFailed', message: 'TFJob team-b/mnist has failed because 1 Worker replica(s) failed.' });
  });
});
