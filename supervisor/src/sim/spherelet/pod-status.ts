import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { timestamp } from '../../core/metadata';
import type { RestartPolicy } from './behavior';
import { containerStatusJson, defaultWaitingReason, snapshotsAt, type ContainerSnapshot, type Json } from './container-status';
import { restartPolicyOf, type PodTimeline } from './pod-timeline';

/**
 * "What the pod's status should be at time t": phase (kubelet's getPhase), the kubelet-owned
 * conditions with their reasons and lastTransitionTimes (generate.go), IPs and container
 * statuses, merged over the fields other components own (PodScheduled, readiness-gate and
 * disruption conditions, nominatedNodeName).
 */
export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface StatusInputs {
  hostIP?: string;
  podIP?: string;
  qosClass: string;
}

interface CondValue {
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'] as const;
type KubeletCondition = (typeof KUBELET_CONDITIONS)[number];
const OWNED_STATUS_FIELDS = ['phase', 'conditions', 'message', 'reason', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass'];

function initDone(s: ContainerSnapshot): boolean {
  const st = s.point?.state;
  if (s.ct.kind === 'sidecar') return s.point?.started === true || (s.point?.restartCount ?? 0) > 0;
  return st?.kind === 'terminated' && st.exitCode === 0;
}

/** kubelet getPhase over the container states at one moment. */
export function phaseOf(snaps: ContainerSnapshot[], policy: RestartPolicy, initialized: boolean, terminal: boolean): Phase {
  for (const s of snaps) {
    const st = s.point?.state;
    if (s.ct.kind === 'init' && st?.kind === 'terminated' && st.exitCode !== 0 && policy === 'Never') return 'Failed';
  }
  if (!initialized) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of snaps) {
    if (s.ct.kind !== 'main') continue;
    const st = s.point?.state;
    if (st?.kind === 'running') running++;
    else if (st?.kind === 'terminated') {
      stopped++;
      if (st.exitCode === 0) succeeded++;
    } else if (s.point?.last) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

function gateProblem(pod: KubeObject, foreign: Json[]): string | undefined {
  const gates = isObject(pod.spec) && Array.isArray(pod.spec.readinessGates) ? pod.spec.readinessGates.filter(isObject) : [];
  for (const g of gates) {
    const type = String(g.conditionType);
    const c = foreign.find((f) => f.type === type);
    if (!c) return `corresponding condition of pod readiness gate "${type}" does not exist.`;
    if (c.status !== 'True') return `the status of pod readiness gate "${type}" is not "True", but ${String(c.status)}`;
  }
  return undefined;
}

function conditionsAt(pod: KubeObject, tl: PodTimeline, t: number, snaps: ContainerSnapshot[], foreign: Json[]): { phase: Phase; values: Record<KubeletCondition, CondValue> } {
  const initialized = tl.initializedAt !== undefined && tl.initializedAt <= t;
  const phase = phaseOf(snaps, restartPolicyOf(pod), initialized, tl.stoppedAt !== undefined && t >= tl.stoppedAt);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const inits = snaps.filter((s) => s.ct.kind !== 'main');
  const incomplete = inits.filter((s) => !initDone(s)).map((s) => s.ct.name);
  let initializedCond: CondValue = { status: 'True' };
  if (phase === 'Succeeded' && inits.length) initializedCond = { status: 'True', reason: 'PodCompleted' };
  else if (incomplete.length) initializedCond = { status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` };
  const unready = snaps.filter((s) => s.ct.kind !== 'init' && s.point?.ready !== true).map((s) => s.ct.name);
  let containersReady: CondValue = { status: 'True' };
  if (phase === 'Succeeded') containersReady = { status: 'False', reason: 'PodCompleted' };
  else if (phase === 'Failed') containersReady = { status: 'False', reason: 'PodFailed' };
  else if (unready.length) containersReady = { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  let ready = containersReady;
  const gate = containersReady.status === 'True' ? gateProblem(pod, foreign) : undefined;
  if (gate) ready = { status: 'False', reason: 'ReadinessGatesNotReady', message: gate };
  const sandbox = t >= tl.sandboxAt && !terminal;
  return {
    phase,
    values: { PodReadyToStartContainers: { status: sandbox ? 'True' : 'False' }, Initialized: initializedCond, Ready: ready, ContainersReady: containersReady },
  };
}

/**
 * When each kubelet condition last changed status, up to `t`. PodReadyToStartContainers and
 * Initialized flip at known moments (sandbox up, last init container done); the readiness
 * conditions are found by walking back from `t` to the start of their current run, so a pod
 * that has crash-looped for days costs a few steps, not its whole history.
 */
function conditionSince(pod: KubeObject, tl: PodTimeline, t: number, now: Record<KubeletCondition, CondValue>, foreign: Json[]): Record<KubeletCondition, number> {
  const hasInit = tl.containers.some((ct) => ct.kind !== 'main');
  const since: Partial<Record<KubeletCondition, number>> = {
    Initialized: now.Initialized.status === 'True' && hasInit ? (tl.initializedAt ?? tl.anchor) : tl.anchor,
  };
  if (now.PodReadyToStartContainers.status === 'True') since.PodReadyToStartContainers = tl.sandboxAt;
  else if (t < tl.sandboxAt) since.PodReadyToStartContainers = tl.anchor;
  const open = KUBELET_CONDITIONS.filter((type) => since[type] === undefined);
  const times = transitionTimes(tl, t);
  let runStart = times[times.length - 1] ?? tl.anchor;
  for (let i = times.length - 1; i >= 0 && open.length; i--) {
    const x = times[i]!;
    const at = conditionsAt(pod, tl, x, snapshotsAt(tl.containers, x), foreign).values;
    for (let k = open.length - 1; k >= 0; k--) {
      const type = open[k]!;
      if (at[type].status !== now[type].status) {
        since[type] = runStart;
        open.splice(k, 1);
      }
    }
    runStart = x;
  }
  for (const type of open) since[type] = times[0] ?? tl.anchor;
  return since as Record<KubeletCondition, number>;
}

/** Times at which anything in the timeline can change, up to `t`, ascending. */
export function transitionTimes(tl: PodTimeline, t: number): number[] {
  const set = new Set<number>([tl.anchor]);
  if (tl.sandboxAt <= t) set.add(tl.sandboxAt);
  for (const ct of tl.containers) for (const p of ct.points) if (p.at <= t) set.add(p.at);
  if (tl.stoppedAt !== undefined && tl.stoppedAt <= t) set.add(tl.stoppedAt);
  return [...set].filter((x) => x <= t).sort((a, b) => a - b);
}

function conditionJson(type: string, v: CondValue, since: number): Json {
  const c: Json = { type, status: v.status, lastProbeTime: null, lastTransitionTime: timestamp(new Date(since)) };
  if (v.reason) c.reason = v.reason;
  if (v.message) c.message = v.message;
  return c;
}

export function storedConditions(pod: KubeObject): Json[] {
  const status = isObject(pod.status) ? pod.status : {};
  return Array.isArray(status.conditions) ? status.conditions.filter(isObject) : [];
}

/** The whole status at `t`, keeping what other components wrote into fields the kubelet does not own. */
export function podStatusAt(pod: KubeObject, tl: PodTimeline, t: number, inputs: StatusInputs): Json {
  const stored = isObject(pod.status) ? pod.status : {};
  const existing = storedConditions(pod);
  const foreign = existing.filter((c) => c.type !== 'PodScheduled' && !(KUBELET_CONDITIONS as readonly string[]).includes(String(c.type)));
  const snaps = snapshotsAt(tl.containers, t);
  const now = conditionsAt(pod, tl, t, snaps, foreign);
  const since = conditionSince(pod, tl, t, now.values, foreign);
  const scheduled = existing.find((c) => c.type === 'PodScheduled') ?? conditionJson('PodScheduled', { status: 'True' }, tl.anchor);
  const conditions = [...KUBELET_CONDITIONS.map((type) => conditionJson(type, now.values[type], since[type] ?? tl.anchor)), scheduled, ...foreign];

  const rest: Json = {};
  for (const [k, v] of Object.entries(stored)) if (!OWNED_STATUS_FIELDS.includes(k)) rest[k] = v;
  const out: Json = { phase: now.phase, conditions };
  if (inputs.hostIP) Object.assign(out, { hostIP: inputs.hostIP, hostIPs: [{ ip: inputs.hostIP }] });
  if (inputs.podIP && t >= tl.sandboxAt) Object.assign(out, { podIP: inputs.podIP, podIPs: [{ ip: inputs.podIP }] });
  out.startTime = timestamp(new Date(tl.anchor));
  const uid = pod.metadata.uid ?? '';
  const hasInit = snaps.some((s) => s.ct.kind !== 'main');
  const reason = defaultWaitingReason(hasInit);
  if (hasInit) out.initContainerStatuses = snaps.filter((s) => s.ct.kind !== 'main').map((s) => containerStatusJson(uid, s.ct, s.point, reason));
  out.containerStatuses = snaps.filter((s) => s.ct.kind === 'main').map((s) => containerStatusJson(uid, s.ct, s.point, reason));
  out.qosClass = inputs.qosClass;
  return { ...out, ...rest };
}
