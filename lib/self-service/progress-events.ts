import type { KubeObject } from '../k8s/types';
import { str } from '../resources/format';
import { eventLastSeen } from '../resources/object-events';
import type { Health } from '../resources/types';

/**
 * What a progress line is made of, and the events it reads: an object's own core/v1 Events
 * (matched by uid, else by kind and name), newest first. A Warning counts only when it is newer
 * than the object (a recreated object does not inherit its predecessor's troubles).
 */
export interface Progress {
  health: Health;
  /** The current step in plain words: "Powering on", "Ready — 10.246.73.238". */
  step: string;
  /** Where the step stands on the way to ready, when the kind has a known sequence. */
  stage?: { index: number; of: number };
  /** More about the step (the operator's own reason). */
  detail?: string;
  /** Why it is stuck: the newest Warning event's message, or a failing condition's. */
  warning?: string;
}

function involved(e: KubeObject): { kind?: string; name?: string; uid?: string } {
  return (e.involvedObject ?? e.regarding ?? {}) as { kind?: string; name?: string; uid?: string };
}

/** The object's events, newest first. */
export function eventsFor(obj: KubeObject, events: readonly KubeObject[]): KubeObject[] {
  const uid = obj.metadata.uid;
  const mine = events.filter((e) => {
    const i = involved(e);
    if (uid && i.uid) return i.uid === uid;
    return i.kind === obj.kind && i.name === obj.metadata.name;
  });
  return mine.sort((a, b) => eventLastSeen(b) - eventLastSeen(a));
}

function message(e: KubeObject): string {
  return str(e.message) ?? str(e.note) ?? str(e.reason) ?? '';
}

/** The newest Warning about the object that is not older than the object itself. */
export function latestWarning(obj: KubeObject, events: readonly KubeObject[]): string | undefined {
  const born = Date.parse(obj.metadata.creationTimestamp ?? '') || 0;
  const w = eventsFor(obj, events).find((e) => e.type === 'Warning' && eventLastSeen(e) >= born - 1000);
  return w ? message(w) : undefined;
}

/** The newest event of the object with one of the reasons (e.g. Pulling, Pulled). */
export function latestOf(obj: KubeObject, events: readonly KubeObject[], reasons: readonly string[]): KubeObject | undefined {
  return eventsFor(obj, events).find((e) => reasons.includes(str(e.reason) ?? ''));
}

export function eventMessage(e: KubeObject): string {
  return message(e);
}

/** Adds the newest Warning to a progress that is not healthy (a healthy one is not stuck). */
export function withWarning(p: Progress, obj: KubeObject, events: readonly KubeObject[]): Progress {
  if (p.health === 'healthy' || p.warning) return p;
  const warning = latestWarning(obj, events);
  return warning && warning !== p.detail && warning !== p.step ? { ...p, warning } : p;
}
