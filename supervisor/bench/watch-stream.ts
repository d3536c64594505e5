import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { Target } from './http-client';

/**
 * One watch connection (its own TCP/TLS connection, as separate informers would have) that
 * records, for every event, the resourceVersion, the writer's sequence number and the lag
 * between the writer's send time and the moment the chunk holding the event's last byte arrived.
 */
export interface WatchEventRecord {
  rv: number;
  seq: number;
  lagMs: number;
}

export class WatchStream {
  readonly events: WatchEventRecord[] = [];
  readonly problems: string[] = [];
  /** Events for objects the benchmark's writer did not create. */
  foreign = 0;
  private req: ReturnType<typeof https.request> | undefined;
  private ended = false;

  /** `clockOffsetMs` is added to the writer's timestamps to put them on this process's clock. */
  constructor(private readonly target: Target, private readonly path: string, private readonly clockOffsetMs: number) {}

  /** Resolves once the server has answered 200 and the stream is open. */
  open(): Promise<void> {
    const base = new URL(this.target.url);
    return new Promise((resolve, reject) => {
      const req = https.request(
        { agent: false, ca: this.target.ca, hostname: base.hostname, port: base.port, path: this.path, method: 'GET', headers: { Authorization: `Bearer ${this.target.token}`, Accept: 'application/json' } },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`watch ${this.path} → HTTP ${res.statusCode}`));
            res.resume();
            return;
          }
          res.socket.setNoDelay(true);
          let pending = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const receivedAt = performance.timeOrigin + performance.now();
            const lines = (pending + chunk).split('\n');
            pending = lines.pop()!;
            for (const line of lines) this.record(line, receivedAt);
          });
          res.on('end', () => {
            if (!this.ended) this.problems.push('server ended the watch early');
          });
          res.on('error', (e) => {
            if (!this.ended) this.problems.push(`stream error: ${e.message}`);
          });
          resolve();
        },
      );
      req.on('error', (e) => {
        if (!this.ended) this.problems.push(`request error: ${e.message}`);
        reject(e);
      });
      req.end();
      this.req = req;
    });
  }

  private record(line: string, receivedAt: number): void {
    if (!line.trim()) return;
    const event = JSON.parse(line) as { type: string; object: { metadata?: { resourceVersion?: string }; data?: Record<string, string> } };
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') {
      this.problems.push(`unexpected ${event.type} event: ${line.slice(0, 200)}`);
      return;
    }
    const data = event.object.data ?? {};
    // Objects the benchmark did not write (e.g. a controller's kube-root-ca.crt) are counted, not judged.
    if (data.sentAt === undefined || data.seq === undefined) {
      this.foreign++;
      return;
    }
    this.events.push({ rv: Number(event.object.metadata?.resourceVersion), seq: Number(data.seq), lagMs: receivedAt - (Number(data.sentAt) + this.clockOffsetMs) });
  }

  close(): void {
    this.ended = true;
    this.req?.destroy();
  }
}
