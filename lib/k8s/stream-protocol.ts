/**
 * The multiplexed watch stream between a browser tab and the console: one request carries every
 * watch the page needs. The browser POSTs its subscriptions; the response is NDJSON lines.
 * Changing the set of subscriptions means re-opening the stream with each watch's latest
 * resourceVersion, which keeps the server stateless (any replica can serve the next stream).
 */
export interface StreamSubscription {
  /** Client-chosen id echoed on every event. */
  id: string;
  /** A Kubernetes collection path with its query, e.g. `/api/v1/namespaces/team-a/pods?labelSelector=app%3Dweb`. */
  path: string;
  /** The list's (or last event's) resourceVersion to resume from. */
  resourceVersion: string;
}

export interface StreamRequest {
  subscriptions: StreamSubscription[];
}

export type StreamLine =
  | { id: string; type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: unknown }
  /** The watch cannot continue (410 Expired and the like): re-list, then subscribe again. */
  | { id: string; type: 'ERROR'; object: unknown }
  /** Sent after each successful probe of the API server (every few seconds), so the browser can
   * tell a quiet stream from a dead or hung API server. */
  | { type: 'PING'; time: number }
  /** The API server cannot be reached; the browser should back off and reconnect. */
  | { type: 'UNAVAILABLE'; message: string };

export const PING_INTERVAL_MS = 10_000;
export const MAX_SUBSCRIPTIONS = 200;
