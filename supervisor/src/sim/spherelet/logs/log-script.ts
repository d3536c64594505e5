import type { ContainerSpec } from '../behavior';
import type { ImageFamily } from '../images';
import type { Rng } from '../hash';

/**
 * What one container instance prints: a startup sequence at fixed (simulated) offsets from its
 * start, then steady lines at a mean interval (each line's exact time and content derive from
 * the pod uid, container, instance and line index), then, when it exits, a trailer (the crash
 * trace, or the last words of a job). Scripts are per image family.
 */
export interface LogContext {
  podName: string;
  namespace: string;
  podUid: string;
  nodeName: string;
  labels: Record<string, string>;
  container: ContainerSpec;
  family: ImageFamily;
  instance: number;
  /** Real epoch ms the instance started. */
  startedAt: number;
  podIP: string;
}

export interface StartupLine {
  /** Simulated ms after the container started. Ascending. */
  offsetMs: number;
  text: (at: Date) => string;
}

export interface LogScript {
  startup: StartupLine[];
  /** Mean simulated ms between steady lines; without it the program is silent after startup. */
  steadyMs?: number;
  steady?: (index: number, at: Date, rng: Rng) => string;
  /** Printed just before the program exits with `exitCode`. */
  trailer?: (exitCode: number, at: Date, rng: Rng) => string[];
}

/** Startup lines printed in one burst, a few ms apart, from `offsetMs`. */
export function burst(offsetMs: number, lines: (string | ((at: Date) => string))[], spacingMs = 3): StartupLine[] {
  return lines.map((l, i) => ({ offsetMs: offsetMs + i * spacingMs, text: typeof l === 'string' ? () => l : l }));
}

/**
 * The program version from the image tag (`nginx:1.27` → 1.27.3 with fallback 1.27.3: a short
 * tag is completed from the fallback's trailing parts), or the fallback for `latest` and others.
 */
export function versionOf(image: string, fallback: string): string {
  const tag = image.split('@')[0]!.split('/').pop()!.split(':')[1];
  if (!tag || tag === 'latest' || !/^v?\d/.test(tag)) return fallback;
  const parts = tag.replace(/^v/, '').split('-')[0]!.split('.');
  const full = fallback.split('.');
  return [...parts, ...full.slice(parts.length)].join('.');
}

/** An address in the pod network other than the pod's own (clients, peers). */
export function peerIP(podIP: string, rng: Rng): string {
  const [a, b, c] = podIP.split('.');
  return `${a}.${b}.${c}.${rng.int(2, 250)}`;
}

export type FamilyScript = (ctx: LogContext) => LogScript;
export type FamilyTable = Partial<Record<ImageFamily, FamilyScript>>;
