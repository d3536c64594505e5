import type { KubeObject } from '../../../api/types';
import { containerExitCode, labels, podPhase } from '../kit/objects';
import { CONTAINER, TF, hasChief, jobLabels, type ReplicaSpecView } from './resources';

/**
 * TFJob status as the training-operator computes it (`UpdateJobStatus` in
 * `pkg/controller.v1/tensorflow/tfjob_controller.go`, condition bookkeeping from
 * kubeflow/common): per-type replica counts, and conditions appended in order of occurrence,
 * a new Succeeded/Failed condition turning Running to False, so the last condition is the
 * job's state.
 */
export interface JobCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

export interface ReplicaStatus {
  active?: number;
  succeeded?: number;
  failed?: number;
  labelSelector: { matchLabels: Record<string, string> };
  selector: string;
}

/** kubeflow/common's setCondition + filterOutCondition. */
export function updateJobConditions(conditions: JobCondition[], type: string, reason: string, message: string, now: string): JobCondition[] {
  const current = conditions.find((c) => c.type === type);
  if (current && current.status === 'True' && current.reason === reason) return conditions;
  const next: JobCondition = { type, status: 'True', reason, message, lastUpdateTime: now, lastTransitionTime: current?.status === 'True' ? current.lastTransitionTime : now };
  const kept: JobCondition[] = [];
  for (const c of conditions) {
    if ((type === 'Restarting' && c.type === 'Running') || (type === 'Running' && c.type === 'Restarting') || c.type === type) continue;
    if ((type === 'Failed' || type === 'Succeeded') && c.type === 'Running' && c.status !== 'False') {
      kept.push({ ...c, status: 'False', lastUpdateTime: now, lastTransitionTime: now });
      continue;
    }
    kept.push(c);
  }
  return [...kept, next];
}

export function isFinished(conditions: JobCondition[]): 'Succeeded' | 'Failed' | undefined {
  for (const t of ['Succeeded', 'Failed'] as const) if (conditions.some((c) => c.type === t && c.status === 'True')) return t;
  return undefined;
}

export function podsOfType(pods: KubeObject[], rt: string): KubeObject[] {
  return pods.filter((p) => labels(p)[TF.replicaType] === rt);
}

export function replicaStatuses(job: string, specs: ReplicaSpecView[], pods: KubeObject[]): Record<string, ReplicaStatus> {
  const out: Record<string, ReplicaStatus> = {};
  for (const s of specs) {
    const matchLabels = { ...jobLabels(job), [TF.replicaType]: s.rt };
    const st: ReplicaStatus = { labelSelector: { matchLabels }, selector: Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`).join(',') };
    for (const p of podsOfType(pods, s.rt)) {
      const phase = podPhase(p);
      if (phase === 'Running') st.active = (st.active ?? 0) + 1;
      else if (phase === 'Succeeded') st.succeeded = (st.succeeded ?? 0) + 1;
      else if (phase === 'Failed') st.failed = (st.failed ?? 0) + 1;
    }
    out[s.type] = st;
  }
  return out;
}

export interface Transition {
  conditions: JobCondition[];
  /** Events for transitions that happened in this evaluation. */
  events: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
}

/** Worker 0 exited 0 and its pod Succeeded (the default success policy without a chief). */
export function worker0Completed(pods: KubeObject[]): boolean {
  const w0 = podsOfType(pods, 'worker').find((p) => labels(p)[TF.replicaIndex] === '0');
  return !!w0 && podPhase(w0) === 'Succeeded' && (containerExitCode(w0, CONTAINER) ?? 0) === 0;
}

export function evaluate(job: KubeObject, specs: ReplicaSpecView[], statuses: Record<string, ReplicaStatus>, pods: KubeObject[], prev: JobCondition[], successPolicy: string, now: string): Transition {
  const id = `${job.metadata.namespace}/${job.metadata.name}`;
  let conditions = prev;
  const events: Transition['events'] = [];
  const chief = hasChief(specs);
  const done = (type: 'Succeeded' | 'Failed', reason: string, message: string): void => {
    if (!conditions.some((c) => c.type === type && c.status === 'True')) events.push({ type: 'Normal', reason, message });
    conditions = updateJobConditions(conditions, type, reason, message, now);
  };
  for (const s of specs) {
    const st = statuses[s.type]!;
    const running = st.active ?? 0;
    const expected = s.replicas - (st.succeeded ?? 0);
    if (chief) {
      if (s.type === 'Chief' || s.type === 'Master') {
        if (running > 0) conditions = updateJobConditions(conditions, 'Running', 'TFJobRunning', `TFJob ${id} is running.`, now);
        if (expected === 0) done('Succeeded', 'TFJobSucceeded', `TFJob ${id} successfully completed.`);
      }
    } else if (s.type === 'Worker') {
      if (expected === 0 || (worker0Completed(pods) && successPolicy !== 'AllWorkers')) done('Succeeded', 'TFJobSucceeded', `TFJob ${id} successfully completed.`);
      else if (running > 0) conditions = updateJobConditions(conditions, 'Running', 'TFJobRunning', `TFJob ${id} is running.`, now);
    }
    const failed = st.failed ?? 0;
    if (failed > 0 && !conditions.some((c) => c.type === 'Restarting' && c.status === 'True') && !isFinished(conditions)) {
      done('Failed', 'TFJobFailed', `TFJob ${id} has failed because ${failed} ${s.type} replica(s) failed.`);
    }
  }
  return { conditions, events };
}
