import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import type { EventRecorder } from '../../../controllers/kit/event-recorder';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { splitKey } from '../../../controllers/work-queue';
import { timestamp } from '../../../core/metadata';
import type { StoreEvent } from '../../../storage/store';
import { stableStringify } from '../../../util/stable-json';
import { getCondition, removeCondition } from '../kit/conditions';
import { keyOf, startController, type ControllerHandle } from '../kit/controller-loop';
import type { Indexes, ObjectIndex } from '../kit/object-index';
import { controllerOf } from '../../../controllers/kit/owner-refs';
import { isNamespaceTerminating, isNotFound, PodControl } from '../kit/pod-control';
import { isPodReady } from '../kit/pod-state';
import { deepCopy } from '../kit/pod-template';
import { simSecondsLeft } from '../kit/sim-time';
import type { Condition, Job, JobStatus, Pod } from '../kit/types';
import { podsToDelete } from '../replicaset/pod-ranking';
import { completionIndexOf, countPods, failureBackoffSeconds, formatIndexes, indexesToCreate, isFinished, parseIndexes, reachedTarget, TRACKING_FINALIZER, wantActive, type PodCounts, type Target } from './job-logic';
import { jobPod } from './job-pods';

/**
 * kube-controller-manager's Job controller (1.32): runs pods up to parallelism until the
 * completions are reached, replaces failed pods after a back-off, tracks finished pods through
 * the job-tracking finalizer and uncountedTerminatedPods, and finishes in two steps as 1.32
 * does: SuccessCriteriaMet or FailureTarget first, then Complete or Failed (with completionTime
 * and a Completed / BackoffLimitExceeded / DeadlineExceeded event) once no pod is left running.
 */
function jobCondition(type: string, status: Condition['status'], reason: string, message: string, now: Date): Condition {
  const at = timestamp(now);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, reason, message };
}

export function startJobController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const recorder = recorderFor(ctx, 'job-controller');
  const jobs = indexes.of<Job>('batch/jobs');
  const pods = indexes.of<Pod>('core/pods');
  const lastFailure = new Map<string, number>();
  const podControl = new PodControl(client, recorder);
  const podKeys = (e: StoreEvent): string[] => {
    const ref = controllerOf(e.cur.obj) ?? (e.prev ? controllerOf(e.prev.obj) : undefined);
    return ref?.kind === 'Job' ? [keyOf(e.namespace, ref.name)] : [];
  };
  const handle: ControllerHandle = startController(ctx, {
    name: 'job-controller',
    primary: 'batch/jobs',
    watches: [{ table: 'core/pods', keys: podKeys }],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const stored = jobs.get(namespace, name);
      if (!stored) return;
      new JobSync(ctx, client, recorder, podControl, pods, lastFailure, handle, key, deepCopy(stored)).run();
    },
  });
}

