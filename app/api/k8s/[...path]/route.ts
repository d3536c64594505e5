import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { checkUpstreamPath, downstreamResponseHeaders, upstreamRequestHeaders } from '@/lib/security/proxy-policy';
import { guard } from '@/lib/k8s-server/request-guard';
import { statusResponse } from '@/lib/k8s-server/responses';
import { sendUpstream, UpstreamUnavailable } from '@/lib/k8s-server/upstream';

/**
 * The Kubernetes API proxy: `/api/k8s/<kubernetes path>` is forwarded to the API server with the
 * signed-in user's token, after the path policy; mutations and streams (watch, log follow) also
 * need the same-origin and anti-CSRF checks. Streams pass through unbuffered and stop upstream
 * when the browser goes away.
 */
export const dynamic = 'force-dynamic';

const PREFIX = '/api/k8s';
const MAX_BODY = 3 * 1024 * 1024;

async function handle(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method;
  const q = url.searchParams;
  const streaming = q.get('watch') === 'true' || q.get('watch') === '1' || q.get('follow') === 'true';
  const checked = await guard(request, { mutation: method !== 'GET' || streaming });
  if ('response' in checked) return checked.response;
  const verdict = checkUpstreamPath(url.pathname.slice(PREFIX.length) || '/', method);
  if (!verdict.ok) return statusResponse(verdict.code, verdict.code === 405 ? 'MethodNotAllowed' : verdict.code === 400 ? 'BadRequest' : 'Forbidden', verdict.message);
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'DELETE' ? true : Number(request.headers.get('content-length') ?? 0) > 0) {
    body = Buffer.from(await request.arrayBuffer());
    if (body.length > MAX_BODY) return statusResponse(413, 'RequestEntityTooLarge', `the request body is larger than ${MAX_BODY} bytes`);
  }
  try {
    const res = await sendUpstream({ method, path: verdict.path + url.search, headers: upstreamRequestHeaders(request.headers, checked.session.token), body, signal: request.signal, timeoutMs: 15_000 });
    const stream = Readable.toWeb(res) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: res.statusCode ?? 502, headers: downstreamResponseHeaders(res.headers) });
  } catch (e) {
    if (e instanceof UpstreamUnavailable) return statusResponse(503, 'ServiceUnavailable', e.message, { 'retry-after': '2' });
    if (request.signal.aborted) return new Response(null, { status: 499 });
    throw e;
  }
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
