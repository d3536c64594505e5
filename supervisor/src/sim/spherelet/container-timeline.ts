import { intOf } from './hash';
import { pullDurationMs, pullErrorMessage, pullFails, imageSizeBytes } from './images';
import { goDuration } from './go-duration';
import {
  STEADY_INSTANCE,
  backOffSeconds,
  instancePlan,
  podRef,
  pullBackOffMs,
  readyDelayMs,
  restartDelayMs,
  restarts,
  startedDelayMs,
  type ContainerKind,
  type ContainerSpec,
  type RestartPolicy,
} from './behavior';

/**
 * One container's life as a list of status snapshots ("points") and kubelet events, computed
 * from the moment the kubelet starts working on it. Times are real epoch ms; simulated
 * durations are divided by the time scale. Generation stops at `limit`; the first transition
 * after it is reported as `nextAt` so the caller knows when to look again.
 */
export interface Terminated {
  instance: number;
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  reason: 'Completed' | 'Error';
}

export type ContainerState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; instance: number; startedAt: number }
  | ({ kind: 'terminated' } & Terminated);

export interface ContainerPoint {
  at: number;
  state: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
  /** The image has been pulled (imageID is known). */
  pulled: boolean;
  last?: Terminated;
}

export interface TimelineEvent {
  at: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath: string;
}

export interface PodEnv {
  uid: string;
  name: string;
  namespace: string;
  policy: RestartPolicy;
  scale: number;
  /** Generate through this time (real ms). */
  limit: number;
}

export interface ContainerRun {
  points: ContainerPoint[];
  events: TimelineEvent[];
  /** When the kubelet moves on to the next container of the first sync (started, or pull failed). */
  handoffAt?: number;
  /** When the container first started (sidecars unblock the next init container then). */
  firstStartAt?: number;
  /** Init containers: when it completed successfully. */
  doneAt?: number;
  nextAt?: number;
}

/** Time the status shows a crashed container as terminated before CrashLoopBackOff. */
const ERROR_SHOWN_MS = 1000;
/** Time the status shows ErrImagePull before ImagePullBackOff. */
const ERR_PULL_SHOWN_MS = 1500;

export function fieldPath(kind: ContainerKind, name: string): string {
  return kind === 'main' ? `spec.containers{${name}}` : `spec.initContainers{${name}}`;
}