class JobSync {
  private readonly now = new Date();
  private readonly status: JobStatus;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly client: SystemClient,
    private readonly recorder: EventRecorder,
    private readonly podControl: PodControl,
    private readonly pods: ObjectIndex<Pod>,
    private readonly lastFailure: Map<string, number>,
    private readonly handle: ControllerHandle,
    private readonly key: string,
    private readonly job: Job,
  ) {
    this.status = deepCopy(job.status ?? {});
  }

  private owned(): Pod[] {
    return this.pods.ownedBy(this.job.metadata.uid);
  }

  run(): void {
    const job = this.job;
    if (isFinished(job)) return this.releaseFinalizers(this.owned().filter((p) => (p.metadata.finalizers ?? []).includes(TRACKING_FINALIZER)));
    const existingTarget = ['FailureTarget', 'SuccessCriteriaMet'].map((t) => getCondition(job.status?.conditions, t)).find((c) => c?.status === 'True');
    const counts = countPods(job, this.owned(), !!existingTarget);
    if (counts.newlyFailed.length) this.lastFailure.set(job.metadata.uid ?? '', Date.now());
    if (!this.status.startTime && !job.spec.suspend) this.status.startTime = timestamp(this.now);
    const succeededIndexes = parseIndexes(this.status.completedIndexes);
    if (job.spec.completionMode === 'Indexed') for (const p of counts.newlySucceeded) {
      const i = completionIndexOf(p);
      if (i !== undefined && i < (job.spec.completions ?? 0)) succeededIndexes.add(i);
    }
    const target: Target | undefined = existingTarget
      ? { type: existingTarget.type as Target['type'], reason: existingTarget.reason ?? '', message: existingTarget.message ?? '' }
      : reachedTarget({ ...job, status: this.status }, counts, succeededIndexes.size, this.now.getTime(), this.ctx.clock.scale);
    if (target && !existingTarget) this.setCondition(jobCondition(target.type, 'True', target.reason, target.message, this.now));
    let error: Error | undefined;
    if (target) this.deleteAll(counts.active);
    else if (job.spec.suspend) this.suspend(counts);
    else error = this.manage(counts, succeededIndexes);
    this.track(counts, succeededIndexes);
    if (target) this.finishIfDone(target);
    this.writeStatus();
    this.scheduleRechecks(target);
    if (error) throw error;
  }

  private setCondition(c: Condition): void {
    this.status.conditions = [...removeCondition(this.status.conditions, c.type), c];
  }

  private deleteAll(active: Pod[]): void {
    for (const pod of active) this.podControl.delete(pod, this.job);
  }

  private suspend(counts: PodCounts): void {
    this.deleteAll(counts.active);
    if (getCondition(this.status.conditions, 'Suspended')?.status !== 'True') {
      this.setCondition(jobCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', this.now));
      this.recorder.record(this.job, 'Normal', 'Suspended', 'Job suspended');
    }
  }

  /** manageJob: resume, then create or delete pods towards the wanted number of active pods. */
  private manage(counts: PodCounts, succeededIndexes: Set<number>): Error | undefined {
    const job = this.job;
    if (getCondition(this.status.conditions, 'Suspended')?.status === 'True') {
      this.setCondition(jobCondition('Suspended', 'False', 'JobResumed', 'Job resumed', this.now));
      this.status.startTime = timestamp(this.now);
      this.recorder.record(job, 'Normal', 'Resumed', 'Job resumed');
    }
    const active = counts.active;
    const indexed = job.spec.completionMode === 'Indexed';
    const want = indexed ? Math.min(job.spec.parallelism ?? 1, (job.spec.completions ?? 0) - succeededIndexes.size) : wantActive(job, counts.succeeded, active.length);
    if (active.length > want) {
      this.deleteAll(podsToDelete(active, active, active.length - want, this.now.getTime()));
      return undefined;
    }
    if (active.length >= want) return undefined;
    const failedAt = this.lastFailure.get(job.metadata.uid ?? '');
    if (failedAt !== undefined && counts.failed > 0) {
      const waitS = failureBackoffSeconds(counts.failed) - ((Date.now() - failedAt) / 1000) * this.ctx.clock.scale;
      if (waitS > 0) {
        this.handle.requeueAfter(this.key, waitS * 1000);
        return undefined;
      }
    }
    const toCreate = indexed ? indexesToCreate(job.spec.completions ?? 0, succeededIndexes, active, want - active.length) : new Array<undefined>(want - active.length).fill(undefined);
    for (const index of toCreate) {
      try {
        this.podControl.create(jobPod(job, index), job);
      } catch (e) {
        return isNamespaceTerminating(e) ? undefined : (e as Error);
      }
    }
    return undefined;
  }

  /** trackJobStatusAndRemoveFinalizers: record finished pods as uncounted, release them, then count them. */
  private track(counts: PodCounts, succeededIndexes: Set<number>): void {
    const uncounted = this.status.uncountedTerminatedPods ?? {};
    if (counts.newlySucceeded.length || counts.newlyFailed.length) {
      this.status.uncountedTerminatedPods = {
        succeeded: [...(uncounted.succeeded ?? []), ...counts.newlySucceeded.map((p) => p.metadata.uid ?? '')],
        failed: [...(uncounted.failed ?? []), ...counts.newlyFailed.map((p) => p.metadata.uid ?? '')],
      };
      this.writeStatus();
    }
    this.releaseFinalizers(counts.toRelease);
    this.status.succeeded = counts.succeeded;
    this.status.failed = counts.failed;
    this.status.uncountedTerminatedPods = {};
    if (this.job.spec.completionMode === 'Indexed') this.status.completedIndexes = formatIndexes(succeededIndexes);
  }

  private releaseFinalizers(list: Pod[]): void {
    for (const pod of list) {
      const rest = (pod.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
      try {
        this.client.patch('v1', 'pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '', { metadata: { finalizers: rest.length ? rest : null } });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }

  /** The terminal condition, once no pod of the job is running or terminating. */
  private finishIfDone(target: Target): void {
    const running = this.owned().some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (running) return;
    if (target.type === 'SuccessCriteriaMet') {
      this.setCondition(jobCondition('Complete', 'True', target.reason, target.message, this.now));
      this.status.completionTime = timestamp(this.now);
      this.recorder.record(this.job, 'Normal', 'Completed', 'Job completed');
    } else {
      this.setCondition(jobCondition('Failed', 'True', target.reason, target.message, this.now));
      this.recorder.record(this.job, 'Warning', target.reason, target.message);
    }
  }

  private writeStatus(): void {
    const current = this.owned();
    const active = current.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
    const status: JobStatus = { ...this.status, ready: active.filter(isPodReady).length, terminating: current.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length };
    if (active.length) status.active = active.length;
    else delete status.active;
    if (!status.succeeded) delete status.succeeded;
    if (!status.failed) delete status.failed;
    status.uncountedTerminatedPods ??= {};
    const fresh = this.ctx.core.store.get('batch/jobs', this.job.metadata.namespace ?? '', this.job.metadata.name ?? '')?.obj;
    if (!fresh || stableStringify(fresh.status ?? {}) === stableStringify(status)) return;
    this.client.updateStatus('batch/v1', 'jobs', { ...this.job, status });
  }

  private scheduleRechecks(target: Target | undefined): void {
    const deadline = this.job.spec.activeDeadlineSeconds;
    if (!target && deadline !== undefined && this.status.startTime) {
      this.handle.requeueAfter(this.key, simSecondsLeft(this.status.startTime, deadline, Date.now(), this.ctx.clock.scale) * 1000 + 1);
    }
  }
}
