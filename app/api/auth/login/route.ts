import { cookies } from 'next/headers';
import { z } from 'zod';
import { sameOrigin } from '@/lib/security/csrf';
import { reviewToken } from '@/lib/k8s-server/auth-review';
import { demoUser } from '@/lib/k8s-server/demo-users';
import { statusResponse } from '@/lib/k8s-server/responses';
import { SESSION_COOKIE, cookieOptions, isSecureRequest, newSession, sealSession } from '@/lib/k8s-server/session';
import { UpstreamUnavailable } from '@/lib/k8s-server/upstream';

/**
 * Sign-in: a bearer token (any cluster), or on the embedded supervisor a demo user's name. The
 * token is checked with SelfSubjectReview before a session cookie is issued.
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
  const session = newSession(token, review.username, namespace);
  const jar = await cookies();
  const framed = request.headers.get('sec-fetch-dest') === 'iframe' || new URL(request.url).searchParams.get('embedded') === '1';
  jar.set(SESSION_COOKIE, sealSession(session), cookieOptions(await isSecureRequest(), framed, session.expiresAt - session.issuedAt));
  return Response.json({ username: review.username, groups: review.groups, expiresAt: session.expiresAt }, { headers: { 'cache-control': 'no-store' } });
}