export function simulateContainer(c: ContainerSpec, kind: ContainerKind, startAt: number, env: PodEnv): ContainerRun {
  const run: ContainerRun = { points: [], events: [] };
  const real = (simMs: number): number => simMs / env.scale;
  const path = fieldPath(kind, c.name);
  /** Records a transition, or notes it as the next one and reports that generation must stop. */
  const reach = (at: number): boolean => {
    if (at <= env.limit) return true;
    run.nextAt = run.nextAt === undefined ? at : Math.min(run.nextAt, at);
    return false;
  };
  const event = (at: number, type: TimelineEvent['type'], reason: string, message: string): boolean => {
    if (!reach(at)) return false;
    run.events.push({ at, type, reason, message, fieldPath: path });
    return true;
  };
  const point = (p: ContainerPoint): boolean => {
    if (!reach(p.at)) return false;
    run.points.push(p);
    return true;
  };

  if (!event(startAt, 'Normal', 'Pulling', `Pulling image "${c.image}"`)) return run;
  if (pullFails(c.image)) {
    simulatePullFailures(c, startAt, env, run, { event, point, real });
    return run;
  }
  const pullMs = pullDurationMs(c.image);
  const pulledAt = startAt + real(pullMs);
  const took = goDuration(pullMs);
  if (!event(pulledAt, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${imageSizeBytes(c.image)} bytes.`)) return run;
  let startedAt = pulledAt + real(intOf(200, 600, env.uid, c.name, 'create'));
  run.handoffAt = startedAt;
  run.firstStartAt = startedAt;
  let last: Terminated | undefined;
  /** Start of the first steady instance; later ones start a whole number of cycles after it. */
  let steadyStart: number | undefined;
  for (let instance = 0; ; instance++) {
    if (instance >= STEADY_INSTANCE) {
      const plan = instancePlan(c, env.uid, env.policy, kind, instance);
      const cycle = real(plan.runtimeMs + restartDelayMs(instance + 1));
      steadyStart ??= startedAt;
      // Jump to the last cycles before the limit; the skipped ones are exactly periodic.
      const skipTo = Math.max(instance, STEADY_INSTANCE + Math.floor((env.limit - steadyStart) / cycle) - 1);
      if (skipTo > instance) {
        instance = skipTo;
        const previousStart = steadyStart + (instance - 1 - STEADY_INSTANCE) * cycle;
        last = { instance: instance - 1, startedAt: previousStart, finishedAt: previousStart + real(plan.runtimeMs), exitCode: plan.exitCode, reason: plan.exitCode === 0 ? 'Completed' : 'Error' };
      }
      startedAt = steadyStart + (instance - STEADY_INSTANCE) * cycle;
    }
    if (instance > 0) {
      if (!restartEvents(c, startedAt, instance, event, real)) return run;
    }
    if (!event(startedAt, 'Normal', 'Created', `Created container: ${c.name}`)) return run;
    event(startedAt, 'Normal', 'Started', `Started container ${c.name}`);
    const running: ContainerState = { kind: 'running', instance, startedAt };
    const plan = instancePlan(c, env.uid, env.policy, kind, instance);
    const exitAt = plan.forever ? Infinity : startedAt + real(plan.runtimeMs);
    const startedDelay = real(startedDelayMs(c, env.uid, instance));
    const readyDelay = real(readyDelayMs(c, env.uid, instance));
    const base = { restartCount: instance, pulled: true, last };
    if (!point({ ...base, at: startedAt, state: running, started: startedDelay === 0, ready: readyDelay === 0 })) return run;
    if (startedDelay > 0 && startedAt + startedDelay < exitAt) {
      if (!point({ ...base, at: startedAt + startedDelay, state: running, started: true, ready: readyDelay <= startedDelay })) return run;
    }
    if (readyDelay > startedDelay && startedAt + readyDelay < exitAt) {
      if (!point({ ...base, at: startedAt + readyDelay, state: running, started: true, ready: true })) return run;
    }
    if (plan.forever) return run;
    const terminated: Terminated = { instance, startedAt, finishedAt: exitAt, exitCode: plan.exitCode, reason: plan.exitCode === 0 ? 'Completed' : 'Error' };
    if (!point({ ...base, at: exitAt, state: { kind: 'terminated', ...terminated }, started: false, ready: false })) return run;
    if (kind === 'init' && plan.exitCode === 0) {
      run.doneAt = exitAt;
      return run;
    }
    if (!restarts(env.policy, kind, plan.exitCode)) return run;
    const restart = instance + 1;
    const delay = restartDelayMs(restart);
    if (delay > ERROR_SHOWN_MS) {
      const waitingAt = exitAt + real(ERROR_SHOWN_MS);
      const message = `back-off ${backOffSeconds(restart)}s restarting failed container=${c.name} pod=${podRef(env.name, env.namespace, env.uid)}`;
      const waiting: ContainerState = { kind: 'waiting', reason: 'CrashLoopBackOff', message };
      if (!point({ at: waitingAt, state: waiting, restartCount: instance, ready: false, started: false, pulled: true, last: terminated })) return run;
      event(waitingAt, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(env.name, env.namespace, env.uid)}`);
    }
    last = terminated;
    startedAt = exitAt + real(delay);
  }
}

type Emit = (at: number, type: TimelineEvent['type'], reason: string, message: string) => boolean;

/** The image events of a restart: re-pulled when the policy is Always, otherwise found on the host. */
function restartEvents(c: ContainerSpec, startedAt: number, instance: number, event: Emit, real: (ms: number) => number): boolean {
  if (c.imagePullPolicy !== 'Always') {
    return event(startedAt, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
  }
  // A re-pull only fetches the manifest: a fraction of a second, before the start.
  const ms = intOf(300, 900, c.image, c.name, instance, 'repull');
  if (!event(startedAt - real(ms), 'Normal', 'Pulling', `Pulling image "${c.image}"`)) return false;
  return event(startedAt, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${imageSizeBytes(c.image)} bytes.`);
}

interface Helpers {
  event: Emit;
  point: (p: ContainerPoint) => boolean;
  real: (ms: number) => number;
}

/** ErrImagePull, then ImagePullBackOff, retried with a back-off doubling from 10 s to 5 min. */
function simulatePullFailures(c: ContainerSpec, startAt: number, env: PodEnv, run: ContainerRun, h: Helpers): void {
  let attemptAt = startAt;
  const base = { restartCount: 0, ready: false, started: false, pulled: false };
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 && !h.event(attemptAt, 'Normal', 'Pulling', `Pulling image "${c.image}"`)) return;
    const failedAt = attemptAt + h.real(intOf(800, 2200, env.uid, c.name, attempt, 'pull-fail'));
    const error = pullErrorMessage(c.image);
    if (!h.point({ ...base, at: failedAt, state: { kind: 'waiting', reason: 'ErrImagePull', message: error } })) return;
    if (attempt === 0) run.handoffAt = failedAt;
    h.event(failedAt, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`);
    h.event(failedAt, 'Warning', 'Failed', 'Error: ErrImagePull');
    const backOffAt = failedAt + h.real(ERR_PULL_SHOWN_MS);
    const message = `Back-off pulling image "${c.image}"`;
    if (!h.point({ ...base, at: backOffAt, state: { kind: 'waiting', reason: 'ImagePullBackOff', message } })) return;
    h.event(backOffAt, 'Normal', 'BackOff', message);
    h.event(backOffAt, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    attemptAt = failedAt + h.real(pullBackOffMs(attempt));
  }
}
