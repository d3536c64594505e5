import 'server-only';
import type { IncomingMessage } from 'node:http';
import { checkUpstreamPath } from '../security/proxy-policy';
import { PING_INTERVAL_MS, type StreamLine, type StreamSubscription } from '../k8s/stream-protocol';
import { sendUpstream, UpstreamUnavailable } from './upstream';

const PROBE_TIMEOUT_MS = 5_000;
/**
 * Events queued for a browser that does not read them (a frozen or throttled background tab)
 * are dropped past this many bytes, with the stream: the tab reconnects from its last
 * resourceVersion when it runs again (or re-lists on 410), and the console's memory stays flat.
 */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * Runs the upstream watches of one browser stream and merges their events into one NDJSON
 * response. A watch the API server ends normally (timeout) is resumed from the last
 * resourceVersion seen; a 410 or other error is passed on so the browser re-lists; when the API
 * server cannot be reached the stream says so and ends, and the browser reconnects with back-off.
 */
function watchPath(sub: StreamSubscription, rv: string): string {
  const [path, query = ''] = sub.path.split('?') as [string, string?];
  const q = new URLSearchParams(query);
  q.set('watch', 'true');
  q.set('allowWatchBookmarks', 'true');
  q.set('resourceVersion', rv);
  q.delete('limit');
  q.delete('continue');
  return `${path}?${q.toString()}`;
}

export function validateSubscriptions(subs: StreamSubscription[]): string | undefined {
  for (const s of subs) {
    const path = s.path.split('?')[0] ?? '';
    const verdict = checkUpstreamPath(path, 'GET');
    if (!verdict.ok) return `${s.id}: ${verdict.message}`;
    if (!/^\d*$/.test(s.resourceVersion)) return `${s.id}: invalid resourceVersion`;
  }
  return undefined;
}

export function multiplex(token: string, subs: StreamSubscription[], signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const controllers = new Set<AbortController>();
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(out) {
      const send = (line: StreamLine): void => {
        if (closed) return;
        out.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        if ((out.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) drop();
      };
      const drop = (): void => {
        closed = true;
        clearInterval(ping);
        for (const c of controllers) c.abort();
        out.error(new Error('the browser is not reading its watch stream'));
      };
      const finish = (): void => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        for (const c of controllers) c.abort();
        out.close();
      };
      // Pings vouch for the API server, not for the console: each one follows a successful probe,
      // so a hung or unreachable API server stops them and the browser shows its data as stale.
      const probe = async (): Promise<void> => {
        try {
          const res = await sendUpstream({ method: 'GET', path: '/version', headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': 'glasspane-console/0.1' }, timeoutMs: PROBE_TIMEOUT_MS });
          res.resume();
          if ((res.statusCode ?? 0) >= 500) throw new UpstreamUnavailable(`the API server answered ${res.statusCode}`);
          send({ type: 'PING', time: Date.now() });
        } catch (e) {
          send({ type: 'UNAVAILABLE', message: e instanceof UpstreamUnavailable ? e.message : 'the API server did not answer in time' });
          finish();
        }
      };
      const ping = setInterval(() => void probe(), PING_INTERVAL_MS);
      void probe();
      signal.addEventListener('abort', finish);

      const run = async (sub: StreamSubscription): Promise<void> => {
        let rv = sub.resourceVersion;
        while (!closed) {
          const ac = new AbortController();
          controllers.add(ac);
          let res: IncomingMessage;
          try {
            res = await sendUpstream({ method: 'GET', path: watchPath(sub, rv), headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': 'glasspane-console/0.1' }, signal: ac.signal, timeoutMs: 10_000 });
          } catch (e) {
            controllers.delete(ac);
            if (!closed) send({ type: 'UNAVAILABLE', message: e instanceof UpstreamUnavailable ? e.message : String(e) });
            finish();
            return;
          }
          if ((res.statusCode ?? 0) >= 400) {
            const chunks: Buffer[] = [];
            for await (const c of res) chunks.push(c as Buffer);
            let object: unknown;
            try {
              object = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              object = { kind: 'Status', status: 'Failure', code: res.statusCode, message: `watch failed with ${res.statusCode}` };
            }
            send({ id: sub.id, type: 'ERROR', object });
            controllers.delete(ac);
            return;
          }
          let buffer = '';
          let failed = false;
          try {
            for await (const chunk of res) {
              buffer += (chunk as Buffer).toString('utf8');
              let nl: number;
              while ((nl = buffer.indexOf('\n')) >= 0) {
                const line = buffer.slice(0, nl);
                buffer = buffer.slice(nl + 1);
                if (!line.trim()) continue;
                const event = JSON.parse(line) as { type: string; object: { metadata?: { resourceVersion?: string } } };
                if (event.type === 'ERROR') {
                  send({ id: sub.id, type: 'ERROR', object: event.object });
                  failed = true;
                  break;
                }
                rv = event.object?.metadata?.resourceVersion ?? rv;
                send({ id: sub.id, type: event.type as 'ADDED', object: event.object });
              }
              if (failed) break;
            }
          } catch {
            // The connection dropped mid-stream: reconnect below, or report when it stays down.
          }
          controllers.delete(ac);
          ac.abort();
          if (failed) return;
        }
      };
      for (const sub of subs) void run(sub);
    },
    cancel() {
      closed = true;
      for (const c of controllers) c.abort();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }));
}
