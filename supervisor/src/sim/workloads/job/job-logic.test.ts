import { describe, expect, it } from 'vitest';
import { iso, pod, podTemplate, T0 } from '../kit/fixtures.test-util';
import type { Job, Pod } from '../kit/types';
import { countPods, failureBackoffSeconds, formatIndexes, indexesToCreate, parseIndexes, reachedTarget, TRACKING_FINALIZER, wantActive } from './job-logic';
import { jobPod } from './job-pods';

function job(spec: Partial<Job['spec']> = {}, status: Job['status'] = {}): Job {
  const template = podTemplate('perl:5.34');
  template.spec!.restartPolicy = 'Never';
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'db-migrate', namespace: 'team-a', uid: 'job-uid' },
    spec: { parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', template, ...spec },
    status,
  };
}

function jp(name: string, phase: string, o: { tracked?: boolean; deleting?: boolean; ready?: boolean } = {}): Pod {
  const p = pod(name, { node: 'esxi-01', phase, deleting: o.deleting, ready: o.ready });
  if (o.tracked !== false) p.metadata.finalizers = [TRACKING_FINALIZER];
  return p;
}

describe('Job pod accounting', () => {
  it('splits pods into active, terminating and newly finished ones', () => {
    const c = countPods(job({}, { succeeded: 1 }), [jp('a', 'Running', { ready: true }), jp('b', 'Succeeded'), jp('c', 'Failed'), jp('d', 'Running', { deleting: true }), jp('e', 'Succeeded', { tracked: false })], false);
    expect(c.active.map((p) => p.metadata.name)).toEqual(['a']);
    expect(c.ready).toBe(1);
    expect(c.terminating.map((p) => p.metadata.name)).toEqual(['d']);
    expect(c.newlySucceeded.map((p) => p.metadata.name)).toEqual(['b']);
    // A deleted pod that did not succeed counts as failed (podReplacementPolicy TerminatingOrFailed).
    expect(c.newlyFailed.map((p) => p.metadata.name)).toEqual(['c', 'd']);
    expect(c.toRelease.map((p) => p.metadata.name)).toEqual(['b', 'c', 'd']);
    expect([c.succeeded, c.failed]).toEqual([2, 2]);
  });

  it('does not count pods already listed in uncountedTerminatedPods twice', () => {
    const b = jp('b', 'Succeeded');
    const c = countPods(job({}, { uncountedTerminatedPods: { succeeded: [b.metadata.uid!] } }), [b], false);
    expect(c.newlySucceeded).toEqual([]);
    expect(c.succeeded).toBe(1);
    expect(c.toRelease).toEqual([b]);
  });

  it('wants parallelism pods, bounded by the completions left', () => {
    expect(wantActive(job({ parallelism: 3, completions: 5 }), 3, 0)).toBe(2);
    expect(wantActive(job({ parallelism: 3, completions: null }), 0, 0)).toBe(3);
    expect(wantActive(job({ parallelism: 3, completions: null }), 1, 2)).toBe(2);
  });
});

describe('Job targets', () => {
  const counts = (j: Job, pods: Pod[]) => countPods(j, pods, false);

  it('meets its success criteria when completions are reached', () => {
    const j = job({ completions: 2 }, { succeeded: 1, startTime: iso(T0) });
    expect(reachedTarget(j, counts(j, [jp('a', 'Succeeded')]), 0, T0, 1)).toEqual({ type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(reachedTarget(j, counts(j, [jp('a', 'Running')]), 0, T0, 1)).toBeUndefined();
  });

  it('fails past backoffLimit and past activeDeadlineSeconds (simulated)', () => {
    const j = job({ backoffLimit: 1 }, { failed: 1, startTime: iso(T0) });
    expect(reachedTarget(j, counts(j, [jp('b', 'Failed')]), 0, T0, 1)).toMatchObject({ type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    const slow = job({ activeDeadlineSeconds: 100 }, { startTime: iso(T0) });
    expect(reachedTarget(slow, counts(slow, [jp('a', 'Running')]), 0, T0 + 20_000, 1)).toBeUndefined();
    expect(reachedTarget(slow, counts(slow, [jp('a', 'Running')]), 0, T0 + 20_000, 10)).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
  });

  it('backs off 10 s doubling per failure, capped at 10 minutes', () => {
    expect([1, 2, 3, 10].map(failureBackoffSeconds)).toEqual([10, 20, 40, 600]);
  });
});

describe('Indexed Jobs', () => {
  it('formats and parses completed index intervals', () => {
    expect(formatIndexes([5, 0, 1, 2, 7, 8])).toBe('0-2,5,7-8');
    expect([...parseIndexes('0-2,5,7-8')]).toEqual([0, 1, 2, 5, 7, 8]);
    expect(formatIndexes([])).toBe('');
  });

  it('creates the lowest missing indexes and labels pods with their index', () => {
    const j = job({ completionMode: 'Indexed', completions: 5, parallelism: 2 });
    const running = jobPod(j, 1) as Pod;
    expect(indexesToCreate(5, new Set([0]), [running], 2)).toEqual([2, 3]);
    expect(running.metadata).toMatchObject({ generateName: 'db-migrate-1-', labels: { 'batch.kubernetes.io/job-completion-index': '1' }, annotations: { 'batch.kubernetes.io/job-completion-index': '1' }, finalizers: [TRACKING_FINALIZER] });
    expect(running.spec?.hostname).toBe('db-migrate-1');
    expect(running.spec?.containers?.[0]?.env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } });
  });
});
