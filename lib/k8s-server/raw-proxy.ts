import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyCsrf } from '../security/csrf';
import { checkUpstreamPath, downstreamResponseHeaders, upstreamRequestHeaders } from '../security/proxy-policy';
import { abortOnClose, headersOf, sendStatus, sessionOf } from './node-http';
import { csrfFor } from './session-core';
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
  const session = sessionOf(h);
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
  const signal = abortOnClose(res);
  try {
    const upstream = await sendUpstream({ method, path: verdict.path + url.search, headers: upstreamRequestHeaders(h, session.token), body, signal, timeoutMs: 15_000 });
    res.writeHead(upstream.statusCode ?? 502, downstreamResponseHeaders(upstream.headers));
    if (streaming) res.flushHeaders();
    upstream.on('error', () => res.destroy());
    upstream.pipe(res);
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof UpstreamUnavailable) return sendStatus(res, 503, 'ServiceUnavailable', e.message, { 'retry-after': '2' });
    throw e;
  }
}
