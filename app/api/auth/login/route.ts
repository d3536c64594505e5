import { cookies } from 'next/headers';
import { z } from 'zod';
import { sameOrigin } from '@/lib/security/csrf';
import { reviewToken } from '@/lib/k8s-server/auth-review';
import { demoUser } from '@/lib/k8s-server/demo-users';
import { indexFor } from '@/lib/k8s-server/inventory-index/index-registry';
import { statusResponse } from '@/lib/k8s-server/responses';
import { SESSION_COOKIE, cookieOptions, isSecureRequest, newSession, sealSession } from '@/lib/k8s-server/session';
import { UpstreamUnavailable } from '@/lib/k8s-server/upstream';

/**
 * Sign-in: a bearer token (any cluster), or on the embedded supervisor a demo user's name. The
 * token is checked with SelfSubjectReview before a session cookie is issued.
 *
 * Embedded views sign in with `?embedded=1`: the answer then also carries the sealed session,
 * which the frame keeps in memory and sends as the x-glasspane-session header (see
 * lib/k8s-server/session.ts), so the frame works with third-party cookies blocked. Over HTTPS
 * they also get a `SameSite=None; Secure; Partitioned` cookie, which survives a reload of the
 * frame; over plain HTTP they get no cookie at all, since a Lax one would never reach a
 * cross-site frame and, in a same-site frame, would replace the console tab's own session.
 */
export const dynamic = 'force-dynamic';

const body = z.union([
  z.object({ token: z.string().trim().min(1).max(16 * 1024) }),
  z.object({ demoUser: z.string().min(1).max(32) }),
]);

export async function POST(request: Request): Promise<Response> {
  const origin = sameOrigin(request.headers);
  if (!origin.ok) return statusResponse(403, 'Forbidden', origin.reason);
  const parsed = body.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return statusResponse(400, 'BadRequest', 'Send a token, or the name of a demo user.');
  let token: string;
  let namespace: string | undefined;
  if ('demoUser' in parsed.data) {
    const demo = await demoUser(parsed.data.demoUser);
    if (!demo) return statusResponse(404, 'NotFound', 'One-click sign-in is only available on the embedded supervisor.');
    token = demo.token;
    namespace = demo.namespace;
  } else {
    token = parsed.data.token;
  }
  let review;
  try {
    review = await reviewToken(token);
  } catch (e) {
    if (e instanceof UpstreamUnavailable) return statusResponse(503, 'ServiceUnavailable', e.message);
    throw e;
  }
  if (!review.ok) return statusResponse(review.code === 401 ? 401 : review.code, review.code === 401 ? 'Unauthorized' : 'BadRequest', review.message);
  // Start reading the user's inventory now, so its counts are ready by the time a page asks.
  indexFor(token);
  const session = newSession(token, review.username, namespace);
  const sealed = sealSession(session);
  const jar = await cookies();
  const embedded = new URL(request.url).searchParams.get('embedded') === '1';
  const framed = request.headers.get('sec-fetch-dest') === 'iframe' || embedded;
  const secure = await isSecureRequest();
  if (!embedded || secure) jar.set(SESSION_COOKIE, sealed, cookieOptions(secure, framed, session.expiresAt - session.issuedAt));
  const answer = { username: review.username, groups: review.groups, expiresAt: session.expiresAt, ...(embedded ? { session: sealed } : {}) };
  return Response.json(answer, { headers: { 'cache-control': 'no-store' } });
}
