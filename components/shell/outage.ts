import type { HubState } from '@/lib/k8s/watch-hub';

/**
 * An outage as the user should see it: from the first moment live data stopped until it has
 * flowed again for a short while. While the API server is down the watch stream is re-opened
 * with back-off, and each attempt briefly looks connected before it fails; without this hold
 * the banner would flicker and its "since" would restart at every attempt.
 */
export const RECOVERY_MS = 2000;

export interface Outage {
  since: number;
  reason: string;
  /** When the stream last came back; the outage ends RECOVERY_MS later unless it fails again. */
  upAt?: number;
}

export function nextOutage(prev: Outage | undefined, hub: HubState, now: number): Outage | undefined {
  if (!hub.connected) return prev ? { since: prev.since, reason: hub.reason } : { since: hub.since, reason: hub.reason };
  if (!prev) return undefined;
  return prev.upAt === undefined ? { ...prev, upAt: now } : prev;
}

/** The outage after RECOVERY_MS of live data: over (undefined), or still going. */
export function settleOutage(o: Outage | undefined, now: number): Outage | undefined {
  return o?.upAt !== undefined && now - o.upAt >= RECOVERY_MS ? undefined : o;
}
