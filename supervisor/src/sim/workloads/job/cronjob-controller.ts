import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import type { EventRecorder } from '../../../controllers/kit/event-recorder';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { splitKey } from '../../../controllers/work-queue';
import { timestamp } from '../../../core/metadata';
import type { StoreEvent } from '../../../storage/store';
import { stableStringify } from '../../../util/stable-json';
import { getCondition } from '../kit/conditions';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes } from '../kit/object-index';
import { controllerOf, controllerRef } from '../../../controllers/kit/owner-refs';
import { isAlreadyExists, isNotFound } from '../kit/pod-control';
import { deepCopy } from '../kit/pod-template';
import type { CronJob, CronJobStatus, Job, ObjectReference } from '../kit/types';
import { parseCron, scheduleWindow, zoneOffsetMs } from './cron-schedule';
import { finishedAt } from './ttl-after-finished';

/**
 * kube-controller-manager's CronJob controller (cronjob_controllerv2.go): keeps `status.active`
 * in step with its Jobs (SawCompletedJob, lastSuccessfulTime), creates `<cronjob>-<minutes>`
 * Jobs at scheduled times honouring suspend, startingDeadlineSeconds and concurrencyPolicy,
 * and trims finished Jobs to the history limits. Schedules run on simulated time: the cron
 * clock advances SUPERVISOR_TIME_SCALE times faster than the wall clock from the start of the
 * supervisor; written timestamps never lie in the future.
 */
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export function jobName(cj: CronJob, scheduledMs: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledMs / 60_000)}`;
}

export function jobFromTemplate(cj: CronJob, scheduledMs: number): Job {
  const t = cj.spec.jobTemplate;
  const offset = zoneOffsetMs(cj.spec.timeZone, scheduledMs);
  const local = new Date(scheduledMs + offset).toISOString().replace(/\.\d{3}Z$/, '');
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset) / 60_000;
  const zone = offset === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduledMs),
      namespace: cj.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      annotations: { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: `${local}${zone}` },
      ownerReferences: [controllerRef(cj)],
    },
    spec: deepCopy(t.spec),
  };
}

function jobRef(job: Job): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
}

function finishedType(job: Job): 'Complete' | 'Failed' | undefined {
  if (getCondition(job.status?.conditions, 'Complete')?.status === 'True') return 'Complete';
  if (getCondition(job.status?.conditions, 'Failed')?.status === 'True') return 'Failed';
  return undefined;
}

export function startCronJobController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const recorder = recorderFor(ctx, 'cronjob-controller');
  const cronJobs = indexes.of<CronJob>('batch/cronjobs');
  const jobs = indexes.of<Job>('batch/jobs');
  const anchor = Date.now();
  const simNow = (): number => anchor + (Date.now() - anchor) * ctx.clock.scale;
  /** The last scheduled time handled per CronJob uid, in simulated time. */
  const cursor = new Map<string, number>();
  const jobKeys = (e: StoreEvent): string[] => {
    const ref = controllerOf(e.cur.obj);
    return ref?.kind === 'CronJob' ? [keyOf(e.namespace, ref.name)] : [];
  };
  const controller = startController(ctx, {
    name: 'cronjob-controller',
    primary: 'batch/cronjobs',
    watches: [{ table: 'batch/jobs', keys: jobKeys }],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const stored = cronJobs.get(namespace, name);
      if (!stored) return;
      const cj = deepCopy(stored);
      const owned = jobs.ownedBy(cj.metadata.uid);
      const status = reconcileActive(cj, owned, recorder);
      const next = schedule(cj, status, owned);
      cleanupHistory(client, recorder, cj, jobs.ownedBy(cj.metadata.uid));
      if (stableStringify(stored.status ?? {}) !== stableStringify(status)) client.updateStatus('batch/v1', 'cronjobs', { ...stored, status });
      if (next !== undefined) controller.requeueAfter(key, Math.max(0, next - simNow()) + 1);
    },
  });

  /** Creates the Job of the most recent missed schedule, if any; returns the next activation (simulated ms). */
  const schedule = (cj: CronJob, status: CronJobStatus, owned: Job[]): number | undefined => {
    if (cj.metadata.deletionTimestamp || cj.spec.suspend) return undefined;
    let parsed;
    try {
      parsed = parseCron(cj.spec.schedule);
    } catch (e) {
      recorder.record(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${(e as Error).message}`);
      return undefined;
    }
    const uid = cj.metadata.uid ?? '';
    const created = Date.parse(cj.metadata.creationTimestamp ?? '') || Date.now();
    const last = Date.parse(status.lastScheduleTime ?? '') || 0;
    const earliest = Math.max(cursor.get(uid) ?? 0, last, created);
    const now = simNow();
    const window = scheduleWindow(parsed, earliest, now, cj.spec.timeZone);
    if (window.mostRecent === undefined) return window.next;
    cursor.set(uid, window.mostRecent);
    if (window.missed > 100) recorder.record(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    const deadline = cj.spec.startingDeadlineSeconds;
    if (deadline !== undefined && window.mostRecent + deadline * 1000 < now) {
      recorder.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${timestamp(new Date(window.mostRecent))}`);
      return window.next;
    }
    const active = status.active ?? [];
    if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      recorder.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return window.next;
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const ref of active) {
        try {
          client.delete('batch/v1', 'jobs', ref.namespace ?? '', ref.name ?? '', { propagationPolicy: 'Background' });
          recorder.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      status.active = [];
    }
    let job: Job;
    try {
      job = client.create<Job>('batch/v1', 'jobs', jobFromTemplate(cj, window.mostRecent));
      recorder.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    } catch (e) {
      if (!isAlreadyExists(e)) {
        recorder.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
        throw e;
      }
      job = owned.find((j) => j.metadata.name === jobName(cj, window.mostRecent!)) ?? jobFromTemplate(cj, window.mostRecent);
    }
    if (!finishedType(job) && !(status.active ?? []).some((r) => r.uid === job.metadata.uid)) status.active = [...(status.active ?? []), jobRef(job)];
    status.lastScheduleTime = timestamp(new Date(Math.min(window.mostRecent, Date.now())));
    return window.next;
  };
}

/** Drops finished and vanished Jobs from status.active; adopts running ones it created. */
function reconcileActive(cj: CronJob, owned: Job[], recorder: EventRecorder): CronJobStatus {
  const status = deepCopy(cj.status ?? {});
  let active = status.active ?? [];
  for (const job of owned) {
    const listed = active.some((r) => r.uid === job.metadata.uid);
    const done = finishedType(job);
    if (listed && done) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      recorder.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${done}`);
      const at = finishedAt(job);
      if (done === 'Complete' && at && (!status.lastSuccessfulTime || at > status.lastSuccessfulTime)) status.lastSuccessfulTime = at;
    } else if (!listed && !done && !job.metadata.deletionTimestamp) {
      active = [...active, jobRef(job)];
    }
  }
  for (const ref of active) {
    if (!owned.some((j) => j.metadata.uid === ref.uid)) recorder.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
  }
  active = active.filter((r) => owned.some((j) => j.metadata.uid === r.uid));
  if (active.length) status.active = active;
  else delete status.active;
  return status;
}

function cleanupHistory(client: SystemClient, recorder: EventRecorder, cj: CronJob, owned: Job[]): void {
  const trim = (type: 'Complete' | 'Failed', limit: number | undefined): void => {
    if (limit === undefined) return;
    const finished = owned.filter((j) => finishedType(j) === type && !j.metadata.deletionTimestamp).sort((a, b) => (a.status?.startTime ?? a.metadata.creationTimestamp ?? '').localeCompare(b.status?.startTime ?? b.metadata.creationTimestamp ?? ''));
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      try {
        client.delete('batch/v1', 'jobs', job.metadata.namespace ?? '', job.metadata.name ?? '', { propagationPolicy: 'Background' });
        recorder.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  };
  trim('Complete', cj.spec.successfulJobsHistoryLimit ?? 3);
  trim('Failed', cj.spec.failedJobsHistoryLimit ?? 1);
}
