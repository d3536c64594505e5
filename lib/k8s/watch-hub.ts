import { backoffDelay } from './backoff';
import { CSRF_HEADER, getCsrfToken, notifyUnauthorized } from './client';
import type { StreamLine, StreamSubscription } from './stream-protocol';
import type { KubeObject, WatchEvent } from './types';

/**
 * The tab's one watch stream. Components register watches (a collection path and the
 * resourceVersion their list was read at); the hub keeps a single POST /api/stream open for all
 * of them, re-opening it (with each watch's latest resourceVersion) when the set changes, and
 * reconnecting with capped exponential back-off and jitter when it fails. A watch whose
 * resourceVersion is too old gets `onExpired` and must re-list.
 */
export interface WatchRegistration {
  path: string;
  resourceVersion: string;
  onEvent(event: WatchEvent<KubeObject>): void;
  /** The watch is too old (410): re-list, then watch again. */
  onExpired(): void;
  /** The watch failed for good (e.g. 403): do not retry it. */
  onError?(status: unknown): void;
}

export type HubState = { connected: true } | { connected: false; since: number; reason: string };

const QUIET_LIMIT_MS = 25_000;
const REOPEN_DEBOUNCE_MS = 30;

export class WatchHub {
  private readonly watches = new Map<string, WatchRegistration & { rv: string }>();
  private nextId = 1;
  private abort: AbortController | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private state: HubState = { connected: true };
  private readonly listeners = new Set<(s: HubState) => void>();

  constructor(private readonly fetchImpl: typeof fetch = (...a) => fetch(...a)) {}

  watch(reg: WatchRegistration): () => void {
    const id = `w${this.nextId++}`;
    this.watches.set(id, { ...reg, rv: reg.resourceVersion });
    this.scheduleReopen();
    return () => {
      this.watches.delete(id);
      this.scheduleReopen();
    };
  }

  onState(listener: (s: HubState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get current(): HubState {
    return this.state;
  }

  /** Reports a failure seen elsewhere (e.g. a list that could not be fetched). */
  reportDown(reason: string): void {
    if (this.state.connected) this.setState({ connected: false, since: Date.now(), reason });
  }

  private setState(s: HubState): void {
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  private scheduleReopen(delay = REOPEN_DEBOUNCE_MS): void {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      void this.open();
    }, delay);
  }

  private async open(): Promise<void> {
    this.abort?.abort();
    if (this.watches.size === 0) return;
    const ac = new AbortController();
    this.abort = ac;
    const subscriptions: StreamSubscription[] = [...this.watches.entries()].map(([id, w]) => ({ id, path: w.path, resourceVersion: w.rv }));
    let lastData = Date.now();
    const quiet = setInterval(() => {
      if (Date.now() - lastData > QUIET_LIMIT_MS) ac.abort();
    }, 5_000);
    let failure = '';
    try {
      const res = await this.fetchImpl('/api/stream', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: getCsrfToken() },
        body: JSON.stringify({ subscriptions }),
        signal: ac.signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (res.status === 401) {
        notifyUnauthorized();
        return;
      }
      if (!res.ok || !res.body) throw new Error(`the watch stream failed with ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        lastData = Date.now();
        buffer += value;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.trim()) this.dispatch(JSON.parse(line) as StreamLine);
        }
        if (this.attempt > 0 || !this.state.connected) {
          this.attempt = 0;
          this.setState({ connected: true });
        }
      }
      failure = 'the watch stream ended';
    } catch (e) {
      if (ac.signal.aborted && this.abort !== ac) return;
      failure = e instanceof Error ? e.message : String(e);
    } finally {
      clearInterval(quiet);
    }
    if (this.abort !== ac) return;
    this.reportDown(failure || 'the watch stream ended');
    this.scheduleReopen(backoffDelay(this.attempt++));
  }

  private dispatch(line: StreamLine): void {
    if (line.type === 'PING') return;
    if (line.type === 'UNAVAILABLE') {
      this.reportDown(line.message);
      return;
    }
    const w = this.watches.get(line.id);
    if (!w) return;
    if (line.type === 'ERROR') {
      this.watches.delete(line.id);
      const code = (line.object as { code?: number } | null)?.code;
      if (code === 410 || code === undefined) w.onExpired();
      else w.onError?.(line.object);
      return;
    }
    const event = { type: line.type, object: line.object } as WatchEvent<KubeObject>;
    const rv = event.object?.metadata?.resourceVersion;
    if (rv) w.rv = rv;
    w.onEvent(event);
  }
}
