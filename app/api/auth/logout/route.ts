import { cookies } from 'next/headers';
import { dropIndex } from '@/lib/k8s-server/inventory-index/index-registry';
import { guard } from '@/lib/k8s-server/request-guard';
import { SESSION_COOKIE } from '@/lib/k8s-server/session';

/**
 * Sign-out: the cookie is cleared and the console stops indexing with the token; the token
 * itself stays valid at the API server, as with kubectl.
 */
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const checked = await guard(request, { mutation: true });
  if ('response' in checked && checked.response.status !== 401) return checked.response;
  if ('session' in checked) dropIndex(checked.session.token);
  (await cookies()).delete(SESSION_COOKIE);
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
