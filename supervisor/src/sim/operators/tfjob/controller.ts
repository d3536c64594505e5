import type { KubeObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { timestamp } from '../../../core/metadata';
import { stableStringify } from '../../../util/stable-json';
import { startControllerLoop, type ReconcileResult } from '../kit/controller-loop';
import { deleteIfExists, ensureCreated, isApiError } from '../kit/ensure';
import { hasOwnerRef } from '../../../controllers/kit/owner-refs';
import { arr, bool, containerExitCode, isDeleting, labels, nameOf, num, podPhase, rec, restartCount, spec, status, str } from '../kit/objects';
import { KUBEFLOW_GROUP, KUBEFLOW_V1 } from './crd';
import { CONTAINER, TF, podName, replicaPod, replicaService, replicaSpecs, type ReplicaSpecView } from './resources';
import { evaluate, isFinished, replicaStatuses, updateJobConditions, type JobCondition, type ReplicaStatus } from './status';

/**
 * The training-operator's TFJob controller: creates a pod and a headless service per replica,
 * restarts retryable failures (restartPolicy ExitCode), enforces activeDeadlineSeconds and
 * backoffLimit, reports replica counts and conditions, and once the job has finished removes
 * pods according to `runPolicy.cleanPodPolicy` (default Running for TFJob) and deletes the job
 * after `ttlSecondsAfterFinished`.
 */
const MANAGER = 'tfjob-controller';

interface Ctx {
  client: SystemClient;
  ctx: ControllerContext;
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Pods whose exit has been reported, so ExitedWithCode is recorded once per pod. */
  reportedExits: Set<string>;
}

function simulatedElapsed(c: Ctx, since: string): number {
  return (Date.now() - Date.parse(since)) * c.ctx.clock.scale;
}

function cleanup(c: Ctx, job: KubeObject, pods: KubeObject[], services: KubeObject[]): void {
  const policy = str(rec(spec(job).runPolicy).cleanPodPolicy, 'Running');
  if (policy === 'None') return;
  const ns = job.metadata.namespace ?? '';
  for (const pod of pods) {
    if (policy === 'Running' && !['Running', 'Pending'].includes(podPhase(pod))) continue;
    if (deleteIfExists(c.client, 'v1', 'pods', ns, nameOf(pod))) c.record(job, 'Normal', 'SuccessfulDeletePod', `Deleted pod: ${nameOf(pod)}`);
    const svc = services.find((s) => nameOf(s) === nameOf(pod));
    if (svc && deleteIfExists(c.client, 'v1', 'services', ns, nameOf(svc))) c.record(job, 'Normal', 'SuccessfulDeleteService', `Deleted service: ${nameOf(svc)}`);
  }
  if (policy === 'All') for (const svc of services) deleteIfExists(c.client, 'v1', 'services', ns, nameOf(svc));
}

function reconcileReplicas(c: Ctx, job: KubeObject, specs: ReplicaSpecView[], pods: KubeObject[], services: KubeObject[], conditions: JobCondition[], now: string): JobCondition[] {
  const ns = job.metadata.namespace ?? '';
  const name = nameOf(job);
  for (const s of specs) {
    for (let i = 0; i < s.replicas; i++) {
      const pod = pods.find((p) => nameOf(p) === podName(name, s.rt, i));
      if (!pod) {
        try {
          if (ensureCreated(c.client, 'v1', 'pods', replicaPod(job, specs, s, i)).created) c.record(job, 'Normal', 'SuccessfulCreatePod', `Created pod: ${podName(name, s.rt, i)}`);
        } catch (e) {
          if (!isApiError(e, 403) && !isApiError(e, 422)) throw e;
          c.record(job, 'Warning', 'FailedCreatePod', `Error creating: ${e.message}`);
        }
      } else if (pod.metadata.uid && !c.reportedExits.has(pod.metadata.uid)) {
        const code = containerExitCode(pod, CONTAINER);
        if (code !== undefined) {
          c.reportedExits.add(pod.metadata.uid);
          c.record(job, 'Normal', 'ExitedWithCode', `Pod: ${ns}.${nameOf(pod)} exited with code ${code}`);
        }
        if (s.restartPolicy === 'ExitCode' && podPhase(pod) === 'Failed' && (code ?? 0) >= 128) {
          deleteIfExists(c.client, 'v1', 'pods', ns, nameOf(pod));
          const msg = `TFJob ${name} is restarting because ${s.type} replica(s) failed.`;
          c.record(job, 'Warning', 'TFJobRestarting', msg);
          conditions = updateJobConditions(conditions, 'Restarting', 'TFJobRestarting', msg, now);
        }
      }
      if (!services.some((x) => nameOf(x) === podName(name, s.rt, i))) {
        if (ensureCreated(c.client, 'v1', 'services', replicaService(job, s, i)).created) c.record(job, 'Normal', 'SuccessfulCreateService', `Created service: ${podName(name, s.rt, i)}`);
      }
    }
    for (const pod of pods.filter((p) => labels(p)[TF.replicaType] === s.rt && Number(labels(p)[TF.replicaIndex]) >= s.replicas)) {
      if (deleteIfExists(c.client, 'v1', 'pods', ns, nameOf(pod))) c.record(job, 'Normal', 'SuccessfulDeletePod', `Deleted pod: ${nameOf(pod)}`);
    }
  }
  return conditions;
}

function limitsExceeded(c: Ctx, job: KubeObject, specs: ReplicaSpecView[], pods: KubeObject[], startTime: string): string | undefined {
  const rp = rec(spec(job).runPolicy);
  const name = nameOf(job);
  if (typeof rp.backoffLimit === 'number') {
    const restarting = new Set(specs.filter((s) => s.restartPolicy === 'OnFailure' || s.restartPolicy === 'Always').map((s) => s.rt));
    const restarts = pods.filter((p) => restarting.has(labels(p)[TF.replicaType] ?? '')).reduce((n, p) => n + restartCount(p), 0);
    if (restarts > 0 && restarts >= rp.backoffLimit) return `Job ${name} has failed because it has reached the specified backoff limit`;
  }
  if (typeof rp.activeDeadlineSeconds === 'number' && simulatedElapsed(c, startTime) >= rp.activeDeadlineSeconds * 1000) {
    return `Job ${name} has failed because it was active longer than specified deadline`;
  }
  return undefined;
}

function reconcile(c: Ctx, namespace: string, name: string): ReconcileResult | void {
  if (!c.client.has(KUBEFLOW_V1, 'tfjobs')) return { requeueAfter: 2_000 };
  const job = c.client.get(KUBEFLOW_V1, 'tfjobs', namespace, name);
  if (!job || isDeleting(job)) return;
  const specs = replicaSpecs(job);
  const sel = `${TF.jobName}=${name}`;
  const pods = c.client.list('v1', 'pods', namespace, sel).filter((p) => hasOwnerRef(p, job) && !isDeleting(p));
  const services = c.client.list('v1', 'services', namespace, sel).filter((s) => hasOwnerRef(s, job));
  const prev = status(job);
  const now = timestamp(new Date());
  let conditions = (arr(prev.conditions) as JobCondition[]).filter((x) => typeof x?.type === 'string');
  if (!conditions.some((x) => x.type === 'Created')) conditions = updateJobConditions(conditions, 'Created', 'TFJobCreated', `TFJob ${namespace}/${name} is created.`, now);
  const startTime = str(prev.startTime) || now;
  let statuses = rec(prev.replicaStatuses) as Record<string, ReplicaStatus>;
  let completionTime = str(prev.completionTime);
  let requeue: number | undefined;
  const runPolicy = rec(spec(job).runPolicy);

  if (isFinished(conditions)) {
    cleanup(c, job, pods, services);
    const ttl = runPolicy.ttlSecondsAfterFinished;
    if (typeof ttl === 'number' && completionTime) {
      const left = ttl * 1000 - simulatedElapsed(c, completionTime);
      if (left <= 0) {
        deleteIfExists(c.client, KUBEFLOW_V1, 'tfjobs', namespace, name);
        return;
      }
      requeue = left;
    }
  } else if (bool(runPolicy.suspend)) {
    for (const pod of pods) deleteIfExists(c.client, 'v1', 'pods', namespace, nameOf(pod));
    conditions = updateJobConditions(conditions, 'Suspended', 'TFJobSuspended', `TFJob ${namespace}/${name} is suspended.`, now);
  } else {
    const failure = limitsExceeded(c, job, specs, pods, startTime);
    if (failure) {
      c.record(job, 'Normal', 'TFJobFailed', failure);
      conditions = updateJobConditions(conditions, 'Failed', 'TFJobFailed', failure, now);
    } else {
      conditions = reconcileReplicas(c, job, specs, pods, services, conditions, now);
      statuses = replicaStatuses(name, specs, pods);
      const t = evaluate(job, specs, statuses, pods, conditions, str(spec(job).successPolicy), now);
      conditions = t.conditions;
      for (const e of t.events) c.record(job, e.type, e.reason, e.message);
      const deadline = num(runPolicy.activeDeadlineSeconds, 0);
      if (deadline > 0) requeue = Math.max(1, deadline * 1000 - simulatedElapsed(c, startTime));
    }
    if (isFinished(conditions)) {
      completionTime = completionTime || now;
      if (isFinished(conditions) === 'Succeeded') {
        // Once the job has succeeded, replicas still active are counted as succeeded.
        statuses = Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, { ...v, succeeded: (v.succeeded ?? 0) + (v.active ?? 0), active: undefined }]));
      }
      requeue = 1;
    }
  }

  const next: Record<string, unknown> = { conditions, replicaStatuses: statuses, startTime, ...(completionTime ? { completionTime } : {}) };
  const { lastReconcileTime, ...prevRest } = prev;
  if (stableStringify(next) !== stableStringify(prevRest)) {
    c.client.updateStatus(KUBEFLOW_V1, 'tfjobs', { ...job, status: { ...next, lastReconcileTime: now } });
  } else if (lastReconcileTime === undefined) {
    c.client.updateStatus(KUBEFLOW_V1, 'tfjobs', { ...job, status: { ...next, lastReconcileTime: now } });
  }
  return requeue === undefined ? undefined : { requeueAfter: requeue };
}

export function startTfJobController(ctx: ControllerContext): void {
  const recorder = recorderFor(ctx, MANAGER);
  const c: Ctx = { client: clientFor(ctx, MANAGER), ctx, record: (o, t, r, m) => recorder.record(o, t, r, m), reportedExits: new Set() };
  startControllerLoop(ctx, {
    name: 'tfjob-controller',
    table: `${KUBEFLOW_GROUP}/tfjobs`,
    ownerKind: 'TFJob',
    ownerGroup: KUBEFLOW_GROUP,
    childTables: ['core/pods', 'core/services'],
    reconcile: (ns, name) => reconcile(c, ns, name),
  });
}
