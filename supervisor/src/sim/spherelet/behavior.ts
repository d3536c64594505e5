import { isObject } from '../../api/types';
import { intOf } from './hash';
import { imageFamily, type ImageFamily } from './images';

/**
 * How a simulated container behaves, decided from its spec alone (deterministic per pod uid,
 * container and instance). The rules, in order:
 *
 * 1. An image whose name contains `crash` runs 2-3.5 s, then exits 1 (reason Error), every time.
 * 2. An image whose name contains `fail` exits 1 after 2-4 s the first time only; its later
 *    instances follow rules 3-6.
 * 3. A command with an explicit `exit N` runs, then exits N (a Deployment's pod with `exit 0`
 *    therefore restarts and backs off, as on a real kubelet).
 * 4. A command that loops forever (`sleep infinity`, `while true`, `tail -f`) runs until stopped.
 * 5. Init containers, and containers of pods with restartPolicy Never or OnFailure, run to
 *    completion (exit 0, reason Completed): for the total of their `sleep N`s plus a little, or
 *    3-10 s (init containers 1-4 s). Server images (nginx, postgres, redis, cassandra, minio,
 *    httpd, operators) without a command are the exception: they serve until stopped.
 * 6. Everything else (restartPolicy Always) runs until stopped.
 *
 * Pods whose containers all completed reach phase Succeeded, which Jobs and TFJobs rely on.
 */
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export type ContainerKind = 'init' | 'sidecar' | 'main';

export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  imagePullPolicy?: string;
  readinessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
  restartPolicy?: string;
}

export interface InstancePlan {
  /** Runs until stopped (deletion). */
  forever: boolean;
  /** Simulated ms from start to exit, when not forever. */
  runtimeMs: number;
  exitCode: number;
}

const SERVER_FAMILIES: ReadonlySet<ImageFamily> = new Set(['nginx', 'httpd', 'postgres', 'redis', 'cassandra', 'minio', 'operator']);
const FOREVER = /sleep\s+inf(inity)?\b|while\s+(true|:|\[\s*1\s*\])|for\s*\(\(\s*;\s*;\s*\)\)|tail\s+-f\b|until\s+false/;

export function containerSpecs(spec: unknown, list: 'containers' | 'initContainers'): ContainerSpec[] {
  const items = isObject(spec) && Array.isArray(spec[list]) ? spec[list] : [];
  return items.filter(isObject).map((c) => c as unknown as ContainerSpec);
}

export function commandText(c: ContainerSpec): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Total simulated ms of the `sleep N[smhd]` commands in `text`. */
export function sleepMs(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/g)) total += Number(m[1]) * UNIT_SECONDS[m[2] ?? '']! * 1000;
  return total;
}

/** The code of an explicit `exit N`, if the command has one. */
export function explicitExit(text: string): number | undefined {
  const m = /\bexit\s+(\d{1,3})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function loopsForever(text: string): boolean {
  return FOREVER.test(text);
}

function finiteRuntime(text: string, seed: string[], kind: ContainerKind): number {
  const sleeps = sleepMs(text);
  if (sleeps > 0) return sleeps + intOf(500, 2000, ...seed, 'tail');
  return kind === 'init' ? intOf(1000, 4000, ...seed, 'init') : intOf(3000, 10_000, ...seed, 'run');
}

/**
 * From this instance on, every instance of a container behaves the same (same runtime), and
 * the crash-loop back-off is at its cap: its restarts are periodic, which lets a timeline jump
 * over weeks of crash loop instead of replaying it.
 */
export const STEADY_INSTANCE = 9;

/** What instance `instance` (0 = first start) of a container does. */
export function instancePlan(c: ContainerSpec, podUid: string, policy: RestartPolicy, kind: ContainerKind, instance: number): InstancePlan {
  const image = c.image.toLowerCase();
  const seed = [podUid, c.name, String(Math.min(instance, STEADY_INSTANCE))];
  if (image.includes('crash')) return { forever: false, runtimeMs: intOf(2000, 3500, ...seed, 'crash'), exitCode: 1 };
  if (image.includes('fail') && instance === 0) return { forever: false, runtimeMs: intOf(2000, 4000, ...seed, 'fail'), exitCode: 1 };
  const text = commandText(c);
  const exit = explicitExit(text);
  if (kind === 'sidecar') return { forever: true, runtimeMs: 0, exitCode: 0 };
  if (exit !== undefined) return { forever: false, runtimeMs: finiteRuntime(text, seed, kind), exitCode: exit };
  if (loopsForever(text)) return { forever: true, runtimeMs: 0, exitCode: 0 };
  const finite = kind === 'init' || (policy !== 'Always' && (text !== '' || !SERVER_FAMILIES.has(imageFamily(c.image))));
  return finite ? { forever: false, runtimeMs: finiteRuntime(text, seed, kind), exitCode: 0 } : { forever: true, runtimeMs: 0, exitCode: 0 };
}

/** Whether the kubelet starts the container again after it exited with `exitCode`. */
export function restarts(policy: RestartPolicy, kind: ContainerKind, exitCode: number): boolean {
  if (kind === 'sidecar') return true;
  // Init containers that fail are retried unless the pod never restarts anything; once they succeed they are done.
  if (kind === 'init') return exitCode !== 0 && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/**
 * Simulated ms the kubelet waits before restart number `restart` (1 = the first restart): the
 * first is immediate (the next sync, about a second), then the crash-loop back-off doubles from
 * 10 s and is capped at 5 min. `backOffSeconds` is what the CrashLoopBackOff message says.
 */
export function restartDelayMs(restart: number): number {
  return restart <= 1 ? 1000 : backOffSeconds(restart) * 1000;
}

export function backOffSeconds(restart: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, restart - 2));
}

/** Image pull back-off after failed attempt `attempt` (0-based): 10 s doubling to 5 min. */
export function pullBackOffMs(attempt: number): number {
  return Math.min(300, 10 * 2 ** attempt) * 1000;
}

function probeDelayMs(probe: unknown, seed: string[]): number | undefined {
  if (!isObject(probe)) return undefined;
  const initial = typeof probe.initialDelaySeconds === 'number' ? probe.initialDelaySeconds : 0;
  return initial * 1000 + intOf(100, 1000, ...seed);
}

/** Simulated ms from start until the container counts as started (startup probe passed). */
export function startedDelayMs(c: ContainerSpec, podUid: string, instance: number): number {
  return probeDelayMs(c.startupProbe, [podUid, c.name, String(instance), 'startup']) ?? 0;
}

/** Simulated ms from start until the container is ready (readiness probe after its initial delay). */
export function readyDelayMs(c: ContainerSpec, podUid: string, instance: number): number {
  const started = startedDelayMs(c, podUid, instance);
  const readiness = probeDelayMs(c.readinessProbe, [podUid, c.name, String(instance), 'readiness']) ?? 0;
  return Math.max(started, readiness);
}

/** kubelet's `format.Pod`: `name_namespace(uid)`. */
export function podRef(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`;
}
