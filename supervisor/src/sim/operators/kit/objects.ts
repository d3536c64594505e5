import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';

/**
 * Small readers over real-shaped objects for the operator reconcilers. Objects arrive as user
 * JSON, so every reader tolerates missing or mistyped fields and falls back to a default.
 */
export type Json = Record<string, unknown>;

export function rec(v: unknown): Json {
  return isObject(v) ? v : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

export function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function bool(v: unknown, fallback = false): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

export function spec(obj: KubeObject | undefined): Json {
  return rec(obj?.spec);
}

export function status(obj: KubeObject | undefined): Json {
  return rec(obj?.status);
}

export function labels(obj: KubeObject | undefined): Record<string, string> {
  return obj?.metadata.labels ?? {};
}

export function annotations(obj: KubeObject | undefined): Record<string, string> {
  return obj?.metadata.annotations ?? {};
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata.name ?? '';
}

export function isDeleting(obj: KubeObject | undefined): boolean {
  return !!obj?.metadata.deletionTimestamp;
}

export function podPhase(pod: KubeObject): string {
  return str(status(pod).phase, 'Pending');
}

function conditionStatus(obj: KubeObject, type: string): string | undefined {
  const c = arr(status(obj).conditions).map(rec).find((x) => x.type === type);
  return c ? str(c.status) : undefined;
}

/** Ready as kubelet reports it: phase Running and the Ready condition True. */
export function isPodReady(pod: KubeObject): boolean {
  return !isDeleting(pod) && podPhase(pod) === 'Running' && conditionStatus(pod, 'Ready') === 'True';
}

export function podIP(pod: KubeObject): string {
  return str(status(pod).podIP);
}

/** A Job has completed when the Job controller says so (Complete condition or a success count). */
export function isJobComplete(job: KubeObject): boolean {
  return conditionStatus(job, 'Complete') === 'True' || num(status(job).succeeded) >= 1;
}

export function isJobFailed(job: KubeObject): boolean {
  return conditionStatus(job, 'Failed') === 'True';
}

/** The exit code of a terminated container, or undefined while it has not terminated. */
export function containerExitCode(pod: KubeObject, container: string): number | undefined {
  const cs = arr(status(pod).containerStatuses).map(rec).find((c) => c.name === container);
  const terminated = rec(rec(cs?.state).terminated);
  return typeof terminated.exitCode === 'number' ? terminated.exitCode : undefined;
}

export function restartCount(pod: KubeObject): number {
  return arr(status(pod).containerStatuses).map(rec).reduce((n, c) => n + num(c.restartCount), 0);
}

/** Base64 of a UTF-8 string, for Secret `data`. */
export function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

export function fromB64(s: unknown): string {
  return typeof s === 'string' ? Buffer.from(s, 'base64').toString('utf8') : '';
}

/** Numeric suffix of an instance name like `orders-db-3`, or 0. */
export function serialOf(name: string): number {
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}
