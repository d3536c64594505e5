import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusOf } from '../k8s/status';
import { verifyCsrf } from '../security/csrf';
import { API_SECURITY_HEADERS, checkUpstreamPath, downstreamResponseHeaders, upstreamRequestHeaders, type HeaderReader } from '../security/proxy-policy';
import { csrfFor, openSession, SESSION_COOKIE, SESSION_HEADER } from './session-core';
import { sendUpstream, UpstreamUnavailable } from './upstream';

/**
 * The Kubernetes API proxy: `/api/k8s/<kubernetes path>` is forwarded to the API server with the
 * signed-in user's token, after the path policy; mutations and streams (watch, log follow) also
 * need the same-origin and anti-CSRF checks. It runs on Node's own request and response, ahead
 * of Next.js (see server.ts): no framework hop per call, streams and bodies piped as they come,
 * and a compressed answer from the API server passed through as it is (Next.js would drop its
 * Content-Encoding and compress it again).
 */
export const PROXY_PREFIX = '/api/k8s';
const MAX_BODY = 3 * 1024 * 1024;

export function isProxyRequest(url: string | undefined): boolean {
  return url !== undefined && (url === PROXY_PREFIX || url.startsWith(`${PROXY_PREFIX}/`) || url.startsWith(`${PROXY_PREFIX}?`));
}

/** Node's request headers read like fetch's (lower-case names, repeated ones joined). */
function headersOf(req: IncomingMessage): HeaderReader {
  return {
    get: (name) => {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sendStatus(res: ServerResponse, code: number, reason: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(statusOf(code, reason, message));
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store', ...API_SECURITY_HEADERS, ...extra, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** The request body, or undefined when it is larger than `limit` (the rest is not read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function handleProxy(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://console.invalid');
  const method = req.method ?? 'GET';
  const q = url.searchParams;
  const streaming = q.get('watch') === 'true' || q.get('watch') === '1' || q.get('follow') === 'true';
  const h = headersOf(req);
  // The frame session header alone decides when present (as `currentSession` does).
  const framed = h.get(SESSION_HEADER);
  const session = openSession(framed !== null ? framed : cookie(h.get('cookie'), SESSION_COOKIE));
  if (!session) return sendStatus(res, 401, 'Unauthorized', 'Your session has ended; sign in again.');
  if (method !== 'GET' || streaming) {
    const verdict = verifyCsrf(h, csrfFor(session));
    if (!verdict.ok) return sendStatus(res, 403, 'Forbidden', verdict.reason);
  }
  const verdict = checkUpstreamPath(url.pathname.slice(PROXY_PREFIX.length) || '/', method);
  if (!verdict.ok) return sendStatus(res, verdict.code, verdict.code === 405 ? 'MethodNotAllowed' : verdict.code === 400 ? 'BadRequest' : 'Forbidden', verdict.message);
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'DELETE' ? true : Number(h.get('content-length') ?? 0) > 0) {
    body = await readBody(req, MAX_BODY);
    if (!body) return sendStatus(res, 413, 'RequestEntityTooLarge', `the request body is larger than ${MAX_BODY} bytes`);
  }
  // Stop upstream when the browser goes away before the answer is complete.
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  try {
    const upstream = await sendUpstream({ method, path: verdict.path + url.search, headers: upstreamRequestHeaders(h, session.token), body, signal: abort.signal, timeoutMs: 15_000 });
    res.writeHead(upstream.statusCode ?? 502, downstreamResponseHeaders(upstream.headers));
    if (streaming) res.flushHeaders();
    upstream.on('error', () => res.destroy());
    upstream.pipe(res);
  } catch (e) {
    if (abort.signal.aborted) return;
    if (e instanceof UpstreamUnavailable) return sendStatus(res, 503, 'ServiceUnavailable', e.message, { 'retry-after': '2' });
    throw e;
  }
}
