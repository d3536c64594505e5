import https from 'node:https';
import { performance } from 'node:perf_hooks';

/**
 * A minimal HTTPS client for the benchmark: one keep-alive agent with a bounded socket pool
 * (so concurrency is exactly what the caller asks for), bearer-token auth and the cluster CA, and
 * per-request timings taken at the moments the bytes arrive. Bodies are returned as Buffers so
 * callers can time JSON.parse separately from the transfer.
 */
const REQUEST_IDLE_TIMEOUT_MS = 60_000;

export interface Target {
  url: string;
  ca: string;
  token: string;
}

export interface TimedResponse {
  status: number;
  body: Buffer;
  /** Request issued → response headers received. */
  ttfbMs: number;
  /** Request issued → last body byte received. */
  ttlbMs: number;
}

export interface RequestOptions {
  body?: unknown;
  accept?: string;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly method: string, readonly path: string, body: string) {
    super(`${method} ${path} → HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

export class BenchClient {
  private readonly agent: https.Agent;
  private readonly base: URL;

  constructor(private readonly target: Target, maxSockets: number) {
    this.base = new URL(target.url);
    this.agent = new https.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, ca: target.ca });
  }

  /** Sends one request; rejects on transport errors only (callers check `status`). */
  request(method: string, path: string, opts: RequestOptions = {}): Promise<TimedResponse> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const headers: Record<string, string | number> = { Authorization: `Bearer ${this.target.token}`, Accept: opts.accept ?? 'application/json' };
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const start = performance.now();
      let ttfbMs = 0;
      const req = https.request({ agent: this.agent, hostname: this.base.hostname, port: this.base.port, path, method, headers }, (res) => {
        ttfbMs = performance.now() - start;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ttfbMs, ttlbMs: performance.now() - start }));
      });
      req.on('error', reject);
      // A hung server must fail the run, not stall it: no byte for this long aborts the request.
      req.setTimeout(REQUEST_IDLE_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no response data for ${REQUEST_IDLE_TIMEOUT_MS} ms`)));
      req.end(payload);
    });
  }

  /** Like `request`, but throws HttpError unless the status is 2xx. */
  async ok(method: string, path: string, opts: RequestOptions = {}): Promise<TimedResponse> {
    const res = await this.request(method, path, opts);
    if (res.status < 200 || res.status > 299) throw new HttpError(res.status, method, path, res.body.toString('utf8'));
    return res;
  }

  async json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    return JSON.parse((await this.ok(method, path, opts)).body.toString('utf8')) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `fn(0..n-1)` with at most `concurrency` calls in flight; the first error stops new work and is rethrown. */
export async function runBounded(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < n) {
      const i = next++;
      try {
        await fn(i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  if (failed !== undefined) throw failed;
}
