import { readSecurityEnv } from '@/lib/env';
import { csrfFor } from '@/lib/k8s-server/request-guard';
import { unauthorized } from '@/lib/k8s-server/responses';
import { currentSession } from '@/lib/k8s-server/session';

/**
 * The signed-in user as the browser may know it: name, expiry, the anti-CSRF token for
 * mutations and streams, and namespace hints. Never the token itself.
 */
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const session = await currentSession();
  if (!session) return unauthorized();
  const hints = [...new Set([...(session.namespace ? [session.namespace] : []), ...readSecurityEnv().namespaces])];
  return Response.json(
    { username: session.username, expiresAt: session.expiresAt, csrfToken: csrfFor(session), namespaceHints: hints },
    { headers: { 'cache-control': 'no-store' } },
  );
}
